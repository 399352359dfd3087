import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../../generator/package-root.js';
import { DEFAULT_MODEL_FILE } from '../default-model.js';

/**
 * Imports a model module (.ts, .js…). The shipped model is part of the sources: it is imported as a module of the
 * program (bundled into build/, so the prebuilt command needs no TypeScript compiler for it), whatever folder the
 * command runs from. Another .ts file is compiled by tsx, loaded only then: under plain Node, a .ts import fails
 * with ERR_UNKNOWN_FILE_EXTENSION; under tsx or vitest it just works.
 */
export async function importModelModule(file: string): Promise<{ default?: unknown }> {
  const absolute = path.resolve(file);
  if (file === DEFAULT_MODEL_FILE || absolute === path.join(PACKAGE_ROOT, DEFAULT_MODEL_FILE)) {
    return (await import('../br-medicaldevice/index.js')) as { default?: unknown };
  }
  const url = pathToFileURL(absolute).href;
  try {
    return (await import(url)) as { default?: unknown };
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ERR_UNKNOWN_FILE_EXTENSION' || !/\.[cm]?ts$/.test(file)) throw error;
    const { tsImport } = await import('tsx/esm/api');
    return (await tsImport(url, import.meta.url)) as { default?: unknown };
  }
}
