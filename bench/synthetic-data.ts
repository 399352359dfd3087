/**
 * Seeded synthetic import files for the benchmark: organizations (an export), AEs and links of iTop's CSV import,
 * mostly valid, with about 1 % of rows breaking a rule (so the report has findings to print).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** mulberry32: a small seeded PRNG, same data for the same seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticFiles {
  organizations: string;
  ae: string;
  links: string;
}

const MODALITIES = ['CT', 'MR', 'US', 'XA', 'NM', 'CR', 'DX', 'PT', 'MG', 'RF'];

/** Writes `aeCount` AE rows and `linkCount` link rows (plus an export of the organizations they use). */
export async function writeSyntheticFiles(files: SyntheticFiles, aeCount: number, linkCount: number, seed = 42): Promise<void> {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const orgCount = Math.max(10, Math.round(aeCount / 500));
  const orgName = (i: number) => `Hospital ${String(i).padStart(4, '0')}`;

  await writeLines(files.organizations, ['id,name,code'], orgCount, (i) => `${i + 1},${orgName(i)},H${i}`);

  // AE i lives in organization i % orgCount as its k-th AE (k = i / orgCount); roles cycle with k.
  const perOrg = Math.floor(aeCount / orgCount);
  const roleOf = (k: number) => (['SCU', 'SCP', 'BOTH', 'SCP'] as const)[k % 4];
  const titleOf = (org: number, k: number) => `AE_${(org + k * orgCount).toString(36).toUpperCase()}`;
  await writeLines(files.ae, ['aetitle,org_id->name,role,protocol,ipaddress,port,endpoint_url,modality,status,description'], aeCount, (i) => {
    const org = i % orgCount;
    const k = Math.floor(i / orgCount);
    const role = roleOf(k);
    const web = i % 10 === 9;
    const protocol = web ? 'DICOMWEB' : i % 7 === 0 ? 'DICOM_TLS' : 'DICOM';
    let ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    let port = web ? '443' : String(104 + (i % 3) * 11008);
    const url = web ? `https://pacs${i}.example.org/dicom-web` : '';
    let modality = role === 'SCP' ? '' : pick(MODALITIES);
    let title = titleOf(org, k);
    const fault = random();
    if (random() < 0.005 && role !== 'SCP') modality = ''; // AE-8 (warning)
    if (fault < 0.003) port = '0'; // AE-4
    else if (fault < 0.006) ip = role === 'SCP' ? '10.0.0.256' : ''; // ITOP-IPADDRESS or AE-3
    else if (fault < 0.008) title = `${title}_WITH_A_TOO_LONG_TITLE`; // AE-1
    const description = random() < 0.2 ? `"Room ${i % 40}, floor ${i % 5}"` : '';
    return `${title},${orgName(org)},${role},${protocol},${ip},${port},${url},${modality},production,${description}`;
  });

  // Link j of organization j % orgCount: an even k (SCU or BOTH) sends to an odd k (SCP); keys never repeat.
  const half = Math.max(1, Math.floor(perOrg / 2));
  const directions = ['PUSH', 'PULL', 'BIDIR'] as const;
  await writeLines(files.links, ['org_id->name,source_ae_id->aetitle,source_ae_id->org_name,target_ae_id->aetitle,target_ae_id->org_name,direction,status'], linkCount, (j) => {
    const org = j % orgCount;
    const t = Math.floor(j / orgCount);
    const sender = 2 * (t % half);
    const receiver = 2 * ((t + Math.floor(t / half)) % half) + 1;
    const name = orgName(org);
    let source = titleOf(org, sender);
    let target = titleOf(org, receiver);
    const fault = random();
    if (fault < 0.004) target = titleOf(org, 4 * (t % Math.max(1, Math.floor(perOrg / 4)))); // LNK-3: an SCU-only target
    else if (fault < 0.006) source = 'UNKNOWN_AE'; // ITOP-EXTKEY
    else if (fault < 0.008) target = source; // LNK-1
    return `${name},${source},${name},${target},${name},${directions[Math.floor(t / (2 * half)) % 3]},${pick(['planned', 'approved', 'production'])}`;
  });
}

async function writeLines(file: string, header: string[], count: number, line: (i: number) => string): Promise<void> {
  const out = createWriteStream(file);
  let buffer = `${header.join('\n')}\n`;
  for (let i = 0; i < count; i++) {
    buffer += `${line(i)}\n`;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

/** The same data in another dialect of CSV: CRLF line ends, `;` separators, or every cell quoted. */
export type Variant = 'plain' | 'crlf' | 'semicolon' | 'quoted';

/** Rewrites a file written by writeSyntheticFiles (separator `,`, line end `\n`, no `"` inside a cell) in `variant`. */
export async function rewriteVariant(file: string, variant: Variant): Promise<void> {
  if (variant === 'plain') return;
  const { readFile, writeFile } = await import('node:fs/promises');
  const lines = (await readFile(file, 'utf8')).split('\n');
  if (lines.at(-1) === '') lines.pop();
  const rewritten = lines.map((line) => {
    if (variant === 'crlf') return line;
    const split = splitCsvLine(line);
    if (variant === 'semicolon') return split.map((cell) => (cell.includes(';') ? `"${cell}"` : cell.includes(',') ? `"${cell}"` : cell)).join(';');
    return split.map((cell) => `"${cell}"`).join(',');
  });
  await writeFile(file, `${rewritten.join(variant === 'crlf' ? '\r\n' : '\n')}${variant === 'crlf' ? '\r\n' : '\n'}`);
}

/** Splits one line of the synthetic files (quoted cells hold no `"`), returning the unquoted cell values. */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      const close = line.indexOf('"', i + 1);
      out.push(line.slice(i + 1, close));
      i = close + 2;
    } else {
      const comma = line.indexOf(',', i);
      const end = comma === -1 ? line.length : comma;
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}
