import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { GeneratedFile } from '../context.js';
import { moduleVersion, readStoredSchema, type StoredSchema } from './schema.js';

const DATAMODEL = /(^|\/)datamodel\.[^/]+\.xml$/;

/** The stored schema of the files of a release (paths relative to anywhere above its modules). */
export function schemaOfFiles(all: GeneratedFile[], moduleCode: string): StoredSchema | undefined {
  const files = all.flatMap((f) => (typeof f.content === 'string' ? [{ path: f.path, content: f.content }] : []));
  const datamodels = files.filter((f) => DATAMODEL.test(f.path)).sort((a, b) => (a.path < b.path ? -1 : 1));
  if (datamodels.length === 0) return undefined;
  const moduleFile = files.find((f) => f.path === `module.${moduleCode}.php` || f.path.endsWith(`/module.${moduleCode}.php`));
  const version = moduleFile ? moduleVersion(moduleFile.content, moduleCode) : undefined;
  return readStoredSchema(
    datamodels.map((f) => f.content),
    version,
  );
}

/**
 * Reads the released extension at `source`: a folder (the extension folder, a module folder, or a folder holding
 * the extension folder) or a release zip. Only its `datamodel.*.xml` files and the main module file are read.
 * Undefined when `source` holds no datamodel file (or does not exist).
 */
export async function readReleasedSchema(source: string, moduleCode: string): Promise<StoredSchema | undefined> {
  const files = await readReleasedFiles(source, moduleCode);
  return files && schemaOfFiles(files, moduleCode);
}

/** The `datamodel.*.xml` files and the main module file of the release at `source`, as text; undefined where there is none. */
export async function readReleasedFiles(source: string, moduleCode: string): Promise<GeneratedFile[] | undefined> {
  const info = await stat(source).catch(() => undefined);
  if (!info) return undefined;
  const files: GeneratedFile[] = [];
  const wanted = (name: string) => DATAMODEL.test(name) || name.endsWith(`module.${moduleCode}.php`);
  if (info.isFile()) {
    const entries = unzipSync(new Uint8Array(await readFile(source)), { filter: (file) => wanted(file.name) });
    for (const [name, data] of Object.entries(entries)) files.push({ path: name, content: new TextDecoder().decode(data) });
  } else {
    await walk(source, '', 4, async (relative, full) => {
      if (wanted(relative)) files.push({ path: relative, content: await readFile(full, 'utf8') });
    });
  }
  return files.some((file) => DATAMODEL.test(file.path)) ? files : undefined;
}

/**
 * Whether two releases have byte-identical datamodel files (the usual regeneration without a schema edit):
 * then no schema change is possible and nothing needs parsing.
 */
export function sameDatamodels(a: GeneratedFile[], b: GeneratedFile[]): boolean {
  const texts = (files: GeneratedFile[]) =>
    files
      .filter((file) => DATAMODEL.test(file.path))
      .map((file) => (typeof file.content === 'string' ? file.content : new TextDecoder().decode(file.content)))
      .sort();
  const [left, right] = [texts(a), texts(b)];
  return left.length === right.length && left.every((text, i) => text === right[i]);
}

async function walk(root: string, relative: string, depth: number, visit: (relative: string, full: string) => Promise<void>): Promise<void> {
  if (depth < 0) return;
  for (const entry of await readdir(path.join(root, relative), { withFileTypes: true })) {
    const rel = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) await walk(root, rel, depth - 1, visit);
    else if (entry.isFile()) await visit(rel, path.join(root, rel));
  }
}
