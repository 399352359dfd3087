import type { Static } from '@sinclair/typebox';
import type { RequiredWhenCheck } from '../../../model/schema/rule.js';
import { conditionHolds } from './condition.js';
import type { LocalChecker } from './types.js';

/** When the condition holds, one violation per listed field that is empty (iTop's IsNull). */
export const requiredWhen: LocalChecker<Static<typeof RequiredWhenCheck>> = (check, subject) =>
  conditionHolds(check.when, subject) ? check.fields.filter((code) => subject.isEmpty(code)).map((field) => ({ field })) : [];
