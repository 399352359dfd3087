/**
 * A minimal reader of a zip's central directory, for what unzipSync does not expose: the mode, host
 * system, raw MS-DOS timestamp and extra fields of each entry (APPNOTE.TXT 4.3.12 and 4.3.16).
 */
export interface CentralEntry {
  name: string;
  madeBy: number;
  /** Unix mode (upper 16 bits of the external attributes). */
  mode: number;
  dosDate: { year: number; month: number; day: number; hours: number; minutes: number; seconds: number };
  extraLength: number;
  compression: number;
}

export function readCentralDirectory(zip: Uint8Array): CentralEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error('no end of central directory record');
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const entries: CentralEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (view.getUint32(offset, true) !== 0x02014b50) throw new Error(`bad central header at ${offset}`);
    const time = view.getUint16(offset + 12, true);
    const date = view.getUint16(offset + 14, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    entries.push({
      name: new TextDecoder().decode(zip.subarray(offset + 46, offset + 46 + nameLength)),
      madeBy: view.getUint8(offset + 5),
      mode: view.getUint32(offset + 38, true) >>> 16,
      dosDate: {
        year: 1980 + (date >> 9),
        month: (date >> 5) & 15,
        day: date & 31,
        hours: time >> 11,
        minutes: (time >> 5) & 63,
        seconds: (time & 31) * 2,
      },
      extraLength,
      compression: view.getUint16(offset + 10, true),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
