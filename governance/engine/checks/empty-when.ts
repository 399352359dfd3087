import type { Static } from '@sinclair/typebox';
import type { EmptyWhenCheck } from '../../../model/schema/rule.js';
import { compileCondition, emptinessOf } from './condition.js';
import type { LocalChecker, Violation } from './types.js';

/**
 * When the condition holds and one of the listed fields is not empty: ONE violation for the rule, on the first
 * such field in declaration order.
 */
export const emptyWhen: LocalChecker<Static<typeof EmptyWhenCheck>> = (check, info) => {
  const holds = compileCondition(check.when, info);
  const fields = check.fields.map((code) => ({ index: info.indexOf(code), empty: emptinessOf(info.fields, code), violation: { field: code } as Violation }));
  return (subject) => {
    if (!holds(subject)) return undefined;
    for (const field of fields) if (!field.empty(subject.held[field.index])) return field.violation;
    return undefined;
  };
};
