/** `check` on the real command line: report format, exit codes 0 / 1 / 2, no stack trace on bad input. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../support/cli.js';
import { csv, workFolder } from './support.js';

const file = workFolder('cli');

/** `check` through the bin (the prebuilt build/), as users run it. */
function cli(args: string[]) {
  return runBin(['check', ...args]);
}

const orgs = file('orgs.csv', csv([['id', 'name'], [1, 'Radiology']]));
const HEADER = ['aetitle', 'org_id->name', 'role', 'protocol', 'ipaddress', 'port', 'modality'];
const clean = file('AE-clean.csv', csv([HEADER, ['PACS_1', 'Radiology', 'SCP', 'DICOM', '10.0.0.5', '104', '']]));
const warnings = file('AE-warn.csv', csv([HEADER, ['CT_1', 'Radiology', 'SCU', 'DICOM', '10.0.0.1', '104', '']]));
const errors = file('AE.csv', csv([HEADER, ['PACS_1', 'Radiology', 'SCP', 'DICOM', '10.0.0.5', '104', ''], ['CT_1', 'Radiology', 'SCU', 'DICOM', '', '104', 'CT']]));

describe('check command', () => {
  it('exit 0 on clean files, with the totals', () => {
    const result = cli(['--ae', clean, '--existing', orgs]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('1 rows checked (AE-clean.csv: 1): 0 errors, 0 warnings. iTop would create 1, update 0, leave 0 unchanged and reject 0 rows.\n');
  });

  it('exit 1 on errors; one line per finding: file, line, key, rule, severity, message', () => {
    const result = cli(['--ae', errors, '--existing', `org:${orgs}`]);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[0]).toBe('AE.csv:3 [CT_1 / Radiology] AE-3 error: An AE with role SCU or BOTH over DICOM or DICOM TLS needs an IP address and a port.');
  });

  it('warnings: exit 0, or 1 with --strict', () => {
    expect(cli(['--ae', warnings, '--existing', orgs]).code).toBe(0);
    const strict = cli(['--ae', warnings, '--existing', orgs, '--strict', '--lang', 'fr']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('AE-warn.csv:2 [CT_1 / Radiology] AE-8 warning: Une modalité est recommandée pour une AE de rôle SCU ou LES DEUX.');
  });

  it('--format json: findings and totals', () => {
    const result = cli(['--ae', errors, '--existing', orgs, '--format', 'json']);
    const report = JSON.parse(result.stdout) as { findings: { line: number; ruleId: string; key: string }[]; totals: Record<string, number> };
    expect(report.findings).toEqual([expect.objectContaining({ line: 3, ruleId: 'AE-3', key: 'CT_1 / Radiology', severity: 'error', field: 'ipaddress' })]);
    expect(report.totals).toEqual({ rows: 2, errors: 1, warnings: 0, created: 1, updated: 0, unchanged: 0, rejected: 1 });
  });

  it('exit 2 on unusable input, one line without a stack trace', () => {
    const bad = file('AE-bad.csv', 'aetitle,org_id\n"CT_1,1\n');
    const result = cli(['--ae', bad]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('error: AE-bad.csv:2: unbalanced quote: a quoted value that starts on this line is never closed\n');
    expect(cli(['--ae', path.join(path.dirname(bad), 'missing.csv')]).stderr).toBe('error: missing.csv: cannot read the file: no such file\n');
    expect(cli(['--ae', clean, '--format', 'xml']).code).toBe(2);
    expect(cli([]).stderr).toBe('error: nothing to check: give --ae FILE and/or --links FILE\n');
  });
});
