/**
 * `check --itop`: the existing objects read through a local server answering as iTop's REST API (itop-fake.ts):
 * the same verdicts as with exports, paging complete despite ties, OQL quoting of hostile names, every error a
 * clean line, and the "assumed to exist" note without iTop or export.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ItopError, runImportCheck, type ItopReadOptions } from '../../import-check/index.js';
import { oqlIn, oqlString } from '../../import-check/itop/oql.js';
import { ROOT } from '../support/project.js';
import { startFakeItop, type FakeItop, type FakeRow } from './itop-fake.js';
import { csv, workFolder } from './support.js';

const file = workFolder('itop');
const AE = 'MedicalDicomApplicationEntity';
const LINK = 'MedicalDicomCommunicationLink';
const HOSTILE = "x') OR 1=1 OR o.name IN ('";
const BACKSLASH = "O'Brien \\ Lab\\";

const ae = (id: number, aetitle: string, org_id: number, role: string, ipaddress: string, extra: Partial<FakeRow> = {}): FakeRow => ({
  id, aetitle, org_id, role, protocol: 'DICOM', ipaddress, port: 104, endpoint_url: '', modality: role === 'SCP' ? '' : 'CT', status: 'production', medicaldevicemie_id: 0, functionalci_id: 0, description: '', ...extra,
});
const link = (id: number, org_id: number, source_ae_id: number, target_ae_id: number, direction = 'PUSH'): FakeRow => ({ id, org_id, source_ae_id, target_ae_id, direction, status: 'production', description: '' });

const data: Record<string, FakeRow[]> = {
  Organization: [
    { id: 2, name: 'Radiology', code: 'RAD' },
    { id: 3, name: 'Cardiology', code: 'CAR' },
    { id: 4, name: BACKSLASH, code: '' },
    { id: 5, name: HOSTILE, code: '' },
    { id: 6, name: 'Unrelated', code: '' },
  ],
  [AE]: [
    ae(1, 'PACS_1', 2, 'SCP', '10.0.0.5'),
    ae(2, 'CT_1', 2, 'SCU', '10.0.0.1'),
    ae(3, 'MR_1', 2, 'BOTH', '10.0.0.2'),
    ae(4, 'PACS_1', 3, 'SCP', '10.1.0.5'),
    ae(7, 'XA_1', 2, 'BOTH', '10.0.0.9'),
    ae(8, 'LAB_AE', 4, 'SCP', '10.2.0.5'),
    ae(9, 'ODD', 5, 'SCP', '10.9.0.5'),
    ae(10, 'FAR', 6, 'SCP', '10.6.0.5'),
  ],
  [LINK]: [
    link(1, 2, 2, 1),
    link(2, 2, 3, 1),
    // XA_1 (Radiology) is the source of a Cardiology link only: AE-10 must see it through the join.
    link(5, 3, 7, 4),
  ],
  MedicalDeviceMIE: [{ id: 40, name: 'CT scanner', org_id: 2, status: 'production' }],
  FunctionalCI: [{ id: 40, name: 'CT scanner', org_id: 2, description: '' }],
};

const AE_HEADER = ['aetitle', 'org_id->name', 'role', 'protocol', 'ipaddress', 'port', 'modality', 'status'];
const aeFile = file(
  'AE.csv',
  csv([
    AE_HEADER,
    ['PACS_1', 'Radiology', 'SCP', 'DICOM', '10.0.0.5', '104', '', 'production'],
    ['CT_2', 'Radiology', 'SCU', 'DICOM', '10.0.0.1', '104', 'CT', 'production'],
    ['NEW_1', 'Neurology', 'SCP', 'DICOM', '10.3.0.1', '104', '', 'production'],
    ['XA_1', 'Radiology', 'SCP', 'DICOM', '10.0.0.9', '104', 'XA', 'production'],
    ['CT_1', 'radiology', 'SCU', 'DICOM', '10.0.0.1', '104', 'DX', 'production'],
    ['LAB2', BACKSLASH, 'SCP', 'DICOM', '10.2.0.6', '104', '', 'production'],
    ['ODD2', HOSTILE, 'SCP', 'DICOM', '10.9.0.6', '104', '', 'production'],
  ]),
);
const LINK_HEADER = ['org_id->name', 'source_ae_id->aetitle', 'source_ae_id->org_name', 'target_ae_id->aetitle', 'target_ae_id->org_name', 'direction', 'status'];
const linkFile = file(
  'LINKS.csv',
  csv([
    LINK_HEADER,
    ['Radiology', 'CT_1', 'Radiology', 'PACS_1', 'Radiology', 'PUSH', 'production'],
    ['Radiology', 'PACS_1', 'Radiology', 'CT_1', 'Radiology', 'PUSH', 'planned'],
    ['Neurology', 'CT_1', 'Radiology', 'PACS_1', 'Radiology', 'PUSH', 'planned'],
    ['Radiology', 'MR_1', 'Radiology', 'LAB_AE', BACKSLASH, 'PUSH', 'planned'],
    ['Radiology', 'NOPE', 'Radiology', 'PACS_1', 'Radiology', 'PUSH', 'planned'],
  ]),
);

/** The same objects as exports, for the comparison. */
function exportsOf(rows: Record<string, FakeRow[]>): string[] {
  const orgs = file('orgs.csv', csv([['id', 'name', 'code'], ...(rows['Organization'] ?? []).map((o) => [o.id, o.name, o.code])]));
  const aeColumns = ['id', 'aetitle', 'org_id', 'role', 'protocol', 'ipaddress', 'port', 'endpoint_url', 'modality', 'status'];
  const aes = file('aes.csv', csv([aeColumns, ...(rows[AE] ?? []).map((r) => aeColumns.map((c) => r[c]))]));
  const linkColumns = ['id', 'org_id', 'source_ae_id', 'target_ae_id', 'direction', 'status'];
  const links = file('links.csv', csv([linkColumns, ...(rows[LINK] ?? []).map((r) => linkColumns.map((c) => r[c]))]));
  return [`org:${orgs}`, `ae:${aes}`, `link:${links}`];
}

