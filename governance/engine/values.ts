/**
 * Values as iTop 3.2.0 sees them: what `AttributeDefinition::MakeRealValue` turns a written value into,
 * what counts as empty (`IsNull`), and how MySQL compares strings (utf8mb4_unicode_ci).
 */
import type { Field } from '../../model/schema/model.js';
import type { StoredValue, WriteValue } from './types.js';

/** Attribute types a write may set; external fields and linked sets are computed by iTop. */
export type WritableField = Extract<Field, { type: 'string' | 'text' | 'integer' | 'ipAddress' | 'url' | 'enum' | 'externalKey' }>;

export function isWritable(field: Field): field is WritableField {
  return field.type !== 'externalField' && field.type !== 'linkedSet';
}

/** A decimal integer literal, signed: the values PHP's `(int)` cast reads faithfully. */
const SIGNED_INTEGER = /^[+-]?[0-9]+$/;

/** PHP's `(int)` cast of a string: leading whitespace, optional sign, digits; anything else reads as 0. */
export function phpIntCast(value: string | number): number {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : 0;
  const match = /^[ \t\n\r\v\f]*([+-]?[0-9]+)/.exec(value);
  return match?.[1] ? Number(match[1]) : 0;
}

/** The integer a value denotes when it is a decimal integer (number or signed digits), else undefined. */
export function integerOf(value: StoredValue): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value === 'string' && SIGNED_INTEGER.test(value)) return Number(value);
  return undefined;
}

/**
 * The value iTop holds after `Set()` (MakeRealValue), iTop 3.2.0:
 * - string, text, IP address, URL: null → '', otherwise the string (a number becomes its decimal form);
 * - enum: null or '' → null, otherwise the string;
 * - integer: null or '' → null; a decimal integer (signed, as a number or a string) → that number;
 *   any other string is kept as written so that ITOP-INTEGER can report it (iTop would cast it with `(int)`);
 * - external key: null or '' → 0, otherwise PHP's `(int)` cast.
 */
export function toItopValue(field: WritableField, value: WriteValue | undefined): StoredValue {
  switch (field.type) {
    case 'string':
    case 'text':
    case 'ipAddress':
    case 'url':
      return value === null || value === undefined ? '' : String(value);
    case 'enum':
      return value === null || value === undefined || value === '' ? null : String(value);
    case 'integer': {
      if (value === null || value === undefined || value === '') return null;
      return integerOf(value) ?? (typeof value === 'number' ? value : value);
    }
    case 'externalKey':
      return value === null || value === undefined || value === '' ? 0 : phpIntCast(value);
  }
}

/** The value of an attribute absent from a creation: the model's default, else the empty value of its type. */
export function defaultOf(field: WritableField): StoredValue {
  const declared = 'default' in field ? field.default : undefined;
  return toItopValue(field, declared ?? null);
}

/** iTop's `IsNull` on a held value: '' for strings, null for enums and integers, 0 for external keys. */
export function isEmptyValue(field: WritableField, value: StoredValue): boolean {
  if (value === null || value === '') return true;
  return field.type === 'externalKey' && value === 0;
}

/** Whether two held values are the same for iTop's change detection (`ListChanges`, strict after MakeRealValue). */
export function sameValue(a: StoredValue, b: StoredValue): boolean {
  return a === b;
}

/**
 * The key under which MySQL's utf8mb4_unicode_ci collation (iTop's DEFAULT_COLLATION) sees a value as equal:
 * case-insensitive, accent-insensitive, trailing spaces ignored (PAD SPACE). Numbers compare by their decimal
 * form; null and '' share the empty key.
 */
export function collationKey(value: StoredValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  return value.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/ +$/, '');
}

/** The characters (code points) of a string, as PHP's mb_* functions count them in UTF-8. */
export function codePoints(value: string): number[] {
  const points: number[] = [];
  for (const char of value) points.push(char.codePointAt(0) ?? 0);
  return points;
}
