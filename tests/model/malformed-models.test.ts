import { describe, expect, it } from 'vitest';
import model from '../../model/br-medicaldevice/index.js';
import { DEVICE_KINDS } from '../../model/br-medicaldevice/medical-device.js';
import { validateModel } from '../../model/load/load-model.js';
import { ModelError } from '../../model/load/model-error.js';
import type { ModelDefinition } from '../../model/schema/model.js';

type Mutable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The shipped model, deep-copied, with one defect put in by `mutate`. */
function broken(mutate: (m: Mutable) => void): unknown {
  const copy = structuredClone(model) as unknown as Mutable;
  mutate(copy);
  return copy;
}
const cls = (m: Mutable, name: string) => m.classes.find((c: Mutable) => c.name === name);
const field = (m: Mutable, className: string, code: string) => cls(m, className).fields.find((f: Mutable) => f.code === code);
const AE = 'MedicalDicomApplicationEntity';
const LINK = 'MedicalDicomCommunicationLink';

function issuesOf(value: unknown): string[] {
  try {
    validateModel(value, 'model/broken.ts');
  } catch (error) {
    if (error instanceof ModelError) {
      expect(error.file).toBe('model/broken.ts');
      return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
    }
    throw error;
  }
  return [];
}

const cases: [string, { given: unknown; want: string[] }][] = [
  [
    'wrong attribute type',
    { given: broken((m) => (field(m, AE, 'port').type = 'int')), want: [`classes[${AE}].fields[port]: unknown type "int": expected one of string, text, integer, ipAddress, url, image, enum, externalKey, externalField, linkedSet`] },
  ],
  [
    'missing German translation of a label',
    { given: broken((m) => delete field(m, AE, 'aetitle').label.de), want: [`classes[${AE}].fields[aetitle].label.de: missing German (de) translation: every text needs en, de, fr`] },
  ],
  [
    "iTop's ~~ marker in a text",
    { given: broken((m) => (field(m, AE, 'aetitle').label.fr = '~~AE Title')), want: [`classes[${AE}].fields[aetitle].label.fr: expected a non-empty text without control characters and without iTop's '~~' or '~*' markers, got "~~AE Title"`] },
  ],
  [
    'default outside its enum',
    { given: broken((m) => (field(m, AE, 'role').default = 'SERVER')), want: [`classes[${AE}].fields[role].default: default 'SERVER' is not one of the values: SCU, SCP, BOTH`] },
  ],
  [
    'duplicate attribute code',
    { given: broken((m) => cls(m, AE).fields.push({ ...field(m, AE, 'port') })), want: [`classes[${AE}].fields[port].code: duplicate attribute code 'port' in class '${AE}'`] },
  ],
  [
    'presentation names an attribute that does not exist',
    { given: broken((m) => cls(m, AE).presentation.list.push('ip_address')), want: [`classes[${AE}].presentation.list[7]: unknown attribute 'ip_address': class '${AE}' has no such attribute`] },
  ],
  [
    'naming names an attribute that does not exist',
    { given: broken((m) => (cls(m, AE).naming.attributes = ['title'])), want: [`classes[${AE}].naming.attributes[0]: unknown attribute 'title': class '${AE}' has no such attribute`] },
  ],
  [
    'uniqueness rule over an attribute that does not exist',
    { given: broken((m) => (m.rules.find((r: Mutable) => r.id === 'AE-9').check.fields = ['org_id', 'ipaddress_id', 'port'])), want: [`rules[AE-9].check.fields[1]: unknown attribute 'ipaddress_id': class '${AE}' has no such attribute`] },
  ],
  [
    'external key to a class that is neither in the model nor known to iTop',
    {
      given: broken((m) => (field(m, AE, 'functionalci_id').target = 'IPAddress')),
      want: [`classes[${AE}].fields[functionalci_id].target: unknown target class 'IPAddress': expected a class of the model or a known iTop class (cmdbAbstractObject, Organization, FunctionalCI, PhysicalDevice, ConnectableCI, DatacenterDevice, Server, Location, Typology, Document, lnkDocumentToFunctionalCI, VirtualDevice, VirtualMachine)`],
    },
  ],
  [
    'table name clash',
    { given: broken((m) => (cls(m, LINK).dbTable = 'medicaldicomapplicationentity')), want: [`classes[${LINK}].dbTable: table 'medicaldicomapplicationentity' is already used by class '${AE}'`] },
  ],
  [
    'table name clash with an iTop table',
    { given: broken((m) => (cls(m, 'MedicalDevice').dbTable = 'functionalci')), want: [`classes[MedicalDevice].dbTable: table 'functionalci' is already used by class 'FunctionalCI'`] },
  ],
  [
    'duplicate rule id',
    { given: broken((m) => (m.rules.find((r: Mutable) => r.id === 'AE-8').id = 'AE-7')), want: [`rules: duplicate rule id 'AE-7'`] },
  ],
  [
    'rule condition on a value the enum does not have',
    { given: broken((m) => (m.rules.find((r: Mutable) => r.id === 'AE-5').check.when = { protocol: ['DICOM_WEB'] })), want: [`rules[AE-5].check.when.protocol: 'DICOM_WEB' is not a value of '${AE}.protocol': expected one of DICOM, DICOM_TLS, DICOMWEB, OTHER`] },
  ],
  [
    'message placeholder that is not an attribute',
    { given: broken((m) => (m.rules.find((r: Mutable) => r.id === 'AE-4').message.de = 'Port {portnumber} ist ungültig')), want: [`rules[AE-4].message.de: placeholder '{portnumber}' is not an attribute of '${AE}'`] },
  ],
  [
    'unknown rule kind',
    { given: broken((m) => (m.rules.find((r: Mutable) => r.id === 'LNK-1').check.kind = 'different')), want: [`rules[LNK-1].check: unknown kind "different": expected one of text-format, required-when, empty-when, range, url, distinct-fields, referenced-value-not-in, unique-together`] },
  ],
  [
    'unknown property (a typo)',
    { given: broken((m) => (field(m, AE, 'port').mandatroy = true)), want: [`classes[${AE}].fields[port]: unknown property 'mandatroy'`] },
  ],
  [
    'parent class declared after its child',
    {
      given: broken((m) => m.classes.push(m.classes.splice(m.classes.findIndex((c: Mutable) => c.name === 'MedicalDevice'), 1)[0])),
      want: DEVICE_KINDS.map((kind) => `classes[MedicalDevice${kind.suffix}].parent: parent class 'MedicalDevice' must be declared before 'MedicalDevice${kind.suffix}'`),
    },
  ],
  [
    'filter placeholder not declared as a dependency',
    { given: broken((m) => delete field(m, LINK, 'source_ae_id').dependencies), want: [`classes[${LINK}].fields[source_ae_id].dependencies: the filter uses ':this->org_id', so 'org_id' must be listed in dependencies`] },
  ],
  [
    'menu under an unknown parent',
    { given: broken((m) => (m.menus.find((menu: Mutable) => menu.id === AE).parent = 'Dicom')), want: [`menus[MedicalDicomApplicationEntity].parent: unknown parent menu 'Dicom'`] },
  ],
  [
    'rights group naming an unknown class',
    { given: broken((m) => m.userRights.groups[0].classes.push('MedicalDicomLink')), want: [`userRights.groups[MedicalDicom].classes[2]: unknown class 'MedicalDicomLink': expected a class of the model or a known iTop class`] },
  ],
  [
    'field code reserved by iTop',
    {
      given: broken((m) => (field(m, AE, 'description').code = 'friendlyname')),
      want: [
        `classes[${AE}].fields[friendlyname].code: 'friendlyname' is reserved by iTop`,
        `classes[${AE}].presentation.details[col2].fieldsets[notes].attributes[0]: unknown attribute 'description': class '${AE}' has no such attribute`,
      ],
    },
  ],
];

describe('malformed models: each is rejected with the exact error naming the path and what was expected', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    expect(issuesOf(given)).toEqual(want);
  });

  it('the shipped model is valid', () => {
    expect(issuesOf(model)).toEqual([]);
  });

  it('a near-identical model (the default set to a legal value) is accepted', () => {
    expect(issuesOf(broken((m) => (field(m, AE, 'role').default = 'BOTH')))).toEqual([]);
  });

  it('every issue names the file', () => {
    const error = (() => {
      try {
        validateModel({ module: {} } as unknown as ModelDefinition, 'model/x.json');
      } catch (e) {
        return e as ModelError;
      }
      throw new Error('expected a ModelError');
    })();
    expect(error.message.split('\n').every((line) => line.startsWith('model/x.json: '))).toBe(true);
  });
});
