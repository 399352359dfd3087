import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reportError } from '../../generator/cli/errors.js';
import shippedModel from '../../model/br-medicaldevice/index.js';
import { validateModel } from '../../model/load/load-model.js';
import { runBin } from '../support/cli.js';
import { ROOT } from '../support/project.js';

const work = mkdtempSync(path.join(tmpdir(), 'br-medicaldevice-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the real command line (the bin, on the prebuilt build/) in a child process, as a user or CI would. */
function cli(args: string[], cwd = ROOT, bin?: string) {
  return runBin(args, { cwd, ...(bin ? { bin } : {}) });
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

  it('the package copied elsewhere generates the same bytes, from any folder (no machine path leaks into output)', () => {
    const copy = path.join(work, 'copy');
    for (const entry of ['bin', 'build', 'model', 'templates', 'package.json', 'module.br-medicaldevice.php.tmpl']) {
      cpSync(path.join(ROOT, entry), path.join(copy, entry), { recursive: true });
    }
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
    // Run from a folder that is neither the package nor the copy: templates and package.json come from the package.
    const elsewhere = path.join(work, 'elsewhere');
    mkdirSync(elsewhere);
    const result = cli(['generate', '--out', path.join(elsewhere, 'dist'), '--no-docs'], elsewhere, path.join(copy, 'bin', 'br-medicaldevice-gen.js'));
    expect(result.code, result.stderr).toBe(0);
    expect(snapshotFolder(path.join(elsewhere, 'dist', 'br-medicaldevice'))).toEqual(snapshotFolder(path.join(out, 'br-medicaldevice')));
  });

  it('a TypeScript model file of the user is compiled on demand (tsx), from the prebuilt command line', () => {
    const modelFile = path.join(work, 'my-model.ts');
    writeFileSync(modelFile, `const model: Record<string, unknown> = ${JSON.stringify(cliModel())};\nexport default model;\n`);
    const result = cli(['validate', '--model', modelFile], work);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`${modelFile}: valid model: `);
  });

  it('the prebuilt command line gives the committed output, byte for byte (precompiled templates and model validator)', () => {
    expect(cli(['generate', '--check']).stdout).toContain('up to date: ');
    for (const target of ['3.1', '2.7']) {
      const result = cli(['generate', '--itop', target, '--out', `tests/golden/targets/itop-${target}`, '--no-docs', '--check']);
      expect(result.code, result.stdout).toBe(0);
    }
  });

  it("the prebuilt model validator reports what the sources' validator reports", () => {
    const defects: ((m: Record<string, any>) => void)[] = [ // eslint-disable-line @typescript-eslint/no-explicit-any
      (m) => (m.classes.find((c: { name: string }) => c.name === 'MedicalDicomApplicationEntity').fields.find((f: { code: string }) => f.code === 'port').type = 'int'),
      (m) => delete m.classes.find((c: { name: string }) => c.name === 'MedicalDicomApplicationEntity').fields[0].label.de,
      (m) => (m.module.code = 'Not A Code'),
      (m) => (m.classes[3].extra = true),
      (m) => (m.rules[0].check.kind = 'no-such-kind'),
    ];
    for (const [index, defect] of defects.entries()) {
      const model = cliModel() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      defect(model);
      const modelFile = path.join(work, `defect-${index}.json`);
      writeFileSync(modelFile, JSON.stringify(model));
      const expected: string[] = [];
      try {
        validateModel(model, path.basename(modelFile)); // as the bin names it, run from its folder
      } catch (error) {
        reportError(error, (line) => expected.push(line));
      }
      expect(expected.length).toBeGreaterThan(1);
      const result = cli(['validate', '--model', modelFile], work);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`${expected.join('\n')}\n`);
    }
  });

  it('the bin runs under plain node, --help included (no TypeScript loader needed)', () => {
    const result = cli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: br-medicaldevice-gen');
    expect(result.stderr).toBe('');
  });
});

function cliModel(): unknown {
  // The shipped model as plain JSON, the way a user could write a model file.
  return JSON.parse(JSON.stringify(shippedModel));
}
