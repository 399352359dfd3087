/**
 * The audit view of the governance rules: which rules a STORED object breaks, each rule evaluated on the object
 * as it is, whatever changed and independently of the others, as iTop's Audit runs the generated audit rules
 * (governance/audit/audit-forms.ts). It differs from validate() (a write) in three ways:
 * - no iTop attribute checks (they are no governance rules and iTop's Audit has no rule for them);
 * - remote rules run even when a local error rule fails, and whatever changed: referenced-value-not-in reads the
 *   referenced object (an empty key or a missing object: nothing), referenced-by counts the referencing objects
 *   whenever the attribute holds one of its values;
 * - uniqueness: another stored object (not this one) with equal values, as the write check counts them.
 * Rules OQL cannot express are evaluated too; `auditedInItop` tells the caller which ones iTop's Audit has.
 */
import type { Language, ModelDefinition } from '../../model/schema/model.js';
import { auditFormOf, auditKeyOf } from '../audit/audit-forms.js';
import { planGovernance, renderMessage, type PlannedRule } from '../plan.js';
import { isLocalKind, localCheckers, uniquenessCheckers } from './checks/index.js';
import type { ClassInfo, LocalChecker, UniquenessChecker, Violation } from './checks/types.js';
import type { GovernanceContext, LookupOrigin } from './context.js';
import { classShapeOf, Subject, type ClassShape } from './subject.js';
import { WriteError, type Issue, type StoredRecord, type StoredValue } from './types.js';
import { toItopValue } from './values.js';

export interface AuditIssue extends Issue {
  /** The planned rule's key in iTop's Audit: `AE-1`, `AE-10 (LNK-2)`. */
  auditKey: string;
  /** Whether iTop's Audit has a rule for it (OQL can express it). */
  auditedInItop: boolean;
}

type StoredTest = (subject: Subject, context: GovernanceContext) => Violation | undefined;

interface CompiledRule {
  rule: PlannedRule;
  key: string;
  audited: boolean;
  test: StoredTest;
}

export interface Auditor {
  readonly plan: readonly PlannedRule[];
  /** The classes that have governance rules, in plan order. */
  readonly classes: readonly string[];
  /** The rules a stored object breaks, in plan order. */
  audit(className: string, record: StoredRecord, context: GovernanceContext, lang?: Language): AuditIssue[];
}

const AUDIT: LookupOrigin = Object.freeze({ by: 'governance', ruleId: 'audit' });
const NO_CHANGES = Object.freeze([]);

export function createAuditor(model: ModelDefinition): Auditor {
  const plan = planGovernance(model);
  const compiled = new Map<string, { shape: ClassShape; rules: CompiledRule[] }>();
  const classes = [...new Set(plan.map((rule) => rule.class))];
  const compile = (className: string) => {
    let entry = compiled.get(className);
    if (entry) return entry;
    const shape = classShapeOf(model, className);
    if (!shape) throw new WriteError(`unknown class '${className}'`);
    const info: ClassInfo = { className, fields: shape.fields, indexOf: shape.indexOf };
    const rules: CompiledRule[] = [];
    for (const rule of plan) {
      if (rule.class !== className) continue;
      const form = auditFormOf(rule, model);
      rules.push({ rule, key: auditKeyOf(rule), audited: form.audited, test: storedTest(rule, info) });
    }
    compiled.set(className, (entry = { shape, rules }));
    return entry;
  };
  return {
    plan,
    classes,
    audit(className, record, context, lang = 'en') {
      const { shape, rules } = compile(className);
      const held: StoredValue[] = shape.slots.map((slot) => toItopValue(slot.field, record[slot.code] ?? null));
      const subject = new Subject(shape, 'update', record.id, held, NO_CHANGES);
      const issues: AuditIssue[] = [];
      for (const { rule, key, audited, test } of rules) {
        const violation = test(subject, context);
        if (violation) {
          issues.push({ ruleId: rule.id, severity: rule.severity, field: violation.field, message: renderMessage(rule.message[lang], subject.object), auditKey: key, auditedInItop: audited });
        }
      }
      return issues;
    },
  };
}

/** The rule as a test of a stored object. */
function storedTest(rule: PlannedRule, info: ClassInfo): StoredTest {
  const check = rule.check;
  if (check.kind === 'unique-together') {
    const test = (uniquenessCheckers['unique-together'] as UniquenessChecker<typeof check>)(check, info);
    return (subject, context) => test(subject, context);
  }
  if (isLocalKind(check.kind)) {
    const test = (localCheckers[check.kind] as LocalChecker<typeof check>)(check, info);
    return (subject) => test(subject);
  }
  if (check.kind === 'referenced-value-not-in') {
    const field = info.fields.get(check.field);
    const target = field?.type === 'externalKey' ? field.target : undefined;
    const index = info.indexOf(check.field);
    const violation: Violation = { field: check.field };
    return (subject, context) => {
      const value = subject.held[index];
      if (target === undefined || value === null || value === undefined || value === '' || value === 0) return undefined;
      const object = context.get(target, Number(value), AUDIT);
      const referenced = object?.[check.attribute];
      return referenced !== null && referenced !== undefined && check.values.includes(String(referenced)) ? violation : undefined;
    };
  }
  if (check.kind === 'referenced-by') {
    const index = info.indexOf(check.attribute);
    const violation: Violation = { field: check.attribute };
    return (subject, context) => {
      const value = subject.held[index];
      if (value === null || value === undefined || !check.values.includes(String(value)) || subject.id === undefined) return undefined;
      return context.count(check.referencingClass, { equals: { [check.referencingField]: subject.id } }, AUDIT) > 0 ? violation : undefined;
    };
  }
  throw new Error(`no audit test for rule kind '${(check as { kind: string }).kind}'`);
}
