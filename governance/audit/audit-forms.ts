/**
 * The audit form of every governance rule: an iTop OQL query that selects the STORED objects breaking the rule
 * (an AuditRule with valid_flag = false), or the reason OQL cannot express the rule exactly. Each rule kind of the
 * vocabulary has its form here (`AUDIT_FORMS`, one entry per kind, checked by the compiler); a form that cannot be
 * exact says so (`audited: false`) rather than emitting an approximate query.
 *
 * Semantics: the rule evaluated on the object as stored, whatever changed (the audit's view), exactly as the
 * engine's auditor (governance/engine/audit.ts) evaluates it:
 * - text-format / url: REGEXP with a negative look-ahead (OQL has no NOT REGEXP). MariaDB and MySQL 8 compare
 *   REGEXP case-insensitively under iTop's utf8mb4_unicode_ci collation; every such pattern starts with `(?-i)`
 *   (so `HTTPS://` or the Kelvin sign U+212A, which folds to `k`, are not taken for valid), ends with `\z` (PCRE's
 *   `$` also matches before a final newline) and writes every literal character as `\x{HH}`. These need a PCRE
 *   (MariaDB ≥ 10.0.5) or ICU (MySQL ≥ 8.0.4) REGEXP; on MySQL 5.7 iTop's audit shows the rule as an OQL error,
 *   never a wrong count.
 * - "empty" is iTop's IsNull on the stored value: NULL or '' for strings (tested with REGEXP, not `= ''`, which
 *   the PAD SPACE collation would also grant to '  '), NULL for integers and enums, 0 for external keys.
 * - joins (unique-together, referenced-value-not-in, referenced-by) go through external keys, the only joins OQL
 *   has; a referenced object that does not exist joins nothing (the engine skips it too).
 */
import type { PlannedCheck, PlannedRule } from '../plan.js';
import type { Field, ModelDefinition } from '../../model/schema/model.js';
import { writableFieldsOf } from '../engine/subject.js';
import type { WritableField } from '../engine/values.js';

export type AuditForm =
  | {
      audited: true;
      /** OQL selecting the objects of the rule's class that break the rule (AuditRule valid_flag = false). */
      oql: string;
      /** The query uses REGEXP features of PCRE / ICU (MariaDB ≥ 10.0.5, MySQL ≥ 8.0.4). */
      pcre: boolean;
    }
  | { audited: false; reason: string };

interface FormContext {
  model: ModelDefinition;
  className: string;
  fields: ReadonlyMap<string, WritableField>;
}

type CheckOf<K extends PlannedCheck['kind']> = Extract<PlannedCheck, { kind: K }>;
type FormOf<K extends PlannedCheck['kind']> = (check: CheckOf<K>, ctx: FormContext) => AuditForm;

/** Stable identity of a planned rule inside its audit category: its id, with the rule it derives from. */
export function auditKeyOf(rule: Pick<PlannedRule, 'id' | 'derivedFrom'>): string {
  return rule.derivedFrom ? `${rule.id} (${rule.derivedFrom})` : rule.id;
}

/** The audit form of a planned rule. */
export function auditFormOf(rule: PlannedRule, model: ModelDefinition): AuditForm {
  const fields = writableFieldsOf(model, rule.class);
  if (!fields) return { audited: false, reason: `class ${rule.class} is not a class of the model` };
  const form = AUDIT_FORMS[rule.check.kind] as FormOf<PlannedCheck['kind']>;
  return form(rule.check, { model, className: rule.class, fields });
}

// ---------------------------------------------------------------------------------------------------------------
// OQL and regex text

/** An OQL string literal: the lexer accepts `\\` and `\'` only, and the parser strips the slashes. */
export function oqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

const list = (values: readonly string[]): string => `(${values.map(oqlString).join(', ')})`;

/** A code point as a PCRE / ICU escape. */
const hex = (point: number): string => `\\x{${point.toString(16).padStart(2, '0')}}`;

