/**
 * `check --itop` against a real iTop: seeds organizations, AEs and links under names unique to the run, predicts
 * an import with `check --itop` (no export), runs the real import (webservices/import.php over HTTP) and compares
 * the rejected rows and the created / updated / unchanged counts, row by row.
 *
 * Runs with `npm run test:itop` and ITOP_URL, ITOP_USER, ITOP_PWD (a user that may import: the seeding and
 * the real import write). ITOP_CHECK_USER / ITOP_CHECK_PWD, when set, are the user `check` reads with (e.g. one
 * holding only "REST Services User" and a read profile). Skipped otherwise. It only adds objects, under
 * organizations named `check-live <run> …`; it deletes nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runImportCheck, type CheckReport } from '../../../import-check/index.js';
import { restOk } from '../support/itop-rest.js';

const URL_ = process.env['ITOP_URL'];
const USER = process.env['ITOP_USER'];
const PWD = process.env['ITOP_PWD'];
const enabled = !!URL_ && !!USER && PWD !== undefined;
const base = (URL_ ?? '').replace(/\/+$/, '');

const rest = (json: Record<string, unknown>) => restOk({ url: base, user: USER ?? '', password: PWD ?? '' }, json, '1.4');

/** The real import (HTTP mode of webservices/import.php): status per data row, in order. */
async function importCsv(className: string, csv: string, keys: string): Promise<string[]> {
  const body = new URLSearchParams({ auth_user: USER ?? '', auth_pwd: PWD ?? '', class: className, csvdata: csv, reconciliationkeys: keys, no_localize: '1', charset: 'UTF-8', output: 'details', separator: ',' });
  const text = await (await fetch(`${base}/webservices/import.php`, { method: 'POST', body })).text();
  return text
    .split('\n')
    .filter((line) => /^\d+;/.test(line))
    .map((line) => (line.split(';')[1] ?? '').replace(/^updated.*/, 'updated').replace(/^Issue.*/, 'issue'));
}

const q = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const lines = (rows: string[][]) => rows.map((row) => row.map(q).join(',')).join('\n') + '\n';
const AE_KEYS = 'aetitle,org_id->name';
const LINK_KEYS = 'org_id->name,source_ae_id->aetitle,source_ae_id->org_name,target_ae_id->aetitle,target_ae_id->org_name,direction';

/** Predicted status per data row of a file (rows are one line each here). */
function predicted(report: CheckReport, file: string, rows: number): string[] {
  const rejected = new Set(report.findings.filter((f) => f.file === file && f.severity === 'error').map((f) => f.line - 2));
  return Array.from({ length: rows }, (_, i) => (rejected.has(i) ? 'issue' : 'ok'));
}

