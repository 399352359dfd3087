/**
 * Query budget of the generated PHP (SPEC §3, ITOP-REFERENCE §8.3): the stand-in records every query the code
 * under test asks for (origin 'governance'), apart from what iTop spends by itself (uniqueness rules,
 * external-key existence: origin 'itop').
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ITOP_32 } from '../../generator/targets/target.js';
import { generate, governanceQueries, ruleIdsOf, runWrites, STANDIN_TABLE_PREFIX, type Generated, type WriteCase, type WriteOutcome } from '../php/itop-standin.js';
import { startPhp, type PhpRuntime } from '../support/php-runner.js';

const AE = 'MedicalDicomApplicationEntity';
const LINK = 'MedicalDicomCommunicationLink';

const ae = (id: number, aetitle: string, role: string, ipaddress: string, extra: Record<string, string | number | null> = {}) => ({
  id,
  aetitle,
  org_id: 1,
  role,
  protocol: 'DICOM',
  ipaddress,
  port: 104,
  endpoint_url: '',
  modality: 'CT',
  status: 'production',
  medicaldevicemie_id: 0,
  functionalci_id: 0,
  description: '',
  ...extra,
});

/** AE 1 (SCU) → AE 2 (SCP) by link 1; AE 3 (BOTH) and AE 4 (SCP) unlinked. */
const existing = {
  Organization: [{ id: 1, name: 'Hospital' }],
  [AE]: [ae(1, 'CT_1', 'SCU', '10.0.0.1'), ae(2, 'PACS', 'SCP', '10.0.0.2'), ae(3, 'WS_1', 'BOTH', '10.0.0.3'), ae(4, 'ARCHIVE', 'SCP', '10.0.0.4')],
  [LINK]: [{ id: 1, org_id: 1, source_ae_id: 1, target_ae_id: 2, direction: 'PUSH', status: 'production', description: '' }],
};

const cases: Record<string, WriteCase['write']> = {
  'AE create': { class: AE, op: 'create', values: { aetitle: 'MR_1', org_id: 1, role: 'SCU', protocol: 'DICOM', ipaddress: '10.0.0.9', port: 104, modality: 'MR', status: 'production' } },
  'AE update leaving role, title, IP and port alone': { class: AE, op: 'update', id: 1, values: { description: 'room 1', status: 'implementation', modality: 'MR' } },
  'AE update of the title, IP and port': { class: AE, op: 'update', id: 1, values: { aetitle: 'CT_ONE', ipaddress: '10.0.0.11', port: 11112 } },
  'link create': { class: LINK, op: 'create', values: { org_id: 1, source_ae_id: 3, target_ae_id: 4, direction: 'PUSH', status: 'planned' } },
  'link create to the same AE twice (local error LNK-1)': { class: LINK, op: 'create', values: { org_id: 1, source_ae_id: 3, target_ae_id: 3, direction: 'PUSH', status: 'planned' } },
  'link update leaving both keys alone': { class: LINK, op: 'update', id: 1, values: { status: 'deprecated', description: 'to be replaced' } },
  'link update of the target only': { class: LINK, op: 'update', id: 1, values: { target_ae_id: 4 } },
  'AE role change to SCP while source of a link': { class: AE, op: 'update', id: 1, values: { role: 'SCP' } },
  'AE role change to SCU while target of a link': { class: AE, op: 'update', id: 2, values: { role: 'SCU' } },
  'AE role change to BOTH': { class: AE, op: 'update', id: 1, values: { role: 'BOTH' } },
  'AE role change of an unlinked AE to SCU': { class: AE, op: 'update', id: 4, values: { role: 'SCU' } },
  'AE role change to SCP with an invalid title (local error AE-1)': { class: AE, op: 'update', id: 1, values: { role: 'SCP', aetitle: 'CT\\1' } },
  'AE create failing a local error rule (AE-3)': { class: AE, op: 'create', values: { aetitle: 'US_1', org_id: 1, role: 'SCU', protocol: 'DICOM', ipaddress: '', port: null, modality: 'US', status: 'production' } },
};

/** Legacy data: link 2 goes from AE 4 (SCP) to AE 3, which LNK-2 forbids; it must still be editable. */
const legacy = { ...existing, [LINK]: [...existing[LINK], { id: 2, org_id: 1, source_ae_id: 4, target_ae_id: 3, direction: 'PUSH', status: 'production', description: '' }] };
const legacyCases: Record<string, WriteCase['write']> = {
  'legacy link (SCP source) marked obsolete': { class: LINK, op: 'update', id: 2, values: { status: 'obsolete' } },
  'legacy link (SCP source) with its target moved': { class: LINK, op: 'update', id: 2, values: { target_ae_id: 2 } },
  'legacy link (SCP source) with its source moved to another SCP': { class: LINK, op: 'update', id: 2, values: { source_ae_id: 2 } },
};

let php: PhpRuntime;
let generated: Generated;
const outcomes = new Map<string, WriteOutcome>();

