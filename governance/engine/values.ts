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

/** A decimal integer literal, signed: what a range check reads as a number when the attribute is not an integer. */
const SIGNED_INTEGER = /^[+-]?[0-9]+$/;

/** PHP's ZEND_LONG_MAX / ZEND_LONG_MIN on the 64-bit builds iTop runs on (as doubles: ±2^63). */
const PHP_INT_MAX = 2 ** 63 - 1;
const PHP_INT_MIN = -(2 ** 63);
const TWO_POW_64 = 2 ** 64;

/**
 * The leading numeric part of a string as PHP 7.1+/8 reads it for `(int)` (`_is_numeric_string_ex` with errors
 * allowed): whitespace (space, \t, \n, \r, \v, \f) skipped, an optional sign, then digits with an optional
 * fraction, or a fraction alone ('.5'), then an optional exponent whose digits are present ('1e3'; '1e' is 1).
 */
const PHP_NUMERIC_PREFIX = /^[ \t\n\r\v\f]*([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)/;

/**
 * PHP's `(int)` cast (7.4 and 8.x alike, 64-bit), which iTop's `AttributeInteger::MakeRealValue` and
 * `AttributeExternalKey::MakeRealValue` apply to every non-empty written value:
 * - a string: its leading numeric part (see PHP_NUMERIC_PREFIX), truncated toward zero; no numeric prefix → 0
 *   ('abc' → 0, '12abc' → 12, ' 104' → 104, '1e3' → 1000, '1.9' → 1, '-1.9' → -1, '0x1A' → 0). A value outside
 *   the 64-bit range saturates (`zend_dval_to_lval_cap`), an infinite one ('1e999') gives 0.
 * - a number (JSON): truncated toward zero; outside the 64-bit range it wraps modulo 2^64 (`zend_dval_to_lval`).
 * Magnitudes beyond 2^53 are held as the nearest double (PHP keeps the exact integer); no rule's verdict depends on
 * them, and messages print them as PHP does where the double is exact (phpStringOf).
 */
export function phpIntCast(value: string | number): number {
  if (typeof value === 'number') return floatToInt(value, 'wrap');
  if (isShortDigits(value)) return Number(value); // the common case, without the regular expression
  const match = PHP_NUMERIC_PREFIX.exec(value);
  return match?.[1] ? floatToInt(Number(match[1]), 'saturate') : 0;
}

/** 1 to 15 ASCII digits: a number PHP and JS read alike, exactly (below 2^53). */
function isShortDigits(value: string): boolean {
  const length = value.length;
  if (length === 0 || length > 15) return false;
  for (let i = 0; i < length; i++) {
    const code = value.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

function floatToInt(value: number, overflow: 'wrap' | 'saturate'): number {
  if (!Number.isFinite(value)) return 0;
  if (value >= PHP_INT_MIN && value < PHP_INT_MAX) return Math.trunc(value) + 0; // + 0: no -0
  if (overflow === 'saturate') return value > 0 ? PHP_INT_MAX : PHP_INT_MIN;
  let wrapped = value % TWO_POW_64;
  if (wrapped < 0) wrapped += TWO_POW_64;
  if (wrapped > PHP_INT_MAX) wrapped -= TWO_POW_64;
  return wrapped + 0;
}

/**
 * A held value as PHP writes it into a message (`(string)` of the value, what `Dict::Format` and iTop's template
 * strings print): integers in full decimal, never in JavaScript's shortest form ("9223372036854776000", "1e+21").
 * An integer held at or beyond 2^63 is PHP_INT_MAX (the cast saturated: 2^63 - 1 is not a double).
 * Exact for every integer the cast produces from a number, or from a string with a fraction or an exponent; a
 * string of more than 15 digits beyond 2^53 ('9007199254740993') is held as the nearest double (see phpIntCast).
 */
export function phpStringOf(value: StoredValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) {
    return value >= PHP_INT_MAX ? '9223372036854775807' : BigInt(value).toString();
  }
  return String(value);
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
 * - integer: null or '' → null, otherwise PHP's `(int)` cast (`AttributeInteger::MakeRealValue`): 'abc' → 0,
 *   '12abc' → 12, ' 104' → 104, '1e3' → 1000, 104.5 → 104, ' ' → 0. iTop never checks the syntax on the server;
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
    case 'integer':
      return value === null || value === undefined || value === '' ? null : phpIntCast(value);
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
 * form; null and '' share the empty key. Final sigma ς is σ (the collation compares primary weights only, and
 * JavaScript's toLowerCase turns a word-final Σ into ς, so "ΟΔΟΣ" must meet "οδοσ" as MySQL has it).
 */
export function collationKey(value: StoredValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  return value.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/ς/g, 'σ').replace(/ +$/, '');
}

/** The characters (code points) of a string, as PHP's mb_* functions count them in UTF-8. */
export function codePoints(value: string): number[] {
  const points: number[] = [];
  for (const char of value) points.push(char.codePointAt(0) ?? 0);
  return points;
}
