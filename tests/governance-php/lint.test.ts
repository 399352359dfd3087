/**
 * The generated PHP (the governance file and the glue methods of the datamodel XML) parses and compiles under
 * PHP 8.3 (iTop 3.2) and PHP 7.4 (iTop 2.7 – 3.1), uses no syntax newer than PHP 7.1 (iTop 2.7's minimum), and
 * holds no `?>`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ITOP_27, ITOP_32 } from '../../generator/targets/target.js';
import { fileOf, generate, type Generated } from '../php/itop-standin.js';
import { startPhp, type PhpRuntime } from '../support/php-runner.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SYNTAX_CHECK = readFileSync(path.join(HERE, '../php/php71-syntax.php'), 'utf8');

let php83: PhpRuntime;
let php74: PhpRuntime;
const builds: Generated[] = [];

beforeAll(async () => {
  [php83, php74] = await Promise.all([startPhp('8.3'), startPhp('7.4')]);
  builds.push(await generate(ITOP_32), await generate(ITOP_27));
});

afterAll(() => {
  php83?.exit();
  php74?.exit();
});

/** The governance file of a build. */
const governanceFile = (generated: Generated) => {
  expect(generated.includes).toHaveLength(1);
  return fileOf(generated, generated.includes[0] as string);
};

/** The glue methods of every class, pasted into classes as iTop's compiler does. */
const glueFile = (generated: Generated) => {
  const php = ['<?php'];
  for (const [className, hooks] of Object.entries(generatedHooks(generated))) {
    php.push(`class ${className} extends cmdbAbstractObject`, '{', ...hooks, '}');
  }
  return php.join('\n');
};

function generatedHooks(generated: Generated): Record<string, string[]> {
  const xml = fileOf(generated, `datamodel.${generated.model.module.code}.xml`);
  const hooks: Record<string, string[]> = {};
  for (const match of xml.matchAll(/<class id="([^"]+)"[\s\S]*?<\/class>/g)) {
    const codes = [...(match[0].matchAll(/<method id="[^"]+">\s*<code>([\s\S]*?)<\/code>/g))].map((m) => decodeXml(m[1] ?? ''));
    if (codes.length > 0) hooks[match[1] as string] = codes;
  }
  return hooks;
}

const decodeXml = (text: string) =>
  text.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

async function newerSyntax(code: string): Promise<string[]> {
  const result = await php83.run({ 'php71-syntax.php': SYNTAX_CHECK, 'source.php': code }, 'php71-syntax.php');
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as string[];
}

describe('generated PHP syntax', () => {
  it('the governance file compiles under PHP 8.3 and PHP 7.4', async () => {
    for (const generated of builds) {
      const code = governanceFile(generated);
      expect(await php83.lint(code)).toEqual({ ok: true, message: '' });
      expect(await php74.lint(code)).toEqual({ ok: true, message: '' });
    }
  });

  it('is the same file for every target', () => {
    expect(governanceFile(builds[0] as Generated)).toBe(governanceFile(builds[1] as Generated));
  });

  it('the glue methods compile under PHP 8.3 and PHP 7.4, for both check mechanisms', async () => {
    for (const generated of builds) {
      const code = glueFile(generated);
      expect(Object.keys(generatedHooks(generated)).sort()).toEqual(['MedicalDicomApplicationEntity', 'MedicalDicomCommunicationLink']);
      expect(await php83.lint(code)).toEqual({ ok: true, message: '' });
      expect(await php74.lint(code)).toEqual({ ok: true, message: '' });
    }
  });

  it('uses no syntax newer than PHP 7.1', async () => {
    for (const generated of builds) {
      expect(await newerSyntax(governanceFile(generated))).toEqual([]);
      expect(await newerSyntax(glueFile(generated))).toEqual([]);
    }
  });

  it('the 7.1 check does find newer syntax', async () => {
    const findings = await newerSyntax(
      '<?php class A { private ?int $i = null; public function f($x) { $x ??= 1; $f = fn($y) => $y; g(a: 1); h(1, 2,); return match($x) { 1 => $x?->y }; } }',
    );
    expect(findings.join('\n')).toMatch(/typed property[\s\S]*\?\?=[\s\S]*arrow function[\s\S]*named argument[\s\S]*trailing comma[\s\S]*match[\s\S]*nullsafe/);
  });

  it('holds no ?> and starts with <?php, in the file and in the glue', () => {
    for (const generated of builds) {
      const code = governanceFile(generated);
      expect(code.startsWith('<?php\n')).toBe(true);
      expect(code).not.toContain('?>');
      for (const hooks of Object.values(generatedHooks(generated))) for (const hook of hooks) expect(hook).not.toContain('?>');
    }
  });

  it('wires exactly one mechanism per target', () => {
    const [v32, v27] = builds.map((generated) => fileOf(generated, `datamodel.${generated.model.module.code}.xml`)) as [string, string];
    expect(v32).toContain('<event>EVENT_DB_CHECK_TO_WRITE</event>');
    expect(v32).not.toContain('DoCheckToWrite');
    expect(v27).not.toContain('EVENT_DB_CHECK_TO_WRITE');
    expect(v27).toContain('parent::DoCheckToWrite();');
  });
});