beforeAll(async () => {
  php = await startPhp('8.3');
  generated = await generate(ITOP_32);
  const results = await runWrites(php, generated, [
    ...Object.entries(cases).map(([name, write]) => ({ name, existing, write })),
    ...Object.entries(legacyCases).map(([name, write]) => ({ name, existing: legacy, write })),
  ]);
  for (const outcome of results) {
    expect(outcome.error, outcome.name).toBeUndefined();
    outcomes.set(outcome.name, outcome);
  }
});

afterAll(() => php?.exit());

const ours = (name: string) => {
  const outcome = outcomes.get(name);
  if (!outcome) throw new Error(`no outcome for ${name}`);
  expect(outcome.checked, `${name} was checked`).toBe(true);
  return governanceQueries(outcome);
};
const idsOf = (name: string) => ruleIdsOf(outcomes.get(name) as WriteOutcome);

/**
 * The one query of a link check: raw SQL (CMDBSource::QueryToArray) reading the key and the role column of the AE
 * table, names from MetaModel (the stand-in's table prefix included), ids as integers.
 */
const aeRoles = (ids: number[]) => `SELECT \`id\` AS \`id\`, \`role\` AS \`role\` FROM \`${STANDIN_TABLE_PREFIX}medicaldicomapplicationentity\` WHERE \`id\` IN (${ids.join(',')})`;
const readRoles = (ids: number[]) => ({ origin: 'governance', kind: 'sql', class: AE, oql: '', sql: aeRoles(ids), columns: ['role'], args: { ids }, allow_all_data: true });

describe('query budget of the generated PHP', () => {
  it('an AE create costs no query of ours', () => {
    expect(ours('AE create')).toEqual([]);
    expect(idsOf('AE create')).toEqual([]);
  });

  it('an AE update leaving the role alone costs no query of ours, whatever else changes', () => {
    expect(ours('AE update leaving role, title, IP and port alone')).toEqual([]);
    expect(ours('AE update of the title, IP and port')).toEqual([]);
  });

  it('a link create costs exactly 1 query: one SQL SELECT of both AEs at once, reading only their role, across silos', () => {
    expect(ours('link create')).toEqual([readRoles([3, 4])]);
  });

  it('a link update loads only the AEs whose key changed', () => {
    expect(ours('link update leaving both keys alone')).toEqual([]);
    expect(ours('link update of the target only')).toEqual([readRoles([4])]);
  });

  it('a legacy link (LNK-2 broken) can be edited: keys left alone cost nothing and report nothing', () => {
    expect(ours('legacy link (SCP source) marked obsolete')).toEqual([]);
    expect(idsOf('legacy link (SCP source) marked obsolete')).toEqual([]);
    expect(ours('legacy link (SCP source) with its target moved')).toEqual([readRoles([2])]);
    expect(idsOf('legacy link (SCP source) with its target moved')).toEqual([]);
    expect(ours('legacy link (SCP source) with its source moved to another SCP')).toEqual([readRoles([2])]);
    expect(idsOf('legacy link (SCP source) with its source moved to another SCP')).toEqual(['LNK-2']);
  });

  it('an AE role change to SCP while source of a link costs 1 count (never loading links), and reports AE-10', () => {
    expect(ours('AE role change to SCP while source of a link')).toEqual([
      { origin: 'governance', kind: 'count', class: LINK, oql: 'SELECT MedicalDicomCommunicationLink WHERE source_ae_id = :id', sql: null, columns: null, args: { id: 1 }, allow_all_data: true },
    ]);
    expect(idsOf('AE role change to SCP while source of a link')).toEqual(['AE-10']);
  });

  it('an AE role change costs at most 1 count per matching derived rule', () => {
    expect(ours('AE role change to SCU while target of a link')).toMatchObject([
      { kind: 'count', oql: 'SELECT MedicalDicomCommunicationLink WHERE target_ae_id = :id', args: { id: 2 } },
    ]);
    expect(idsOf('AE role change to SCU while target of a link')).toEqual(['AE-10']);
    expect(ours('AE role change to BOTH')).toEqual([]);
    expect(ours('AE role change of an unlinked AE to SCU')).toHaveLength(1);
    expect(idsOf('AE role change of an unlinked AE to SCU')).toEqual([]);
  });

  it('a record failing a local error rule costs no query of ours', () => {
    expect(ours('AE role change to SCP with an invalid title (local error AE-1)')).toEqual([]);
    expect(idsOf('AE role change to SCP with an invalid title (local error AE-1)')).toEqual(['AE-1']);
    expect(ours('link create to the same AE twice (local error LNK-1)')).toEqual([]);
    expect(idsOf('link create to the same AE twice (local error LNK-1)')).toEqual(['LNK-1']);
    expect(ours('AE create failing a local error rule (AE-3)')).toEqual([]);
    expect(idsOf('AE create failing a local error rule (AE-3)')).toEqual(['AE-3']);
  });

  it("leaves iTop's own queries to iTop: uniqueness rules and external-key checks are not ours", () => {
    const itop = (outcomes.get('link create') as WriteOutcome).queries.filter((q) => q.origin === 'itop');
    expect(itop.filter((q) => q.kind === 'count')).toHaveLength(1); // LNK-4
    expect(itop.filter((q) => q.kind === 'exists')).toHaveLength(3); // org, source, target
  });
});
