import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/project.js';

const work = mkdtempSync(path.join(tmpdir(), 'br-medicaldevice-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the real command line in a child process, as a user or CI would. */
function cli(args: string[], cwd = ROOT) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'generator/cli/run.ts'), ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function snapshotFolder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path.join(d, entry.name), rel);
      else out[rel] = readFileSync(path.join(d, entry.name), 'utf8');
    }
  };
  walk(dir, '');
  return out;
}

describe('command line', () => {
  const out = path.join(work, 'out');

  it('generate writes the extension folder and --check then reports it fresh', () => {
    const generated = cli(['generate', '--out', out, '--no-docs']);
    expect(generated.code).toBe(0);
    expect(generated.stdout).toContain(path.join(out, 'br-medicaldevice'));
    expect(cli(['generate', '--out', out, '--no-docs', '--check']).code).toBe(0);
  });

  it('--check exits 1 and lists the stale files, writing nothing', () => {
    const module = path.join(out, 'br-medicaldevice', 'br-medicaldevice', 'module.br-medicaldevice.php');
    writeFileSync(module, 'stale');
    writeFileSync(path.join(out, 'br-medicaldevice', 'leftover.txt'), 'x');
    const check = cli(['generate', '--out', out, '--no-docs', '--check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('module.br-medicaldevice.php (changed)');
    expect(check.stdout).toContain('leftover.txt (not generated)');
    expect(readFileSync(module, 'utf8')).toBe('stale');
    expect(cli(['generate', '--out', out, '--no-docs']).code).toBe(0);
    expect(readFileSync(module, 'utf8')).toContain('SetupWebPage::AddModule');
  });

  it('a bad model exits 2 with file, path and expectation, no stack trace, and leaves the output untouched', () => {
    const before = snapshotFolder(path.join(out, 'br-medicaldevice'));
    const modelFile = path.join(work, 'bad.model.json');
    const model = JSON.parse(JSON.stringify(cliModel()));
    model.classes.find((c: { name: string }) => c.name === 'MedicalDicomApplicationEntity').fields.find((f: { code: string }) => f.code === 'port').type = 'int';
    writeFileSync(modelFile, JSON.stringify(model));
    const result = cli(['generate', '--out', out, '--no-docs', '--model', modelFile]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${modelFile}: classes[MedicalDicomApplicationEntity].fields[port]: unknown type "int"`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(snapshotFolder(path.join(out, 'br-medicaldevice'))).toEqual(before);
  });

  it('a model file that does not parse exits 2 naming the file', () => {
    const modelFile = path.join(work, 'broken.model.json');
    writeFileSync(modelFile, '{ "module": ');
    const result = cli(['validate', '--model', modelFile]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${modelFile}: (file): cannot be read:`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('validate accepts the shipped model', () => {
    const result = cli(['validate']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('valid model');
  });

  it('an unknown target is a usage error', () => {
    const result = cli(['generate', '--out', out, '--itop', '1.0']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown iTop target '1.0'");
  });

  it('a bad --release-date names the option', () => {
    const result = cli(['generate', '--out', out, '--no-docs', '--release-date', 'tomorrow']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('package.json: --release-date: expected a date YYYY-MM-DD, got "tomorrow"');
  });

  it('the project copied elsewhere generates the same bytes (no machine path leaks into output)', () => {
    const copy = path.join(work, 'copy');
    for (const entry of ['model', 'templates', 'governance', 'generator', 'package.json', 'module.br-medicaldevice.php.tmpl', 'tsconfig.json']) {
      cpSync(path.join(ROOT, entry), path.join(copy, entry), { recursive: true });
    }
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
    const result = cli(['generate', '--out', path.join(copy, 'dist'), '--no-docs'], copy);
    expect(result.code, result.stderr).toBe(0);
    expect(snapshotFolder(path.join(copy, 'dist', 'br-medicaldevice'))).toEqual(snapshotFolder(path.join(out, 'br-medicaldevice')));
  });
});

function cliModel(): unknown {
  // The shipped model as plain JSON, the way a user could write a model file.
  const result = spawnSync(process.execPath, ['--import', 'tsx', '-e', "import('./model/br-medicaldevice/index.ts').then(m => process.stdout.write(JSON.stringify(m.default)))"], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(result.stdout);
}
