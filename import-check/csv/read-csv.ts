/// <reference path="./papaparse.d.ts" />
/**
 * Streaming CSV reader with iTop's reading rules. Papa Parse splits the text into rows and fields; around it:
 * - the separator is `,`, `;` or tab, detected on the header line (or given);
 * - rows get the number of the line they start on (a quoted value may span lines);
 * - blank lines are skipped (iTop's CSVParser skips them);
 * - cells are read as iTop's CSVParser reads them: an unquoted cell loses its surrounding blanks, a quoted one
 *   keeps them, and blanks before an opening quote are skipped. Papa cannot tell whether a cell was quoted, so a
 *   row whose cells start or end with a blank is re-read with `itopCells` (the exact iTop rules);
 * - `<NULL>` (iTop's NULL_VALUE) reads as an empty cell;
 * - an unbalanced quote or a row whose number of fields differs from the header's stops the check.
 */
import Papa from 'papaparse';
import { ImportInputError } from '../errors.js';
import { decodeFile, type Encoding } from './decode.js';

export interface CsvSource {
  /** Path to read. */
  path: string;
  /** How the file is named in messages. */
  name: string;
  encoding: Encoding;
  /** Forced separator; detected from the header line when absent. */
  separator?: string;
}

export interface CsvHeader {
  cells: string[];
  separator: string;
}

/** Called for every data row, in file order; `line` is the line the row starts on. */
export type RowHandler = (cells: string[], line: number) => void;

export const SEPARATORS = [',', ';', '\t'] as const;
/** A single row longer than this is a quote left open, not data. */
const MAX_ROW_CHARS = 4 << 20;
const NULL_VALUE = '<NULL>';

/** Reads `source`: `onHeader` gets the header (it may throw to refuse it), then `onRow` every data row. */
export async function readCsv(source: CsvSource, onHeader: (header: CsvHeader) => void, onRow: RowHandler): Promise<void> {
  const chunks = decodeFile(source.path, source.name, source.encoding);
  let separator = source.separator;
  let header: string[] | undefined;
  let line = 1; // line of the next row
  let partial = '';

  /** A row read from `text` [start, end) (its line end included); `multiline`: it may span lines. */
  const handleRow = (cells: string[], text: string, start: number, end: number, multiline: boolean): void => {
    const rowLine = line;
    line += multiline ? 1 + embeddedNewlines(text, start, end) : 1;
    if (cells.length === 1 && cells[0] === '') return; // blank line
    if (needsItopReading(cells)) cells = itopCells(text.slice(start, end), separator ?? ',');
    if (!header) {
      header = cells;
      onHeader({ cells, separator: separator ?? ',' });
      return;
    }
    if (cells.length !== header.length) {
      const hint = cells.length > header.length ? ' (a value containing the separator without quotes?)' : '';
      throw new ImportInputError(source.name, rowLine, `${cells.length} fields where the header has ${header.length}${hint}`);
    }
    onRow(cells, rowLine);
  };

  /**
   * Papa Parse on the row that starts at `start`: its cells and where it ends, or undefined when the text ends
   * inside it and more may come (`final` false). A row Papa flags with a quote error stops the check.
   */
  const papaRow = (text: string, start: number, final: boolean): { cells: string[]; end: number } | undefined => {
    let row: { cells: string[]; end: number } | undefined;
    let failure: unknown;
    const parser = new Papa.Parser({
      delimiter: separator ?? ',',
      newline: '\n',
      quoteChar: '"',
      escapeChar: '"',
      step: (results) => {
        parser.abort();
        const quoteError = results.errors.find((e) => e.type === 'Quotes');
        if (quoteError) failure = quoteFailure(source.name, line, quoteError.code);
        else row = { cells: results.data[0] ?? [''], end: start + results.meta.cursor };
      },
    });
    // A slice of a long string shares its characters: no copy. Papa stops after the first row (abort).
    parser.parse(text.slice(start), 0, !final);
    if (failure !== undefined) throw failure;
    return row;
  };

  /**
   * Rows of `text` (whole rows only unless `final`; the rest is kept for the next chunk). A line without any
   * quote is a row whose cells are its fields between separators, exactly as Papa Parse reads it, and so is a
   * plainly quoted line (wellQuotedLine): both are split here. Papa reads the other rows with a quote (a value
   * spanning lines, a malformed quote: its errors stop the check).
   */
  const parse = (text: string, final: boolean): void => {
    const sep = separator ?? ',';
    const length = text.length;
    let start = 0;
    let nextQuote = text.indexOf('"');
    while (start < length) {
      const newline = text.indexOf('\n', start);
      if (newline === -1 && !final) break;
      const end = newline === -1 ? length : newline;
      if (nextQuote !== -1 && nextQuote < start) nextQuote = text.indexOf('"', start);
      if (nextQuote === -1 || nextQuote > end) {
        const cells: string[] = [];
        for (let from = start; ; ) {
          const at = text.indexOf(sep, from);
          if (at === -1 || at >= end) {
            cells.push(text.substring(from, end));
            break;
          }
          cells.push(text.substring(from, at));
          from = at + 1;
        }
        const rowEnd = newline === -1 ? length : newline + 1;
        handleRow(cells, text, start, rowEnd, false);
        start = rowEnd;
        continue;
      }
      const quoted = wellQuotedLine(text, start, end, sep);
      if (quoted) {
        const rowEnd = newline === -1 ? length : newline + 1;
        handleRow(quoted, text, start, rowEnd, false);
        start = rowEnd;
        continue;
      }
      const row = papaRow(text, start, final);
      if (!row) break;
      handleRow(row.cells, text, start, row.end, true);
      start = row.end;
    }
    partial = final ? '' : text.slice(start);
    if (partial.length > MAX_ROW_CHARS) throw quoteFailure(source.name, line, 'MissingQuotes');
  };

  for await (const chunk of chunks) {
    separator ??= detectSeparator(chunk);
    parse(partial + chunk, false);
  }
  parse(partial, true);
  if (!header) throw new ImportInputError(source.name, 1, 'the file is empty: a header row is expected');
}

