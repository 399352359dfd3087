/**
 * A fuzz run (issue #17): `runs` cases drawn from the model's arbitraries with `seed`, compared in batches (one PHP
 * request per batch and build); each case that disagrees is replayed alone by fast-check (same seed, its path) and
 * shrunk, and reported with its seed, path and shrunk record.
 */
import fc from 'fast-check';
import type { ModelDefinition } from '../../model/schema/model.js';
import { modelArbitraries, type FuzzCase } from './arbitraries.js';
import { Comparer, type ComparerOptions, type Differences } from './compare.js';

export interface FuzzOptions extends ComparerOptions {
  seed: number;
  runs: number;
  /** Writes per PHP request (default 250). */
  batch?: number;
  /** How many failing cases to shrink and report at most (default 3). */
  maxFailures?: number;
  log?: (line: string) => void;
}

export interface FuzzFailure {
  seed: number;
  /** fast-check's path of the shrunk case: replay with `{ seed, path }`. */
  path: string;
  /** Index of the run that failed first (before shrinking). */
  run: number;
  original: FuzzCase;
  shrunk: FuzzCase;
  differences: Differences;
  /** The engine's rule ids on the shrunk case. */
  engineIds: string[];
}

export interface FuzzResult {
  seed: number;
  runs: number;
  /** Runs that disagreed before shrinking. */
  failedRuns: number[];
  failures: FuzzFailure[];
  ms: number;
  /** How many cases had each rule id in the engine's verdict (coverage of the generators). */
  ruleCounts: Record<string, number>;
  /** Cases compared through check, by kind. */
  csvCounts: Record<string, number>;
}

export async function fuzz(model: ModelDefinition, options: FuzzOptions): Promise<FuzzResult> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const { fuzzCase } = modelArbitraries(model);
  const comparer = await Comparer.start(model, options);
  try {
    const cases = fc.sample(fuzzCase, { seed: options.seed, numRuns: options.runs });
    const batch = options.batch ?? 250;
    const failedRuns: number[] = [];
    const ruleCounts: Record<string, number> = {};
    for (let start = 0; start < cases.length; start += batch) {
      const slice = cases.slice(start, start + batch);
      const differences = await comparer.compare(slice, start);
      differences.forEach((d, i) => {
        if (d.length > 0) failedRuns.push(start + i);
      });
      for (const c of slice) for (const id of new Set(comparer.engineIssues(c).map((issue) => issue.ruleId))) ruleCounts[id] = (ruleCounts[id] ?? 0) + 1;
      log(`${Math.min(start + batch, cases.length)}/${cases.length} runs, ${failedRuns.length} disagreeing, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    const failures: FuzzFailure[] = [];
    for (const run of failedRuns.slice(0, options.maxFailures ?? 3)) {
      const property = fc.asyncProperty(fuzzCase, async (c) => (await comparer.compare([c], run)).every((d) => d.length === 0));
      const details = await fc.check(property, { seed: options.seed, numRuns: options.runs, path: String(run) });
      if (!details.failed || !details.counterexample) continue;
      const shrunk = details.counterexample[0];
      const differences = (await comparer.compare([shrunk], run))[0] ?? [];
      failures.push({
        seed: options.seed,
        path: details.counterexamplePath ?? String(run),
        run,
        original: cases[run] as FuzzCase,
        shrunk,
        differences,
        engineIds: [...new Set(comparer.engineIssues(shrunk).map((i) => i.ruleId))].sort(),
      });
      log(`run ${run} shrunk (${details.numShrinks} steps): seed ${options.seed}, path ${details.counterexamplePath}\n${JSON.stringify(shrunk)}\n${differences.join('\n')}`);
    }
    return { seed: options.seed, runs: options.runs, failedRuns, failures, ms: Date.now() - started, ruleCounts, csvCounts: { ...comparer.stats } };
  } finally {
    comparer.close();
  }
}
