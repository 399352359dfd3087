/**
 * Every rule triggered from CSV rows, on the right line, and the import semantics around them: reconciliation
 * (a row matching an object updates it), rejected rows leave no trace, references resolved like iTop's import.
 */
import { describe, expect, it } from 'vitest';
import { check, csv, workFolder } from './support.js';

const file = workFolder('rules');

const ORGS = file('orgs.csv', csv([['id', 'name'], [1, 'Radiology'], [2, 'Cardiology']]));
const AE_HEADER = ['id', 'aetitle', 'org_id', 'role', 'protocol', 'ipaddress', 'port', 'endpoint_url', 'modality', 'status', 'medicaldevicemie_id', 'functionalci_id', 'description'];
const EXISTING_AES = file('aes.csv', csv([AE_HEADER, [10, 'PACS_MAIN', 1, 'SCP', 'DICOM', '10.0.0.5', 104, '', '', 'production', 0, 0, ''], [11, 'MOD_1', 1, 'SCU', 'DICOM', '10.0.0.7', 104, '', 'CT', 'production', 0, 0, '']]));
const EXISTING_LINKS = file('links.csv', csv([['id', 'org_id', 'source_ae_id', 'target_ae_id', 'direction', 'status', 'description'], [100, 1, 11, 10, 'PUSH', 'production', '']]));
const existing = [ORGS, `ae:${EXISTING_AES}`, EXISTING_LINKS];

const row = (aetitle: string, org: string, role: string, protocol: string, ip: string, port: string, url: string, modality: string) => [aetitle, org, role, protocol, ip, port, url, modality, 'production'];
const AE_ROWS = [
  ['aetitle', 'org_id->name', 'role', 'protocol', 'ipaddress', 'port', 'endpoint_url', 'modality', 'status'],
  row('CT_1', 'Radiology', 'SCU', 'DICOM', '10.0.0.1', '104', '', 'CT'), // 2 fine
  row('CT_TOO_LONG_TITLE_X', 'Radiology', 'SCP', 'DICOM', '', '104', '', ''), // 3 AE-1
  row('CT_2', 'Radiology', 'SCU', 'DICOM', '', '104', '', 'CT'), // 4 AE-3
  row('CT_3', 'Radiology', 'SCP', 'DICOM', '', '0', '', ''), // 5 AE-4
  row('WEB_1', 'Radiology', 'SCP', 'DICOMWEB', '', '443', '', ''), // 6 AE-5
  row('WEB_2', 'Radiology', 'SCP', 'DICOMWEB', '', '443', 'https://user:pw@web.example.org/dw', ''), // 7 AE-6
  row('CT_4', 'Radiology', 'SCP', 'DICOM', '', '104', 'https://ct4.example.org/dw', ''), // 8 AE-7
  row('CT_5', 'Radiology', 'SCU', 'DICOM', '10.0.0.8', '104', '', ''), // 9 AE-8
  row('CT_6', 'Radiology', 'SCP', 'DICOM', '10.0.0.1', '104', '', ''), // 10 AE-9 (same IP and port as CT_1)
  row('PACS_MAIN', 'Radiology', 'SCU', 'DICOM', '10.0.0.5', '104', '', 'CT'), // 11 AE-10: target of link 100 cannot become SCU
  row('', 'Radiology', 'SCP', 'DICOM', '', '104', '', ''), // 12 ITOP-MANDATORY
  row('CT_7', 'Radiology', 'SENDER', 'DICOM', '', '104', '', ''), // 13 ITOP-ENUM
  row('CT_8', 'Radiology', 'SCP', 'DICOM', '10.0.0.300', '104', '', ''), // 14 ITOP-IPADDRESS
  row('WEB_3', 'Radiology', 'SCP', 'DICOMWEB', '', '443', 'https://web.example.org/a b', ''), // 15 AE-6 + ITOP-URL
  row('CT_9', 'Unknown Org', 'SCP', 'DICOM', '', '104', '', ''), // 16 ITOP-EXTKEY
  row('ct_1', 'Radiology', 'SCU', 'DICOM', '10.0.0.1', '104', '', 'CT'), // 17 same key as line 2: an update
];

const LINK_ROWS = [
  ['org_id->name', 'source_ae_id->aetitle', 'source_ae_id->org_name', 'target_ae_id->aetitle', 'target_ae_id->org_name', 'direction', 'status'],
  ['Radiology', 'CT_1', 'Radiology', 'PACS_MAIN', 'Radiology', 'PUSH', 'planned'], // 2 fine
  ['Radiology', 'CT_1', 'Radiology', 'CT_1', 'Radiology', 'PUSH', 'planned'], // 3 LNK-1
  ['Radiology', 'PACS_MAIN', 'Radiology', 'CT_6', 'Radiology', 'PUSH', 'planned'], // 4 LNK-2
  ['Radiology', 'CT_1', 'Radiology', 'MOD_1', 'Radiology', 'PUSH', 'planned'], // 5 LNK-3
  ['Radiology', 'CT_1', 'Radiology', 'NOPE', 'Radiology', 'PUSH', 'planned'], // 6 ITOP-EXTKEY
  ['Radiology', 'CT_TOO_LONG_TITLE_X', 'Radiology', 'PACS_MAIN', 'Radiology', 'PUSH', 'planned'], // 7 rejected AE: no match
  ['Radiology', 'MOD_1', 'Radiology', 'PACS_MAIN', 'Radiology', 'PUSH', 'approved'], // 8 existing link 100: an update, not LNK-4
  ['Radiology', 'CT_1', 'Radiology', 'PACS_MAIN', 'Radiology', 'PULL', 'planned'], // 9 PULL beside PUSH: fine
];

