/**
 * `audit`: which stored objects break a governance rule, from iTop exports (docs/AUDIT.md). The exports are read
 * exactly as `check --existing` reads them (same CSV reader, same references), then every object of a governed
 * class is audited by the engine's auditor (governance/engine/audit.ts), the same evaluation iTop's Audit runs
 * with the generated audit rules. Obsolete objects are left out unless `obsolete` is set, as iTop's Audit leaves
 * them out unless the user shows obsolete data.
 */
import path from 'node:path';
import defaultModel from '../../model/br-medicaldevice/index.js';
import { auditFormOf, auditKeyOf } from '../../governance/audit/audit-forms.js';
import { createAuditor } from '../../governance/engine/audit.js';
import type { StoredRecord } from '../../governance/engine/types.js';
import type { Language, ModelDefinition, Severity } from '../../model/schema/model.js';
import { ImportCheck, type FileTotals, type Finding } from '../check.js';
import type { Encoding } from '../csv/decode.js';
import type { CsvSource } from '../csv/read-csv.js';
import { ImportInputError } from '../errors.js';

export interface AuditInput {
  /** iTop exports: `FILE` (class told by the header) or `CLASS:FILE`. */
  exports: string[];
  lang?: Language;
  encoding?: Encoding;
  separator?: string;
  /** Audit obsolete objects too (iTop: "show obsolete data"). */
  obsolete?: boolean;
  model?: ModelDefinition;
}

export interface AuditFinding extends Finding {
  /** iTop id of the object. */
  id: number;
  /** Name of the rule in iTop's Audit: `AE-1`, `AE-10 (LNK-2)`. */
  auditKey: string;
  /** Whether iTop's Audit has a rule for it. */
  auditedInItop: boolean;
}

export interface AuditRuleCount {
  auditKey: string;
  ruleId: string;
  className: string;
  severity: Severity;
  auditedInItop: boolean;
  /** Objects that break the rule. */
  objects: number;
}

export interface AuditTotals {
  /** Stored objects of the governed classes audited (obsolete ones left out unless --obsolete). */
  objects: number;
  /** Objects left out because they are obsolete. */
  obsolete: number;
  errors: number;
  warnings: number;
  /** Objects that break at least one rule. */
  violators: number;
}

export interface AuditReport {
  findings: Finding[];
  files: FileTotals[];
  rules: AuditRuleCount[];
  totals: AuditTotals;
}

export async function runAudit(input: AuditInput): Promise<AuditReport> {
  const model = input.model ?? defaultModel;
  const lang = input.lang ?? 'en';
  if (input.exports.length === 0) throw new ImportInputError('audit', 0, 'nothing to audit: give the iTop exports (AEs, links, organizations…)');
  const check = new ImportCheck(model, { lang });
  const auditor = createAuditor(model);
  const governed = new Set(auditor.classes);
  const stored: { className: string; id: number; file: string; line: number }[] = [];
  check.exportObserver = (className, record, file, line) => {
    if (governed.has(className)) stored.push({ className, id: record.id, file, line });
  };
  const source = (file: string): CsvSource => ({
    path: file,
    name: path.basename(file),
    encoding: input.encoding ?? 'utf-8',
    ...(input.separator ? { separator: input.separator } : {}),
  });
  await check.loadExisting(
    input.exports.map((spec) => {
      const { className, path: file } = check.classOfSpec(spec);
      return { source: source(file), ...(className ? { className } : {}) };
    }),
  );

  const obsolete = obsolescenceTests(model);
  const findings: Finding[] = [...check.findings];
  const counts = new Map<string, AuditRuleCount>();
  for (const rule of auditor.plan) {
    const key = auditKeyOf(rule);
    counts.set(key, { auditKey: key, ruleId: rule.id, className: rule.class, severity: rule.severity, auditedInItop: auditFormOf(rule, model).audited, objects: 0 });
  }
  const totals: AuditTotals = { objects: 0, obsolete: 0, errors: 0, warnings: 0, violators: 0 };
  const seen = new Set<string>();
  for (const { className, id, file, line } of stored) {
    const seenKey = `${className}#${id}`;
    if (seen.has(seenKey)) continue;
    seen.add(seenKey);
    const record = check.dataset.get(className, id) as StoredRecord;
    if (!input.obsolete && obsolete.get(className)?.(record)) {
      totals.obsolete++;
      continue;
    }
    totals.objects++;
    const issues = auditor.audit(className, record, check.dataset, lang);
    if (issues.length > 0) totals.violators++;
    const key = keyOf(check, className, record);
    for (const issue of issues) {
      const count = counts.get(issue.auditKey);
      if (count) count.objects++;
      if (issue.severity === 'error') totals.errors++;
      else totals.warnings++;
      const finding: AuditFinding = { file, line, className, key, ruleId: issue.ruleId, severity: issue.severity, field: issue.field, message: issue.message, id, auditKey: issue.auditKey, auditedInItop: issue.auditedInItop };
      findings.push(finding);
    }
  }
  return { findings, files: check.files, rules: [...counts.values()], totals };
}

/** `CT_1 / Radiology`: the reconciliation key, references by their target's friendly name. */
function keyOf(check: ImportCheck, className: string, record: StoredRecord): string {
  const schema = check.schemas.of(className);
  return schema.reconciliation
    .map((code) => {
      const field = schema.writable.get(code);
      const value = record[code];
      if (field?.type !== 'externalKey') return value === null || value === undefined ? '' : String(value);
      const target = typeof value === 'number' && value > 0 ? check.dataset.get(field.target, value) : undefined;
      return target ? String(check.dataset.valueOf(field.target, target, 'friendlyname') ?? `#${value}`) : value ? `#${String(value)}` : '';
    })
    .join(' / ');
}

/**
 * Per class, whether an object is obsolete, from the model's obsolescence condition. The conditions the model
 * uses are `attribute = 'value'`; any other is refused rather than guessed (use --obsolete then).
 */
function obsolescenceTests(model: ModelDefinition): Map<string, (record: StoredRecord) => boolean> {
  const tests = new Map<string, (record: StoredRecord) => boolean>();
  for (const cls of model.classes) {
    if (!cls.obsolescence) continue;
    const match = /^\s*([a-z0-9_]+)\s*=\s*'([^'\\]*)'\s*$/.exec(cls.obsolescence);
    if (!match) {
      tests.set(cls.name, () => {
        throw new ImportInputError('audit', 0, `cannot evaluate the obsolescence condition of ${cls.name} (${cls.obsolescence}): use --obsolete to audit every object`);
      });
      continue;
    }
    const [, code, value] = match;
    tests.set(cls.name, (record) => record[code as string] === value);
  }
  return tests;
}
