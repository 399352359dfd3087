/** Helpers of the import-check tests: CSV files in a temporary folder, and a run of the check on them. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { runImportCheck, type ImportCheckInput } from '../../import-check/index.js';

/** A temporary folder removed after the test file. */
export function workFolder(prefix: string): (name: string, content: string | Buffer) => string {
  const dir = mkdtempSync(path.join(tmpdir(), `import-check-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return (name, content) => {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    return file;
  };
}

/** One CSV cell as Excel writes it: quoted when it holds the separator, a quote, a line break or edge blanks. */
export function csvCell(value: unknown, separator = ','): string {
  const text = value === null || value === undefined ? '' : String(value);
  return text.includes(separator) || /["\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csv(rows: unknown[][], separator = ','): string {
  return rows.map((row) => row.map((cell) => csvCell(cell, separator)).join(separator)).join('\n') + '\n';
}

/** Runs the check; findings as `line ruleId` strings (plus the full report). */
export async function check(input: ImportCheckInput) {
  const report = await runImportCheck(input);
  return { report, found: report.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`) };
}
