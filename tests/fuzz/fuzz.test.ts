/**
 * The fuzzer (issue #17) at a fixed seed, within the suite's time budget: writes drawn from the model's own field
 * types, enum codes and rules (tests/fuzz/arbitraries.ts) give the same rule ids, messages and fields in the
 * TypeScript engine, in the generated PHP (iTop 3.2 build on PHP 8.3, 2.7 build on PHP 7.4) and in `check` (CSV).
 * The long run: `npm run fuzz -- --runs 10000 [--seed N]`.
 */
import { describe, expect, it } from 'vitest';
import model from '../../model/br-medicaldevice/index.js';
import { fuzz, type FuzzResult } from './run.js';

const SEED = 17;
const RUNS = 600;

describe(`fuzz: seed ${SEED}, ${RUNS} runs`, () => {
  let result: FuzzResult;

  it('engine, generated PHP (3.2 / PHP 8.3, 2.7 / PHP 7.4) and check agree on every write', async () => {
    result = await fuzz(model, { seed: SEED, runs: RUNS, maxFailures: 1 });
    const report = result.failures.map((f) => `seed ${f.seed}, path ${f.path}:\n${JSON.stringify(f.shrunk)}\n${f.differences.join('\n')}`);
    expect(report).toEqual([]);
    expect(result.failedRuns).toEqual([]);
  });

  it('and the writes reach every rule, iTop check included', () => {
    const ids = [...new Set(model.rules.map((r) => r.id)), 'AE-10', 'ITOP-MANDATORY', 'ITOP-ENUM', 'ITOP-IPADDRESS', 'ITOP-URL', 'ITOP-EXTKEY'];
    for (const id of ids) expect(result.ruleCounts[id] ?? 0, id).toBeGreaterThan(0);
    expect(result.ruleCounts['ITOP-INTEGER']).toBeUndefined();
  });

  it('and check read them by id, by reconciliation columns, and as a link row after its AE row (accepted or rejected)', () => {
    const kinds = Object.keys(result.csvCounts);
    for (const kind of ['CSV rows (by id)', 'CSV rows (by reconciliation columns)', 'resolved (AE accepted)', 'resolved (AE rejected)', 'unresolved (AE rejected)']) {
      expect(kinds.some((k) => k.includes(kind)), kind).toBe(true);
    }
  });
});