/** A character class of inclusive code-point ranges; every literal escaped. */
function charClass(ranges: readonly (readonly [number, number])[], negated = false): string {
  const body = ranges.map(([low, high]) => (low === high ? hex(low) : `${hex(low)}-${hex(high)}`)).join('');
  return `[${negated ? '^' : ''}${body}]`;
}

/** Inclusive ranges minus the given code points, merged and sorted. */
function subtract(ranges: readonly (readonly [number, number])[], removed: ReadonlySet<number>): [number, number][] {
  const sorted = [...ranges].map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]).sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [low, high] of sorted) {
    const last = merged[merged.length - 1];
    if (last && low <= last[1] + 1) last[1] = Math.max(last[1], high);
    else merged.push([low, high]);
  }
  const out: [number, number][] = [];
  const cuts = [...removed].sort((a, b) => a - b);
  for (const [low, high] of merged) {
    let start = low;
    for (const cut of cuts) {
      if (cut < start || cut > high) continue;
      if (cut > start) out.push([start, cut - 1]);
      start = cut + 1;
    }
    if (start <= high) out.push([start, high]);
  }
  return out;
}

/** A REGEXP matching exactly the non-empty values that `valid` (a pattern of whole values) does not match. */
const invalidPattern = (valid: string): string => `(?-i)^(?!(?:|${valid})\\z)`;

/** Any character (newlines included, on every REGEXP engine iTop runs on): a value that is not empty. */
const ANY_CHARACTER = '.|[[:space:]]';

/** Whitespace as the engine's URL check knows it: space, \t, \n, \v, \f, \r. */
const WHITESPACE = [0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d];

const STRING_TYPES = new Set<Field['type']>(['string', 'text', 'ipAddress', 'url']);

/** `ref` is not empty (iTop's IsNull is false) on the stored value. */
function notEmpty(ref: string, field: WritableField): string {
  switch (field.type) {
    case 'externalKey':
      return `${ref} != 0`;
    case 'integer':
      return `ISNULL(${ref}) = 0`;
    case 'enum':
      return `${ref} != ''`;
    default:
      return `${ref} REGEXP ${oqlString(ANY_CHARACTER)}`;
  }
}

/** `ref` is empty (iTop's IsNull) on the stored value. */
function empty(ref: string, field: WritableField): string {
  switch (field.type) {
    case 'externalKey':
      return `(ISNULL(${ref}) = 1 OR ${ref} = 0)`;
    case 'integer':
      return `ISNULL(${ref}) = 1`;
    case 'enum':
      return `(ISNULL(${ref}) = 1 OR ${ref} = '')`;
    default:
      return `(ISNULL(${ref}) = 1 OR (${ref} REGEXP ${oqlString(ANY_CHARACTER)}) = 0)`;
  }
}

const notAudited = (reason: string): AuditForm => ({ audited: false, reason });

/** Condition terms (`when`): enum attributes only, whose stored codes the database holds exactly (SQL ENUM). */
function conditionTerms(when: Readonly<Record<string, readonly string[]>>, ctx: FormContext): string[] | string {
  const terms: string[] = [];
  for (const [code, values] of Object.entries(when)) {
    const field = ctx.fields.get(code);
    if (field?.type !== 'enum') return `its condition reads '${code}', which is not an enum: SQL would compare it case-insensitively, the rule exactly`;
    terms.push(`${ctx.className}.${code} IN ${list(values)}`);
  }
  return terms;
}

function select(ctx: FormContext, where: string[], joins = ''): string {
  return `SELECT ${ctx.className}${joins} WHERE ${where.join(' AND ')}`;
}

// ---------------------------------------------------------------------------------------------------------------
// One form per rule kind

