import type { Static } from '@sinclair/typebox';
import type { DistinctFieldsCheck } from '../../../model/schema/rule.js';
import { emptinessOf } from './condition.js';
import type { LocalChecker, Violation } from './types.js';

/** Both fields set and holding the same value (as iTop holds it): one violation, on the second field. */
export const distinctFields: LocalChecker<Static<typeof DistinctFieldsCheck>> = (check, info) => {
  const [first, second] = check.fields;
  const firstEmpty = emptinessOf(info.fields, first);
  const secondEmpty = emptinessOf(info.fields, second);
  const firstIndex = info.indexOf(first);
  const secondIndex = info.indexOf(second);
  const violation: Violation = { field: second };
  return (subject) => {
    const a = subject.held[firstIndex];
    const b = subject.held[secondIndex];
    if (firstEmpty(a) || secondEmpty(b)) return undefined;
    return a === b ? violation : undefined;
  };
};
