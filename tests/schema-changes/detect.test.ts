/**
 * Issue #16: one model edit per kind of change that can lose or orphan stored data, each detected by comparing the
 * generated datamodel XML with the committed release's, with a message naming the model path; additions pass;
 * declared changes pass; the command line refuses (exit 1) and names the path.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateExtension } from '../../generator/generate.js';
import type { GeneratorInputs } from '../../generator/inputs.js';
import { schemaOfFiles } from '../../generator/schema-changes/baseline.js';
import { compareSchemas, refusalLines } from '../../generator/schema-changes/diff.js';
import { readStoredSchema, type StoredSchema } from '../../generator/schema-changes/schema.js';
import { checkSchemaChanges } from '../../model/load/schema-change-checks.js';
import { ITOP_32 } from '../../generator/targets/target.js';
import type { Field, ModelDefinition } from '../../model/schema/model.js';
import { cloneInputs, projectInputs, ROOT } from '../support/project.js';
import { classOf, declare, releaseB, removeEnumValue, removeField, renameField } from './model-edits.js';

const AE = 'MedicalDicomApplicationEntity';
const LINK = 'MedicalDicomCommunicationLink';
let inputs: GeneratorInputs;
let baseline: StoredSchema;

const schemaOf = (model: ModelDefinition, version = '4.1.0') => {
  const edited = cloneInputs(inputs);
  edited.model = model;
  edited.release = { ...edited.release, version };
  const schema = schemaOfFiles(generateExtension(edited, ITOP_32), model.module.code);
  if (!schema) throw new Error('no datamodel generated');
  return schema;
};
/** The refusal lines of `edit` applied to the project's model, compared with the current release. */
const refusals = (edit: (model: ModelDefinition) => void) => {
  const model = structuredClone(inputs.model);
  edit(model);
  return refusalLines(compareSchemas(baseline, schemaOf(model), model.schemaChanges, '4.1.0'));
};

beforeAll(async () => {
  inputs = await projectInputs();
  baseline = schemaOf(inputs.model, inputs.release.version);
}, 60_000);

