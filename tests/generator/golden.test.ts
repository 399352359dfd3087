import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContext } from '../../generator/generate.js';
import { MODULE_EMITTERS } from '../../generator/emitters/index.js';
import { DOCS_EMITTERS } from '../../generator/emitters/docs/index.js';
import { TARGETS } from '../../generator/targets/target.js';
import { projectInputs, ROOT, textOf } from '../support/project.js';

/**
 * Golden files per emitter and target, from a fixture model with one element of every kind
 * (ts-proto's integration/<case>/ layout). A change to an emitter shows up as a reviewed diff here;
 * `npx vitest run -u tests/generator/golden.test.ts` rewrites them after a deliberate change.
 */
describe.each(Object.values(TARGETS))('golden files of every emitter, iTop $id, fixture every-kind', async (target) => {
  const inputs = await projectInputs(target, 'tests/fixtures/models/every-kind.model.ts');
  const ctx = buildContext(inputs, target);
  const emitters = { ...MODULE_EMITTERS, ...DOCS_EMITTERS };
  it.each(Object.keys(emitters))('%s', async (name) => {
    const files = emitters[name]?.(ctx) ?? [];
    // The list of files is golden too: an emitter that a target does not need emits none.
    await expect(files.map((f) => f.path).join('\n')).toMatchFileSnapshot(path.join(ROOT, 'tests/golden', `itop-${target.id}`, 'every-kind', name, '_files.txt'));
    for (const file of files) {
      await expect(textOf(file.content)).toMatchFileSnapshot(path.join(ROOT, 'tests/golden', `itop-${target.id}`, 'every-kind', name, file.path));
    }
  });
});
