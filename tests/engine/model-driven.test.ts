import { describe, expect, it } from 'vitest';
import { createValidator, WriteError } from '../../governance/engine/index.js';
import model from '../../model/br-medicaldevice/index.js';
import type { ModelDefinition } from '../../model/schema/model.js';
import { AE, newScu, standardContext, update } from './fixtures.js';

describe('the engine follows the model', () => {
  it('a changed declaration changes the verdict, without engine code', () => {
    const stricter: ModelDefinition = structuredClone(model);
    const ae1 = stricter.rules.find((r) => r.id === 'AE-1');
    if (ae1?.check.kind !== 'text-format') throw new Error('AE-1 is expected to be a text-format rule');
    ae1.check.maxLength = 8;
    const write = newScu({ aetitle: 'US_ROOM_3' });
    expect(createValidator(model).validate(write, standardContext())).toEqual([]);
    expect(createValidator(stricter).validate(write, standardContext()).map((i) => i.ruleId)).toEqual(['AE-1']);
  });

  it('required-when and empty-when give one issue per rule, on the first offending field declared', () => {
    const variant: ModelDefinition = structuredClone(model);
    const ae3 = variant.rules.find((r) => r.id === 'AE-3');
    const ae7 = variant.rules.find((r) => r.id === 'AE-7');
    if (ae3?.check.kind !== 'required-when' || ae7?.check.kind !== 'empty-when') throw new Error('AE-3 / AE-7 changed kind');
    ae3.check.fields = ['port', 'modality', 'ipaddress'];
    ae7.check.fields = ['ipaddress', 'endpoint_url'];
    const validator = createValidator(variant);
    const issues = (over: Record<string, string | number | null>) =>
      validator.validate(newScu(over), standardContext()).map((i) => [i.ruleId, i.field]);
    expect(issues({ ipaddress: '', port: null, modality: null })).toEqual([['AE-3', 'port'], ['AE-8', 'modality']]);
    expect(issues({ ipaddress: '' })).toEqual([['AE-3', 'ipaddress']]);
    expect(issues({ endpoint_url: 'https://us3.example.org/dicom-web' })).toEqual([['AE-7', 'ipaddress']]);
    expect(issues({ ipaddress: '', port: 104, endpoint_url: 'https://us3.example.org/dicom-web' })).toEqual([['AE-3', 'ipaddress'], ['AE-7', 'endpoint_url']]);
  });

  it('a removed declaration takes its derived rule along', () => {
    const withoutLnk2: ModelDefinition = { ...model, rules: model.rules.filter((r) => r.id !== 'LNK-2') };
    expect(createValidator(withoutLnk2).validate(update(AE, 1, { role: 'SCP' }), standardContext())).toEqual([]);
  });
});

describe('malformed writes throw WriteError', () => {
  it.each([
    ['an unknown class', { class: 'Nope', op: 'create', values: {} }],
    ['an unknown attribute', newScu({ colour: 'red' })],
    ['a computed attribute', newScu({ org_name: 'Org A' })],
    ['an update without id', { class: AE, op: 'update', values: { description: 'x' } }],
    ['an update of a missing object', update(AE, 999, { description: 'x' })],
  ] as const)('%s', (_name, write) => {
    expect(() => createValidator(model).validate(write, standardContext())).toThrow(WriteError);
  });
});
