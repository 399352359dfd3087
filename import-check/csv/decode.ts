/**
 * Bytes of a CSV file → text, streamed. iTop's import reads UTF-8 (a leading byte order mark is dropped) or, on
 * request, another charset (its default is ISO-8859-1). We refuse what iTop would silently mangle: a byte sequence
 * that is not UTF-8 stops the check with the line it is on, where iTop's `iconv(…//IGNORE)` would drop it.
 *
 * Line ends are normalized to `\n` as iTop's CSVParser does (`str_replace("\r\n", "\n", …)`).
 */
import { createReadStream } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { ImportInputError } from '../errors.js';

export const ENCODINGS = ['utf-8', 'iso-8859-1', 'windows-1252'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** Accepts the usual spellings (UTF8, latin1, ISO-8859-1, cp1252…). */
export function parseEncoding(name: string): Encoding | undefined {
  const key = name.trim().toLowerCase().replace(/_/g, '-');
  if (key === 'utf-8' || key === 'utf8') return 'utf-8';
  if (key === 'iso-8859-1' || key === 'iso8859-1' || key === 'latin1' || key === 'latin-1') return 'iso-8859-1';
  if (key === 'windows-1252' || key === 'cp1252') return 'windows-1252';
  return undefined;
}

const CHUNK_BYTES = 1 << 20;
const BOM = [0xef, 0xbb, 0xbf];

/** Decoded text of `file`, chunk by chunk, with `\r\n` turned into `\n`. */
export async function* decodeFile(file: string, displayName: string, encoding: Encoding): AsyncGenerator<string> {
  const decodeChunk = chunkDecoder(encoding);
  let offset = 0; // bytes of the file before `carry`
  let carry: Buffer | undefined; // an incomplete UTF-8 sequence at the end of the previous chunk
  let pendingCr = false;
  let first = true;
  const normalize = (text: string): string => {
    let out = pendingCr ? `\r${text}` : text;
    pendingCr = out.endsWith('\r');
    if (pendingCr) out = out.slice(0, -1);
    return out.includes('\r\n') ? out.replace(/\r\n/g, '\n') : out;
  };
  try {
    for await (const raw of createReadStream(file, { highWaterMark: CHUNK_BYTES })) {
      let bytes: Buffer = carry ? Buffer.concat([carry, raw as Buffer]) : (raw as Buffer);
      carry = undefined;
      if (first) {
        first = false;
        if (encoding === 'utf-8' && BOM.every((b, i) => bytes[i] === b)) {
          bytes = bytes.subarray(3);
          offset += 3;
        }
      }
      if (encoding === 'utf-8') {
        const complete = completeUtf8Length(bytes);
        if (complete < bytes.length) carry = Buffer.from(bytes.subarray(complete));
        bytes = bytes.subarray(0, complete);
        if (!isUtf8(bytes)) throw await notUtf8(file, displayName, offset + firstInvalidUtf8(bytes), bytes[firstInvalidUtf8(bytes)] ?? 0);
      }
      offset += bytes.length;
      const text = normalize(decodeChunk(bytes, false));
      if (text) yield text;
    }
  } catch (error) {
    if (error instanceof ImportInputError) throw error;
    throw new ImportInputError(displayName, undefined, `cannot read the file: ${describeFsError(error)}`);
  }
  if (carry) throw await notUtf8(file, displayName, offset, carry[0] ?? 0, true);
  const tail = normalize(decodeChunk(Buffer.alloc(0), true)) + (pendingCr ? '\r' : '');
  if (tail) yield tail;
}

function chunkDecoder(encoding: Encoding): (bytes: Buffer, end: boolean) => string {
  if (encoding === 'utf-8') return (bytes) => bytes.toString('utf8');
  // iTop reads ISO-8859-1 through iconv: every byte is the code point of the same value (0x80–0x9F included).
  if (encoding === 'iso-8859-1') return (bytes) => bytes.toString('latin1');
  const decoder = new TextDecoder('windows-1252');
  return (bytes, end) => decoder.decode(bytes, { stream: !end });
}

/** Length of the prefix of `bytes` that does not end inside a UTF-8 multi-byte sequence. */
function completeUtf8Length(bytes: Buffer): number {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = bytes[n - back] ?? 0;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return needed > back ? n - back : n;
  }
  return n;
}

/** Offset of the first byte that breaks UTF-8 (only called once isUtf8 said there is one). */
function firstInvalidUtf8(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] ?? 0;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    const second = bytes[i + 1] ?? 0;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second >= 0xa0) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second >= 0x90)) return i;
    i += length;
  }
  return bytes.length;
}

async function notUtf8(file: string, displayName: string, offset: number, byte: number, atEnd = false): Promise<ImportInputError> {
  const line = await lineAt(file, offset);
  const hex = `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  const where = atEnd ? `the file ends inside a UTF-8 sequence (byte ${hex})` : `byte ${hex} is not valid UTF-8`;
  const hint = byte === 0xff || byte === 0xfe ? ' (UTF-16 is not supported: save the file as "CSV UTF-8")' : '; if the file is ISO-8859-1 (Latin-1), pass --encoding iso-8859-1';
  return new ImportInputError(displayName, line, `${where}${hint}`);
}

/** 1-based line of a byte offset (counts the 0x0A before it); only used to report an error. */
async function lineAt(file: string, offset: number): Promise<number> {
  let line = 1;
  let seen = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK_BYTES, end: Math.max(0, offset - 1) })) {
    const bytes = chunk as Buffer;
    for (let i = bytes.indexOf(10); i !== -1 && seen + i < offset; i = bytes.indexOf(10, i + 1)) line++;
    seen += bytes.length;
  }
  return line;
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
