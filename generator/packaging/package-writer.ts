import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checksumLine, type ExtensionPackage } from './package-extension.js';

/** Where a package was written. */
export interface WrittenPackage {
  zipPath: string;
  checksumPath: string;
}

/**
 * Writes `<dir>/<zip>` and `<dir>/<zip>.sha256`, each through a temporary file renamed into place,
 * so a reader (or a release upload) never sees a half-written zip. The zip goes first: a checksum
 * file on disk always describes a complete zip.
 */
export async function writePackage(dir: string, pkg: ExtensionPackage): Promise<WrittenPackage> {
  await mkdir(dir, { recursive: true });
  const zipPath = path.join(dir, pkg.fileName);
  const checksumPath = `${zipPath}.sha256`;
  await writeAtomically(zipPath, pkg.bytes);
  await writeAtomically(checksumPath, checksumLine(pkg));
  return { zipPath, checksumPath };
}

async function writeAtomically(file: string, content: string | Uint8Array): Promise<void> {
  // Same folder (rename stays atomic), same ending (git ignores it like the final file: *.zip, *.zip.sha256).
  const temporary = path.join(path.dirname(file), `.tmp-${process.pid}-${path.basename(file)}`);
  try {
    await writeFile(temporary, content, { mode: 0o644 });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
