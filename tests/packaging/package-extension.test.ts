import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_FILE } from '../../model/load/load-model.js';
import { readInputsFor } from '../../generator/cli/generate-command.js';
import { generateExtension } from '../../generator/generate.js';
import type { GeneratorInputs } from '../../generator/inputs.js';
import { checksumLine, packageExtension, zipFileName, type ExtensionPackage } from '../../generator/packaging/package-extension.js';
import { buildZip, dosTimestamp } from '../../generator/packaging/zip-archive.js';
import { DEFAULT_TARGET, ITOP_32, type Target } from '../../generator/targets/target.js';
import { readCentralDirectory } from './zip-reader.js';

const MODULE = 'br-medicaldevice';
const DIST_MODULE = path.join('dist', MODULE);

let inputs: GeneratorInputs;
let target: Target;
let pkg: ExtensionPackage;

beforeAll(async () => {
  ({ inputs, target } = await readInputsFor({ model: DEFAULT_MODEL_FILE, itop: DEFAULT_TARGET }));
  pkg = packageExtension(inputs, target);
});

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(path.join(dir, entry.name), rel)));
    else out.push(rel);
  }
  return out.sort();
}

describe('packageExtension', () => {
  it('gives the same bytes on every run', () => {
    const again = packageExtension(inputs, target);
    expect(Buffer.from(again.bytes).equals(Buffer.from(pkg.bytes))).toBe(true);
    expect(again.sha256).toBe(pkg.sha256);
    expect(pkg.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('holds exactly the generated module folder: its files, and one entry per folder, sorted', () => {
    const files = generateExtension(inputs, target).map((file) => `${MODULE}/${file.path}`);
    const folders = new Set<string>();
    for (const file of files) {
      const segments = file.split('/');
      for (let i = 1; i < segments.length; i++) folders.add(`${segments.slice(0, i).join('/')}/`);
    }
    const expected = [...files, ...folders].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const central = readCentralDirectory(pkg.bytes).map((entry) => entry.name);
    expect(central).toEqual(expected);
    expect(pkg.entries).toEqual(expected);
    expect(expected).toContain(`${MODULE}/${MODULE}/extension.xml`);
    // The bridge is under no extension.xml: iTop makes it an invisible extension of its own.
    expect(expected.filter((entry) => entry.endsWith('extension.xml'))).toEqual([`${MODULE}/${MODULE}/extension.xml`]);
    expect(expected).toContain(`${MODULE}/${MODULE}/module.${MODULE}.php`);
    expect(expected).toContain(`${MODULE}/${MODULE}-teemip/module.${MODULE}-teemip.php`);
    expect(expected.every((entry) => entry.startsWith(`${MODULE}/`))).toBe(true);
    expect(expected.some((entry) => entry.split('/').some((segment) => segment.startsWith('.')))).toBe(false);
  });

  it('fixes modes, host system and timestamps, and writes no extra fields', () => {
    const [year, month, day] = inputs.release.releaseDate.split('-').map(Number);
    for (const entry of readCentralDirectory(pkg.bytes)) {
      const isFolder = entry.name.endsWith('/');
      expect(entry.madeBy, entry.name).toBe(3);
      expect(entry.mode, entry.name).toBe(isFolder ? 0o40755 : 0o100644);
      expect(entry.dosDate, entry.name).toEqual({ year, month, day, hours: 12, minutes: 0, seconds: 0 });
      expect(entry.extraLength, entry.name).toBe(0);
      expect(entry.compression, entry.name).toBe(isFolder ? 0 : 8);
    }
  });

  it('unzips to exactly dist/br-medicaldevice/ as generated and committed', async () => {
    const unzipped = unzipSync(pkg.bytes);
    const zipFiles = Object.keys(unzipped)
      .filter((name) => !name.endsWith('/'))
      .map((name) => name.slice(MODULE.length + 1))
      .sort();
    expect(zipFiles).toEqual(await listFiles(DIST_MODULE));
    for (const file of zipFiles) {
      const onDisk = await readFile(path.join(DIST_MODULE, file));
      expect(Buffer.from(unzipped[`${MODULE}/${file}`]!).equals(onDisk), `${file} differs from ${DIST_MODULE}/${file}: run npm run generate`).toBe(true);
    }
  });

  it('carries the package.json version identically in the module id, extension.xml and the zip name', async () => {
    const { version } = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
    const unzipped = unzipSync(pkg.bytes);
    const text = (name: string) => new TextDecoder().decode(unzipped[`${MODULE}/${name}`]);
    expect(text(`${MODULE}/module.${MODULE}.php`)).toContain(`'${MODULE}/${version}'`);
    expect(text(`${MODULE}/extension.xml`)).toContain(`<version>${version}</version>`);
    expect(text(`${MODULE}/extension.xml`)).toContain(`<release_date>${inputs.release.releaseDate}</release_date>`);
    expect(pkg.fileName).toBe(`${MODULE}-${version}.zip`);
    expect(checksumLine(pkg)).toBe(`${pkg.sha256}  ${MODULE}-${version}.zip\n`);
  });
});

describe('zipFileName', () => {
  it.each([
    ['the default target', ITOP_32, 'br-medicaldevice-1.2.3.zip'],
    ['a target with a suffix', { ...ITOP_32, zipSuffix: '-itop3.1' }, 'br-medicaldevice-1.2.3-itop3.1.zip'],
  ])('names the zip for %s', (_name, given, want) => {
    expect(zipFileName(MODULE, '1.2.3', given)).toBe(want);
  });
});

describe('buildZip', () => {
  it.each([['.hidden'], ['a/.git/config'], ['../escape'], ['/absolute'], ['a//b']])('refuses the entry %s', (bad) => {
    expect(() => buildZip([{ path: bad, content: 'x' }], { date: '2026-01-01' })).toThrow(/refusing entry/);
  });

  it.each([['1979-12-31'], ['2026-02-30'], ['26-01-01']])('refuses the date %s', (date) => {
    expect(() => dosTimestamp(date)).toThrow();
  });

  it('gives the same bytes in every time zone, even on a day whose midnight a zone skips', () => {
    // Cuba springs forward at 00:00 on 2026-03-08: local midnight does not exist there that day.
    const files = [{ path: 'm/a.txt', content: 'a' }];
    const saved = process.env['TZ'];
    const build = (timeZone: string) => {
      process.env['TZ'] = timeZone; // Node applies a TZ change at run time
      return Buffer.from(buildZip(files, { date: '2026-03-08' }));
    };
    try {
      const utc = build('UTC');
      for (const timeZone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Havana', 'Asia/Kolkata']) {
        expect(build(timeZone).equals(utc), timeZone).toBe(true);
      }
    } finally {
      if (saved === undefined) delete process.env['TZ'];
      else process.env['TZ'] = saved;
    }
  });

  it('does not depend on the order the files are given in', () => {
    const files = [
      { path: 'm/b.txt', content: 'b' },
      { path: 'm/a/c.txt', content: new Uint8Array([1, 2, 3]) },
      { path: 'm/a.txt', content: 'a' },
    ];
    const forward = buildZip(files, { date: '2026-01-01' });
    const backward = buildZip([...files].reverse(), { date: '2026-01-01' });
    expect(Buffer.from(forward).equals(Buffer.from(backward))).toBe(true);
    expect(readCentralDirectory(forward).map((entry) => entry.name)).toEqual(['m/', 'm/a.txt', 'm/a/', 'm/a/c.txt', 'm/b.txt']);
  });
});
