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

/** Objects of a class no export and no iTop gave, assumed to exist: how the files named them. */
export interface Assumption {
  className: string;
  label: string;
  criteria: string[];
}

export interface CheckReport {
  findings: Finding[];
  files: FileTotals[];
  totals: Totals;
  /** Empty when every referenced class came from an export or from iTop. */
  assumed: Assumption[];
  /** Where existing objects were read (`--itop`), and how many of each class. */
  itop?: { url: string; objects: Record<string, number> };
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
  if (report.assumed.length > 0) {
    const list = report.assumed.map((a) => `${a.label}: ${a.criteria.join(', ')}`).join('; ');
    lines.push(message('assumed', lang, { list }));
  }
  const files = report.files.filter((f) => f.role === 'import').map((f) => `${f.file}: ${f.rows}`).join(', ');
  lines.push(message('summary', lang, { ...report.totals, files }));
  return `${lines.join('\n')}\n`;
}

export function renderJson(report: CheckReport): string {
  const { findings, files, totals, assumed, itop } = report;
  return `${JSON.stringify({ findings, files, totals, assumed, ...(itop ? { itop } : {}) }, null, 2)}\n`;
}
