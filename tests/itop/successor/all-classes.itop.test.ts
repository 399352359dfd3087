import { describe, expect, it } from 'vitest';
import model from '../../../model/br-medicaldevice/index.js';
import { DEVICE_KINDS } from '../../../model/br-medicaldevice/medical-device.js';
import { create, get, itopFromEnvironment, SKIP_REASON, unique } from '../support/itop-rest.js';

/** A 1×1 PNG, as REST takes images: base64 data with its MIME type and file name. */
const PNG = { data: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', mimetype: 'image/png', filename: 'logo.png' };

const itop = itopFromEnvironment();
const deviceClasses = ['MedicalDevice', ...DEVICE_KINDS.map((kind) => `MedicalDevice${kind.suffix}`)];

describe.skipIf(!itop)(`every class of the extension on a real iTop (${itop ? itop.url : SKIP_REASON})`, () => {
  it('an administrator creates a brand, a model of each type, a device of every class with both, and an AE on the imaging equipment', async () => {
    if (!itop) return;
    const org = await create(itop, 'Organization', { name: unique('org') });
    const brandName = unique('brand');
    const brand = await create(itop, 'MedicalBrand', { name: brandName, logo: PNG });
    const typeValues = model.classes.find((cls) => cls.name === 'MedicalModel')?.fields.find((f) => f.code === 'type');
    expect(typeValues?.type === 'enum' && typeValues.values.map((v) => v.code)).toEqual(deviceClasses);

    for (const className of deviceClasses) {
      const modelName = unique(`model-${className}`);
      const medicalModel = await create(itop, 'MedicalModel', { name: modelName, medicalbrand_id: brand, type: className, picture: { ...PNG, filename: 'picture.png' } });
      const device = await create(itop, className, {
        name: unique(className),
        org_id: org,
        status: 'production',
        medicalbrand_id: brand,
        medicalmodel_id: medicalModel,
        serialnumber: `SN-${className}`,
      });
      const [read] = await get(itop, className, device, 'finalclass,medicalbrand_id,medicalbrand_name,medicalmodel_id,medicalmodel_name,serialnumber');
      expect(read?.class).toBe(className);
      expect(read?.fields).toMatchObject({
        finalclass: className,
        medicalbrand_id: brand,
        medicalbrand_name: brandName,
        medicalmodel_id: medicalModel,
        medicalmodel_name: modelName,
        serialnumber: `SN-${className}`,
      });
      const [readModel] = await get(itop, 'MedicalModel', medicalModel, 'type,medicalbrand_id,picture');
      expect(readModel?.fields.type).toBe(className);
      expect((readModel?.fields.picture as { mimetype?: string } | undefined)?.mimetype).toBe('image/png');
    }

    const [readBrand] = await get(itop, 'MedicalBrand', brand, 'name,logo,medicalmodels_list,medicaldevices_list');
    expect((readBrand?.fields.medicalmodels_list as unknown[]).length).toBe(deviceClasses.length);
    expect((readBrand?.fields.medicaldevices_list as unknown[]).length).toBe(deviceClasses.length);
    expect((readBrand?.fields.logo as { mimetype?: string }).mimetype).toBe('image/png');

    const mie = (await get(itop, 'MedicalDeviceMIE', `SELECT MedicalDeviceMIE WHERE org_id = ${org}`, 'id'))[0]?.key;
    const aeTitle = 'CT_SCANNER_1';
    const ae = await create(itop, 'MedicalDicomApplicationEntity', { aetitle: aeTitle, org_id: org, role: 'SCU', protocol: 'DICOM', ipaddress: '10.1.2.3', port: 104, modality: 'CT', medicaldevicemie_id: mie });
    const [readAe] = await get(itop, 'MedicalDicomApplicationEntity', ae, 'aetitle,medicaldevicemie_id,role');
    expect(readAe?.fields).toMatchObject({ aetitle: aeTitle, medicaldevicemie_id: mie, role: 'SCU' });
    const [readMie] = await get(itop, 'MedicalDeviceMIE', mie ?? '0', 'dicomae_list');
    expect((readMie?.fields.dicomae_list as { id?: string; aetitle?: string }[]).map((a) => a.aetitle)).toEqual([aeTitle]);
  });
});
