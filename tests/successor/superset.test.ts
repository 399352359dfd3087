import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { generateExtension } from '../../generator/generate.js';
import { ITOP_32 } from '../../generator/targets/target.js';
import { projectInputs, textOf } from '../support/project.js';

/** 3.2.5's schema facts, written down as data (see its `about`). */
interface FieldFact {
  type: string;
  target?: string;
  values?: string[];
  mandatory?: boolean;
  externalKey?: string;
  targetAttribute?: string;
  linkedClass?: string;
  externalKeyToMe?: string;
}
interface ClassFact {
  parent: string;
  table: string;
  reconciliation: string[];
  fields: Record<string, FieldFact>;
}
const FACTS = JSON.parse(readFileSync(new URL('./schema-3.2.5.json', import.meta.url), 'utf8')) as { classes: Record<string, ClassFact> };

/**
 * Reconciliation keys we changed on purpose (the issue asks for 3.2.5's; these two are the DICOM classes'
 * own decisions, kept): the AE's `org_name` is the name of `org_id`, already matched through it; the link
 * adds `direction`, without which a PULL row beside a PUSH link would update the PUSH link (LNK-4 allows both).
 */
const RECONCILIATION_CHANGES: Record<string, { removed: string[]; added: string[] }> = {
  MedicalDicomApplicationEntity: { removed: ['org_name'], added: [] },
  MedicalDicomCommunicationLink: { removed: [], added: ['direction'] },
};

type Xml = Record<string, unknown>;
const asList = (value: unknown): Xml[] => (value === undefined || value === '' ? [] : Array.isArray(value) ? (value as Xml[]) : [value as Xml]);

/** Our classes as the generated XML of every module of the extension declares them (bridges add fields). */
function ourSchema(datamodels: string[]): Map<string, { parent?: string; table?: string; reconciliation: string[]; fields: Map<string, Xml> }> {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['class', 'field', 'value', 'attribute'].includes(name) });
  const classes = new Map<string, { parent?: string; table?: string; reconciliation: string[]; fields: Map<string, Xml> }>();
  for (const xml of datamodels) {
    const design = (parser.parse(xml) as { itop_design: { classes?: { class?: Xml[] } } }).itop_design;
    for (const cls of asList(design.classes?.class)) {
      const name = String(cls['@id']);
      const entry = classes.get(name) ?? { reconciliation: [], fields: new Map<string, Xml>() };
      if (cls['@_delta'] === 'define') {
        const properties = cls.properties as Xml;
        entry.parent = String(cls.parent);
        entry.table = String(properties.db_table);
        entry.reconciliation = asList((properties.reconciliation as Xml | undefined)?.attributes && ((properties.reconciliation as Xml).attributes as Xml).attribute).map((a) => String(a['@id']));
      }
      for (const field of asList((cls.fields as Xml | undefined)?.field)) entry.fields.set(String(field['@id']), field);
      classes.set(name, entry);
    }
  }
  return classes;
}