describe.skipIf(!enabled)('check --itop on a real iTop (ITOP_URL)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'check-live-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = `check-live ${Date.now().toString(36)}`;
  const RAD = `${run} Radiology`;
  const CAR = `${run} Cardiology`;
  const ODD = `${run} O'Brien \\ Lab`;
  const NONE = `${run} Neurology`;

  it('predicts the rejected rows and the counts of the real import, with no export', async () => {
    for (const name of [RAD, CAR, ODD]) await rest({ operation: 'core/create', class: 'Organization', comment: 'check-live', output_fields: 'id', fields: { name } });
    const AE_HEADER = ['aetitle', 'org_id->name', 'role', 'protocol', 'ipaddress', 'port', 'modality', 'status'];
    const LINK_HEADER = ['org_id->name', 'source_ae_id->aetitle', 'source_ae_id->org_name', 'target_ae_id->aetitle', 'target_ae_id->org_name', 'direction', 'status'];
    const seeded = await importCsv('MedicalDicomApplicationEntity', lines([
      AE_HEADER,
      ['PACS_1', RAD, 'SCP', 'DICOM', '10.0.0.5', '104', '', 'production'],
      ['CT_1', RAD, 'SCU', 'DICOM', '10.0.0.1', '104', 'CT', 'production'],
      ['MR_1', RAD, 'BOTH', 'DICOM', '10.0.0.2', '104', 'MR', 'production'],
      ['XA_1', RAD, 'BOTH', 'DICOM', '10.0.0.9', '104', 'XA', 'production'],
      ['PACS_1', CAR, 'SCP', 'DICOM', '10.1.0.5', '104', '', 'production'],
      ['US_1', CAR, 'SCU', 'DICOM', '10.1.0.1', '104', 'US', 'production'],
      ['LAB_AE', ODD, 'SCP', 'DICOM', '10.2.0.5', '104', '', 'production'],
    ]), AE_KEYS);
    expect(seeded).toEqual(Array(7).fill('created'));
    const seededLinks = await importCsv('MedicalDicomCommunicationLink', lines([
      LINK_HEADER,
      [RAD, 'CT_1', RAD, 'PACS_1', RAD, 'PUSH', 'production'],
      [RAD, 'MR_1', RAD, 'PACS_1', RAD, 'PUSH', 'production'],
      [CAR, 'US_1', CAR, 'PACS_1', CAR, 'PUSH', 'production'],
      // XA_1 (Radiology) is the source of a Cardiology link only.
      [CAR, 'XA_1', RAD, 'PACS_1', CAR, 'PUSH', 'production'],
    ]), LINK_KEYS);
    expect(seededLinks).toEqual(Array(4).fill('created'));

    const aeRows = [
      AE_HEADER,
      ['PACS_1', RAD, 'SCP', 'DICOM', '10.0.0.5', '104', '', 'production'], // unchanged
      ['CT_2', RAD, 'SCU', 'DICOM', '10.0.0.1', '104', 'CT', 'production'], // created, AE-9 warning
      ['NEW_1', NONE, 'SCP', 'DICOM', '10.3.0.1', '104', '', 'production'], // no such organization
      ['XA_1', RAD, 'SCP', 'DICOM', '10.0.0.9', '104', 'XA', 'production'], // AE-10 through a link of another organization
      ['CT_1', RAD.toUpperCase(), 'SCU', 'DICOM', '10.0.0.1', '104', 'DX', 'production'], // updated (name compared as MySQL does)
      ['MR_1', RAD, 'SCP', 'DICOM', '10.0.0.2', '104', 'MR', 'production'], // AE-10
      ['LAB2', ODD, 'SCP', 'DICOM', '10.2.0.6', '104', '', 'production'], // created
      ['PACS_2', RAD, 'SCP', 'DICOM', '10.0.0.5', '104', '', 'production'], // created, AE-9 warning
      ['CT_2', RAD, 'SCU', 'DICOM', '10.0.0.11', '104', 'CT', 'production'], // duplicate: update of line 3
      ['BAD AE TITLE TOO LONG 123', RAD, 'SCP', 'DICOM', '10.0.0.30', '104', '', 'production'], // AE-1
      ['WEB_1', CAR, 'SCP', 'DICOMWEB', '', '', '', 'production'], // AE-5
    ];
    const linkRows = [
      LINK_HEADER,
      [RAD, 'CT_1', RAD, 'PACS_1', RAD, 'PUSH', 'production'], // unchanged
      [RAD, 'CT_1', RAD, 'PACS_1', RAD, 'PULL', 'approved'], // created
      [RAD, 'PACS_1', RAD, 'CT_1', RAD, 'PUSH', 'planned'], // LNK-2, LNK-3
      [NONE, 'CT_1', RAD, 'PACS_1', RAD, 'PUSH', 'planned'], // no such organization
      [CAR, 'US_1', CAR, 'PACS_1', CAR, 'PUSH', 'approved'], // updated
      [RAD, 'CT_2', RAD, 'PACS_2', RAD, 'PUSH', 'planned'], // created (AEs of the AE file)
      [RAD, 'MR_1', RAD, 'LAB_AE', ODD, 'PUSH', 'planned'], // created
      [RAD, 'NOPE', RAD, 'PACS_1', RAD, 'PUSH', 'planned'], // no such AE
      [RAD, 'XA_1', RAD, 'PACS_1', RAD, 'PUSH', 'planned'], // created (XA_1 kept its role)
    ];
    const aeFile = path.join(dir, 'AE.csv');
    const linkFile = path.join(dir, 'LINKS.csv');
    writeFileSync(aeFile, lines(aeRows));
    writeFileSync(linkFile, lines(linkRows));

    const report = await runImportCheck({
      ae: aeFile,
      links: linkFile,
      itop: { url: base, user: process.env['ITOP_CHECK_USER'] ?? USER ?? '', password: process.env['ITOP_CHECK_PWD'] ?? PWD ?? '' },
    });
    expect(report.assumed).toEqual([]);

    const realAe = await importCsv('MedicalDicomApplicationEntity', lines(aeRows), AE_KEYS);
    const realLinks = await importCsv('MedicalDicomCommunicationLink', lines(linkRows), LINK_KEYS);
    const verdict = (statuses: string[]) => statuses.map((s) => (s === 'issue' ? 'issue' : 'ok'));
    expect(predicted(report, 'AE.csv', aeRows.length - 1)).toEqual(verdict(realAe));
    expect(predicted(report, 'LINKS.csv', linkRows.length - 1)).toEqual(verdict(realLinks));
    const real = [...realAe, ...realLinks];
    const count = (status: string) => real.filter((s) => s === status).length;
    expect(report.totals).toMatchObject({ created: count('created'), updated: count('updated'), unchanged: count('unchanged'), rejected: count('issue') });
    expect(report.totals).toMatchObject({ created: 7, updated: 3, unchanged: 2, rejected: 8 });
  });
});