describe('each rule from CSV rows, with its line', () => {
  it('AE rows and link rows', async () => {
    const { report, found } = await check({ ae: file('AE.csv', csv(AE_ROWS)), links: file('LINKS.csv', csv(LINK_ROWS)), existing });
    expect(found).toEqual([
      'AE.csv:3 AE-1',
      'AE.csv:4 AE-3',
      'AE.csv:5 AE-4',
      'AE.csv:6 AE-5',
      'AE.csv:7 AE-6',
      'AE.csv:8 AE-7',
      'AE.csv:9 AE-8',
      'AE.csv:10 AE-9',
      'AE.csv:11 AE-10',
      'AE.csv:12 ITOP-MANDATORY',
      'AE.csv:13 ITOP-ENUM',
      'AE.csv:14 ITOP-IPADDRESS',
      'AE.csv:15 ITOP-URL',
      'AE.csv:15 AE-6',
      'AE.csv:16 ITOP-EXTKEY',
      'AE.csv:17 IMPORT-DUPLICATE',
      'AE.csv:17 AE-9', // the update of CT_1 now shares 10.0.0.1:104 with CT_6 (line 10)
      'LINKS.csv:3 LNK-1',
      'LINKS.csv:4 LNK-2',
      'LINKS.csv:5 LNK-3',
      'LINKS.csv:6 ITOP-EXTKEY',
      'LINKS.csv:7 ITOP-EXTKEY',
    ]);
    const byLine = (line: number, file = 'AE.csv') => report.findings.find((f) => f.file === file && f.line === line);
    expect(byLine(4)).toMatchObject({ key: 'CT_2 / Radiology', severity: 'error', field: 'ipaddress', message: 'An AE with role SCU or BOTH over DICOM or DICOM TLS needs an IP address and a port.' });
    expect(byLine(9)?.severity).toBe('warning');
    expect(byLine(16)).toMatchObject({ key: 'CT_9 / Unknown Org', message: "No Organization matches name = 'Unknown Org'." });
    expect(byLine(6, 'LINKS.csv')).toMatchObject({ key: 'Radiology / ct_1 / NOPE (Radiology) / PUSH', message: "No DICOM AE matches aetitle = 'NOPE' AND org_name = 'Radiology'." });
    expect(report.totals).toMatchObject({ rows: 24, errors: 17, warnings: 5, rejected: 16, created: 6, updated: 2, unchanged: 0 });
  });

  it('AE-2 and LNK-4 through rows with an id column (reconciliation by id)', async () => {
    const ae = file('AE-id.csv', csv([['id', 'aetitle', 'org_id'], [11, 'pacs_main', 1], ['', 'NEW_1', 1]]));
    const links = file('LINKS-id.csv', csv([['id', 'org_id', 'source_ae_id', 'target_ae_id', 'direction'], ['', 1, 11, 10, 'PUSH'], [100, 1, 11, 10, 'PULL']]));
    const { found, report } = await check({ ae, links, existing });
    expect(found).toEqual(['AE-id.csv:2 AE-2', 'LINKS-id.csv:2 LNK-4']);
    expect(report.totals).toMatchObject({ created: 1, updated: 1, rejected: 2 });
  });

  it('several existing objects with the reconciliation key of a row: ambiguous', async () => {
    const dup = file('dup-aes.csv', csv([AE_HEADER, [20, 'TWIN', 1, 'SCP', 'DICOM', '', 104, '', '', 'production', 0, 0, ''], [21, 'twin', 1, 'SCP', 'DICOM', '', 104, '', '', 'production', 0, 0, '']]));
    const { found } = await check({ ae: file('AE-twin.csv', csv([['aetitle', 'org_id'], ['Twin', 1]])), existing: [ORGS, `ae:${dup}`] });
    expect(found).toEqual(['AE-twin.csv:2 ITOP-RECONCILIATION']);
  });

  it('without an Organization export, organizations named by the rows are assumed to exist', async () => {
    const ae = file('AE-orgs.csv', csv([['aetitle', 'org_name', 'role'], ['A', 'Somewhere', 'SCP'], ['A', 'somewhere', 'SCP'], ['A', 'Elsewhere', 'SCP']]));
    const { found, report } = await check({ ae });
    expect(found).toEqual(['AE-orgs.csv:3 IMPORT-DUPLICATE']);
    expect(report.totals).toMatchObject({ created: 2, unchanged: 1 });
  });

  it('a link to an AE of the export, referenced by organization and title', async () => {
    const links = file('LINKS-export.csv', csv([LINK_ROWS[0] as string[], ['Radiology', 'mod_1', 'radiology', 'PACS_MAIN', 'Radiology', 'BIDIR', 'planned']]));
    const { found, report } = await check({ links, existing });
    expect(found).toEqual([]);
    expect(report.totals).toMatchObject({ created: 1 });
  });

  it('messages in German and French', async () => {
    const ae = file('AE-lang.csv', csv([['aetitle', 'org_id', 'port'], ['X', 1, '0']]));
    expect((await check({ ae, existing, lang: 'de' })).report.findings[0]?.message).toBe('Der Port 0 liegt außerhalb des gültigen Bereichs: zulässig sind Werte von 1 bis 65535.');
    expect((await check({ ae, existing, lang: 'fr' })).report.findings[0]?.message).toBe('Le port 0 est hors plage : utilisez un nombre compris entre 1 et 65535.');
  });
});
