import { describe, expect, it } from 'vitest';
import { validate, type InMemoryContext, type Write } from '../../governance/engine/index.js';
import { AE, LINK, newLink, newScu, standardContext, update } from './fixtures.js';

/** Lookups made for one write, by who asks. */
function budget(write: Write, context: InMemoryContext = standardContext()) {
  context.resetLookups();
  const issues = validate(write, context);
  const ours = context.lookups.filter((l) => l.origin.by === 'governance');
  const itop = context.lookups.filter((l) => l.origin.by === 'itop');
  return { issues, ours, itop };
}

describe('query budget of the generated rules', () => {
  it('a link create reads both AEs in one getMany', () => {
    const { ours, itop } = budget(newLink());
    expect(ours).toEqual([{ kind: 'getMany', className: AE, ids: [1, 5], origin: { by: 'governance', ruleId: 'LNK-2,LNK-3' } }]);
    // iTop's own: existence of org, source and target (3 gets) and the LNK-4 uniqueness rule (1 count)
    expect(itop.map((l) => l.kind).sort()).toEqual(['count', 'get', 'get', 'get']);
  });

  it('a link create with a local error reads nothing of ours', () => {
    expect(budget(newLink({ source_ae_id: 5, target_ae_id: 5 })).ours).toEqual([]);
  });

  it('a link update leaving both keys alone reads nothing of ours', () => {
    expect(budget(update(LINK, 1, { status: 'obsolete', description: 'replaced' })).ours).toEqual([]);
  });

  it('a link update reads only the AEs whose key changed, in one getMany', () => {
    expect(budget(update(LINK, 1, { target_ae_id: 5 })).ours).toEqual([
      { kind: 'getMany', className: AE, ids: [5], origin: { by: 'governance', ruleId: 'LNK-3' } },
    ]);
    expect(budget(update(LINK, 1, { source_ae_id: 3, target_ae_id: 5 })).ours).toEqual([
      { kind: 'getMany', className: AE, ids: [3, 5], origin: { by: 'governance', ruleId: 'LNK-2,LNK-3' } },
    ]);
  });

  it('a key written unchanged on a link update reads nothing of ours', () => {
    expect(budget(update(LINK, 1, { source_ae_id: '1', status: 'obsolete' })).ours).toEqual([]);
  });

  it('an AE create makes no lookup of ours; iTop spends 2 uniqueness counts and 1 existence check', () => {
    const { ours, itop } = budget(newScu());
    expect(ours).toEqual([]);
    expect(itop.filter((l) => l.kind === 'count')).toHaveLength(2);
    expect(itop.filter((l) => l.kind === 'get')).toHaveLength(1);
  });

  it.each([
    ['to SCP (source side rule matches)', 1, 'SCP', 1],
    ['to SCU (target side rule matches)', 2, 'SCU', 1],
    ['to BOTH (no rule matches)', 1, 'BOTH', 0],
  ] as const)('an AE role change %s costs one count per matching derived rule', (_name, id, role, counts) => {
    const { ours } = budget(update(AE, id, { role, modality: 'OT' }));
    expect(ours).toHaveLength(counts);
    for (const lookup of ours) expect(lookup).toMatchObject({ kind: 'count', className: LINK, origin: { by: 'governance', ruleId: 'AE-10' } });
  });

  it('an AE update not touching the role makes no lookup of ours', () => {
    expect(budget(update(AE, 1, { description: 'room 1' })).ours).toEqual([]);
  });

  it('a role change with a local error (AE-1) makes no lookup of ours and reports no AE-10', () => {
    const { issues, ours } = budget(update(AE, 1, { role: 'SCP', aetitle: ' CT_1' }));
    expect(issues.map((i) => i.ruleId)).toEqual(['AE-1']);
    expect(ours).toEqual([]);
  });

  it('a role change with only a warning still makes its lookup', () => {
    const { issues, ours } = budget(update(AE, 2, { role: 'SCU' }));
    expect(issues.map((i) => i.ruleId).sort()).toEqual(['AE-10', 'AE-8']);
    expect(ours).toHaveLength(1);
  });

  it('an update without change makes no check at all (only iTop loading the object)', () => {
    const { issues, ours, itop } = budget(update(AE, 1, { aetitle: 'CT_1', port: '104' }));
    expect(issues).toEqual([]);
    expect(ours).toEqual([]);
    expect(itop).toEqual([{ kind: 'get', className: AE, ids: [1], origin: { by: 'itop' } }]);
  });
});
