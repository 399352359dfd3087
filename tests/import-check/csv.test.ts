/** The CSV reader: iTop's reading rules, line numbers, encodings, and clear errors on bad input. */
import { describe, expect, it } from 'vitest';
import { ImportInputError } from '../../import-check/index.js';
import { itopCells, readCsv, type CsvSource } from '../../import-check/csv/read-csv.js';
import type { Encoding } from '../../import-check/csv/decode.js';
import { workFolder } from './support.js';

const file = workFolder('csv');

async function read(name: string, content: string | Buffer, encoding: Encoding = 'utf-8', separator?: string) {
  const source: CsvSource = { path: file(name, content), name, encoding, ...(separator ? { separator } : {}) };
  let header: { cells: string[]; separator: string } | undefined;
  const rows: { line: number; cells: string[] }[] = [];
  await readCsv(source, (h) => (header = h), (cells, line) => rows.push({ line, cells }));
  return { header, rows };
}

async function failure(name: string, content: string | Buffer, encoding: Encoding = 'utf-8'): Promise<string> {
  const error = await read(name, content, encoding).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportInputError);
  return (error as ImportInputError).message;
}

describe('CSV reader', () => {
  it('reads quoted values with separators, doubled quotes and line breaks, numbering rows by their first line', async () => {
    const { header, rows } = await read('quotes.csv', 'a,b,c\n1,"x, y","say ""hi"""\n2,"two\nlines\nhere",z\n3,last,row\n');
    expect(header?.cells).toEqual(['a', 'b', 'c']);
    expect(rows).toEqual([
      { line: 2, cells: ['1', 'x, y', 'say "hi"'] },
      { line: 3, cells: ['2', 'two\nlines\nhere', 'z'] },
      { line: 6, cells: ['3', 'last', 'row'] },
    ]);
  });

  it('skips blank lines (counting them) and reads CRLF files and a last row without line end', async () => {
    const { rows } = await read('crlf.csv', 'a,b\r\n\r\n1,2\r\n\r\n3,"x\r\ny"\r\n4,5');
    expect(rows).toEqual([
      { line: 3, cells: ['1', '2'] },
      { line: 5, cells: ['3', 'x\ny'] },
      { line: 7, cells: ['4', '5'] },
    ]);
  });

  it('detects the separator on the header line: comma, semicolon, tab', async () => {
    expect((await read('semi.csv', 'a;b;c\n"1;x";2,5;3\n')).rows[0]?.cells).toEqual(['1;x', '2,5', '3']);
    expect((await read('tab.csv', 'a\tb\n1,5\t"x\ty"\n')).rows[0]?.cells).toEqual(['1,5', 'x\ty']);
    expect((await read('comma.csv', 'a,b\n1;2,3\n')).header?.separator).toBe(',');
    expect((await read('forced.csv', 'a;b\n1;2\n', 'utf-8', ',')).rows[0]?.cells).toEqual(['1;2']);
  });

  it('reads cells as iTop does: unquoted cells trimmed, quoted cells kept, blanks around quotes skipped, <NULL> empty', async () => {
    const { rows } = await read('blanks.csv', 'a,b,c,d\n  x  ," y ", "z" ,<NULL>\n\tt\t,u, ,""\n');
    expect(rows.map((r) => r.cells)).toEqual([
      ['x', ' y ', 'z', ''],
      ['t', 'u', '', ''],
    ]);
    expect(itopCells('  a , "b ""q"" " ,c\n', ',')).toEqual(['a', 'b "q" ', 'c']);
    expect(itopCells('"ab"c,d', ',')).toEqual(['abc', 'd']);
  });

  it('drops a UTF-8 byte order mark', async () => {
    const { header } = await read('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('aetitle,org_id\nCT,1\n')]));
    expect(header?.cells).toEqual(['aetitle', 'org_id']);
  });

  it('reads ISO-8859-1 and Windows-1252 on request', async () => {
    const latin1 = Buffer.from('a,b\nRadiologie Nord,Équipe é\n', 'latin1');
    expect((await read('latin1.csv', latin1, 'iso-8859-1')).rows[0]?.cells).toEqual(['Radiologie Nord', 'Équipe é']);
    const cp1252 = Buffer.concat([Buffer.from('a\n'), Buffer.from([0x80, 0x20, 0x93, 0x71, 0x94]), Buffer.from('\n')]);
    expect((await read('cp1252.csv', cp1252, 'windows-1252')).rows[0]?.cells).toEqual(['€ “q”']);
  });

  it('refuses a byte that is not UTF-8, naming the line and suggesting the encoding', async () => {
    const message = await failure('latin1-as-utf8.csv', Buffer.from('a,b\n1,2\n3,Équipe\n', 'latin1'));
    expect(message).toBe('latin1-as-utf8.csv:3: byte 0xC9 is not valid UTF-8; if the file is ISO-8859-1 (Latin-1), pass --encoding iso-8859-1');
    expect(await failure('utf16.csv', Buffer.from('\ufeffa,b\n', 'utf16le'))).toContain('utf16.csv:1: byte 0xFF is not valid UTF-8 (UTF-16 is not supported');
    expect(await failure('cut.csv', Buffer.concat([Buffer.from('a\nx'), Buffer.from([0xc3])]))).toContain('cut.csv:2: the file ends inside a UTF-8 sequence');
  });

  it('stops on an unbalanced quote with the line the value starts on', async () => {
    expect(await failure('open.csv', 'a,b\n1,2\n3,"never closed\n4,5\n6,7\n')).toBe('open.csv:3: unbalanced quote: a quoted value that starts on this line is never closed');
    expect(await failure('malformed.csv', 'a,b\n1,"x"y\n')).toContain('malformed.csv:2: malformed quoted value');
  });

  it('stops on a row whose number of fields differs from the header', async () => {
    expect(await failure('wide.csv', 'a,b\n1,2\n"multi\nline",2\n3,4,5\n')).toBe('wide.csv:5: 3 fields where the header has 2 (a value containing the separator without quotes?)');
    expect(await failure('narrow.csv', 'a,b,c\n1,2\n')).toBe('narrow.csv:2: 2 fields where the header has 3');
    expect(await failure('empty.csv', '\n\n')).toBe('empty.csv:1: the file is empty: a header row is expected');
  });

  it('reports a missing file without a stack trace', async () => {
    const error = await readCsv({ path: '/nonexistent/AE.csv', name: 'AE.csv', encoding: 'utf-8' }, () => undefined, () => undefined).catch((e: unknown) => e);
    expect((error as Error).message).toBe('AE.csv: cannot read the file: no such file');
  });

  it('keeps line numbers and characters right across read chunks (1 MiB)', async () => {
    const rows: string[] = ['a,b'];
    let expectedLine = 2;
    const expected: { line: number; cells: string[] }[] = [];
    for (let i = 0; expectedLine < 80_000; i++) {
      const multi = i % 97 === 0;
      const value = multi ? `"é${i}\nsecond line, ü"` : `ü€${i}`;
      rows.push(`${i},${value}`);
      expected.push({ line: expectedLine, cells: [String(i), multi ? `é${i}\nsecond line, ü` : `ü€${i}`] });
      expectedLine += multi ? 2 : 1;
    }
    const content = `${rows.join('\n')}\n`;
    expect(Buffer.byteLength(content)).toBeGreaterThan(1 << 20);
    const { rows: read1 } = await read('big.csv', content);
    expect(read1).toEqual(expected);
  });
});
