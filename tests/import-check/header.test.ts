/** Headers of codes or of labels (en, de, fr), references as iTop names them, enum cells by code or by label. */
import { describe, expect, it } from 'vitest';
import { ImportInputError } from '../../import-check/index.js';
import { check, csv, workFolder } from './support.js';

const file = workFolder('header');
const ORGS = file('orgs.csv', csv([['id', 'name'], [1, 'Radiology']]));

async function inputError(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportInputError);
  return (error as Error).message;
}

describe('header and cells', () => {
  it.each([
    ['codes (--no_localize=1)', ['aetitle', 'org_id->name', 'role', 'protocol', 'ipaddress', 'port', 'modality', 'status'], ['CT_1', 'Radiology', 'BOTH', 'DICOM_TLS', '10.0.0.1', '104', 'CT', 'production']],
    ['English labels', ['AE Title', 'Organization->Name', 'Role', 'Port Type / Protocol', 'IP Address', 'Port', 'Modality', 'Status'], ['CT_1', 'Radiology', 'BOTH', 'DICOM TLS', '10.0.0.1', '104', 'CT – Computed Tomography', 'Production']],
    ['German labels', ['AE-Titel', 'Organisation->Name', 'Rolle', 'Porttyp / Protokoll', 'IP-Adresse', 'Port', 'Modalität', 'Status'], ['CT_1', 'Radiology', 'BEIDE', 'DICOM TLS', '10.0.0.1', '104', 'CT – Computertomographie', 'Produktion']],
    ['French labels', ['Titre AE', 'Organisation->Nom organisation', 'Rôle', 'Type de port / protocole', 'Adresse IP', 'Port', 'Modalité', 'Statut'], ['CT_1', 'Radiology', 'LES DEUX', 'DICOM TLS', '10.0.0.1', '104', 'CT – Tomodensitométrie', 'Production']],
    ['labels with the mandatory star, lower case, external field', ['AE Title*', 'organization name', 'ROLE', 'Port Type / Protocol*', 'IP Address', 'port', 'Modality', 'Status*'], ['CT_1', 'Radiology', 'BOTH', 'DICOM TLS', '10.0.0.1', '104', 'CT – Computed Tomography', 'Production']],
  ])('%s', async (_name, header, values) => {
    const { found, report } = await check({ ae: file(`AE-${_name}.csv`, csv([header, values])), existing: [ORGS] });
    expect(found).toEqual([]);
    expect(report.totals.created).toBe(1);
  });

  it('a localized file needs labels in its enum cells, as iTop reads it; a file of codes needs codes', async () => {
    const labels = file('AE-labels-codes.csv', csv([['AE Title', 'Organization->Name', 'Port Type / Protocol'], ['CT_1', 'Radiology', 'DICOM_TLS']]));
    const { report } = await check({ ae: labels, existing: [ORGS] });
    expect(report.findings.map((f) => [f.ruleId, f.field, f.message])).toEqual([
      ['ITOP-ENUM', 'protocol', "Unexpected value for attribute 'Port Type / Protocol' (protocol) : Value not allowed [DICOM_TLS]; allowed values: DICOM, DICOM TLS, DICOMweb, Other"],
    ]);
    const codes = file('AE-codes-labels.csv', csv([['aetitle', 'org_id->name', 'protocol'], ['CT_1', 'Radiology', 'DICOM TLS']]));
    expect((await check({ ae: codes, existing: [ORGS] })).found).toEqual(['AE-codes-labels.csv:2 ITOP-ENUM']);
  });

  it('an organization by id, by name, by code or by both id and name', async () => {
    const orgs = file('orgs-code.csv', csv([['id', 'name', 'code'], [7, 'Radiology', 'RAD']]));
    const ae = file('AE-org-forms.csv', csv([['aetitle', 'org_id', 'org_id->name', 'role'], ['A', '7', 'Radiology', 'SCP'], ['B', '7', 'Cardiology', 'SCP']]));
    expect((await check({ ae, existing: [orgs] })).found).toEqual(['AE-org-forms.csv:3 ITOP-EXTKEY']);
    const byCode = file('AE-org-code.csv', csv([['aetitle', 'org_id->code'], ['A', 'rad']]));
    expect((await check({ ae: byCode, existing: [orgs] })).found).toEqual([]);
  });

  it('refuses an unknown column, naming file, line 1 and the column', async () => {
    const ae = file('AE-unknown.csv', csv([['aetitle', 'org_id', 'colour'], ['A', '1', 'red']]));
    expect(await inputError(check({ ae }))).toMatch(/^AE-unknown\.csv:1: unknown column 'colour' \(column 3\) for MedicalDicomApplicationEntity: expected an attribute code \(aetitle, org_id, role/);
    const ref = file('AE-unknown-ref.csv', csv([['aetitle', 'org_id->colour'], ['A', 'red']]));
    expect(await inputError(check({ ae: ref }))).toContain("AE-unknown-ref.csv:1: unknown column 'org_id->colour'");
  });

  it('refuses a column given twice and a file without its reconciliation key', async () => {
    expect(await inputError(check({ ae: file('AE-twice.csv', csv([['aetitle', 'AE Title', 'org_id'], ['A', 'A', '1']])) }))).toBe("AE-twice.csv:1: columns 'aetitle' and 'AE Title' give the same attribute");
    expect(await inputError(check({ ae: file('AE-nokey.csv', csv([['aetitle', 'role'], ['A', 'SCP']])) }))).toBe(
      "AE-nokey.csv:1: no column for the reconciliation key 'org_id' of MedicalDicomApplicationEntity (aetitle + org_id): add it, or an 'id' column",
    );
  });

  it('exports: class told by the header or by a prefix; columns iTop adds to exports are ignored', async () => {
    const aes = file('export-aes.csv', csv([['id', 'friendlyname', 'aetitle', 'org_id', 'org_id_friendlyname', 'role', 'obsolescence_flag', 'outgoing_links_list'], [5, 'PACS', 'PACS', 1, 'Radiology', 'SCP', 'no', '']]));
    const links = file('LINKS-to-export.csv', csv([['org_id', 'source_ae_id->aetitle', 'source_ae_id->org_id', 'target_ae_id', 'direction'], [1, 'PACS', 1, 5, 'PUSH']]));
    expect((await check({ links, existing: [ORGS, aes] })).found).toEqual(['LINKS-to-export.csv:2 LNK-1']);
    const vague = file('export-vague.csv', csv([['id', 'status', 'description'], [1, 'production', '']]));
    expect(await inputError(check({ links, existing: [vague] }))).toContain('export-vague.csv:1: cannot tell which class this export holds');
    expect((await check({ links, existing: [ORGS, `AE:${aes}`] })).found).toEqual(['LINKS-to-export.csv:2 LNK-1']);
  });
});
