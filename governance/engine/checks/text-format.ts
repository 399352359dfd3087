import type { Static } from '@sinclair/typebox';
import type { TextFormatCheck } from '../../../model/schema/rule.js';
import { codePoints } from '../values.js';
import type { LocalChecker } from './types.js';

/**
 * Length (in characters, i.e. code points as mb_strlen counts them), allowed code-point ranges, forbidden
 * characters and, with forbidSurroundingSpaces, no U+0020 at the start or the end. An empty value ('' or null)
 * is skipped (the mandatory check reports it); a value of spaces only is not empty.
 */
export const textFormat: LocalChecker<Static<typeof TextFormatCheck>> = (check, subject) => {
  const value = subject.object[check.field];
  if (value === null || value === undefined || value === '') return [];
  const text = String(value);
  const points = codePoints(text);
  const forbidden = new Set(codePoints(check.forbiddenCharacters));
  const ok =
    points.length >= check.minLength &&
    points.length <= check.maxLength &&
    points.every((p) => check.allowedRanges.some(([low, high]) => p >= low && p <= high) && !forbidden.has(p)) &&
    !(check.forbidSurroundingSpaces && (text.startsWith(' ') || text.endsWith(' ')));
  return ok ? [] : [{ field: check.field }];
};
