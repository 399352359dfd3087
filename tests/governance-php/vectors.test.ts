/**
 * The shared governance vectors (tests/vectors/*.json), run through the GENERATED PHP for iTop 3.2 (the
 * EVENT_DB_CHECK_TO_WRITE glue of the datamodel XML + src/<Prefix>Governance.php + the en dictionary) inside the
 * stand-in iTop, on PHP 8.3, all vectors in one PHP request. Each vector must give exactly its expected rule
 * ids (issues and warnings; messages are mapped back to ids through the dictionary key that rendered them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ITOP_32 } from '../../generator/targets/target.js';
import { generate, ruleIdsOf, runWrites, type Generated, type WriteOutcome } from '../php/itop-standin.js';
import { startPhp, type PhpRuntime } from '../support/php-runner.js';
import { loadVectorFiles } from '../support/vectors.js';

const files = loadVectorFiles();
const vectors = files.flatMap((file) => file.vectors.map((vector) => ({ key: `${file.file} / ${vector.name}`, vector })));

let php: PhpRuntime;
let generated: Generated;
const outcomes = new Map<string, WriteOutcome>();

beforeAll(async () => {
  php = await startPhp('8.3');
  generated = await generate(ITOP_32);
  const results = await runWrites(
    php,
    generated,
    vectors.map(({ key, vector }) => ({ name: key, existing: vector.existing, write: vector.write })),
  );
  for (const outcome of results) outcomes.set(outcome.name, outcome);
});

afterAll(() => php?.exit());

describe('shared vectors through the generated PHP (iTop 3.2 event listener, PHP 8.3)', () => {
  for (const file of files) {
    describe(file.file, () => {
      it.each(file.vectors.map((vector) => [vector.name, vector] as const))('%s', (name, vector) => {
        const outcome = outcomes.get(`${file.file} / ${name}`);
        expect(outcome?.error).toBeUndefined();
        expect(outcome && ruleIdsOf(outcome)).toEqual(vector.expected);
      });
    });
  }

  it('reports errors as check issues and warnings as check warnings', () => {
    const severity = new Map(generated.plan.map((rule) => [rule.id, rule.severity]));
    for (const outcome of outcomes.values()) {
      for (const issue of outcome.issues) expect(severity.get(issue.rule) ?? 'error', `${outcome.name}: ${issue.rule}`).toBe('error');
      for (const warning of outcome.warnings) expect(severity.get(warning.rule), `${outcome.name}: ${warning.rule}`).toBe('warning');
    }
  });

  it('renders every message from the dictionary (no key shown raw, no placeholder left)', () => {
    for (const outcome of outcomes.values()) {
      for (const { message, rule } of [...outcome.issues, ...outcome.warnings]) {
        expect(message, `${outcome.name}: ${rule}`).not.toMatch(/^Class:|%\d\$s|\{[a-z_]+\}/);
      }
    }
  });

  it('ran all of them', () => {
    expect(outcomes.size).toBe(vectors.length);
    expect(vectors.length).toBeGreaterThan(0);
  });
});
