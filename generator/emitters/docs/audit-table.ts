import type { AuditIR } from '../../ir/audit.js';
import { mdCode, mdTable, mdText } from './markdown.js';

/** Every governance rule and its iTop Audit rule, or "not audited in iTop" and why (generator/ir/audit.ts). */
export function auditTable(audit: AuditIR, classLabel: (name: string) => string, order: readonly { key: string; className: string }[]): string {
  const audited = new Map(audit.categories.flatMap((category) => category.rules.map((rule) => [rule.key, { category, rule }] as const)));
  const skipped = new Map(audit.notAudited.map((rule) => [rule.key, rule]));
  return mdTable(
    ['Rule', 'Class', 'iTop Audit', 'Query (objects that break the rule)'],
    order.map(({ key, className }) => {
      const entry = audited.get(key);
      if (entry) return [key, mdText(classLabel(className)), mdText(`${entry.category.name.en} → ${entry.rule.name.en}`), mdCode(entry.rule.oql)];
      return [key, mdText(classLabel(className)), mdText(`not audited in iTop: ${skipped.get(key)?.reason ?? 'no audit form'}`), ''];
    }),
  );
}
