import type { GeneratedFile, GeneratorContext } from './context.js';
import { EXTENSION_EMITTERS } from './emitters/index.js';
import type { GeneratorInputs } from './inputs.js';
import { buildIR } from './ir/build-ir.js';
import type { Target } from './targets/target.js';

/** The pure part of the pipeline: inputs → IR → every emitter → files sorted by path. */
export function generateExtension(inputs: GeneratorInputs, target: Target): GeneratedFile[] {
  const ctx: GeneratorContext = {
    ir: buildIR(inputs.model, target, inputs.images),
    target,
    release: inputs.release,
    templates: inputs.templates,
  };
  const files = Object.values(EXTENSION_EMITTERS).flatMap((emit) => emit(ctx));
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.path)) throw new Error(`two emitters produced ${file.path}`);
    seen.add(file.path);
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
