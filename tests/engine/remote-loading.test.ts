/** How remote rules load the objects they read when several classes are wanted: one getMany per class, in order. */
import { describe, expect, it } from 'vitest';
import { createValidator } from '../../governance/engine/index.js';
import model from '../../model/br-medicaldevice/index.js';
import type { ModelDefinition, RuleDefinition } from '../../model/schema/model.js';
import { LINK, newLink, standardContext } from './fixtures.js';

const text = { en: 'x', de: 'x', fr: 'x' };
const closedOrganization: RuleDefinition = {
  id: 'LNK-9',
  class: LINK,
  severity: 'error',
  summary: text,
  message: { en: 'The organization is closed.', de: 'x', fr: 'x' },
  check: { kind: 'referenced-value-not-in', field: 'org_id', attribute: 'name', values: ['Org B'], protectReferencedSide: { ruleId: 'ORG-9', summary: text, message: text } },
};

function loads(rules: RuleDefinition[], write = newLink()) {
  const variant: ModelDefinition = { ...model, rules };
  const context = standardContext();
  const issues = createValidator(variant).validate(write, context);
  return { issues: issues.map((i) => i.ruleId), loads: context.lookups.filter((l) => l.kind === 'getMany').map((l) => [l.className, l.ids, l.origin.ruleId]) };
}

describe('remote rules reading objects of several classes', () => {
  it('one getMany per class, classes in the order their first rule comes', () => {
    expect(loads([...model.rules, closedOrganization]).loads).toEqual([
      ['MedicalDicomApplicationEntity', [1, 5], 'LNK-2,LNK-3'],
      ['Organization', [1], 'LNK-9'],
    ]);
    expect(loads([closedOrganization, ...model.rules]).loads).toEqual([
      ['Organization', [1], 'LNK-9'],
      ['MedicalDicomApplicationEntity', [1, 5], 'LNK-2,LNK-3'],
    ]);
  });

  it('the objects loaded reach the rule that wants them', () => {
    expect(loads([...model.rules, closedOrganization], newLink({ org_id: 2 })).issues).toEqual(['LNK-9']);
    expect(loads([...model.rules, closedOrganization], newLink({ target_ae_id: 4 })).issues).toEqual(['LNK-3']);
  });

  it('an id wanted by two rules is loaded once, and a class no rule wants is not loaded', () => {
    expect(loads([...model.rules, closedOrganization], newLink({ source_ae_id: 5, target_ae_id: 5 })).loads).toEqual([]); // LNK-1, a local error
    expect(loads([...model.rules, closedOrganization], newLink({ org_id: 0 })).loads).toEqual([['MedicalDicomApplicationEntity', [1, 5], 'LNK-2,LNK-3']]);
  });
});

describe('many remote rules on one class', () => {
  it('sixty rules reading the same organization: one getMany naming them all, each rule reporting', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ ...closedOrganization, id: `LNK-${100 + i}`, check: { ...closedOrganization.check, protectReferencedSide: { ruleId: `ORG-${100 + i}`, summary: text, message: text } } }) as RuleDefinition);
    const { issues, loads: made } = loads([...model.rules, ...many], newLink({ org_id: 2 }));
    expect(issues).toEqual(many.map((rule) => rule.id));
    expect(made).toEqual([
      ['MedicalDicomApplicationEntity', [1, 5], 'LNK-2,LNK-3'],
      ['Organization', [2], many.map((rule) => rule.id).join(',')],
    ]);
  });
});
