import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ModelDefinition } from '../schema/model.js';
import { importModelModule } from './import-model.js';
import { ModelError } from './model-error.js';
import { checkModelSchema } from './schema-validation.js';
import { checkModelSemantics } from './semantic-checks.js';

export { DEFAULT_MODEL_FILE } from '../default-model.js';

/** Checks a model object: schema first (shape), then semantics (references). Throws ModelError with every issue. */
export function validateModel(value: unknown, file: string): ModelDefinition {
  const schemaIssues = checkModelSchema(value);
  if (schemaIssues.length > 0) throw new ModelError(file, schemaIssues);
  const model = value as ModelDefinition;
  const semanticIssues = checkModelSemantics(model);
  if (semanticIssues.length > 0) throw new ModelError(file, semanticIssues);
  return model;
}

/** Loads a model from a TypeScript/JavaScript module (its default export) or a JSON file, then validates it. */
export async function loadModelFile(file: string): Promise<ModelDefinition> {
  // Errors name the file as the user knows it: relative to where they stand, or absolute when outside.
  const relative = path.relative(process.cwd(), path.resolve(file));
  const shown = relative === '' || relative.startsWith('..') ? path.resolve(file) : relative;
  let value: unknown;
  try {
    if (file.endsWith('.json')) {
      value = JSON.parse(await readFile(file, 'utf8'));
    } else {
      const module = await importModelModule(file);
      if (module.default === undefined) throw new ModelError(shown, [{ path: '(model)', message: 'expected the model as the default export' }]);
      value = module.default;
    }
  } catch (error) {
    if (error instanceof ModelError) throw error;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ModelError(shown, [{ path: '(file)', message: `cannot be read: ${reason}` }]);
  }
  return validateModel(value, shown);
}
