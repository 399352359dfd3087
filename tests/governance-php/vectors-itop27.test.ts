/**
 * The same shared vectors through the iTop 2.7 build: the DoCheckToWrite override (parent::DoCheckToWrite()
 * first, then m_aCheckIssues / m_aCheckWarnings) instead of the event listener, on PHP 7.4, the newest PHP
 * iTop 2.7 supports. Same governance file, same expected ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ITOP_27 } from '../../generator/targets/target.js';
import { describeClasses, generate, ruleIdsOf, runWrites, type Generated, type WriteOutcome } from '../php/itop-standin.js';
import { startPhp, type PhpRuntime } from '../support/php-runner.js';
import { loadVectorFiles } from '../support/vectors.js';

const files = loadVectorFiles();
const vectors = files.flatMap((file) => file.vectors.map((vector) => ({ key: `${file.file} / ${vector.name}`, vector })));

let php: PhpRuntime;
let generated: Generated;
let outcomes: WriteOutcome[] = [];

beforeAll(async () => {
  php = await startPhp('7.4');
  generated = await generate(ITOP_27);
  outcomes = await runWrites(
    php,
    generated,
    vectors.map(({ key, vector }) => ({ name: key, existing: vector.existing, write: vector.write })),
  );
});

afterAll(() => php?.exit());

describe('shared vectors through the generated PHP (iTop 2.7 DoCheckToWrite override, PHP 7.4)', () => {
  it('wires the checks through DoCheckToWrite only: no event listener', () => {
    const classes = describeClasses(generated).classes;
    for (const cls of Object.values(classes)) expect(cls.listeners).toEqual([]);
  });

  it('gives every vector its expected ids', () => {
    const mismatches = vectors
      .map(({ key, vector }, i) => ({ key, expected: vector.expected, outcome: outcomes[i] }))
      .filter(({ expected, outcome }) => !outcome || outcome.error !== undefined || JSON.stringify(ruleIdsOf(outcome)) !== JSON.stringify(expected))
      .map(({ key, expected, outcome }) => `${key}: expected ${JSON.stringify(expected)}, got ${outcome?.error ?? JSON.stringify(outcome && ruleIdsOf(outcome))}`);
    expect(mismatches).toEqual([]);
    expect(outcomes).toHaveLength(vectors.length);
  });
});
