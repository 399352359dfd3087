import type { Static } from '@sinclair/typebox';
import type { RequiredWhenCheck } from '../../../model/schema/rule.js';
import { conditionHolds } from './condition.js';
import type { LocalChecker } from './types.js';

/**
 * When the condition holds and one of the listed fields is empty (iTop's IsNull): ONE violation for the rule,
 * on the first empty field in declaration order (AE-3 with IP and port both missing shows its message once).
 */
export const requiredWhen: LocalChecker<Static<typeof RequiredWhenCheck>> = (check, subject) => {
  if (!conditionHolds(check.when, subject)) return [];
  const field = check.fields.find((code) => subject.isEmpty(code));
  return field === undefined ? [] : [{ field }];
};
