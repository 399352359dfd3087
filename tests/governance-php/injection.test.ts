/**
 * Model text that is hostile to PHP (quotes, backslashes, `?>`, `$this->x$`, `%`, newlines, regex specials)
 * must neither break the generated PHP nor change what it checks: summaries land in comments, messages in
 * the dictionaries (rendered through Dict::Format / Dict::S, the written values being arguments, never
 * formats), and forbidden characters and codes in PHP literals or regular expressions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMessage } from '../../governance/plan.js';
import { ITOP_32 } from '../../generator/targets/target.js';
import type { LocalizedText, RuleDefinition } from '../../model/schema/model.js';
import { fileOf, generate, ruleIdsOf, runWrites, type Generated, type WriteCase, type WriteOutcome } from '../php/itop-standin.js';
import { startPhp, type PhpRuntime } from '../support/php-runner.js';
import { cloneInputs, projectInputs } from '../support/project.js';

const HOSTILE = `it's a \\ back'slash ?> <?php */ /* $this->x$ %s %1$s 100% "quoted"`;
const everywhere = (text: string): LocalizedText => ({ en: text, de: `${text} (de)`, fr: `${text} (fr)` });

const AE1_MESSAGE = `Title '{aetitle}' is wrong: ${HOSTILE}`;
const AE5_MESSAGE = `URL needed: ${HOSTILE}`;
const FORBIDDEN = `\\'?>$%/]-^"[`;

let php: PhpRuntime;
let generated: Generated;
const outcomes = new Map<string, WriteOutcome>();

const rule = (rules: RuleDefinition[], id: string): RuleDefinition => {
  const found = rules.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
};

const AE = 'MedicalDicomApplicationEntity';
const existing = { Organization: [{ id: 1, name: 'Org' }] };
const createAe = (name: string, values: Record<string, string | number | null>): WriteCase => ({
  name,
  existing,
  write: { class: AE, op: 'create', values: { aetitle: 'CT_1', org_id: 1, role: 'SCP', protocol: 'DICOM', ipaddress: '10.0.0.1', port: 104, status: 'production', ...values } },
});

const titles = ['AB', ...[...FORBIDDEN].map((char) => `A${char}B`), '%1$s', '$this->aetitle$'];

beforeAll(async () => {
  const inputs = cloneInputs(await projectInputs(ITOP_32));
  const rules = inputs.model.rules;
  for (const r of rules) r.summary = everywhere(`${r.summary.en}\n${HOSTILE}`);
  const ae1 = rule(rules, 'AE-1');
  ae1.message = everywhere(AE1_MESSAGE);
  if (ae1.check.kind === 'text-format') ae1.check.forbiddenCharacters = FORBIDDEN;
  rule(rules, 'AE-5').message = everywhere(AE5_MESSAGE);
  const ae3 = rule(rules, 'AE-3');
  if (ae3.check.kind === 'required-when') ae3.check.when = { ...ae3.check.when, role: [...(ae3.check.when.role ?? []), HOSTILE] };
  generated = await generate(ITOP_32, inputs);

  php = await startPhp('8.3');
  const writes = [
    ...titles.map((title) => createAe(`title ${title}`, { aetitle: title })),
    createAe('DICOMweb without URL', { protocol: 'DICOMWEB' }),
    createAe('SCU without IP', { role: 'SCU', modality: 'CT', ipaddress: '' }),
  ];
  for (const outcome of await runWrites(php, generated, writes)) outcomes.set(outcome.name, outcome);
});

afterAll(() => php?.exit());

const governanceFile = () => fileOf(generated, generated.includes[0] as string);

describe('hostile model text', () => {
  it('leaves the governance file valid PHP, without ?>', async () => {
    expect(await php.lint(governanceFile())).toEqual({ ok: true, message: '' });
    expect(governanceFile()).not.toContain('?>');
    expect(governanceFile()).not.toContain('<?php */');
  });

  it('keeps summaries in one-line comments', () => {
    const comment = governanceFile()
      .split('\n')
      .find((line) => line.includes('// AE-1 (error)'));
    expect(comment).toContain("it's a \\ back'slash ? > <?php * / /* $this->x$ %s %1$s 100% \"quoted\"");
  });

  it('checks forbidden characters that are special to PHP strings and regular expressions', () => {
    expect(ruleIdsOf(outcomes.get('title AB') as WriteOutcome)).toEqual([]);
    for (const char of FORBIDDEN) expect(ruleIdsOf(outcomes.get(`title A${char}B`) as WriteOutcome), `A${char}B`).toEqual(['AE-1']);
  });

  it('renders messages with placeholders, the written value being an argument, never a format', () => {
    for (const title of ['A%B', '%1$s', '$this->aetitle$', "A'B", 'A\\B']) {
      const outcome = outcomes.get(`title ${title}`) as WriteOutcome;
      expect(outcome.error).toBeUndefined();
      expect(outcome.issues).toEqual([{ rule: 'AE-1', message: renderMessage(AE1_MESSAGE, { aetitle: title }) }]);
    }
  });

  it('renders a message without placeholders but with % as written', () => {
    expect((outcomes.get('DICOMweb without URL') as WriteOutcome).issues).toEqual([{ rule: 'AE-5', message: AE5_MESSAGE }]);
  });

  it('keeps condition codes intact', () => {
    expect(ruleIdsOf(outcomes.get('SCU without IP') as WriteOutcome)).toEqual(['AE-3']);
  });
});
