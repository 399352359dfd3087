/**
 * Markdown for model text. Labels and help texts are free text written by people: a `|` would end a
 * table cell, a newline would end a table row, `*`, `_` or `<` would turn into emphasis or HTML.
 */

/** ASCII punctuation CommonMark lets us backslash-escape and that means something inline or in a table. */
const INLINE_SPECIAL = /[\\`*_[\]<>|~&]/g;

/** Model text as inline Markdown, safe in a paragraph or a GFM table cell; line breaks become `<br>`. */
export function mdText(text: string): string {
  return text
    .replace(INLINE_SPECIAL, (c) => `\\${c}`)
    .split(/\r\n|\r|\n/)
    .join('<br>');
}

/** Model text for a heading, which must stay on one line. */
export function mdHeading(text: string): string {
  return mdText(text.replace(/\s*(\r\n|\r|\n)\s*/g, ' '));
}

/**
 * A code span (identifiers, OQL). Inside a code span backslashes are literal, but GFM still splits table
 * cells on `|` first, so a pipe keeps its backslash; the fence is longer than any backtick run inside.
 */
export function mdCode(text: string): string {
  const flat = text.replace(/\s*(\r\n|\r|\n)\s*/g, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A GFM table from already-escaped cells; every row has as many cells as the header. */
export function mdTable(header: string[], rows: string[][]): string {
  for (const row of rows) {
    if (row.length !== header.length) throw new Error(`table row has ${row.length} cells, header has ${header.length}`);
  }
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
