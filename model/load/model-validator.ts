import { Ajv, type Options, type ValidateFunction } from 'ajv';
import { ModelDefinition } from '../schema/model.js';

/** How the model schema is compiled: here at run time, and by scripts/build.mjs ahead of time (same options). */
export const AJV_OPTIONS = { allErrors: true, discriminator: true, strict: false, verbose: true } as const satisfies Options;
export { ModelDefinition };

/**
 * The validator of the model schema. Compiling it takes ~120 ms: the built command line (build/) does not call this,
 * it gets the same validator compiled ahead of time by scripts/build.mjs (ajv's standalone code, substituted for this
 * module), so `generate` does not pay for it on every start. The sources (tsx, tests) compile it here.
 */
export function compileModelValidator(): ValidateFunction {
  return new Ajv(AJV_OPTIONS).compile(ModelDefinition);
}
