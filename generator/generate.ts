import type { Emitter, GeneratedFile, GeneratorContext } from './context.js';
import { DOCS_EMITTERS } from './emitters/docs/index.js';
import { EXTENSION_EMITTERS } from './emitters/index.js';
import type { GeneratorInputs } from './inputs.js';
import { buildIR } from './ir/build-ir.js';
import type { Target } from './targets/target.js';

export function buildContext(inputs: GeneratorInputs, target: Target): GeneratorContext {
  return { ir: buildIR(inputs.model, target, inputs.images), target, release: inputs.release, templates: inputs.templates };
}

/** The pure part of the pipeline: inputs → IR → every extension emitter → files sorted by path. */
export function generateExtension(inputs: GeneratorInputs, target: Target): GeneratedFile[] {
  return runEmitters(EXTENSION_EMITTERS, buildContext(inputs, target));
}

/** The generated documentation of the model (docs/generated/). */
export function generateDocs(inputs: GeneratorInputs, target: Target): GeneratedFile[] {
  return runEmitters(DOCS_EMITTERS, buildContext(inputs, target));
}

function runEmitters(emitters: Record<string, Emitter>, ctx: GeneratorContext): GeneratedFile[] {
  const files = Object.values(emitters).flatMap((emit) => emit(ctx));
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.path)) throw new Error(`two emitters produced ${file.path}`);
    seen.add(file.path);
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
