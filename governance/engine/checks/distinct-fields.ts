import type { Static } from '@sinclair/typebox';
import type { DistinctFieldsCheck } from '../../../model/schema/rule.js';
import type { LocalChecker } from './types.js';

/** Both fields set and holding the same value (as iTop holds it): one violation, on the second field. */
export const distinctFields: LocalChecker<Static<typeof DistinctFieldsCheck>> = (check, subject) => {
  const [first, second] = check.fields;
  if (subject.isEmpty(first) || subject.isEmpty(second)) return [];
  return subject.object[first] === subject.object[second] ? [{ field: second }] : [];
};
