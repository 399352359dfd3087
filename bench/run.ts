/**
 * `npm run bench`: end-to-end speed and memory of `check` on seeded synthetic data of N and 2N rows.
 *
 * N = 100,000 AEs + 100,000 links (200,000 rows), 2N = twice that; both with an export of their organizations.
 * Each size is checked in a child process, process start included, 3 times (the median is kept). The command is
 * the shipped one (generator/cli/run.ts → `check`), bundled and minified on the fly with esbuild into a temporary
 * folder so that tsx's transpiling is not measured; one run through tsx (what `npm run check` does) is shown too.
 * The generated files are flushed to disk before the first run. The machine's load average is printed.
 * Peak memory is the child's maximum resident set size (getrusage, read at exit).
 *
 * Options: --ae-rows N (default 100000; links as many), --runs R (default 3), --no-tsx.
 * A benchmark, not a test: it prints the figures and whether they meet the targets, and exits 0.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, fsyncSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { writeSyntheticFiles, type SyntheticFiles } from './synthetic-data.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_ROWS_PER_SECOND = 150_000;
const TARGET_PEAK_MB = 500;
const TARGET_RATIO = 2 * 1.2;

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : Number(args[at + 1]);
};
const aeRows = option('--ae-rows', 100_000);
const runs = option('--runs', 3);
const withTsx = !args.includes('--no-tsx');

interface Measure {
  seconds: number;
  peakMb: number;
  totals: { rows: number; errors: number; warnings: number; rejected: number };
}

const work = mkdtempSync(path.join(tmpdir(), 'br-medicaldevice-bench-'));
try {
  const bundle = path.join(work, 'cli.mjs');
  await build({
    entryPoints: [path.join(ROOT, 'generator/cli/run.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: bundle,
    minify: true,
    logLevel: 'warning',
    // CommonJS dependencies inside an ES module bundle still call require() for Node's modules.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  const peakProbe = path.join(work, 'peak.mjs');
  writeFileSync(peakProbe, "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(process.env.BENCH_PEAK_FILE, String(process.resourceUsage().maxRSS)));\n");

  const sizes = [aeRows, 2 * aeRows];
  const files = new Map<number, SyntheticFiles>();
  for (const size of sizes) {
    const set = { organizations: path.join(work, `orgs-${size}.csv`), ae: path.join(work, `ae-${size}.csv`), links: path.join(work, `links-${size}.csv`) };
    await writeSyntheticFiles(set, size, size, 42);
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
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

  const results = new Map<number, Measure>();
  const os = await import('node:os');
  const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`check, end to end (process start included), bundled with esbuild, median of ${runs} runs; node ${process.version}, ${os.cpus().length} cores, load average ${load()}`);
  for (const size of sizes) {
    const set = files.get(size) as SyntheticFiles;
    const all = Array.from({ length: runs }, () => measure(set, [bundle]));
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
    console.log(`${label(aeRows)} through tsx (npm run check), 1 run: ${viaTsx.seconds.toFixed(2)} s = ${Math.round(viaTsx.totals.rows / viaTsx.seconds).toLocaleString('en')} rows/s, peak ${viaTsx.peakMb.toFixed(0)} MB`);
  }

  console.log(`load average after the runs: ${load()} (other work on the machine slows the runs down)`);
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const slowest = Math.min(n.totals.rows / n.seconds, twoN.totals.rows / twoN.seconds);
  console.log('targets:');
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