let itop: FakeItop;
let connection: ItopReadOptions;
beforeAll(async () => {
  itop = await startFakeItop({ data });
  connection = { url: itop.url, user: 'rest', password: 'secret' };
});
afterAll(() => itop.close());

describe('check --itop (REST)', () => {
  it('judges the rows as with exports of the same objects; unknown organizations are errors, nothing is assumed', async () => {
    const viaRest = await runImportCheck({ ae: aeFile, links: linkFile, itop: connection });
    const viaExports = await runImportCheck({ ae: aeFile, links: linkFile, existing: exportsOf(data) });
    expect(viaRest.findings).toEqual(viaExports.findings);
    expect(viaRest.totals).toEqual(viaExports.totals);
    expect(viaRest.assumed).toEqual([]);
    const found = viaRest.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`);
    expect(found).toEqual([
      'AE.csv:3 AE-9',
      'AE.csv:4 ITOP-EXTKEY',
      'AE.csv:5 AE-10',
      'AE.csv:6 AE-9',
      'LINKS.csv:3 LNK-2',
      'LINKS.csv:3 LNK-3',
      'LINKS.csv:4 ITOP-EXTKEY',
      'LINKS.csv:6 ITOP-EXTKEY',
    ]);
    expect(viaRest.totals).toMatchObject({ created: 4, updated: 1, unchanged: 2, rejected: 5 });
    // Only what the files touch: not the organization nobody names, nor its AE.
    // Read: Radiology, the two odd names (Neurology is not in iTop, Cardiology and Unrelated are not named); the
    // AEs of those three; their links, including XA_1's Cardiology link.
    expect(viaRest.itop?.objects).toEqual({ Organization: 3, [AE]: 6, [LINK]: 3 });
  });

  it('asks only for the attributes the rules need', async () => {
    itop.requests.length = 0;
    await runImportCheck({ ae: aeFile, itop: connection });
    const gets = itop.requests.map((r) => r.json).filter((j) => j['operation'] === 'core/get');
    const fieldsOf = (className: string) => gets.find((j) => j['class'] === className)?.['output_fields'];
    expect(fieldsOf('Organization')).toBe('id,name');
    expect(String(fieldsOf(AE)).split(',')).not.toContain('description');
    expect(String(fieldsOf(AE)).split(',')).toEqual(expect.arrayContaining(['id', 'aetitle', 'org_id', 'role', 'ipaddress', 'port']));
  });

  it('quotes names from the files as OQL strings that nothing can break out of', () => {
    // iTop's lexer (oql-lexer.plex:172) and stripslashes (oql-parser.y:203).
    const read = (literal: string) => {
      const match = /^'((?:[^\\']|\\'|\\\\)*)'$/.exec(literal);
      return match ? (match[1] as string).replace(/\\(.)/gs, '$1') : undefined;
    };
    const samples = [HOSTILE, BACKSLASH, '\\', "'", "\\'", "a\\\\'b", 'line\nbreak', 'ünïcode 🙂', '', "' OR '1'='1"];
    for (let i = 0; i < 300; i++) samples.push(Array.from({ length: 1 + (i % 9) }, () => "a'\\ \n:x\"%_"[Math.floor(Math.random() * 11)]).join(''));
    for (const sample of samples) expect(read(oqlString(sample))).toBe(sample);
    expect(oqlIn('o.name', [HOSTILE, 3])).toBe("o.name IN ('x\\') OR 1=1 OR o.name IN (\\'', 3)");
    expect(() => oqlIn('o.name) OR (1', ['x'])).toThrow();
  });

  it('pages completely and deterministically despite ties in iTop’s order (id windows)', async () => {
    const many: Record<string, FakeRow[]> = {
      Organization: [{ id: 1, name: 'Big', code: '' }],
      [AE]: Array.from({ length: 2500 }, (_, i) => ae(1000 + i * 3, `AE_${i % 5}`, 1, 'SCP', `10.${(i >> 8) & 255}.${i & 255}.1`)),
      [LINK]: [],
    };
    const big = await startFakeItop({ data: many });
    try {
      const rows = file('AE-big.csv', csv([AE_HEADER, ['AE_NEW', 'Big', 'SCP', 'DICOM', '10.200.0.1', '104', '', 'production']]));
      const options = { url: big.url, user: 'rest', password: 'secret', pageSize: 100 };
      const first = await runImportCheck({ ae: rows, itop: options });
      expect(first.itop?.objects[AE]).toBe(2500);
      const second = await runImportCheck({ ae: rows, itop: options });
      expect(second).toEqual(first);
      // AE_0 is held 500 times in Big: an update row would be ambiguous; seen only if every AE was read.
      const ambiguous = file('AE-amb.csv', csv([AE_HEADER, ['AE_0', 'Big', 'SCP', 'DICOM', '10.201.0.1', '104', '', 'production']]));
      const report = await runImportCheck({ ae: ambiguous, itop: options });
      expect(report.findings[0]?.message).toContain('500 existing objects');
      const limits = big.requests.map((r) => r.json['limit']).filter((l) => l !== undefined);
      expect(Math.max(...(limits as number[]))).toBe(100);
    } finally {
      await big.close();
    }
  });

  it('reads an iTop without paging (REST 1.3) in one request per query', async () => {
    const old = await startFakeItop({ data, versions: ['1.0', '1.1', '1.2', '1.3'] });
    try {
      const report = await runImportCheck({ ae: aeFile, links: linkFile, itop: { url: old.url, user: 'rest', password: 'secret', pageSize: 2 } });
      const viaExports = await runImportCheck({ ae: aeFile, links: linkFile, existing: exportsOf(data) });
      expect(report.findings).toEqual(viaExports.findings);
      expect(old.requests.every((r) => r.json['limit'] === undefined || r.version === '1.4')).toBe(true);
    } finally {
      await old.close();
    }
  });

  it('reads the equipment and CIs the files name, by name', async () => {
    const rows = file('AE-mie.csv', csv([[...AE_HEADER, 'medicaldevicemie_id->name', 'functionalci_id->name'], ['CT_9', 'Radiology', 'SCU', 'DICOM', '10.0.0.99', '104', 'CT', 'production', 'CT scanner', 'Nope CI']]));
    const report = await runImportCheck({ ae: rows, itop: connection });
    expect(report.findings.map((f) => `${f.ruleId} ${f.field}`)).toEqual(['ITOP-EXTKEY functionalci_id']);
    expect(report.assumed).toEqual([]);
  });

  const failure = async (options: Partial<ItopReadOptions>, server: { url: string } = itop) => {
    try {
      await runImportCheck({ ae: aeFile, itop: { url: server.url, user: 'rest', password: 'secret', ...options } });
    } catch (error) {
      expect(error).toBeInstanceOf(ItopError);
      return (error as Error).message;
    }
    throw new Error('no error');
  };

  it('wrong credentials, no REST profile, no read right, no extension: one clear line each', async () => {
    expect(await failure({ password: 'wrong' })).toMatch(/login refused for user 'rest': wrong user or password/);
    const restricted = await startFakeItop({ data, users: { web: { password: 'p', rest: false }, blind: { password: 'p', read: false } } });
    const bare = await startFakeItop({ data: { Organization: data['Organization'] as FakeRow[] } });
    try {
      expect(await failure({ user: 'web', password: 'p' }, restricted)).toMatch(/user 'web' lacks the profile "REST Services User"/);
      expect(await failure({ user: 'blind', password: 'p' }, restricted)).toMatch(/user 'blind' may not read Organization: give it a profile with read rights/);
      expect(await failure({}, bare)).toMatch(/has no class MedicalDicomApplicationEntity: is the br-medicaldevice extension installed there\?/);
    } finally {
      await restricted.close();
      await bare.close();
    }
  });

  it('no server, not iTop, not JSON: one clear line each', async () => {
    const closed = await startFakeItop({ data });
    const url = closed.url;
    await closed.close();
    expect(await failure({ url })).toMatch(/connection refused by 127\.0\.0\.1:\d+: is iTop running there\?/);
    expect(await failure({ url: `${itop.url}elsewhere/rest.php` })).toMatch(/HTTP 404 for \/elsewhere\/rest\.php: is this the URL of iTop\?/);
    expect(await failure({ url: 'ftp://example.org/' })).toMatch(/not an http:\/\/ or https:\/\/ URL/);
    expect(await failure({ url: itop.url.replace('http:', 'https:') })).toMatch(/TLS|closed|https/);
  });
});

describe.skipIf(spawnSync('openssl', ['version']).status !== 0)('check --itop over HTTPS', () => {
  it('an untrusted certificate is one line with a hint, and --insecure reads anyway', async () => {
    const dir = path.dirname(file('cert-placeholder', ''));
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'], { encoding: 'utf8' });
    expect(made.status).toBe(0);
    const server = https.createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (request, response) => {
      // Forwards to the plain fake iTop: only TLS differs.
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', async () => {
        const answer = await fetch(`${itop.url}webservices/rest.php`, { method: 'POST', body: Buffer.concat(chunks), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
        response.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text());
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const error = await runImportCheck({ ae: aeFile, itop: { url, user: 'rest', password: 'secret' } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ItopError);
      expect((error as Error).message).toMatch(/the HTTPS certificate of 127\.0\.0\.1:\d+ is not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT\): add its CA with NODE_EXTRA_CA_CERTS=/);
      const report = await runImportCheck({ ae: aeFile, itop: { url, user: 'rest', password: 'secret', insecure: true } });
      expect(report.itop?.objects['Organization']).toBe(3);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('check command with --itop', () => {
  const command = (args: string[]) => [process.execPath, ['--import', 'tsx', path.join(ROOT, 'generator/cli/run.ts'), 'check', ...args]] as const;
  const environment = (env: Record<string, string>) => ({ ...process.env, ITOP_USER: '', ITOP_PWD: '', ITOP_TOKEN: '', ...env });
  /** Asynchronous: the fake iTop answers from this process. */
  function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const [node, argv] = command(args);
    const child = spawn(node, argv, { cwd: ROOT, env: environment(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  }
  function cliSync(args: string[]) {
    const [node, argv] = command(args);
    const result = spawnSync(node, argv, { cwd: ROOT, encoding: 'utf8', env: environment({}) });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it('reads credentials from ITOP_USER / ITOP_PWD; errors are one line, exit 2, no stack trace', async () => {
    const ok = await cli(['--ae', aeFile, '--itop', itop.url], { ITOP_USER: 'rest', ITOP_PWD: 'secret' });
    expect(ok.code).toBe(1);
    expect(ok.stdout).toContain("AE.csv:4 [NEW_1 / Neurology] ITOP-EXTKEY error: No Organization matches name = 'Neurology'.");
    expect(ok.stdout).not.toContain('Assumed');
    const wrong = await cli(['--ae', aeFile, '--itop', itop.url], { ITOP_USER: 'rest', ITOP_PWD: 'nope' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe(`error: iTop at ${itop.url.replace(/\/$/, '')}/: login refused for user 'rest': wrong user or password (or token)\n`);
    const none = await cli(['--ae', aeFile, '--itop', itop.url]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^error: --itop needs credentials: ITOP_USER and ITOP_PWD[^\n]*\n$/);
    const both = await cli(['--ae', aeFile, '--itop', itop.url, '--existing', 'x.csv'], { ITOP_USER: 'rest', ITOP_PWD: 'secret' });
    expect(both.stderr).toBe('error: give either --itop (read the existing objects from iTop) or --existing exports, not both\n');
  });

  it('without --itop and without exports, says once which objects were assumed to exist', () => {
    const result = cliSync(['--ae', aeFile]);
    const note = result.stdout.split('\n').filter((line) => line.startsWith('Assumed'));
    expect(note).toEqual([
      `Assumed to exist, not checked (no --itop, no export of the class): Organization: name = 'Radiology', name = 'Neurology', name = '${BACKSLASH}', name = '${HOSTILE}'.`,
    ]);
    const json = JSON.parse(cliSync(['--ae', aeFile, '--format', 'json']).stdout) as { assumed: unknown };
    expect(json.assumed).toEqual([{ className: 'Organization', label: 'Organization', criteria: ["name = 'Radiology'", "name = 'Neurology'", `name = '${BACKSLASH}'`, `name = '${HOSTILE}'`] }]);
  });
});
