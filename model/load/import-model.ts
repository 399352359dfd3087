import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../../generator/package-root.js';
import { DEFAULT_MODEL_FILE } from '../default-model.js';
import { importOutside } from './import-outside.js';

/**
 * Imports a model module (.ts, .js…). The shipped model is part of the sources: it is imported as a module of the
 * program (bundled into build/, so the prebuilt command needs no TypeScript compiler for it), whatever folder the
 * command runs from. Another .ts file is compiled by tsx, registered only then: under plain Node, a .ts import fails
 * with ERR_UNKNOWN_FILE_EXTENSION; under tsx or vitest it just works.
 */
export async function importModelModule(file: string): Promise<{ default?: unknown }> {
  const absolute = path.resolve(file);
  if (file === DEFAULT_MODEL_FILE || absolute === path.join(PACKAGE_ROOT, DEFAULT_MODEL_FILE)) {
    return (await import('../br-medicaldevice/index.js')) as { default?: unknown };
  }
  const url = pathToFileURL(absolute).href;
  try {
    return (await importOutside(url)) as { default?: unknown };
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ERR_UNKNOWN_FILE_EXTENSION' || !/\.[cm]?ts$/.test(file)) throw error;
    // What `node --import tsx` does (ES module and CommonJS hooks), so a model loads as under `npm run dev`.
    await importOutside('tsx');
    // Node remembers the failed import of `url`: the same file under another URL is imported afresh.
    const module = (await importOutside(`${url}?tsx`)) as { default?: unknown };
    // A .ts file outside an ES module package is compiled to CommonJS: its `export default` is then module.exports.default.
    const inner = module.default as { default?: unknown; __esModule?: unknown } | undefined;
    return inner !== null && typeof inner === 'object' && 'default' in inner && (inner.__esModule === true || Object.keys(inner).length === 1) ? { default: inner.default } : module;
  }
}
