import { describe, expect, it } from 'vitest';
import { InMemoryContext, collationKey, type StoredRecord } from '../../governance/engine/index.js';
import { AE, aeRecord } from './fixtures.js';

describe('InMemoryContext', () => {
  const context = () =>
    new InMemoryContext(
      { [AE]: [aeRecord(1, 'PACS_MAIN', { ipaddress: '10.0.0.5' }), aeRecord(2, 'CT_1', { ipaddress: '', port: null })], Server: [{ id: 8, name: 'srv' }] },
      { parents: { Server: 'DatacenterDevice', DatacenterDevice: 'ConnectableCI', ConnectableCI: 'PhysicalDevice', PhysicalDevice: 'FunctionalCI', FunctionalCI: 'cmdbAbstractObject' } },
    );

  it.each([
    ['case-insensitive', { org_id: 1, aetitle: 'pacs_main' }, undefined, 1],
    ['accent-insensitive', { org_id: 1, aetitle: 'PÀCS_MAIN' }, undefined, 1],
    ['trailing spaces ignored', { org_id: 1, aetitle: 'PACS_MAIN  ' }, undefined, 1],
    ['leading spaces count', { org_id: 1, aetitle: ' PACS_MAIN' }, undefined, 0],
    ['numbers equal their decimal text', { org_id: '1', aetitle: 'PACS_MAIN' }, undefined, 1],
    ['excluding the object itself', { org_id: 1, aetitle: 'PACS_MAIN' }, 1, 0],
    ['other organization', { org_id: 2, aetitle: 'PACS_MAIN' }, undefined, 0],
  ] as const)('count: %s', (_name, equals, excludeId, want) => {
    expect(context().count(AE, { equals, ...(excludeId !== undefined ? { excludeId } : {}) })).toBe(want);
  });

  it('count: an empty ignoreWhenEmpty attribute matches nothing', () => {
    const c = context();
    expect(c.count(AE, { equals: { org_id: 1, ipaddress: '', port: null } })).toBe(1);
    expect(c.count(AE, { equals: { org_id: 1, ipaddress: '', port: null }, ignoreWhenEmpty: ['ipaddress', 'port'] })).toBe(0);
    expect(c.count(AE, { equals: { org_id: 1, ipaddress: '10.0.0.5', port: 104 }, ignoreWhenEmpty: ['ipaddress', 'port'] })).toBe(1);
  });

  it('get and getMany, with subclasses found under their ancestors', () => {
    const c = context();
    expect(c.get(AE, 2)?.aetitle).toBe('CT_1');
    expect(c.get(AE, 3)).toBeUndefined();
    expect([...c.getMany(AE, [1, 2, 3]).keys()]).toEqual([1, 2]);
    expect(c.get('FunctionalCI', 8)?.name).toBe('srv');
  });

  it('records every lookup with its origin', () => {
    const c = context();
    c.get(AE, 1, { by: 'itop' });
    c.getMany(AE, [1, 2]);
    c.count(AE, { equals: { org_id: 1 } }, { by: 'governance', ruleId: 'X-1' });
    expect(c.lookups.map((l) => [l.kind, l.origin.by])).toEqual([['get', 'itop'], ['getMany', 'governance'], ['count', 'governance']]);
    expect(c.lookupCount('governance')).toBe(2);
    c.resetLookups();
    expect(c.lookupCount()).toBe(0);
  });

  it('keeps its indexes up to date on put and remove', () => {
    const c = context();
    const query = { equals: { org_id: 1, aetitle: 'NEW_AE' } };
    expect(c.count(AE, query)).toBe(0); // builds the index
    c.put(AE, aeRecord(10, 'new_ae'));
    expect(c.count(AE, query)).toBe(1);
    c.put(AE, aeRecord(10, 'RENAMED'));
    expect(c.count(AE, query)).toBe(0);
    expect(c.count(AE, { equals: { org_id: 1, aetitle: 'renamed' } })).toBe(1);
    c.remove(AE, 10);
    expect(c.count(AE, { equals: { org_id: 1, aetitle: 'renamed' } })).toBe(0);
  });

  it('answers in constant time on 100k records', () => {
    const records: StoredRecord[] = [];
    for (let id = 1; id <= 100_000; id++) records.push(aeRecord(id, `AE_${id}`, { org_id: (id % 50) + 1, ipaddress: `10.${id >> 16}.${(id >> 8) & 255}.${id & 255}` }));
    const started = performance.now();
    const c = new InMemoryContext({ [AE]: records });
    c.count(AE, { equals: { org_id: 1, aetitle: 'x' } });
    const built = performance.now();
    for (let i = 1; i <= 10_000; i++) c.count(AE, { equals: { org_id: (i % 50) + 1, aetitle: `ae_${i}` }, excludeId: i });
    const queried = performance.now();
    expect(c.count(AE, { equals: { org_id: 2, aetitle: 'ae_1' } })).toBe(1);
    expect(built - started).toBeLessThan(3000);
    expect(queried - built).toBeLessThan(1000);
  });
});

describe('collationKey (MySQL utf8mb4_unicode_ci)', () => {
  it.each([
    ['PACS', 'pacs'],
    ['Émile', 'emile'],
    ['PACS   ', 'pacs'],
    [104, '104'],
    [null, ''],
  ] as const)('%j → %j', (value, key) => expect(collationKey(value)).toBe(key));
});