/** Every way ours fails to be a superset of 3.2.5's schema, as readable lines. */
function supersetProblems(datamodels: string[], facts: Record<string, ClassFact>): string[] {
  const ours = ourSchema(datamodels);
  const problems: string[] = [];
  for (const [name, fact] of Object.entries(facts)) {
    const cls = ours.get(name);
    if (!cls?.table) {
      problems.push(`${name}: class missing`);
      continue;
    }
    if (cls.parent !== fact.parent) problems.push(`${name}: parent ${cls.parent}, 3.2.5 has ${fact.parent}`);
    if (cls.table !== fact.table) problems.push(`${name}: table ${cls.table}, 3.2.5 has ${fact.table}`);
    const change = RECONCILIATION_CHANGES[name] ?? { removed: [], added: [] };
    const expected = [...fact.reconciliation.filter((code) => !change.removed.includes(code)), ...change.added].sort();
    if (JSON.stringify([...cls.reconciliation].sort()) !== JSON.stringify(expected)) problems.push(`${name}: reconciliation ${cls.reconciliation.join(',')}, expected ${expected.join(',')}`);
    for (const [code, want] of Object.entries(fact.fields)) {
      const field = cls.fields.get(code);
      if (!field) {
        problems.push(`${name}.${code}: field missing`);
        continue;
      }
      const type = String(field['@xsi:type']);
      if (type !== want.type) problems.push(`${name}.${code}: ${type}, 3.2.5 has ${want.type}`);
      if (want.target !== undefined && String(field.target_class) !== want.target) problems.push(`${name}.${code}: points at ${String(field.target_class)}, 3.2.5 at ${want.target}`);
      if (want.externalKey !== undefined && (field.extkey_attcode !== want.externalKey || field.target_attcode !== want.targetAttribute)) problems.push(`${name}.${code}: reads ${String(field.extkey_attcode)}->${String(field.target_attcode)}, 3.2.5 ${want.externalKey}->${want.targetAttribute}`);
      if (want.linkedClass !== undefined && (field.linked_class !== want.linkedClass || field.ext_key_to_me !== want.externalKeyToMe)) problems.push(`${name}.${code}: lists ${String(field.linked_class)}.${String(field.ext_key_to_me)}, 3.2.5 ${want.linkedClass}.${want.externalKeyToMe}`);
      const values = asList((field.values as Xml | undefined)?.value).map((v) => String(v['@id']));
      for (const value of want.values ?? []) if (!values.includes(value)) problems.push(`${name}.${code}: enum value ${value} missing`);
      // A field 3.2.5 left optional must stay optional: its empty rows would otherwise no longer save.
      if (want.mandatory === false && String(field.is_null_allowed) === 'false') problems.push(`${name}.${code}: mandatory, 3.2.5 left it optional`);
    }
  }
  return problems;
}

describe('our extension is a superset of the hand-written 3.2.5 (tests/successor/schema-3.2.5.json)', async () => {
  const files = generateExtension(await projectInputs(ITOP_32), ITOP_32);
  const datamodels = files.filter((f) => /(^|\/)datamodel\.[^/]+\.xml$/.test(f.path)).map((f) => textOf(f.content));

  it('reads the datamodel of both modules, the main one and the TeemIp bridge', () => {
    expect(files.filter((f) => /(^|\/)datamodel\.[^/]+\.xml$/.test(f.path)).map((f) => f.path)).toEqual([
      'br-medicaldevice-teemip/datamodel.br-medicaldevice-teemip.xml',
      'br-medicaldevice/datamodel.br-medicaldevice.xml',
    ]);
  });

  it('has every class, table, field code, enum code and reconciliation key of 3.2.5 with a compatible type', () => {
    expect(Object.keys(FACTS.classes)).toHaveLength(16);
    expect(supersetProblems(datamodels, FACTS.classes)).toEqual([]);
  });

  it.each([
    ['a class dropped', (xml: string) => xml.replace('<class id="MedicalDeviceAnalyser"', '<class id="Gone"'), 'MedicalDeviceAnalyser: class missing'],
    ['an enum value dropped', (xml: string) => xml.replace('<value id="MedicalDeviceTubeSorter">', '<value id="Sorter">'), 'MedicalModel.type: enum value MedicalDeviceTubeSorter missing'],
    ['a renamed table', (xml: string) => xml.replace('<db_table>medicalbrand</db_table>', '<db_table>brand2</db_table>'), 'MedicalBrand: table brand2, 3.2.5 has medicalbrand'],
    ['the bridge field missing', (xml: string) => xml.replace('<field id="ipaddress_id"', '<field id="ip_id"'), 'MedicalDicomApplicationEntity.ipaddress_id: field missing'],
  ])('the comparison catches %s', (_, mutate, problem) => {
    expect(supersetProblems(datamodels.map(mutate), FACTS.classes)).toContain(problem);
  });
});
