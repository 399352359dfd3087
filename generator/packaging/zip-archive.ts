import { zipSync, type Zippable } from 'fflate';
import type { GeneratedFile } from '../context.js';

/** Unix permissions written into every entry, whatever the umask or file system of the machine that builds. */
export const FILE_MODE = 0o644;
export const DIRECTORY_MODE = 0o755;

const UNIX_HOST = 3; // "version made by" host system (APPNOTE 4.4.2.2): unzip honours the modes only from Unix
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const MSDOS_DIRECTORY = 0x10;

export interface ZipOptions {
  /** Date written as every entry's timestamp (YYYY-MM-DD): the release date, never the clock. */
  date: string;
}

/**
 * A deterministic zip of `files`: the same files and date give the same bytes on any machine, in any
 * time zone. Entries are sorted by path; every folder gets an explicit entry (so unzip creates it with
 * mode 0755 instead of the extracting user's umask); all modes and timestamps are fixed; no extra
 * fields (no "extended timestamp" in UTC seconds, no uid/gid). fflate is pure JavaScript, so the
 * deflate output does not depend on the zlib that the Node build happens to bundle.
 */
export function buildZip(files: GeneratedFile[], options: ZipOptions): Uint8Array {
  const mtime = dosTimestamp(options.date);
  const entries: Zippable = {};
  for (const entry of zipEntries(files)) {
    const isDirectory = entry.path.endsWith('/');
    // Flat keys (full paths) instead of nested objects: fflate keeps insertion order for them, and our
    // order is the sorted one. A key ending in '/' with empty content is a directory entry.
    entries[entry.path] = [
      entry.content,
      {
        level: isDirectory ? 0 : 9,
        mtime,
        os: UNIX_HOST,
        attrs: isDirectory ? (((S_IFDIR | DIRECTORY_MODE) << 16) | MSDOS_DIRECTORY) >>> 0 : ((S_IFREG | FILE_MODE) << 16) >>> 0,
      },
    ];
  }
  return zipSync(entries);
}

/** Every entry of the zip, in order: the files plus one entry (path ending in '/') per folder that holds them. */
export function zipEntries(files: GeneratedFile[]): { path: string; content: Uint8Array }[] {
  const entries = new Map<string, Uint8Array>();
  for (const file of files) {
    checkEntryPath(file.path);
    if (entries.has(file.path)) throw new Error(`zip: ${file.path} given twice`);
    entries.set(file.path, typeof file.content === 'string' ? new TextEncoder().encode(file.content) : file.content);
    const segments = file.path.split('/');
    for (let i = 1; i < segments.length; i++) entries.set(`${segments.slice(0, i).join('/')}/`, new Uint8Array(0));
  }
  // Plain code-unit order, not localeCompare: independent of the machine's locale. A folder sorts
  // before everything inside it because its path is their prefix.
  return [...entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((path) => ({ path, content: entries.get(path)! }));
}

/** Only plain relative paths go into a release: no absolute paths, no '..', no dot files or dot folders. */
function checkEntryPath(path: string): void {
  const segments = path.split('/');
  if (segments.some((segment) => segment === '' || segment.startsWith('.') || segment.includes('\\'))) {
    throw new Error(`zip: refusing entry '${path}': expected a relative path without empty, '.'/'..' or dot-file segments`);
  }
}

/**
 * The Date whose local-time fields are `date` at 12:00:00. Zip timestamps are MS-DOS wall-clock fields
 * without a time zone, and fflate fills them from the Date's local-time getters; building the Date from
 * local fields makes those getters return the same fields in every time zone. Noon rather than midnight:
 * some zones skip midnight on their daylight-saving day (e.g. America/Havana, Asia/Beirut), and a skipped
 * local time would shift the hour, and the bytes, on those machines only.
 */
export function dosTimestamp(date: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`zip: expected a date YYYY-MM-DD, got '${date}'`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1980 || year > 2099) throw new Error(`zip: ${date} cannot be stored in a zip timestamp (1980 to 2099)`);
  const local = new Date(year, month - 1, day, 12, 0, 0);
  if (local.getFullYear() !== year || local.getMonth() !== month - 1 || local.getDate() !== day || local.getHours() !== 12) {
    throw new Error(`zip: ${date} is not a valid calendar date`);
  }
  return local;
}
