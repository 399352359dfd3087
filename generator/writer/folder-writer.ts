import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { GeneratedFile } from '../context.js';

/**
 * Replaces `dir` with exactly `files`, atomically: everything is written into a sibling temporary
 * folder first and swapped in with renames, so a failed run leaves the previous output as it was.
 */
export async function writeFolderAtomically(dir: string, files: GeneratedFile[]): Promise<void> {
  const parent = path.dirname(dir);
  const base = path.basename(dir);
  const staging = path.join(parent, `.${base}.staging-${process.pid}`);
  const retired = path.join(parent, `.${base}.retired-${process.pid}`);
  await mkdir(parent, { recursive: true });
  await rm(staging, { recursive: true, force: true });
  try {
    for (const file of files) {
      const target = path.join(staging, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.content);
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const hadPrevious = await exists(dir);
  if (hadPrevious) await rename(dir, retired);
  try {
    await rename(staging, dir);
  } catch (error) {
    if (hadPrevious) await rename(retired, dir);
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  if (hadPrevious) await rm(retired, { recursive: true, force: true });
}

/** Paths (relative to `dir`) that differ between the folder on disk and `files`: changed, missing or extra. */
export async function diffFolder(dir: string, files: GeneratedFile[]): Promise<string[]> {
  const onDisk = new Set(await listFiles(dir));
  const differing: string[] = [];
  for (const file of files) {
    if (!onDisk.delete(file.path)) {
      differing.push(`${file.path} (missing)`);
      continue;
    }
    const current = await readFile(path.join(dir, file.path));
    const wanted = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : Buffer.from(file.content);
    if (!current.equals(wanted)) differing.push(`${file.path} (changed)`);
  }
  for (const extra of onDisk) differing.push(`${extra} (not generated)`);
  return differing.sort();
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  if (!(await exists(dir))) return [];
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(path.join(dir, entry.name), rel)));
    else out.push(rel);
  }
  return out;
}

async function exists(p: string): Promise<boolean> {
  try {
    await readdir(p);
    return true;
  } catch {
    return false;
  }
}
