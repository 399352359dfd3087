/**
 * The reader splits quote-free lines itself and hands only rows with a quote to Papa Parse. This compares it, on
 * random and adversarial inputs, with the reader that passed every whole chunk to Papa Parse (kept here as the
 * reference): same header, same rows (cells and lines), same error.
 */
/// <reference path="../../import-check/csv/papaparse.d.ts" />
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { decodeFile } from '../../import-check/csv/decode.js';
import { detectSeparator, itopCells, readCsv, type CsvSource } from '../../import-check/csv/read-csv.js';
import { ImportInputError } from '../../import-check/errors.js';
import { workFolder } from './support.js';

const file = workFolder('csv-reference');

/** The reader before the quote-free fast path, verbatim but for names. */
async function referenceReadCsv(source: CsvSource, onHeader: (cells: string[]) => void, onRow: (cells: string[], line: number) => void): Promise<void> {
  const chunks = decodeFile(source.path, source.name, source.encoding);
  let separator = source.separator;
  let header: string[] | undefined;
  let line = 1;
  let partial = '';
  const embeddedNewlines = (text: string, start: number, end: number) => {
    let count = 0;
    for (let i = text.indexOf('\n', start); i !== -1 && i < end - 1; i = text.indexOf('\n', i + 1)) count++;
    return count;
  };
  const needsItopReading = (cells: string[]) => cells.some((cell) => cell.length > 0 && (cell.charCodeAt(0) <= 0x20 || cell.charCodeAt(cell.length - 1) <= 0x20 || cell === '<NULL>'));
  const quoteFailure = (code: string) => new ImportInputError(source.name, line, code === 'InvalidQuotes' ? 'malformed quoted value: a closing quote must be followed by the separator or the end of the line (write "" for a quote inside a value)' : 'unbalanced quote: a quoted value that starts on this line is never closed');
  const handleRow = (cells: string[], text: string, start: number, end: number): void => {
    const rowLine = line;
    line += 1 + embeddedNewlines(text, start, end);
    if (cells.length === 1 && cells[0] === '') return;
    if (needsItopReading(cells)) cells = itopCells(text.slice(start, end), separator ?? ',');
    if (!header) {
      header = cells;
      onHeader(cells);
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
          if (quoteError) throw quoteFailure(quoteError.code);
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
    if (partial.length > 4 << 20) throw quoteFailure('MissingQuotes');
  };
  for await (const chunk of chunks) {
    separator ??= detectSeparator(chunk);
    parse(partial + chunk, false);
  }
  parse(partial, true);
  if (!header) throw new ImportInputError(source.name, 1, 'the file is empty: a header row is expected');
}

type Outcome = { header?: string[]; rows: [number, string[]][]; error?: string };

async function outcome(read: (source: CsvSource, onHeader: (cells: string[]) => void, onRow: (cells: string[], line: number) => void) => Promise<void>, source: CsvSource): Promise<Outcome> {
  const result: Outcome = { rows: [] };
  try {
    await read(source, (cells) => (result.header = cells), (cells, line) => result.rows.push([line, cells]));
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
  }
  return result;
}

const current = (source: CsvSource, onHeader: (cells: string[]) => void, onRow: (cells: string[], line: number) => void) =>
  readCsv(source, (header) => onHeader(header.cells), onRow);

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Text made of the characters that matter to the readers: separators, quotes, blanks, line ends, <NULL>. */
function randomText(random: () => number, length: number): string {
  const pieces = ['a', 'b', 'é', ',', ';', '\t', '"', '""', ' ', '  ', '\n', '\r\n', '<NULL>', '\u00a0', 'x y', ',"', '",', '"\n'];
  let text = '';
  while (text.length < length) text += pieces[Math.floor(random() * pieces.length)];
  return text;
}

/** Rows of 3 cells, some quoted (with separators, quotes and line breaks inside), some with blanks around. */
function randomCsv(random: () => number, rows: number, wellFormed = false): string {
  const cell = (): string => {
    const r = random();
    if (r < 0.5) return `v${Math.floor(random() * 1000)}`;
    if (r < 0.6) return '';
    if (r < 0.7) return ` v${Math.floor(random() * 10)} `;
    if (r < 0.8) return `"q,${Math.floor(random() * 10)}"`;
    if (r < 0.85) return `"two\nlines ""q"""`;
    if (r < 0.9) return ` "spaced" `;
    if (r < 0.93) return '<NULL>';
    if (r < 0.96 || wellFormed) return 'in"side';
    return randomText(random, 3);
  };
  const lines = ['h1,h2,h3'];
  for (let i = 0; i < rows; i++) lines.push(random() < 0.02 ? '' : [cell(), cell(), cell()].join(','));
  return lines.join(random() < 0.5 ? '\n' : '\r\n') + (random() < 0.8 ? '\n' : '');
}

describe('the reader reads as the Papa-only reader did', () => {
  it('on random small files', async () => {
    const random = prng(1);
    for (let i = 0; i < 400; i++) {
      const content = i % 2 === 0 ? randomText(random, 5 + Math.floor(random() * 60)) : randomCsv(random, 1 + Math.floor(random() * 8));
      const source: CsvSource = { path: file(`small-${i}.csv`, content), name: 'x.csv', encoding: 'utf-8', ...(i % 5 === 0 ? { separator: ';' } : {}) };
      expect(await outcome(current, source), JSON.stringify(content)).toEqual(await outcome(referenceReadCsv, source));
    }
  });

  it('on adversarial rows', async () => {
    const cases = [
      'a,b\n"x"  ,y\n', 'a,b\n"x" z,y\n', 'a,b\n  "x\ny",z\n', 'a,b\n"x\n', 'a,b\nx,"y"', 'a,b\nx,"y', 'a,b\n"",""\n', 'a,b\n"a""b",c\n',
      'a,b\n"x"\t,y\n', 'a,b\n"x"\u00a0,y\n', 'a\n"x"\n"y"\n', 'a,b\nx,y\n\n\n"p",q', 'a,b\n"x""\n",y\n', '"a",b\n1,2\n', 'a,b\nx,"y"z"\n1,2\n',
      'a;b\n"x;y";z\n', '\n\na,b\n1,2', 'a,b\n<NULL>,"<NULL>"\n', 'a,b\n"x"\r\n,y\n', 'a,b\n"multi\n\nblank",y\n3,4\n',
      'a,b,c\nx,"b""c",d\n', 'a,b\n"",""\n', 'a\n"x"', 'a,b\nx,"y"', 'a,b\n"a""",b\n', 'a,b\n"a""\n",b\n', 'a,b\n"""",x\n',
      'a,b,c\n"x",,"y"\n', 'a,b\n"x",\n', 'a,b\n" x ","y "\n', 'a,b\n"x""y""z",w\n', 'a\tb\n"x\ty"\t"z"\n', 'a,b\n"x",y"z"\n',
      'a,b\n"x" ,y\n', 'a,b\n"x"y,z\n', 'a,b\n"x\n"\n',
    ];
    for (const [i, content] of cases.entries()) {
      const source: CsvSource = { path: file(`adv-${i}.csv`, content), name: 'x.csv', encoding: 'utf-8' };
      expect(await outcome(current, source), JSON.stringify(content)).toEqual(await outcome(referenceReadCsv, source));
    }
  });

  it('on files of several read chunks (1 MiB), quoted values across chunk ends included', async () => {
    const random = prng(2);
    for (let i = 0; i < 2; i++) {
      const content = randomCsv(random, 150_000, true);
      expect(Buffer.byteLength(content)).toBeGreaterThan(2 << 20);
      const source: CsvSource = { path: file(`big-${i}.csv`, content), name: 'x.csv', encoding: 'utf-8' };
      const mine = await outcome(current, source);
      expect(mine.error).toBeUndefined();
      expect(mine.rows.length).toBeGreaterThan(140_000);
      expect(mine).toEqual(await outcome(referenceReadCsv, source));
    }
  });
});
