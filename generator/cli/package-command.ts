import { packageExtension } from '../packaging/package-extension.js';
import { writePackage } from '../packaging/package-writer.js';
import { EXIT } from './errors.js';
import { readInputsFor, type CommonOptions } from './generate-command.js';

export interface PackageOptions extends CommonOptions {
  /** Folder that receives the zip and its .sha256 (default dist). */
  out: string;
}

/** `package`: model → release zip `<out>/<module>-<version><suffix>.zip` plus `<zip>.sha256`; prints both. */
export async function runPackage(options: PackageOptions, log: (line: string) => void): Promise<number> {
  const { target, inputs } = await readInputsFor(options);
  const pkg = packageExtension(inputs, target);
  const { zipPath, checksumPath } = await writePackage(options.out, pkg);
  const files = pkg.entries.filter((entry) => !entry.endsWith('/')).length;
  log(`packaged ${zipPath} (${files} files, ${pkg.bytes.length} bytes, version ${inputs.release.version} of ${inputs.release.releaseDate}, iTop ${target.itopVersions})`);
  log(`SHA-256 ${pkg.sha256} (also in ${checksumPath})`);
  return EXIT.ok;
}
