import type { Static } from '@sinclair/typebox';
import type { RangeCheck } from '../../../model/schema/rule.js';
import { integerOf } from '../values.js';
import type { LocalChecker } from './types.js';

/**
 * When the value is a decimal integer (a number, or a string of digits with an optional sign: what PHP's
 * `(int)` reads faithfully), it must lie within [min, max]. Empty values and other strings are skipped
 * (the latter are ITOP-INTEGER's).
 */
export const range: LocalChecker<Static<typeof RangeCheck>> = (check, subject) => {
  const value = subject.object[check.field];
  const number = value === undefined ? undefined : integerOf(value);
  return number !== undefined && (number < check.min || number > check.max) ? [{ field: check.field }] : [];
};
