import path from 'node:path';
import type { GeneratedFile } from './context.js';
import { generateDocs, generateExtension } from './generate.js';
import type { GeneratorInputs } from './inputs.js';
import type { Target } from './targets/target.js';

/** A folder the generator owns entirely, with the files it must hold. */
export interface Output {
  dir: string;
  files: GeneratedFile[];
}

export interface OutputDirs {
  /** Receives the extension folder `<module code>/`. */
  out: string;
  /** Receives the generated documentation; null = not written. */
  docs: string | null;
}

/** Every folder `generate` writes: the extension, and the documentation of the model. */
export function planOutputs(inputs: GeneratorInputs, target: Target, dirs: OutputDirs): Output[] {
  const outputs: Output[] = [{ dir: path.join(dirs.out, inputs.model.module.code), files: generateExtension(inputs, target) }];
  const docs = generateDocs(inputs, target);
  if (dirs.docs !== null && docs.length > 0) outputs.push({ dir: dirs.docs, files: docs });
  return outputs;
}
