import type { Emitter, GeneratedFile, GeneratorContext } from './context.js';
import { DOCS_EMITTERS } from './emitters/docs/index.js';
import { emitBridge } from './emitters/bridge/emit-bridge.js';
import { MODULE_EMITTERS } from './emitters/index.js';
import type { GeneratorInputs } from './inputs.js';
import { buildIR } from './ir/build-ir.js';
import type { Target } from './targets/target.js';

export function buildContext(inputs: GeneratorInputs, target: Target): GeneratorContext {
  return { ir: buildIR(inputs.model, target, inputs.images), target, release: inputs.release, templates: inputs.templates };
}

/** The main module's files, relative to its folder: inputs → IR → every module emitter → files sorted by path. */
export function generateModule(inputs: GeneratorInputs, target: Target): GeneratedFile[] {
  return runEmitters(MODULE_EMITTERS, buildContext(inputs, target));
}

/**
 * The extension folder, relative to itself: one folder per module, named after the module (iTop compiles each
 * module into env-production/<folder name>/, ITOP-REFERENCE §2.1): the main module, with the extension's
 * `extension.xml`, and each bridge module beside it.
 */
export function generateExtension(inputs: GeneratorInputs, target: Target): GeneratedFile[] {
  const ctx = buildContext(inputs, target);
  const inFolder = (folder: string, files: GeneratedFile[]) => files.map((file) => ({ path: `${folder}/${file.path}`, content: file.content }));
  const files = [
    ...inFolder(inputs.model.module.code, runEmitters(MODULE_EMITTERS, ctx)),
    ...(inputs.model.bridges ?? []).flatMap((bridge) => inFolder(bridge.code, emitBridge(ctx, bridge))),
  ];
  return checkedAndSorted(files);
}

/** The generated documentation of the model (docs/generated/). */
export function generateDocs(inputs: GeneratorInputs, target: Target): GeneratedFile[] {
  return runEmitters(DOCS_EMITTERS, buildContext(inputs, target));
}

function runEmitters(emitters: Record<string, Emitter>, ctx: GeneratorContext): GeneratedFile[] {
  return checkedAndSorted(Object.values(emitters).flatMap((emit) => emit(ctx)));
}

function checkedAndSorted(files: GeneratedFile[]): GeneratedFile[] {
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.path)) throw new Error(`two emitters produced ${file.path}`);
    seen.add(file.path);
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
