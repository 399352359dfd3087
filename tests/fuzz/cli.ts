/**
 * npm run fuzz -- [--runs N] [--seed S] [--batch B] [--no-php] [--no-csv] [--max-failures K] [--save]
 *
 * Property-based comparison of the governance engine with the generated PHP (iTop 3.2 build on PHP 8.3, 2.7 build
 * on PHP 7.4) and with `check` (CSV), on writes drawn from the model (tests/fuzz/). Prints the seed, the time and,
 * for each disagreement, the shrunk record; with --save each shrunk record is appended to tests/vectors/fuzz.json
 * as a permanent vector (expected: the engine's verdict; review it: where PHP is right, fix the engine and the
 * expected ids). Exit 0 when everything agrees, 1 otherwise.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import model from '../../model/br-medicaldevice/index.js';
import { vectorOf } from './compare.js';
import { fuzz } from './run.js';
import { VECTORS_DIR, type Vector } from '../support/vectors.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1000' },
    seed: { type: 'string' },
    batch: { type: 'string', default: '250' },
    'max-failures': { type: 'string', default: '3' },
    'no-php': { type: 'boolean', default: false },
    'no-csv': { type: 'boolean', default: false },
    save: { type: 'boolean', default: false },
  },
});

const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
const runs = Number(values.runs);
if (!Number.isInteger(seed) || !Number.isInteger(runs) || runs < 1) {
  console.error('error: --seed and --runs take integers (--runs at least 1)');
  process.exit(2);
}
console.log(`fuzz: seed ${seed}, ${runs} runs`);
const result = await fuzz(model, {
  seed,
  runs,
  batch: Number(values.batch),
  maxFailures: Number(values['max-failures']),
  php: !values['no-php'],
  csv: !values['no-csv'],
  log: (line) => console.log(line),
});
const counts = Object.entries(result.ruleCounts).sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, n]) => `${id} ${n}`).join(', ');
console.log(`rule ids the engine reported (cases): ${counts}`);
console.log(`through check: ${Object.entries(result.csvCounts).sort(([a], [b]) => (a < b ? -1 : 1)).map(([kind, n]) => `${kind} ${n}`).join(', ')}`);
if (values.save && result.failures.length > 0) {
  const file = path.join(VECTORS_DIR, 'fuzz.json');
  const content = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { description: string; vectors: Vector[] })
    : { description: 'Found by the fuzzer (npm run fuzz, tests/fuzz/): each a shrunk write on which the engine, the generated PHP or check disagreed, kept once fixed.', vectors: [] };
  for (const failure of result.failures) {
    content.vectors.push(vectorOf(failure.shrunk, `seed ${failure.seed} path ${failure.path}`, failure.engineIds));
  }
  writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
  console.log(`saved ${result.failures.length} vector(s) to ${path.relative(process.cwd(), file)}`);
}
const seconds = (result.ms / 1000).toFixed(1);
if (result.failedRuns.length === 0) {
  console.log(`fuzz passed: seed ${seed}, ${runs} runs, ${seconds} s`);
} else {
  console.log(`fuzz FAILED: seed ${seed}, ${runs} runs, ${result.failedRuns.length} disagreeing (runs ${result.failedRuns.slice(0, 20).join(', ')}${result.failedRuns.length > 20 ? ', …' : ''}), ${seconds} s`);
  process.exitCode = 1;
}