describe('changes that lose or orphan data are detected, naming the model path', () => {
  it('an enum value removed', () => {
    const lines = refusals((m) => removeEnumValue(m, AE, 'modality', 'OT'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^classes\[MedicalDicomApplicationEntity\]\.fields\[modality\]\.values: value 'OT' removed: .*declare it: schemaChanges\.renamed: \{ kind: 'enumValue', since: '4\.1\.0'/);
  });
  it('a field removed', () => {
    expect(refusals((m) => removeField(m, LINK, 'description'))).toEqual([expect.stringMatching(/^classes\[MedicalDicomCommunicationLink\]\.fields\[description\]: field 'description' removed: iTop's setup keeps its column 'description'/)]);
  });
  it('an image field removed names its three columns', () => {
    expect(refusals((m) => removeField(m, 'MedicalBrand', 'logo'))).toEqual([expect.stringContaining("classes[MedicalBrand].fields[logo]: field 'logo' removed: iTop's setup keeps its columns 'logo_data', 'logo_mimetype', 'logo_filename'")]);
  });
  it('a field renamed (removed + added)', () => {
    const lines = refusals((m) => renameField(m, AE, 'description', 'notes'));
    expect(lines).toEqual([expect.stringMatching(/^classes\[MedicalDicomApplicationEntity\]\.fields\[description\]: field 'description' removed: .*schemaChanges\.renamed: \{ kind: 'field'/)]);
  });
  it('a class removed', () => {
    const lines = refusals((m) => {
      m.classes = m.classes.filter((c) => c.name !== 'MedicalDeviceTubeSorter');
    });
    expect(lines).toEqual([expect.stringMatching(/^classes\[MedicalDeviceTubeSorter\]: class 'MedicalDeviceTubeSorter' removed: iTop's setup keeps its table 'medicaldevicetubesorter'/)]);
  });
  it('a table renamed', () => {
    expect(refusals((m) => (classOf(m, LINK).dbTable = 'dicomlink'))).toEqual([
      expect.stringMatching(/^classes\[MedicalDicomCommunicationLink\]\.dbTable: table renamed from 'medicaldicomcommunicationlink' to 'dicomlink'/),
    ]);
  });
  it('a column renamed (a release written by hand)', () => {
    const before = readStoredSchema(['<itop_design><classes><class id="X" _delta="define"><parent>cmdbAbstractObject</parent><properties><db_table>x</db_table></properties><fields><field id="a" xsi:type="AttributeString"><sql>a_old</sql></field></fields></class></classes></itop_design>']);
    const after = readStoredSchema(['<itop_design><classes><class id="X" _delta="define"><parent>cmdbAbstractObject</parent><properties><db_table>x</db_table></properties><fields><field id="a" xsi:type="AttributeString"><sql>a</sql></field></fields></class></classes></itop_design>']);
    expect(refusalLines(compareSchemas(before, after))).toEqual([expect.stringMatching(/^classes\[X\]\.fields\[a\]\.sql: column renamed from 'a_old' to 'a'/)]);
  });
  it('a type changed or narrowed (text to string, enum to string)', () => {
    const lines = refusals((m) => {
      const cls = classOf(m, AE);
      cls.fields = cls.fields.map((f): Field => (f.code === 'description' || f.code === 'modality' ? { code: f.code, label: f.label, type: 'string', mandatory: false } : f));
    });
    expect(lines).toEqual([
      expect.stringMatching(/^classes\[MedicalDicomApplicationEntity\]\.fields\[modality\]\.type: type changed from AttributeEnum to AttributeString/),
      expect.stringMatching(/^classes\[MedicalDicomApplicationEntity\]\.fields\[description\]\.type: type changed from AttributeText to AttributeString/),
    ]);
  });
  it('an external key retargeted', () => {
    const lines = refusals((m) => {
      const key = classOf(m, AE).fields.find((f) => f.code === 'functionalci_id');
      if (key?.type === 'externalKey') key.target = 'Server';
    });
    expect(lines).toEqual([expect.stringMatching(/^classes\[MedicalDicomApplicationEntity\]\.fields\[functionalci_id\]\.target: external key retargeted from FunctionalCI to Server/)]);
  });
  it('a field made mandatory without a default, and a new mandatory field without one', () => {
    const lines = refusals((m) => {
      const cls = classOf(m, AE);
      const url = cls.fields.find((f) => f.code === 'endpoint_url');
      if (url && 'mandatory' in url) url.mandatory = true;
      cls.fields.push({ code: 'site', type: 'string', mandatory: true, label: { en: 'Site', de: 'Standort', fr: 'Site' } });
    });
    expect(lines).toEqual([
      expect.stringMatching(/^classes\[MedicalDicomApplicationEntity\]\.fields\[endpoint_url\]\.mandatory: made mandatory without a default/),
      expect.stringMatching(/^classes\[MedicalDicomApplicationEntity\]\.fields\[site\]: new mandatory field 'site' without a default/),
    ]);
  });
});

describe('additions and declared changes pass', () => {
  it('a new class, a field with a default or optional, an enum value: nothing listed', () => {
    const lines = refusals((m) => {
      const cls = classOf(m, AE);
      cls.fields.push({ code: 'site', type: 'string', mandatory: true, default: 'main', label: { en: 'Site', de: 'Standort', fr: 'Site' } });
      cls.fields.push({ code: 'room', type: 'string', mandatory: false, label: { en: 'Room', de: 'Raum', fr: 'Salle' } });
      const modality = cls.fields.find((f) => f.code === 'modality');
      if (modality?.type === 'enum') modality.values.push({ code: 'XX', label: { en: 'XX', de: 'XX', fr: 'XX' } });
      m.classes.push({ ...structuredClone(classOf(m, 'MedicalDeviceTubeSorter')), name: 'MedicalDeviceCapper', dbTable: 'medicaldevicecapper' });
    });
    expect(lines).toEqual([]);
  });
  it("the issue's renames, declared, pass and are reported as declared", () => {
    const model = releaseB(inputs.model, { declared: true, since: '4.1.0' });
    const comparison = compareSchemas(baseline, schemaOf(model), model.schemaChanges, '4.1.0');
    expect(refusalLines(comparison)).toEqual([]);
    expect(comparison.changes.map((c) => c.path)).toEqual([`classes[${AE}].fields[modality].values`, `classes[${AE}].fields[notes]`]);
    expect(checkSchemaChanges(model)).toEqual([]);
  });
  it('removals declared pass', () => {
    expect(
      refusals((m) => {
        removeEnumValue(m, AE, 'modality', 'OT');
        removeField(m, LINK, 'description');
        declare(m, {
          removed: [
            { kind: 'enumValue', since: '4.1.0', class: AE, field: 'modality', value: 'OT', replacedBy: 'SC', note: 'merged' },
            { kind: 'field', since: '4.1.0', class: LINK, field: 'description', note: 'unused' },
          ],
        });
      }),
    ).toEqual([]);
  });
  it('a declaration the baseline already has, or a version not bumped, is refused', () => {
    const model = releaseB(inputs.model, { declared: true, since: '4.0.0' });
    expect(refusalLines(compareSchemas(baseline, schemaOf(model), model.schemaChanges, '4.0.0'))).toEqual([
      "package.json: version 4.0.0 is not above the baseline's 4.0.0: iTop's setup runs the upgrade steps of a release only for sites below its version; bump the version",
      `classes[${AE}].fields[modality].values: declared since 4.0.0, but the baseline is already 4.0.0: its upgrade step would not run on sites at 4.0.0; set since to '4.0.0'`,
      `classes[${AE}].fields[notes]: declared since 4.0.0, but the baseline is already 4.0.0: its upgrade step would not run on sites at 4.0.0; set since to '4.0.0'`,
    ]);
  });
  it('a declaration naming what the model does not have is a model error', () => {
    const model = releaseB(inputs.model, { declared: true, since: '4.1.0' });
    declare(model, { renamed: [{ kind: 'enumValue', since: '4.1.0', class: AE, field: 'modality', value: 'CT', from: 'MR' }] });
    expect(checkSchemaChanges(model)).toEqual([{ path: 'schemaChanges.renamed[2].from', message: `'MR' is still a value of ${AE}.modality: expected the value's former code` }]);
  });
});

describe('generate on the command line', () => {
  it('refuses an undeclared rename with exit 1, naming the model path, and writes nothing', async () => {
    const { runGenerate } = await import('../../generator/cli/generate-command.js');
    const out = await mkdtemp(path.join(tmpdir(), 'regen-'));
    try {
      await cp(path.join(ROOT, 'dist', 'br-medicaldevice'), path.join(out, 'br-medicaldevice'), { recursive: true });
      const lines: string[] = [];
      const model = path.join(ROOT, 'tests', 'itop', 'schema-changes', 'release-undeclared.model.ts');
      const code = await runGenerate({ model, itop: '3.2', out, docs: false }, (line) => lines.push(line));
      expect(code).toBe(1);
      expect(lines.join('\n')).toContain("schema change: classes[MedicalDicomApplicationEntity].fields[modality].values: value 'OT' removed");
      expect(lines.join('\n')).toContain('schema change: classes[MedicalDeviceTubeSorter]: class');
      expect(lines.join('\n')).toContain("schema change: package.json: version 4.0.0 is not above the baseline's 4.0.0");
      expect(lines.at(-1)).toMatch(/^5 schema change\(s\) since .* \(4\.0\.0\) can lose or orphan stored data: declare each in the model's schemaChanges/);
      const { diffFolder } = await import('../../generator/writer/folder-writer.js');
      expect(await diffFolder(path.join(out, 'br-medicaldevice'), generateExtension(inputs, ITOP_32))).toEqual([]);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('generated documentation', () => {
  it('lists the declared changes per release with what happens to the data', async () => {
    const { generateDocs } = await import('../../generator/generate.js');
    const edited = cloneInputs(inputs);
    edited.model = releaseB(inputs.model, { declared: true, since: '4.1.0' });
    const doc = generateDocs(edited, ITOP_32).find((f) => f.path === 'SCHEMA-CHANGES.md');
    expect(doc?.content).toContain('## 4.1.0');
    expect(doc?.content).toContain("| value renamed | `MedicalDicomApplicationEntity.modality`: `OT` → `OTHER` | rows holding `OT` hold `OTHER`");
    expect(doc?.content).toContain('| field renamed | `MedicalDicomApplicationEntity`: `description` → `notes` | column moved with its values');
  });
});
