/** The check's data set answers the engine exactly as the engine's own InMemoryContext does. */
import { describe, expect, it } from 'vitest';
import { InMemoryContext, classParentsOf, collationKey, type CountQuery, type StoredRecord, type StoredValue } from '../../governance/engine/index.js';
import { Dataset, keyOf } from '../../import-check/dataset/dataset.js';
import { ModelSchemas } from '../../import-check/schema/class-schema.js';
import model from '../../model/br-medicaldevice/index.js';

const samples = ['', ' ', 'PACS', 'pacs ', 'Pacs  ', ' pacs', 'Équipe', 'equipe', 'ÉQUIPE ', 'straße', 'a\tb', '10.0.0.1', 'ＡＢ', 'e\u0301', 104, 0, -1, null];

describe('data set', () => {
  it('keyOf is collationKey (its ASCII fast path changes nothing)', () => {
    for (const value of samples) expect(keyOf(value)).toBe(collationKey(value));
  });

  it('count, get and getMany answer as InMemoryContext on the same objects', () => {
    const records: StoredRecord[] = [];
    const titles = ['CT_1', 'ct_1', 'CT_1 ', 'PACS', 'Pâcs', ''];
    for (let id = 1; id <= 60; id++) {
      records.push({ id, aetitle: titles[id % titles.length] as string, org_id: 1 + (id % 3), ipaddress: id % 4 === 0 ? '' : `10.0.0.${id % 5}`, port: id % 7 === 0 ? null : 104 });
    }
    const reference = new InMemoryContext({ MedicalDicomApplicationEntity: records, Server: [{ id: 500, name: 'srv' }] }, { parents: classParentsOf(model) });
    const dataset = new Dataset(new ModelSchemas(model));
    for (const record of records) dataset.put('MedicalDicomApplicationEntity', record);
    dataset.put('Server', { id: 500, name: 'srv' });

    const queries: CountQuery[] = [];
    for (const title of [...titles, 'pacs', 'PACS  ']) for (const org of [1, 2, 3, 4]) queries.push({ equals: { org_id: org, aetitle: title } }, { equals: { aetitle: title, org_id: org }, excludeId: 7 });
    for (const ip of ['', '10.0.0.1', '10.0.0.3']) for (const port of [104, null]) queries.push({ equals: { org_id: 2, ipaddress: ip, port }, ignoreWhenEmpty: ['ipaddress', 'port'] });
    for (const query of queries) expect(dataset.count('MedicalDicomApplicationEntity', query), JSON.stringify(query)).toBe(reference.count('MedicalDicomApplicationEntity', query));

    expect(dataset.get('FunctionalCI', 500)).toEqual(reference.get('FunctionalCI', 500));
    expect([...dataset.getMany('MedicalDicomApplicationEntity', [1, 2, 999]).keys()]).toEqual([...reference.getMany('MedicalDicomApplicationEntity', [1, 2, 999]).keys()]);

    // An update moves the object in every index.
    dataset.put('MedicalDicomApplicationEntity', { ...(records[0] as StoredRecord), aetitle: 'MOVED' });
    reference.put('MedicalDicomApplicationEntity', { ...(records[0] as StoredRecord), aetitle: 'MOVED' });
    for (const query of queries) expect(dataset.count('MedicalDicomApplicationEntity', query)).toBe(reference.count('MedicalDicomApplicationEntity', query));
  });
});

describe('data set under a random mix of writes and queries', () => {
  it('answers as InMemoryContext (ids dense and sparse, replacements, repeated queries)', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const ids = [1, 2, 3, 4, 5, 6, 7, 8, 50, 51, 70_000, 70_001, 200_000, 2 ** 50, 2 ** 50 + 1, -3, 9, 10, 11, 12];
    const titles = ['CT_1', 'ct_1', 'CT_1 ', 'PACS', 'Pâcs', '', 'MR'];
    const reference = new InMemoryContext({}, { parents: classParentsOf(model) });
    const dataset = new Dataset(new ModelSchemas(model));
    const AE = 'MedicalDicomApplicationEntity';
    const query = (): CountQuery => {
      const excludeId = random() < 0.5 ? pick(ids) : undefined;
      const equals: Record<string, StoredValue> = random() < 0.5 ? { org_id: pick([1, 2, '1']), aetitle: pick(titles) } : { org_id: pick([1, 2]), ipaddress: pick(['', '10.0.0.1']), port: pick([104, null]) };
      return { equals, ...(excludeId !== undefined ? { excludeId } : {}), ...(random() < 0.3 ? { ignoreWhenEmpty: ['aetitle'] } : {}) };
    };
    for (let step = 0; step < 3000; step++) {
      if (random() < 0.4) {
        const record: StoredRecord = { id: pick(ids), aetitle: pick(titles), org_id: pick([1, 2]), ipaddress: pick(['', '10.0.0.1']), port: pick([104, null]) };
        dataset.put(AE, record);
        reference.put(AE, record);
      }
      const q = query();
      expect(dataset.count(AE, q), JSON.stringify(q)).toBe(reference.count(AE, q));
      expect(dataset.count(AE, q), `again ${JSON.stringify(q)}`).toBe(reference.count(AE, q));
      const id = pick(ids);
      expect(dataset.get(AE, id)).toBe(reference.get(AE, id));
      expect(dataset.size(AE)).toBe(new Set(ids.filter((i) => reference.get(AE, i))).size);
    }
    expect([...dataset.getMany(AE, ids).keys()]).toEqual([...reference.getMany(AE, ids).keys()]);
  });
});

