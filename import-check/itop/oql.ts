/**
 * OQL text built from values of the CSV files. A value always becomes an OQL literal and never OQL syntax: a
 * string is quoted the way iTop's OQL lexer reads a quoted string, an id is a decimal integer.
 *
 * iTop 3.2.0 `core/oql/oql-lexer.plex:172`: a string literal is `'` then any character but `\` and `'`, or `\'`,
 * or `\\`, then `'`; `core/oql/oql-parser.y:203` takes its value as `stripslashes` of what is between the quotes.
 * So `\` → `\\` and `'` → `\'` round-trips every string (line breaks and every other character stand for
 * themselves inside the quotes), and nothing in the value can end the literal.
 */

/** `'…'`: an OQL string literal whose value is exactly `value`. */
export function oqlString(value: string): string {
  let out = "'";
  for (const char of value) out += char === '\\' ? '\\\\' : char === "'" ? "\\'" : char;
  return `${out}'`;
}

/** An id as OQL: a non-negative decimal integer (anything else cannot be an id and is refused). */
export function oqlInteger(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`not an id: ${value}`);
  return String(value);
}

/** `attribute IN (…)` of strings or ids; a value list must not be empty. */
export function oqlIn(attribute: string, values: readonly (string | number)[]): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/.test(attribute)) throw new Error(`not an attribute code: ${attribute}`);
  if (values.length === 0) throw new Error('empty IN list');
  return `${attribute} IN (${values.map((v) => (typeof v === 'number' ? oqlInteger(v) : oqlString(v))).join(', ')})`;
}

/** Splits values into batches whose OQL stays short (iTop parses each query; a few kB per query is fine). */
export function batches<T>(values: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}
