import { describe, expect, it } from 'vitest';
import { createValidator } from '../../governance/engine/index.js';
import { ITOP_CHECK_IDS } from '../../governance/plan.js';
import model from '../../model/br-medicaldevice/index.js';
import { contextOf, loadVectorFiles } from '../support/vectors.js';

const validator = createValidator(model);
const files = loadVectorFiles();
const all = files.flatMap((f) => f.vectors.map((vector) => ({ file: f.file, vector })));

const idsOf = (issues: { ruleId: string }[]): string[] => [...new Set(issues.map((i) => i.ruleId))].sort();

describe('shared test vectors', () => {
  for (const { file, vectors } of files) {
    describe(file, () => {
      it.each(vectors.map((v) => [v.name, v] as const))('%s', (_name, vector) => {
        expect(idsOf(validator.validate(vector.write, contextOf(vector)))).toEqual(vector.expected);
      });
    });
  }

  it('are well formed: at least 90, unique names per file, expected sorted and distinct', () => {
    expect(all.length).toBeGreaterThanOrEqual(90);
    for (const { vectors } of files) {
      const names = vectors.map((v) => v.name);
      expect(new Set(names).size).toBe(names.length);
      for (const v of vectors) expect(v.expected).toEqual([...new Set(v.expected)].sort());
    }
  });

  it('cover every rule of the plan and every iTop check iTop 3.2 really makes, both present and absent', () => {
    // ITOP-INTEGER is never reported: iTop's server casts integers with (int) and checks no syntax (validate.ts).
    const itopChecks = Object.values(ITOP_CHECK_IDS).filter((id) => id !== ITOP_CHECK_IDS.integer);
    const ids = [...new Set(validator.plan.map((r) => r.id)), ...itopChecks];
    const classesOf = (id: string) => new Set(validator.plan.filter((r) => r.id === id).map((r) => r.class));
    for (const id of ids) {
      const relevant = id.startsWith('ITOP-') ? all : all.filter(({ vector }) => classesOf(id).has(vector.write.class));
      expect(relevant.some(({ vector }) => vector.expected.includes(id)), `${id} present`).toBe(true);
      expect(relevant.some(({ vector }) => !vector.expected.includes(id)), `${id} absent`).toBe(true);
    }
  });

  it('never expect ITOP-INTEGER', () => {
    expect(all.filter(({ vector }) => vector.expected.includes(ITOP_CHECK_IDS.integer)).map(({ vector }) => vector.name)).toEqual([]);
  });

  it('cover creations and updates of both classes', () => {
    for (const cls of ['MedicalDicomApplicationEntity', 'MedicalDicomCommunicationLink']) {
      for (const op of ['create', 'update']) expect(all.some(({ vector }) => vector.write.class === cls && vector.write.op === op), `${cls} ${op}`).toBe(true);
    }
  });
});
