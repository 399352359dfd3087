import type { Static } from '@sinclair/typebox';
import type { EmptyWhenCheck } from '../../../model/schema/rule.js';
import { conditionHolds } from './condition.js';
import type { LocalChecker } from './types.js';

/**
 * When the condition holds and one of the listed fields is not empty: ONE violation for the rule, on the first
 * such field in declaration order.
 */
export const emptyWhen: LocalChecker<Static<typeof EmptyWhenCheck>> = (check, subject) => {
  if (!conditionHolds(check.when, subject)) return [];
  const field = check.fields.find((code) => !subject.isEmpty(code));
  return field === undefined ? [] : [{ field }];
};
