import type { Static } from '@sinclair/typebox';
import type { EmptyWhenCheck } from '../../../model/schema/rule.js';
import { conditionHolds } from './condition.js';
import type { LocalChecker } from './types.js';

/** When the condition holds, one violation per listed field that is not empty. */
export const emptyWhen: LocalChecker<Static<typeof EmptyWhenCheck>> = (check, subject) =>
  conditionHolds(check.when, subject) ? check.fields.filter((code) => !subject.isEmpty(code)).map((field) => ({ field })) : [];