export const AUDIT_FORMS: { [K in PlannedCheck['kind']]: FormOf<K> } = {
  'text-format'(check, ctx) {
    const field = ctx.fields.get(check.field);
    if (!field || !STRING_TYPES.has(field.type)) return notAudited(`'${check.field}' is not a text attribute`);
    const forbidden = new Set([...check.forbiddenCharacters].map((c) => c.codePointAt(0) as number));
    const inner = subtract(check.allowedRanges, forbidden);
    const edge = check.forbidSurroundingSpaces ? subtract(inner, new Set([0x20])) : inner;
    const min = Math.max(check.minLength, 1);
    const max = check.maxLength;
    const alternatives: string[] = [];
    if (inner.length > 0 && min <= max) {
      if (!check.forbidSurroundingSpaces) alternatives.push(`${charClass(inner)}{${min},${max}}`);
      else if (edge.length > 0) {
        if (min <= 1) alternatives.push(charClass(edge));
        if (max >= 2) alternatives.push(`${charClass(edge)}${charClass(inner)}{${Math.max(0, min - 2)},${max - 2}}${charClass(edge)}`);
      }
    }
    const valid = alternatives.length === 0 ? '(?!)' : alternatives.join('|');
    return { audited: true, oql: select(ctx, [`${ctx.className}.${check.field} REGEXP ${oqlString(invalidPattern(valid))}`]), pcre: true };
  },

  'required-when'(check, ctx) {
    const terms = conditionTerms(check.when, ctx);
    if (typeof terms === 'string') return notAudited(terms);
    const missing: string[] = [];
    for (const code of check.fields) {
      const field = ctx.fields.get(code);
      if (!field) return notAudited(`'${code}' is not a writable attribute of ${ctx.className}`);
      missing.push(empty(`${ctx.className}.${code}`, field));
    }
    return { audited: true, oql: select(ctx, [...terms, `(${missing.join(' OR ')})`]), pcre: false };
  },

  'empty-when'(check, ctx) {
    const terms = conditionTerms(check.when, ctx);
    if (typeof terms === 'string') return notAudited(terms);
    const present: string[] = [];
    for (const code of check.fields) {
      const field = ctx.fields.get(code);
      if (!field) return notAudited(`'${code}' is not a writable attribute of ${ctx.className}`);
      present.push(notEmpty(`${ctx.className}.${code}`, field));
    }
    return { audited: true, oql: select(ctx, [...terms, `(${present.join(' OR ')})`]), pcre: false };
  },

  range(check, ctx) {
    const field = ctx.fields.get(check.field);
    if (field?.type !== 'integer') {
      return notAudited(`'${check.field}' is not an integer attribute: the rule reads digit strings as numbers, SQL would compare the text`);
    }
    const ref = `${ctx.className}.${check.field}`;
    return { audited: true, oql: select(ctx, [`(${ref} < ${check.min} OR ${ref} > ${check.max})`]), pcre: false };
  },

  url(check, ctx) {
    const field = ctx.fields.get(check.field);
    if (!field || !STRING_TYPES.has(field.type)) return notAudited(`'${check.field}' is not a text attribute`);
    const without = (...points: number[]): string => `[^${[...points, ...WHITESPACE].map(hex).join('')}]`;
    const [SLASH, QUESTION, HASH, AT, COLON, OPEN, CLOSE] = [0x2f, 0x3f, 0x23, 0x40, 0x3a, 0x5b, 0x5d];
    /** A character of host[:port] (the authority ends at / ? #; userinfo, before the last @, is elsewhere). */
    const hostChar = without(SLASH, QUESTION, HASH, AT);
    // The host is not empty: `[…]…` (an IP literal, closed), or a first character other than ':' and '[', or a
    // ':' followed later by another ':' (the port is what follows the last ':').
    const hostPort = `(?:${hex(OPEN)}${hostChar}*${hex(CLOSE)}${hostChar}*|${without(SLASH, QUESTION, HASH, AT, COLON, OPEN)}${hostChar}*|${hex(COLON)}${without(SLASH, QUESTION, HASH, AT, COLON)}*${hex(COLON)}${hostChar}*)`;
    const userInfo = check.forbidCredentials ? '' : `(?:${without(SLASH, QUESTION, HASH)}*${hex(AT)})?`;
    const schemes = check.schemes.map((scheme) => [...scheme].map((c) => (/[a-z0-9]/.test(c) ? c : hex(c.codePointAt(0) as number))).join('')).join('|');
    const rest = `(?:[${[SLASH, QUESTION, HASH].map(hex).join('')}]${without()}*)?`;
    const valid = `(?:${schemes})${hex(COLON)}${hex(SLASH)}${hex(SLASH)}${userInfo}${hostPort}${rest}`;
    return { audited: true, oql: select(ctx, [`${ctx.className}.${check.field} REGEXP ${oqlString(invalidPattern(valid))}`]), pcre: true };
  },

  'distinct-fields'(check, ctx) {
    const [first, second] = check.fields;
    const a = ctx.fields.get(first);
    const b = ctx.fields.get(second);
    const numeric = (f: WritableField | undefined) => f?.type === 'externalKey' || f?.type === 'integer';
    if (!a || !b || !numeric(a) || !numeric(b)) {
      return notAudited('SQL compares text case- and accent-insensitively, the rule compares it exactly: only numeric attributes (external keys, integers) can be audited');
    }
    const x = `${ctx.className}.${first}`;
    const y = `${ctx.className}.${second}`;
    return { audited: true, oql: select(ctx, [`${x} = ${y}`, notEmpty(x, a), notEmpty(y, b)]), pcre: false };
  },

  'referenced-value-not-in'(check, ctx) {
    const key = ctx.fields.get(check.field);
    if (key?.type !== 'externalKey') return notAudited(`'${check.field}' is not an external key`);
    const targetField = writableFieldsOf(ctx.model, key.target)?.get(check.attribute);
    if (targetField?.type !== 'enum') return notAudited(`${key.target}.${check.attribute} is not an enum of the model: SQL would compare it case-insensitively`);
    const alias = 'Referenced';
    const joins = ` JOIN ${key.target} AS ${alias} ON ${ctx.className}.${check.field} = ${alias}.id`;
    return { audited: true, oql: select(ctx, [`${alias}.${check.attribute} IN ${list(check.values)}`], joins), pcre: false };
  },

  'referenced-by'(check, ctx) {
    const attribute = ctx.fields.get(check.attribute);
    if (attribute?.type !== 'enum') return notAudited(`'${check.attribute}' is not an enum: SQL would compare it case-insensitively`);
    const alias = 'Referencing';
    const joins = ` JOIN ${check.referencingClass} AS ${alias} ON ${alias}.${check.referencingField} = ${ctx.className}.id`;
    return { audited: true, oql: select(ctx, [`${ctx.className}.${check.attribute} IN ${list(check.values)}`], joins), pcre: false };
  },

  'unique-together'(check, ctx) {
    // OQL joins only through external keys: the other object is reached through the target of one of them.
    const pivot = check.fields.find((code) => ctx.fields.get(code)?.type === 'externalKey');
    if (!pivot) return notAudited('OQL joins only through external keys, and none of the fields is one: the other object cannot be reached');
    const pivotField = ctx.fields.get(pivot) as Extract<WritableField, { type: 'externalKey' }>;
    const me = ctx.className;
    const joins = ` JOIN ${pivotField.target} AS Pivot ON ${me}.${pivot} = Pivot.id JOIN ${me} AS Other ON Other.${pivot} = Pivot.id`;
    const where = [`${me}.id != Other.id`];
    for (const code of check.fields) {
      if (code === pivot) continue;
      if (!ctx.fields.has(code)) return notAudited(`'${code}' is not a writable attribute of ${me}`);
      where.push(`${me}.${code} = Other.${code}`);
    }
    for (const code of check.ignoreWhenEmpty) {
      const field = ctx.fields.get(code);
      if (!field) return notAudited(`'${code}' is not a writable attribute of ${me}`);
      where.push(notEmpty(`${me}.${code}`, field));
    }
    return { audited: true, oql: select(ctx, where, joins), pcre: false };
  },
};
