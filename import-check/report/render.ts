/** The report of a check run: one line per finding and the totals (text), or the same as JSON. */
import type { Language } from '../../model/schema/model.js';
import type { FileTotals, Finding } from '../check.js';
import { message } from './messages.js';

export interface Totals {
  rows: number;
  errors: number;
  warnings: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface CheckReport {
  findings: Finding[];
  files: FileTotals[];
  totals: Totals;
}

export function totalsOf(findings: readonly Finding[], files: readonly FileTotals[]): Totals {
  const imports = files.filter((f) => f.role === 'import');
  const sum = (pick: (f: FileTotals) => number) => imports.reduce((n, f) => n + pick(f), 0);
  let errors = 0;
  let warnings = 0;
  for (const finding of findings) {
    if (finding.severity === 'error') errors++;
    else warnings++;
  }
  return {
    rows: sum((f) => f.rows),
    errors,
    warnings,
    created: sum((f) => f.created),
    updated: sum((f) => f.updated),
    unchanged: sum((f) => f.unchanged),
    rejected: sum((f) => f.rejected),
  };
}

/** `AE.csv:17 [CT_1 / Radiology] AE-3 error: An AE with role SCU…`, then the totals. */
export function renderText(report: CheckReport, lang: Language): string {
  const lines: string[] = [];
  for (const f of report.findings) lines.push(`${f.file}:${f.line} [${f.key}] ${f.ruleId} ${f.severity}: ${f.message}`);
  const files = report.files.filter((f) => f.role === 'import').map((f) => `${f.file}: ${f.rows}`).join(', ');
  lines.push(message('summary', lang, { ...report.totals, files }));
  return `${lines.join('\n')}\n`;
}

export function renderJson(report: CheckReport): string {
  return `${JSON.stringify({ findings: report.findings, files: report.files, totals: report.totals }, null, 2)}\n`;
}
