import type { ErrorObject, ValidateFunction } from 'ajv';
import { ITOP_LANGUAGES, LANGUAGES, type Language } from '../schema/text.js';
import type { ModelIssue } from './model-error.js';
import { compileModelValidator } from './model-validator.js';
import { describePath } from './path.js';

/**
 * Compiled on first use, not at import: compiling the model schema takes ~150 ms, and commands that never
 * validate a model (`check`, which uses the shipped model CI validates) load this module through the CLI.
 * The built command line (build/) gets it compiled ahead of time instead (model-validator.ts).
 */
let compiled: ValidateFunction | undefined;
function schemaValidator(): ValidateFunction {
  return (compiled ??= compileModelValidator());
}

/** Checks the shape of a model against its JSON Schema; returns one issue per problem, worded for a model author. */
export function checkModelSchema(model: unknown): ModelIssue[] {
  const validate = schemaValidator();
  if (validate(model)) return [];
  const errors = (validate.errors ?? []).filter((error) => !isNoiseFromUnion(error, validate.errors ?? []));
  const seen = new Set<string>();
  const issues: ModelIssue[] = [];
  for (const error of errors) {
    const issue = { path: describePath(model, error.instancePath, missingProperty(error)), message: explain(error) };
    const key = `${issue.path}|${issue.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  }
  return issues;
}

function missingProperty(error: ErrorObject): string | undefined {
  return error.keyword === 'required' ? String(error.params['missingProperty']) : undefined;
}

function explain(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const property = String(params['missingProperty']);
      if ((LANGUAGES as readonly string[]).includes(property)) {
        return `missing ${ITOP_LANGUAGES[property as Language].english} (${property}) translation: every text needs ${LANGUAGES.join(', ')}`;
      }
      return `missing required property '${property}'`;
    }
    case 'additionalProperties':
      return `unknown property '${String(params['additionalProperty'])}'`;
    case 'const':
      return `expected ${JSON.stringify(params['allowedValue'])}`;
    case 'enum':
      return `expected one of ${JSON.stringify(params['allowedValues'])}`;
    case 'pattern': {
      const description = (error.parentSchema as { description?: string } | undefined)?.description;
      return `expected ${description ?? `a value matching ${String(params['pattern'])}`}, got ${JSON.stringify(error.data)}`;
    }
    case 'discriminator': {
      const choices = ((error.parentSchema as { oneOf?: { properties: Record<string, { const: string }> }[] }).oneOf ?? [])
        .map((branch) => branch.properties[String(params['tag'])]?.const)
        .filter(Boolean);
      return `unknown ${String(params['tag'])} ${JSON.stringify((error.data as Record<string, unknown> | undefined)?.[String(params['tag'])])}: expected one of ${choices.join(', ')}`;
    }
    case 'type':
      return `expected ${String(params['type'])}, got ${JSON.stringify(error.data)}`;
    case 'minItems':
      return `expected at least ${String(params['limit'])} item(s)`;
    case 'minLength':
      return error.data === '' ? 'expected a non-empty text' : `expected at least ${String(params['limit'])} character(s)`;
    default:
      return error.message ?? error.keyword;
  }
}

/** anyOf reports one error per branch plus a summary; keep the branch errors only where they say more. */
function isNoiseFromUnion(error: ErrorObject, all: ErrorObject[]): boolean {
  if (error.keyword === 'anyOf') {
    return all.some((other) => other !== error && other.instancePath.startsWith(error.instancePath) && other.keyword !== 'anyOf');
  }
  return false;
}
