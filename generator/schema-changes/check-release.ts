import type { ModelDefinition } from '../../model/schema/model.js';
import type { GeneratedFile } from '../context.js';
import { UsageError } from '../cli/errors.js';
import { readReleasedFiles, sameDatamodels, schemaOfFiles } from './baseline.js';
import { compareSchemas, refusalLines } from './diff.js';

export interface ReleaseCheck {
  /** Lines to print. */
  lines: string[];
  /** True when `generate` must refuse (undeclared changes or wrong declarations). */
  refused: boolean;
}

/**
 * Compares the extension about to be written (`files`, relative to the extension folder) with the last release:
 * `since` (a folder or zip) when given, else what `defaultDir` holds now (the committed dist/, before it is
 * overwritten). No baseline there (first generation) = nothing to compare.
 */
export async function checkAgainstRelease(model: ModelDefinition, version: string, files: GeneratedFile[], defaultDir: string, since?: string): Promise<ReleaseCheck> {
  const code = model.module.code;
  const released = await readReleasedFiles(since ?? defaultDir, code);
  if (!released) {
    if (since) throw new UsageError(`--since ${since}: no datamodel.*.xml found (expected a release folder or zip of ${code})`);
    return { lines: [], refused: false };
  }
  // Regenerating an unchanged schema (the usual run) needs no parsing: identical datamodels change nothing.
  if (sameDatamodels(released, files)) return { lines: [], refused: false };
  const before = schemaOfFiles(released, code);
  if (!before) return { lines: [], refused: false };
  const after = schemaOfFiles(files, code);
  if (!after) return { lines: [], refused: false };
  const comparison = compareSchemas(before, after, model.schemaChanges, version);
  const refusals = refusalLines(comparison);
  const baseline = `${since ?? defaultDir}${before.version ? ` (${before.version})` : ''}`;
  const declared = comparison.changes.filter((c) => c.declaredBy);
  const lines = declared.map((c) => `declared: ${c.path}: ${c.message.split(':')[0]} (since ${c.declaredBy?.since})`);
  if (refusals.length === 0) return { lines, refused: false };
  return {
    refused: true,
    lines: [
      ...lines,
      ...refusals.map((line) => `schema change: ${line}`),
      `${refusals.length} schema change(s) since ${baseline} can lose or orphan stored data: declare each in the model's schemaChanges (docs/SCHEMA-CHANGES.md), or compare with another release (--since DIR|ZIP)`,
    ],
  };
}