const QUOTE = 0x22;
const DOUBLED_QUOTES = /""/g;

/**
 * The cells of the line [start, end) when it is plainly quoted: every field either has no quote, or is quoted
 * from its first character and closed on this line right before a separator or the line end (a doubled quote
 * inside is a quote). Papa Parse reads such a line as one row with exactly these cells. Anything else (a quote
 * inside an unquoted field, a value running onto the next line, text or blanks after a closing quote):
 * undefined, for Papa to read.
 */
function wellQuotedLine(text: string, start: number, end: number, sep: string): string[] | undefined {
  const cells: string[] = [];
  let field = start;
  for (;;) {
    if (text.charCodeAt(field) === QUOTE) {
      let search = field + 1;
      let escaped = false;
      for (;;) {
        const quote = text.indexOf('"', search);
        if (quote === -1 || quote >= end) return undefined;
        if (text.charCodeAt(quote + 1) === QUOTE) {
          escaped = true;
          search = quote + 2;
          continue;
        }
        const after = quote + 1;
        if (after !== end && text[after] !== sep) return undefined;
        const value = text.substring(field + 1, quote);
        cells.push(escaped ? value.replace(DOUBLED_QUOTES, '"') : value);
        if (after === end) return cells;
        field = after + 1;
        break;
      }
      continue;
    }
    let fieldEnd = text.indexOf(sep, field);
    if (fieldEnd === -1 || fieldEnd > end) fieldEnd = end;
    const quote = text.indexOf('"', field);
    if (quote !== -1 && quote < fieldEnd) return undefined;
    cells.push(text.substring(field, fieldEnd));
    if (fieldEnd === end) return cells;
    field = fieldEnd + 1;
  }
}

function quoteFailure(file: string, line: number, code: string): ImportInputError {
  return code === 'InvalidQuotes'
    ? new ImportInputError(file, line, 'malformed quoted value: a closing quote must be followed by the separator or the end of the line (write "" for a quote inside a value)')
    : new ImportInputError(file, line, 'unbalanced quote: a quoted value that starts on this line is never closed');
}

/** `\n` inside the row text [start, end), its own line end (the last character) excluded. */
function embeddedNewlines(text: string, start: number, end: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', start); i !== -1 && i < end - 1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

function needsItopReading(cells: string[]): boolean {
  for (const cell of cells) {
    const n = cell.length;
    if (n === 0) continue;
    if (cell.charCodeAt(0) <= 0x20 || cell.charCodeAt(n - 1) <= 0x20 || cell === NULL_VALUE) return true;
  }
  return false;
}

/** The separator used most on the first line, outside quotes; `,` when none is. */
export function detectSeparator(text: string): string {
  const counts = new Map<string, number>(SEPARATORS.map((s) => [s, 0]));
  let quoted = false;
  for (const char of text.replace(/^\n+/, '')) {
    if (char === '\n' && !quoted) break;
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ',';
  for (const [separator, count] of counts) if (count > (counts.get(best) ?? 0)) best = separator;
  return best;
}

const PHP_TRIM = /^[ \t\n\r\0\x0B]+|[ \t\n\r\0\x0B]+$/g;

/**
 * The cells of one row exactly as iTop 3.2's CSVParser reads them (core/csvparser.class.inc.php): blanks (space,
 * tab) before a value are skipped; an unquoted value is `trim()`med; a quoted value is kept as is, `""` inside it
 * is a quote, and blanks after its closing quote are skipped; `<NULL>` is empty.
 */
export function itopCells(row: string, separator: string): string[] {
  const text = row.endsWith('\n') ? row.slice(0, -1) : row;
  const cells: string[] = [];
  let cell = '';
  let state: 'start' | 'raw' | 'quoted' | 'escaped' = 'start';
  const push = (trim: boolean) => {
    const value = trim ? cell.replace(PHP_TRIM, '') : cell;
    cells.push(value === NULL_VALUE ? '' : value);
    cell = '';
  };
  for (const char of text) {
    const blank = char !== separator && (char === ' ' || char === '\t');
    switch (state) {
      case 'start':
        if (char === separator) push(false);
        else if (blank) continue;
        else if (char === '"') state = 'quoted';
        else {
          cell += char;
          state = 'raw';
        }
        break;
      case 'raw':
        if (char === separator) {
          push(true);
          state = 'start';
        } else cell += char;
        break;
      case 'quoted':
        if (char === '"') state = 'escaped';
        else cell += char;
        break;
      case 'escaped':
        if (char === separator) {
          push(false);
          state = 'start';
        } else if (blank) continue;
        else if (char === '"') {
          cell += '"';
          state = 'quoted';
        } else {
          cell += char;
          state = 'start';
        }
        break;
    }
  }
  push(state === 'raw');
  return cells;
}
