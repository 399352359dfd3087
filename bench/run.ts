/**
 * `npm run bench`: whole-process speed of the command users run, the `br-medicaldevice-gen` bin (bin/ → build/,
 * the prebuilt bundle `npm ci` makes; `npm run bench` rebuilds it first when a source changed).
 *
 * 1. `generate` (into a temporary folder), median of R runs, next to a bare `node -e 0` (target: at most 3×).
 * 2. `check` end to end on seeded synthetic data of N = 100,000 AEs + 100,000 links (200,000 rows) and of 2N, both
 *    with an export of their organizations; each size in a child process, process start included, R runs, the
 *    median kept. The generated files are flushed to disk before the first run. One run through tsx (the sources,
 *    `npm run dev -- check`) is shown too. Peak memory is the child's maximum resident set size (getrusage at exit).
 *    `--variant crlf|semicolon|quoted` writes the same data with CRLF line ends, `;` separators or every cell quoted.
 * The machine's load average is printed.
 *
 * Options: --ae-rows N (default 100000; links as many), --runs R (default 5), --variant V, --no-tsx, --no-check.
 * A benchmark, not a test: it prints the figures and whether they meet the targets, and exits 0.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, fsyncSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rewriteVariant, writeSyntheticFiles, type SyntheticFiles, type Variant } from './synthetic-data.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'br-medicaldevice-gen.js');
const TARGET_ROWS_PER_SECOND = 150_000;
const TARGET_PEAK_MB = 500;
const TARGET_RATIO = 2.2;
const TARGET_START_FACTOR = 3;

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : Number(args[at + 1]);
};
const aeRows = option('--ae-rows', 100_000);
const runs = option('--runs', 5);
const withTsx = !args.includes('--no-tsx');
const withCheck = !args.includes('--no-check');
const variant = (args.includes('--variant') ? args[args.indexOf('--variant') + 1] : 'plain') as Variant;

interface Measure {
  seconds: number;
  peakMb: number;
  totals: { rows: number; errors: number; warnings: number; rejected: number };
}

if (!existsSync(path.join(ROOT, 'build', 'cli.cjs'))) throw new Error('build/ is missing: run npm run build (npm run bench does)');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

const work = mkdtempSync(path.join(tmpdir(), 'br-medicaldevice-bench-'));
try {
  console.log(`node ${process.version}, ${os.cpus().length} cores, load average ${load()}`);

  // 1. generate, whole process, against a bare node.
  const timed = (command: string[]) => {
    const start = performance.now();
    const child = spawnSync(process.execPath, command, { cwd: ROOT, encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`${command.join(' ')} failed (exit ${child.status}): ${child.stderr}`);
    return performance.now() - start;
  };
  const generateOut = path.join(work, 'generated');
  const bare: number[] = [];
  const generate: number[] = [];
  timed([BIN, 'generate', '--out', generateOut, '--docs', path.join(work, 'docs')]); // warm-up (file cache)
  for (let i = 0; i < Math.max(runs, 5) * 2; i++) {
    bare.push(timed(['-e', '0']));
    generate.push(timed([BIN, 'generate', '--out', generateOut, '--docs', path.join(work, 'docs')]));
  }
  const startFactor = median(generate) / median(bare);
  console.log(`generate through the bin: ${median(generate).toFixed(0)} ms; node -e 0: ${median(bare).toFixed(0)} ms (medians of ${generate.length}): ${startFactor.toFixed(2)}×`);
  if (!withCheck) {
    console.log(`targets:\n  generate <= ${TARGET_START_FACTOR}× node -e 0: ${verdict(startFactor <= TARGET_START_FACTOR)} (${startFactor.toFixed(2)}×)`);
    process.exit(0);
  }

  const peakProbe = path.join(work, 'peak.mjs');
  writeFileSync(peakProbe, "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(process.env.BENCH_PEAK_FILE, String(process.resourceUsage().maxRSS)));\n");

  const sizes = [aeRows, 2 * aeRows];
  const files = new Map<number, SyntheticFiles>();
  for (const size of sizes) {
    const set = { organizations: path.join(work, `orgs-${size}.csv`), ae: path.join(work, `ae-${size}.csv`), links: path.join(work, `links-${size}.csv`) };
    await writeSyntheticFiles(set, size, size, 42);
    if (variant !== 'plain') for (const file of Object.values(set)) await rewriteVariant(file, variant);
    files.set(size, set);
  }
  // The files were just written: have the kernel write them out now, not while the first runs are measured.
  for (const set of files.values()) for (const file of Object.values(set)) flush(file);

  const measure = (set: SyntheticFiles, command: string[]): Measure => {
    const peakFile = path.join(work, 'peak.txt');
    const start = performance.now();
    const child = spawnSync(process.execPath, ['--import', peakProbe, ...command, 'check', '--ae', set.ae, '--links', set.links, '--existing', `org:${set.organizations}`, '--format', 'json'], {
      cwd: ROOT,
      env: { ...process.env, BENCH_PEAK_FILE: peakFile },
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    const seconds = (performance.now() - start) / 1000;
    if (child.status !== 0 && child.status !== 1) throw new Error(`check failed (exit ${child.status}): ${child.stderr}`);
    const report = JSON.parse(child.stdout) as { totals: Measure['totals'] };
    return { seconds, peakMb: Number(readFileSync(peakFile, 'utf8')) / 1024, totals: report.totals };
  };
  const results = new Map<number, Measure>();
  console.log(`check through the bin, end to end (process start included), median of ${runs} runs, data: ${variant}`);
  for (const size of sizes) {
    const set = files.get(size) as SyntheticFiles;
    const all = Array.from({ length: runs }, () => measure(set, [BIN]));
    const seconds = median(all.map((m) => m.seconds));
    const peakMb = Math.max(...all.map((m) => m.peakMb));
    const { totals } = all[0] as Measure;
    results.set(size, { seconds, peakMb, totals });
    console.log(
      `${label(size)}: ${totals.rows.toLocaleString('en')} rows in ${seconds.toFixed(2)} s = ${Math.round(totals.rows / seconds).toLocaleString('en')} rows/s, ` +
        `peak ${peakMb.toFixed(0)} MB (${totals.errors} errors, ${totals.warnings} warnings, ${totals.rejected} rows rejected)`,
    );
  }
  const n = results.get(aeRows) as Measure;
  const twoN = results.get(2 * aeRows) as Measure;
  const ratio = twoN.seconds / n.seconds;
  console.log(`time 2N / N: ${ratio.toFixed(2)}`);
  if (withTsx) {
    const viaTsx = measure(files.get(aeRows) as SyntheticFiles, ['--import', 'tsx', path.join(ROOT, 'generator/cli/run.ts')]);
    console.log(`${label(aeRows)} through tsx (the sources: npm run dev -- check), 1 run: ${viaTsx.seconds.toFixed(2)} s = ${Math.round(viaTsx.totals.rows / viaTsx.seconds).toLocaleString('en')} rows/s, peak ${viaTsx.peakMb.toFixed(0)} MB`);
  }

  console.log(`load average after the runs: ${load()} (other work on the machine slows the runs down)`);
  const slowest = Math.min(n.totals.rows / n.seconds, twoN.totals.rows / twoN.seconds);
  console.log('targets:');
  console.log(`  generate <= ${TARGET_START_FACTOR}× node -e 0: ${verdict(startFactor <= TARGET_START_FACTOR)} (${startFactor.toFixed(2)}×)`);
  console.log(`  >= ${TARGET_ROWS_PER_SECOND.toLocaleString('en')} rows/s end to end: ${verdict(slowest >= TARGET_ROWS_PER_SECOND)} (${Math.round(slowest).toLocaleString('en')})`);
  console.log(`  < ${TARGET_PEAK_MB} MB for 100,000 AEs + 100,000 links: ${verdict((aeRows === 100_000 ? n : twoN).peakMb < TARGET_PEAK_MB)} (${(aeRows === 100_000 ? n : twoN).peakMb.toFixed(0)} MB${aeRows === 100_000 ? '' : ', measured at another size'})`);
  console.log(`  2N / N time <= ${TARGET_RATIO.toFixed(1)}: ${verdict(ratio <= TARGET_RATIO)} (${ratio.toFixed(2)})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

function flush(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function label(size: number): string {
  return `${size === aeRows ? 'N ' : '2N'} (${size.toLocaleString('en')} AEs + ${size.toLocaleString('en')} links)`;
}
