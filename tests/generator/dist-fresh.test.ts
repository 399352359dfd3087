import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateExtension } from '../../generator/generate.js';
import { planOutputs } from '../../generator/outputs.js';
import { DEFAULT_TARGET, TARGETS } from '../../generator/targets/target.js';
import { diffFolder } from '../../generator/writer/folder-writer.js';
import { projectInputs, ROOT } from '../support/project.js';

describe('committed output is what the model generates', () => {
  it('dist/br-medicaldevice and docs/generated are up to date (run `npm run generate` after changing the model)', async () => {
    const target = TARGETS[DEFAULT_TARGET];
    const outputs = planOutputs(await projectInputs(target), target, { out: path.join(ROOT, 'dist'), docs: path.join(ROOT, 'docs/generated') });
    for (const output of outputs) expect(await diffFolder(output.dir, output.files), output.dir).toEqual([]);
  });

  it.each(Object.values(TARGETS).filter((t) => t.id !== DEFAULT_TARGET))('the committed iTop $id output in tests/golden/targets is up to date (npm run generate:targets)', async (target) => {
    const files = generateExtension(await projectInputs(target), target);
    expect(await diffFolder(path.join(ROOT, 'tests/golden/targets', `itop-${target.id}`, 'br-medicaldevice'), files)).toEqual([]);
  });

  it('two generations give byte-identical files', async () => {
    const target = TARGETS[DEFAULT_TARGET];
    const first = generateExtension(await projectInputs(target), target);
    const second = generateExtension(await projectInputs(target), target);
    expect(second.map((f) => f.path)).toEqual(first.map((f) => f.path));
    second.forEach((file, i) => expect(Buffer.from(file.content).equals(Buffer.from(first[i]?.content ?? '')), file.path).toBe(true));
  });
});
