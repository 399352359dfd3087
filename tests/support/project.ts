import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MODEL_FILE } from '../../model/load/load-model.js';
import { readInputs, type GeneratorInputs } from '../../generator/inputs.js';
import { ITOP_32, type Target } from '../../generator/targets/target.js';

/** The repository root, whatever folder vitest runs from. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The project's real inputs (model, package.json, templates), read as `generate` reads them. */
export async function projectInputs(target: Target = ITOP_32, modelFile = DEFAULT_MODEL_FILE): Promise<GeneratorInputs> {
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    return await readInputs({ root: ROOT, modelFile, target });
  } finally {
    process.chdir(cwd);
  }
}

/** A deep copy of the inputs whose model a test may change freely. */
export function cloneInputs(inputs: GeneratorInputs): GeneratorInputs {
  return structuredClone(inputs);
}

export function textOf(content: string | Uint8Array): string {
  return typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
}
