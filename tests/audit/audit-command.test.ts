/**
 * `audit` on CSV exports of the stored data set (tests/audit/dataset.ts): per rule, the objects the data set
 * declares (obsolete ones only with --obsolete), the report formats and languages of `check`, exit codes 0/1/2.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAuditCommand } from '../../generator/cli/audit-command.js';
import { UsageError } from '../../generator/cli/errors.js';
import { expectedViolators } from './dataset.js';
import { storedDataset } from './stored.js';

let folder: string;
let files: string[];

function csv(rows: Record<string, unknown>[]): string {
  const columns = Object.keys(rows[0] ?? {});
  const cell = (v: unknown) => `"${String(v ?? '').replace(/"/g, '""')}"`;
  return `${[columns.map(cell).join(','), ...rows.map((row) => columns.map((c) => cell(row[c])).join(','))].join('\n')}\n`;
}

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'audit-cmd-'));
  const { aes, links } = storedDataset();
  writeFileSync(path.join(folder, 'orgs.csv'), csv([{ id: 1, name: 'A' }, { id: 2, name: 'B' }]));
  writeFileSync(path.join(folder, 'aes.csv'), csv(aes));
  writeFileSync(path.join(folder, 'links.csv'), csv(links));
  files = [`org:${path.join(folder, 'orgs.csv')}`, path.join(folder, 'aes.csv'), path.join(folder, 'links.csv')];
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function run(options: Record<string, unknown>, exports = files) {
  let out = '';
  const code = await runAuditCommand(exports, options, (text) => (out += text));
  return { code, out };
}

const counts = (expected: Record<string, string[]>) => Object.fromEntries(Object.entries(expected).map(([key, list]) => [key, list.length]));

describe('audit command', () => {
  it('reports per rule the declared violators, obsolete objects left out; exit 1 on errors', async () => {
    const { code, out } = await run({ format: 'json' });
    expect(code).toBe(1);
    const report = JSON.parse(out);
    const reported = Object.fromEntries(report.rules.filter((r: { objects: number }) => r.objects > 0).map((r: { auditKey: string; objects: number }) => [r.auditKey, r.objects]));
    expect(reported).toEqual(counts(expectedViolators(false)));
    expect(report.totals.obsolete).toBe(3);
  });

  it('audits obsolete objects with --obsolete', async () => {
    const report = JSON.parse((await run({ format: 'json', obsolete: true })).out);
    const reported = Object.fromEntries(report.rules.filter((r: { objects: number }) => r.objects > 0).map((r: { auditKey: string; objects: number }) => [r.auditKey, r.objects]));
    expect(reported).toEqual(counts(expectedViolators(true)));
  });

  it('writes text in the chosen language', async () => {
    const { out } = await run({ lang: 'de' });
    expect(out).toMatch(/aes\.csv:\d+ \[PACS\\1 \/ A\] AE-1 error: Der AE-Titel/);
    expect(out).toMatch(/^AE-4 \(error\): 3 Objekte$/m);
    expect(out).toMatch(/gespeicherte Objekte geprüft/);
  });

  it('exits 0 on a clean data set and 2 (UsageError) on unusable input', async () => {
    writeFileSync(path.join(folder, 'clean.csv'), csv([{ id: 1, aetitle: 'OK', org_id: 1, role: 'SCP', protocol: 'DICOM', ipaddress: '10.0.0.1', port: 104, endpoint_url: '', modality: '', status: 'production' }]));
    expect((await run({}, [`org:${path.join(folder, 'orgs.csv')}`, `ae:${path.join(folder, 'clean.csv')}`])).code).toBe(0);
    await expect(run({}, [])).rejects.toBeInstanceOf(UsageError);
    await expect(run({ format: 'xml' })).rejects.toBeInstanceOf(UsageError);
  });
});
