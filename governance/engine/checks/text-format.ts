import type { Static } from '@sinclair/typebox';
import type { TextFormatCheck } from '../../../model/schema/rule.js';
import { codePoints } from '../values.js';
import type { LocalChecker, Violation } from './types.js';

/**
 * Length (in characters, i.e. code points as mb_strlen counts them), allowed code-point ranges, forbidden
 * characters and, with forbidSurroundingSpaces, no U+0020 at the start or the end. An empty value ('' or null)
 * is skipped (the mandatory check reports it); a value of spaces only is not empty.
 */
export const textFormat: LocalChecker<Static<typeof TextFormatCheck>> = (check, info) => {
  const { field, minLength, maxLength, forbidSurroundingSpaces } = check;
  const index = info.indexOf(field);
  const forbidden = new Set(codePoints(check.forbiddenCharacters));
  const ranges = check.allowedRanges.map(([low, high]) => [low, high] as const);
  const allowed = (point: number): boolean => {
    if (forbidden.has(point)) return false;
    for (let r = 0; r < ranges.length; r++) {
      const [low, high] = ranges[r] as readonly [number, number];
      if (point >= low && point <= high) return true;
    }
    return false;
  };
  const violation: Violation = { field };
  return (subject) => {
    const value = subject.held[index];
    if (value === null || value === undefined || value === '') return undefined;
    const text = typeof value === 'string' ? value : String(value);
    if (forbidSurroundingSpaces && (text.charCodeAt(0) === 0x20 || text.charCodeAt(text.length - 1) === 0x20)) return violation;
    // Code points as `for…of` reads them (a lone surrogate counts as one); stop at the first one not allowed.
    let length = 0;
    for (let i = 0; i < text.length; i++) {
      const point = text.codePointAt(i) as number;
      if (point > 0xffff) i++;
      if (++length > maxLength || !allowed(point)) return violation;
    }
    return length < minLength ? violation : undefined;
  };
};
