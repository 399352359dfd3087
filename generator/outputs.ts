import path from 'node:path';
import type { GeneratedFile } from './context.js';
import { generateExtension } from './generate.js';
import type { GeneratorInputs } from './inputs.js';
import type { Target } from './targets/target.js';

/** A folder the generator owns entirely, with the files it must hold. */
export interface Output {
  dir: string;
  files: GeneratedFile[];
}

/** Every folder `generate` writes: the extension (under `outDir/<module code>`). */
export function planOutputs(inputs: GeneratorInputs, target: Target, outDir: string): Output[] {
  return [{ dir: path.join(outDir, inputs.model.module.code), files: generateExtension(inputs, target) }];
}
