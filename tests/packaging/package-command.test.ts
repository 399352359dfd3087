import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_FILE } from '../../model/load/load-model.js';
import { readInputsFor } from '../../generator/cli/generate-command.js';
import { main } from '../../generator/cli/main.js';
import { packageExtension } from '../../generator/packaging/package-extension.js';
import { DEFAULT_TARGET } from '../../generator/targets/target.js';
import { BIN } from '../support/cli.js';
import { readCentralDirectory } from './zip-reader.js';

const run = promisify(execFile);
let tmp: string;
let zipName: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'br-medicaldevice-package-'));
  const { version } = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
  zipName = `br-medicaldevice-${version}.zip`;
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** `package` in its own Node process, through the bin as `npm run package` runs it, with the given time zone. */
async function packageInChild(timeZone: string): Promise<{ stdout: string; zip: Buffer; checksum: string }> {
  const out = path.join(tmp, timeZone.replace(/\W/g, '_'));
  const { stdout } = await run(process.execPath, [BIN, 'package', '--out', out], {
    env: { ...process.env, TZ: timeZone },
  });
  return { stdout, zip: await readFile(path.join(out, zipName)), checksum: await readFile(path.join(out, `${zipName}.sha256`), 'utf8') };
}

describe('package command', () => {
  // UTC+14 and UTC-11 put the same instant on different days.
  it('gives byte-identical zips in any time zone, equal to the in-process package, and prints the path and SHA-256', async () => {
    const [utc, kiritimati, pagoPago] = await Promise.all(['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'].map((timeZone) => packageInChild(timeZone)));
    const { inputs, target } = await readInputsFor({ model: DEFAULT_MODEL_FILE, itop: DEFAULT_TARGET });
    const inProcess = packageExtension(inputs, target);
    expect(utc!.zip.equals(Buffer.from(inProcess.bytes))).toBe(true);
    for (const other of [kiritimati!, pagoPago!]) {
      expect(other.zip.equals(utc!.zip)).toBe(true);
      expect(other.checksum).toBe(utc!.checksum);
    }
    expect(utc!.stdout).toContain(`packaged ${path.join(tmp, 'UTC', zipName)} `);
    expect(utc!.stdout).toContain(`SHA-256 ${inProcess.sha256} `);
    expect(utc!.checksum).toBe(`${inProcess.sha256}  ${zipName}\n`);
  });

  it('takes --release-date for the timestamps and refuses an unknown --itop target', async () => {
    const out = path.join(tmp, 'options');
    const exit = await main(['package', '--out', out, '--release-date', '2027-01-02']);
    expect(exit).toBe(0);
    const zips = readCentralDirectory(await readFile(path.join(out, zipName)));
    expect(zips.every((entry) => entry.dosDate.year === 2027 && entry.dosDate.month === 1 && entry.dosDate.day === 2)).toBe(true);
    expect(await main(['package', '--out', out, '--itop', '1.0'])).toBe(2);
  });
});
