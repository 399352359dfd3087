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

  const handleRow = (cells: string[], text: string, start: number, end: number): void => {
    const rowLine = line;
    line += 1 + embeddedNewlines(text, start, end);
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

  const parse = (text: string, final: boolean): void => {
    let start = 0;
    let failure: unknown;
    const parser = new Papa.Parser({
      delimiter: separator ?? ',',
      newline: '\n',
      quoteChar: '"',
      escapeChar: '"',
      step: (results) => {
        const end = results.meta.cursor;
        const cells = results.data[0] ?? [''];
        try {
          const quoteError = results.errors.find((e) => e.type === 'Quotes');
          if (quoteError) throw quoteFailure(source.name, line, quoteError.code);
          handleRow(cells, text, start, end);
        } catch (error) {
          failure = error;
          parser.abort();
        }
        start = end;
      },
    });
    const result = parser.parse(text, 0, !final);
    if (failure !== undefined) throw failure;
    partial = final ? '' : text.slice(result.meta.cursor);
    if (partial.length > MAX_ROW_CHARS) throw quoteFailure(source.name, line, 'MissingQuotes');
  };

  for await (const chunk of chunks) {
    separator ??= detectSeparator(chunk);
    parse(partial + chunk, false);
  }
  parse(partial, true);
  if (!header) throw new ImportInputError(source.name, 1, 'the file is empty: a header row is expected');
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
