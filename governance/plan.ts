import type { LocalizedText, ModelDefinition, RuleCheck, RuleDefinition, Severity } from '../model/schema/model.js';

/**
 * The mirror of a `referenced-value-not-in` rule, checked on the referenced class: an object may not
 * take one of `values` in `attribute` while objects of `referencingClass` point at it through `referencingField`.
 */
export interface ReferencedByCheck {
  kind: 'referenced-by';
  attribute: string;
  values: string[];
  referencingClass: string;
  referencingField: string;
}

export type PlannedCheck = RuleCheck | ReferencedByCheck;

/** Where iTop enforces a rule: natively (a `uniqueness_rules` entry) or in our generated CheckToWrite code. */
export type Enforcement = 'native-uniqueness' | 'generated-php';

export interface PlannedRule {
  id: string;
  class: string;
  severity: Severity;
  summary: LocalizedText;
  message: LocalizedText;
  check: PlannedCheck;
  /** The declared rule this one was derived from (AE-10 from LNK-2 and LNK-3), if any. */
  derivedFrom?: string;
  enforcement: Enforcement;
  /** Local rules read only the written object; the others query the database. */
  local: boolean;
  /** Dictionary key of the message. */
  messageKey: string;
  /** Attribute codes of the message placeholders, in order of first appearance: `%1$s` is the first. */
  placeholders: string[];
  /** Id of the iTop uniqueness rule, for native-uniqueness rules. */
  uniquenessRuleId?: string;
}

/** Ids of iTop's own attribute checks, which the TypeScript engine mirrors (SPEC §3, last paragraph). */
export const ITOP_CHECK_IDS = {
  mandatory: 'ITOP-MANDATORY',
  enum: 'ITOP-ENUM',
  integer: 'ITOP-INTEGER',
  ipAddress: 'ITOP-IPADDRESS',
  url: 'ITOP-URL',
  externalKey: 'ITOP-EXTKEY',
} as const;

/** Every governance rule of the model, declared and derived, with how and where it is enforced. */
export function planGovernance(model: ModelDefinition): PlannedRule[] {
  const planned: PlannedRule[] = [];
  for (const rule of model.rules) planned.push(planDeclared(rule));
  for (const rule of model.rules) {
    const check = rule.check;
    if (check.kind !== 'referenced-value-not-in') continue;
    const key = model.classes.find((c) => c.name === rule.class)?.fields.find((f) => f.code === check.field);
    if (!key || key.type !== 'externalKey') continue;
    const mirror = check.protectReferencedSide;
    planned.push({
      id: mirror.ruleId,
      class: key.target,
      severity: rule.severity,
      summary: mirror.summary,
      message: mirror.message,
      check: {
        kind: 'referenced-by',
        attribute: check.attribute,
        values: check.values,
        referencingClass: rule.class,
        referencingField: check.field,
      },
      derivedFrom: rule.id,
      enforcement: 'generated-php',
      local: false,
      messageKey: `Class:${key.target}/Error:${mirror.ruleId}/${rule.id}`,
      placeholders: placeholdersOf(mirror.message.en),
    });
  }
  return planned;
}

function planDeclared(rule: RuleDefinition): PlannedRule {
  const native = rule.check.kind === 'unique-together';
  const uniquenessRuleId = native ? rule.id.replace(/-/g, '_') : undefined;
  return {
    id: rule.id,
    class: rule.class,
    severity: rule.severity,
    summary: rule.summary,
    message: rule.message,
    check: rule.check,
    enforcement: native ? 'native-uniqueness' : 'generated-php',
    local: rule.check.kind !== 'unique-together' && rule.check.kind !== 'referenced-value-not-in',
    messageKey: native ? `Class:${rule.class}/UniquenessRule:${uniquenessRuleId}` : `Class:${rule.class}/Error:${rule.id}`,
    placeholders: placeholdersOf(rule.message.en),
    ...(uniquenessRuleId ? { uniquenessRuleId } : {}),
  };
}

/** `{code}` placeholders of a message, each once, in order of first appearance. */
export function placeholdersOf(message: string): string[] {
  const codes: string[] = [];
  for (const match of message.matchAll(/\{([a-z0-9_]+)\}/g)) if (match[1] && !codes.includes(match[1])) codes.push(match[1]);
  return codes;
}

/** A message in `Dict::Format` form: `{code}` → `%N$s`, literal `%` doubled for sprintf. */
export function toDictFormat(message: string, placeholders: string[]): string {
  return message.replace(/%/g, '%%').replace(/\{([a-z0-9_]+)\}/g, (_, code: string) => `%${placeholders.indexOf(code) + 1}$s`);
}

/** A message in iTop's TemplateString form, used by native uniqueness messages: `{code}` → `$this->code$`. */
export function toTemplateString(message: string): string {
  return message.replace(/\{([a-z0-9_]+)\}/g, (_, code: string) => `$this->${code}$`);
}

/** A message with its placeholders filled from a record, as the user will read it. */
export function renderMessage(message: string, values: Record<string, unknown>): string {
  return message.replace(/\{([a-z0-9_]+)\}/g, (_, code: string) => {
    const value = values[code];
    return value === null || value === undefined ? '' : String(value);
  });
}
