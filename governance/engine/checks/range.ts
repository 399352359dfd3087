import type { Static } from '@sinclair/typebox';
import type { RangeCheck } from '../../../model/schema/rule.js';
import { integerOf } from '../values.js';
import type { LocalChecker, Violation } from './types.js';

/**
 * When the attribute holds a number, it must lie within [min, max]. An integer attribute always does unless it
 * is empty: iTop has cast whatever was written with `(int)` ("abc" is 0, "-1" is -1, "12abc" is 12). On another
 * attribute type, a string of digits with an optional sign counts as its number and anything else is skipped.
 */
export const range: LocalChecker<Static<typeof RangeCheck>> = (check, info) => {
  const { field, min, max } = check;
  const index = info.indexOf(field);
  const violation: Violation = { field };
  return (subject) => {
    const value = subject.held[index];
    const number = value === undefined ? undefined : integerOf(value);
    return number !== undefined && (number < min || number > max) ? violation : undefined;
  };
};
