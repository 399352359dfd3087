import { createHash } from 'node:crypto';
import { generateExtension } from '../generate.js';
import type { GeneratorInputs } from '../inputs.js';
import type { Target } from '../targets/target.js';
import { buildZip, zipEntries } from './zip-archive.js';

/** A release zip, built in memory. */
export interface ExtensionPackage {
  /** `<module>-<version><target suffix>.zip`. */
  fileName: string;
  bytes: Uint8Array;
  /** Lower-case hex SHA-256 of `bytes`. */
  sha256: string;
  /** Paths inside the zip, in order; folders end with '/'. */
  entries: string[];
}

/** The zip's name; its version comes from package.json like the module id and extension.xml do. */
export function zipFileName(moduleCode: string, version: string, target: Target): string {
  return `${moduleCode}-${version}${target.zipSuffix}.zip`;
}

/**
 * The release zip of the extension: the extension folder `<module>/` holding exactly the files that
 * `generate` writes to dist/<module>/ (extension.xml beside the module folders), and nothing else.
 * Built from the generated files in memory, never from whatever happens to be on disk.
 */
export function packageExtension(inputs: GeneratorInputs, target: Target): ExtensionPackage {
  const moduleCode = inputs.model.module.code;
  const files = generateExtension(inputs, target).map((file) => ({ path: `${moduleCode}/${file.path}`, content: file.content }));
  const bytes = buildZip(files, { date: inputs.release.releaseDate });
  return {
    fileName: zipFileName(moduleCode, inputs.release.version, target),
    bytes,
    sha256: sha256Hex(bytes),
    entries: zipEntries(files).map((entry) => entry.path),
  };
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The `.sha256` file: one line in the format `sha256sum -c` reads (hash, two spaces, file name). */
export function checksumLine(pkg: Pick<ExtensionPackage, 'fileName' | 'sha256'>): string {
  return `${pkg.sha256}  ${pkg.fileName}\n`;
}