describe('searches by an external field (an AE by its organization name)', () => {
  const AE = 'MedicalDicomApplicationEntity';
  /**
   * An index on (aetitle, org_name), which the data set may answer by a join through the organizations: built on
   * first use from the organizations as they are then, and kept up to date as AEs are stored (an AE replaced is
   * taken out under the key its previous record has now, and put under its new key), not as organizations change.
   */
  class ReferenceIndex {
    private index: Map<string, Set<number>> | undefined;
    constructor(private readonly orgs: Map<number, StoredRecord>, private readonly aes: Map<number, StoredRecord>) {}
    private key(ae: StoredRecord): string {
      const org = this.orgs.get(Number(ae['org_id']));
      return `${collationKey(ae['aetitle'] ?? null)}|${collationKey(org ? (org['name'] ?? null) : null)}`;
    }
    storing(ae: StoredRecord): void {
      if (!this.index) return;
      const previous = this.aes.get(ae.id);
      if (previous) this.index.get(this.key(previous))?.delete(ae.id);
      const key = this.key(ae);
      if (!this.index.has(key)) this.index.set(key, new Set());
      this.index.get(key)?.add(ae.id);
    }
    find(title: StoredValue, orgName: StoredValue): number[] {
      if (!this.index) {
        this.index = new Map();
        for (const ae of this.aes.values()) {
          const key = this.key(ae);
          if (!this.index.has(key)) this.index.set(key, new Set());
          this.index.get(key)?.add(ae.id);
        }
      }
      return [...(this.index.get(`${collationKey(title)}|${collationKey(orgName)}`) ?? [])].sort((a, b) => a - b);
    }
  }

  it('answers as an index built on first use would, whatever is stored before and after', () => {
    for (let round = 0; round < 40; round++) {
      let seed = 100 + round;
      const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
      const names = ['Radiology', 'radiology ', 'Cardiology', 'Rädiology', '', 'Lab'];
      const titles = ['CT_1', 'ct_1', 'MR', 'PACS', ''];
      const dataset = new Dataset(new ModelSchemas(model));
      const orgs = new Map<number, StoredRecord>();
      const aes = new Map<number, StoredRecord>();
      const reference = new ReferenceIndex(orgs, aes);
      const putOrg = () => {
        const org: StoredRecord = random() < 0.1 ? { id: pick([1, 2, 3, 4, 0]) } : { id: pick([1, 2, 3, 4, 0]), name: pick(names) };
        orgs.set(org.id, org);
        dataset.put('Organization', org);
      };
      const putAe = () => {
        const ae: StoredRecord = { id: pick([1, 2, 3, 4, 5, 6, 7, 8]), aetitle: pick(titles), org_id: pick([1, 2, 3, 4, 0, 9]), role: 'SCP' };
        reference.storing(ae);
        aes.set(ae.id, ae);
        dataset.put(AE, ae);
      };
      const view = dataset.view(AE, ['aetitle', 'org_name']);
      for (let i = 0; i < 6; i++) putOrg();
      for (let i = 0; i < 10; i++) putAe();
      for (let step = 0; step < 60; step++) {
        const r = random();
        if (r < 0.05 * (round % 3)) putOrg();
        else if (r < 0.25) putAe();
        const title = pick(titles);
        const orgName = pick([...names, 'RADIOLOGY', 'nope']);
        const entry = dataset.lookup(view, [title, orgName]);
        const ids = entry === undefined ? [] : typeof entry === 'number' ? [entry] : [...entry].sort((a, b) => a - b);
        expect(ids, `round ${round} step ${step}: ${title} / ${orgName}`).toEqual(reference.find(title, orgName));
      }
    }
  });
});
