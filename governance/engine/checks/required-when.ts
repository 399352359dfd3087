import type { Static } from '@sinclair/typebox';
import type { RequiredWhenCheck } from '../../../model/schema/rule.js';
import { compileCondition, emptinessOf } from './condition.js';
import type { LocalChecker, Violation } from './types.js';

/**
 * When the condition holds and one of the listed fields is empty (iTop's IsNull): ONE violation for the rule,
 * on the first empty field in declaration order (AE-3 with IP and port both missing shows its message once).
 */
export const requiredWhen: LocalChecker<Static<typeof RequiredWhenCheck>> = (check, info) => {
  const holds = compileCondition(check.when, info);
  const fields = check.fields.map((code) => ({ index: info.indexOf(code), empty: emptinessOf(info.fields, code), violation: { field: code } as Violation }));
  return (subject) => {
    if (!holds(subject)) return undefined;
    for (const field of fields) if (field.empty(subject.held[field.index])) return field.violation;
    return undefined;
  };
};
