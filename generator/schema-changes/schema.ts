import { XMLParser } from 'fast-xml-parser';

/**
 * What iTop stores, read from the datamodel XML of an extension (every `datamodel.*.xml` of its modules):
 * the classes it defines or extends, their tables and the fields that own columns. Read from the XML, not
 * from our model, so a release written by hand (3.2.5) or by another version of the generator compares too.
 */
export interface StoredField {
  code: string;
  /** iTop attribute type (`AttributeEnum`…). */
  type: string;
  /** Columns in the class's table; empty for attributes iTop computes (external fields, linked sets). */
  columns: string[];
  values?: string[];
  target?: string;
  nullAllowed: boolean;
  hasDefault: boolean;
}

export interface StoredClass {
  name: string;
  /** Set when the XML defines the class (absent when it only adds fields to a class defined elsewhere). */
  parent?: string;
  table?: string;
  fields: Map<string, StoredField>;
}

export interface StoredSchema {
  /** Version of the release (module id of its main module, else extension.xml), when known. */
  version?: string;
  classes: Map<string, StoredClass>;
}

type Xml = Record<string, unknown>;
const asList = (value: unknown): Xml[] => (value === undefined || value === '' ? [] : Array.isArray(value) ? (value as Xml[]) : [value as Xml]);
const text = (value: unknown): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'object') {
    const inner = (value as Xml)['#text'];
    return inner === undefined ? '' : String(inner);
  }
  return String(value);
};

/** Attribute types whose value lives elsewhere (computed, or in another class's table). */
const NOT_STORED = new Set(['AttributeExternalField', 'AttributeLinkedSet', 'AttributeLinkedSetIndirect', 'AttributeFriendlyName', 'AttributeObsolescenceFlag', 'AttributeObsolescenceDate']);
/** Types stored in three columns named after the code (iTop's AttributeBlob and its children). */
const BLOB_TYPES = new Set(['AttributeImage', 'AttributeBlob', 'AttributeFile']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => ['class', 'field', 'value'].includes(name),
});

/** Folds the `datamodel.*.xml` texts of one release into its stored schema (later files extend earlier ones). */
export function readStoredSchema(datamodels: string[], version?: string): StoredSchema {
  const classes = new Map<string, StoredClass>();
  for (const xml of datamodels) {
    const design = (parser.parse(xml) as { itop_design?: { classes?: { class?: unknown } } }).itop_design;
    for (const cls of asList(design?.classes?.class)) {
      const name = String(cls['@id']);
      const delta = cls['@_delta'];
      if (delta === 'delete' || delta === 'delete_if_exists') {
        classes.delete(name);
        continue;
      }
      const entry = classes.get(name) ?? { name, fields: new Map<string, StoredField>() };
      const properties = cls['properties'] as Xml | undefined;
      const table = text(properties?.['db_table']);
      if (cls['parent'] !== undefined) entry.parent = text(cls['parent']);
      if (table !== undefined) entry.table = table;
      for (const field of asList((cls['fields'] as Xml | undefined)?.['field'])) {
        const code = String(field['@id']);
        if (field['@_delta'] === 'delete' || field['@_delta'] === 'delete_if_exists') {
          entry.fields.delete(code);
          continue;
        }
        const stored = storedField(code, field);
        if (stored) entry.fields.set(code, stored);
      }
      classes.set(name, entry);
    }
  }
  return { ...(version ? { version } : {}), classes };
}

function storedField(code: string, field: Xml): StoredField | undefined {
  const type = String(field['@xsi:type'] ?? '');
  if (NOT_STORED.has(type)) return undefined;
  const sql = text(field['sql']) || code;
  const columns = BLOB_TYPES.has(type) ? [`${code}_data`, `${code}_mimetype`, `${code}_filename`] : [sql];
  const stored: StoredField = {
    code,
    type,
    columns,
    nullAllowed: text(field['is_null_allowed']) !== 'false',
    hasDefault: (text(field['default_value']) ?? '') !== '',
  };
  if (type === 'AttributeEnum' || type === 'AttributeMetaEnum') {
    stored.values = asList((field['values'] as Xml | undefined)?.['value']).map((value) => String(value['@id'] ?? text(value['code']) ?? text(value)));
  }
  const target = text(field['target_class']);
  if (target !== undefined) stored.target = target;
  return stored;
}

/** The version of a module file's module id `'<code>/<x.y.z>'`. */
export function moduleVersion(moduleFile: string, code: string): string | undefined {
  const match = new RegExp(`['"]${code.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&')}/(\\d+\\.\\d+\\.\\d+)['"]`).exec(moduleFile);
  return match?.[1];
}
