/** The check's data set answers the engine exactly as the engine's own InMemoryContext does. */
import { describe, expect, it } from 'vitest';
import { InMemoryContext, classParentsOf, collationKey, type CountQuery, type StoredRecord } from '../../governance/engine/index.js';
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
