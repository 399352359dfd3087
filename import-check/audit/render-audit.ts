/** The report of an audit run: one line per finding as `check` writes them, a count per rule, the totals (text); or JSON. */
import type { Language, LocalizedText } from '../../model/schema/model.js';
import { renderMessage } from '../../governance/plan.js';
import type { AuditReport } from './run-audit.js';

const TEXTS = {
  rule: {
    en: '{key} ({severity}): {objects} objects{note}',
    de: '{key} ({severity}): {objects} Objekte{note}',
    fr: '{key} ({severity}) : {objects} objets{note}',
  },
  notAudited: {
    en: ' (not audited in iTop)',
    de: ' (nicht im iTop-Audit)',
    fr: ' (non audité dans iTop)',
  },
  summary: {
    en: '{objects} stored objects audited ({files}): {violators} break a rule; {errors} errors, {warnings} warnings.{obsolete}',
    de: '{objects} gespeicherte Objekte geprüft ({files}): {violators} verletzen eine Regel; {errors} Fehler, {warnings} Warnungen.{obsolete}',
    fr: '{objects} objets enregistrés audités ({files}) : {violators} enfreignent une règle ; {errors} erreurs, {warnings} avertissements.{obsolete}',
  },
  obsolete: {
    en: ' {count} obsolete objects left out (--obsolete to audit them).',
    de: ' {count} obsolete Objekte ausgelassen (--obsolete, um sie zu prüfen).',
    fr: ' {count} objets obsolètes ignorés (--obsolete pour les auditer).',
  },
} satisfies Record<string, LocalizedText>;

export function renderAuditText(report: AuditReport, lang: Language): string {
  const lines: string[] = [];
  for (const f of report.findings) lines.push(`${f.file}:${f.line} [${f.key}] ${f.ruleId} ${f.severity}: ${f.message}`);
  for (const rule of report.rules) {
    lines.push(renderMessage(TEXTS.rule[lang], { key: rule.auditKey, severity: rule.severity, objects: rule.objects, note: rule.auditedInItop ? '' : TEXTS.notAudited[lang] }));
  }
  const files = report.files.map((f) => `${f.file}: ${f.rows}`).join(', ');
  const obsolete = report.totals.obsolete > 0 ? renderMessage(TEXTS.obsolete[lang], { count: report.totals.obsolete }) : '';
  lines.push(renderMessage(TEXTS.summary[lang], { ...report.totals, files, obsolete }));
  return `${lines.join('\n')}\n`;
}

export function renderAuditJson(report: AuditReport): string {
  return `${JSON.stringify({ findings: report.findings, files: report.files, rules: report.rules, totals: report.totals }, null, 2)}\n`;
}
