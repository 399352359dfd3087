import { phpString } from '../php-string.js';

/** `array('a', 'b')`: every value through phpString. */
export function phpStringArray(values: readonly string[]): string {
  return `array(${values.map(phpString).join(', ')})`;
}

/**
 * Model text made safe for a `//` comment: one line, and without `?>` (which ends PHP mode even inside a
 * line comment) or `*∕` (in case the text lands in a doc block).
 */
export function phpCommentText(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/\?>/g, '? >')
    .replace(/\*\//g, '* /');
}

/** A code point as a PCRE escape usable with the `u` modifier: `\x{5C}`. */
function codePointEscape(codePoint: number): string {
  return `\\x{${codePoint.toString(16).toUpperCase()}}`;
}

/**
 * The inside of a PCRE character class (for the `u` modifier) from inclusive code-point ranges, every
 * character written as an escape so that no model character needs quoting: `\x{20}-\x{7E}`.
 */
export function codePointClass(ranges: readonly (readonly [number, number])[]): string {
  return ranges.map(([low, high]) => (low === high ? codePointEscape(low) : `${codePointEscape(low)}-${codePointEscape(high)}`)).join('');
}

/** The code points of a string (UTF-16 surrogate pairs joined), each once, in order. */
export function codePointsOf(text: string): number[] {
  const points: number[] = [];
  for (const char of text) {
    const point = char.codePointAt(0) ?? 0;
    if (!points.includes(point)) points.push(point);
  }
  return points;
}

/** Indents every non-empty line of a block by `depth` tabs. */
export function indent(lines: readonly string[], depth: number): string[] {
  const prefix = '\t'.repeat(depth);
  return lines.map((line) => (line === '' ? '' : `${prefix}${line}`));
}
