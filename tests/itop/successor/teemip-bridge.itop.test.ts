import { describe, expect, it } from 'vitest';
import { create, get, itopFromEnvironment, rest, SKIP_REASON, unique } from '../support/itop-rest.js';

const itop = itopFromEnvironment();
const AE = 'MedicalDicomApplicationEntity';

/** Whether the named iTop has TeemIp's IP addresses (and so, with our extension, the bridge module). */
async function hasTeemIp(): Promise<boolean> {
  if (!itop) return false;
  const answer = await rest(itop, { operation: 'core/get', class: 'IPv4Address', key: 'SELECT IPv4Address WHERE id = 0', output_fields: 'id' });
  return answer.code === 0;
}
const teemip = await hasTeemIp();
const reason = !itop ? SKIP_REASON : 'the iTop named by ITOP_URL has no TeemIp (IPv4Address): the bridge is not installed there';

describe.skipIf(!teemip)(`the TeemIp bridge on a real iTop (${teemip ? itop?.url : reason})`, () => {
  const random = () => `10.${77 + Math.floor(Math.random() * 100)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

  it('keeps ipaddress equal to the IP of ipaddress_id on create and update, whatever the write says', async () => {
    if (!itop) return;
    const org = await create(itop, 'Organization', { name: unique('org') });
    const [ipA, ipB] = [random(), random()];
    const a = await create(itop, 'IPv4Address', { org_id: org, ip: ipA, status: 'allocated' });
    const b = await create(itop, 'IPv4Address', { org_id: org, ip: ipB, status: 'allocated' });
    const ae = await create(itop, AE, { aetitle: 'BRIDGE_1', org_id: org, role: 'SCP', ipaddress_id: a, ipaddress: '192.0.2.1', port: 104 });
    expect((await get(itop, AE, ae, 'ipaddress,ipaddress_id'))[0]?.fields).toMatchObject({ ipaddress: ipA, ipaddress_id: a });

    const update = await rest(itop, { operation: 'core/update', class: AE, key: ae, comment: 'tests', fields: { ipaddress_id: b }, output_fields: 'ipaddress' });
    expect(update.code).toBe(0);
    expect((await get(itop, AE, ae, 'ipaddress,ipaddress_name'))[0]?.fields.ipaddress).toBe(ipB);
  });

  it('lets the plain ipaddress stand alone when no TeemIp address is chosen', async () => {
    if (!itop) return;
    const org = await create(itop, 'Organization', { name: unique('org') });
    const ae = await create(itop, AE, { aetitle: 'PLAIN_1', org_id: org, role: 'SCP', ipaddress: '192.0.2.7', port: 104 });
    expect((await get(itop, AE, ae, 'ipaddress,ipaddress_id'))[0]?.fields).toMatchObject({ ipaddress: '192.0.2.7', ipaddress_id: '0' });
  });

  it('the rules read the mirrored field: an SCU with only a TeemIp address passes AE-3, one with neither is rejected', async () => {
    if (!itop) return;
    const org = await create(itop, 'Organization', { name: unique('org') });
    const ip = await create(itop, 'IPv4Address', { org_id: org, ip: random(), status: 'allocated' });
    await expect(create(itop, AE, { aetitle: 'SCU_TEEMIP', org_id: org, role: 'SCU', protocol: 'DICOM', ipaddress_id: ip, port: 104, modality: 'CT' })).resolves.toMatch(/^\d+$/);
    await expect(create(itop, AE, { aetitle: 'SCU_NOIP', org_id: org, role: 'SCU', protocol: 'DICOM', port: 104, modality: 'CT' })).rejects.toThrow(/IP address/i);
  });
});
