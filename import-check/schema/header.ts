/**
 * The header row of a CSV file → what each column holds, the way iTop 3.2.0's import reads a header
 * (webservices/import.php): a column is named by an attribute code or by its label (case-insensitive, a trailing
 * `*` ignored); an external key is given by id (`org_id`) or through attributes of its target, `org_id->name`
 * or `Organization->Name`, or by an external field (`org_name` = `org_id->name`); `id` is the object's key.
 *
 * Values follow the header: a header of codes is `--no_localize=1` (enum cells hold codes), a header of labels is
 * a localized import (enum cells hold the labels of the header's language), as iTop's wizard and CLI read them.
 */
import { LANGUAGES, type Language } from '../../model/schema/model.js';
import type { WritableField } from '../../governance/engine/values.js';
import { ImportInputError } from '../errors.js';
import type { ClassSchema, ModelSchemas } from './class-schema.js';

export type Column =
  | { kind: 'id' }
  /** A writable attribute of the class; an external key so named holds the id of its target. */
  | { kind: 'attribute'; code: string; field: WritableField }
  /** One attribute of the target of external key `key`, which iTop searches by. */
  | { kind: 'reference'; key: string; attribute: string }
  /** An attribute of an iTop class the model does not define (exports of Organization, Server…): kept as text. */
  | { kind: 'raw'; code: string }
  /** A column iTop exports but the check does not need (friendly names, obsolescence flags, linked sets). */
  | { kind: 'ignored' };

export interface HeaderMapping {
  className: string;
  columns: Column[];
  /** `codes`: enum cells hold codes; `labels`: they hold labels in `language`. */
  values: 'codes' | 'labels';
  language: Language;
  /** Per external key given through its target's attributes: those attributes and their columns. */
  references: Map<string, { attributes: string[]; indexes: number[] }>;
  /** Column of each attribute given directly (external keys by id included unless `references` has the key). */
  attributes: Map<string, number>;
  idColumn: number | undefined;
}

interface Known {
  column: Column;
  /** Exact spelling of the code form, to tell a header of codes from one of labels. */
  code?: string;
  languages: Set<Language>;
}

/** Maps `cells` (a header row) for `className`; unknown or repeated columns stop the check (line 1). */
export function mapHeader(schemas: ModelSchemas, className: string, cells: string[], file: string, preferred: Language): HeaderMapping {
  const known = knownColumns(schemas, className);
  const columns: Column[] = [];
  const codeStyle: boolean[] = [];
  const languageSets: Set<Language>[] = [];
  const seen = new Map<string, string>();
  cells.forEach((cell, index) => {
    const name = cell.trim().replace(/^(.+)\*$/, '$1').replace(/^(.+)\*->(.+)$/, '$1->$2');
    const entry = known.get(name.toLowerCase());
    if (!entry) throw unknownColumn(schemas.of(className), file, cell, index);
    const signature = JSON.stringify(entry.column);
    if (entry.column.kind !== 'ignored' && seen.has(signature)) {
      throw new ImportInputError(file, 1, `columns '${seen.get(signature)}' and '${cell}' give the same attribute`);
    }
    seen.set(signature, cell);
    columns.push(entry.column);
    if (entry.column.kind === 'id' || entry.column.kind === 'ignored') return;
    codeStyle.push(entry.code === name);
    if (entry.code !== name) languageSets.push(entry.languages);
  });

  const values = codeStyle.every(Boolean) ? 'codes' : 'labels';
  const language = [preferred, ...LANGUAGES].find((l) => languageSets.every((set) => set.has(l))) ?? preferred;

  const references = new Map<string, { attributes: string[]; indexes: number[] }>();
  const attributes = new Map<string, number>();
  let idColumn: number | undefined;
  columns.forEach((column, index) => {
    if (column.kind === 'id') idColumn = index;
    else if (column.kind === 'reference') {
      let reference = references.get(column.key);
      if (!reference) references.set(column.key, (reference = { attributes: [], indexes: [] }));
      reference.attributes.push(column.attribute);
      reference.indexes.push(index);
    } else if (column.kind === 'attribute' || column.kind === 'raw') attributes.set(column.code, index);
  });
  // iTop: an external key given both by id and by attributes of its target is searched by all of them.
  for (const [key, reference] of references) {
    const byId = attributes.get(key);
    if (byId === undefined) continue;
    reference.attributes.push('id');
    reference.indexes.push(byId);
    attributes.delete(key);
  }
  return { className, columns, values, language, references, attributes, idColumn };
}

function unknownColumn(schema: ClassSchema, file: string, cell: string, index: number): ImportInputError {
  const codes = [...schema.writable.keys()].join(', ');
  return new ImportInputError(file, 1, `unknown column '${cell}' (column ${index + 1}) for ${schema.name}: expected an attribute code (${codes}), its label, 'id', or 'key->attribute' such as 'org_id->name'`);
}

const cache = new WeakMap<ModelSchemas, Map<string, Map<string, Known>>>();

/** Every column name iTop's import accepts for the class, lower-cased, in codes and in every language. */
function knownColumns(schemas: ModelSchemas, className: string): Map<string, Known> {
  let perClass = cache.get(schemas);
  if (!perClass) cache.set(schemas, (perClass = new Map()));
  let known = perClass.get(className);
  if (known) return known;
  known = new Map();
  perClass.set(className, known);
  const schema = schemas.of(className);
  const add = (code: string, column: Column, labels: Partial<Record<Language, string>> | undefined) => {
    const lower = code.toLowerCase();
    const existing = known!.get(lower);
    if (existing) existing.code ??= code;
    else known!.set(lower, { column, code, languages: new Set() });
    for (const language of LANGUAGES) {
      const label = labels?.[language];
      if (!label) continue;
      const key = label.toLowerCase();
      const entry = known!.get(key);
      // An external key's label wins over an external field's of the same label (import.php).
      if (!entry) known!.set(key, { column, languages: new Set([language]) });
      else if (JSON.stringify(entry.column) === JSON.stringify(column)) entry.languages.add(language);
    }
  };

  add('id', { kind: 'id' }, undefined);
  for (const [code, field] of schema.writable) add(code, { kind: 'attribute', code, field }, schema.labels.get(code));
  for (const [code, field] of schema.writable) {
    if (field.type !== 'externalKey') continue;
    const target = schemas.of(field.target);
    for (const attribute of ['id', 'friendlyname', ...target.attributes]) {
      if (target.ignorable.has(attribute) && attribute !== 'friendlyname') continue;
      const keyLabel = schema.labels.get(code);
      const attributeLabel = target.labels.get(attribute);
      const labels = keyLabel && attributeLabel ? Object.fromEntries(LANGUAGES.map((l) => [l, `${keyLabel[l]}->${attributeLabel[l]}`])) : undefined;
      add(`${code}->${attribute}`, { kind: 'reference', key: code, attribute }, labels);
    }
  }
  for (const [code, info] of schema.externalFields) add(code, { kind: 'reference', key: info.key, attribute: info.targetAttribute }, schema.labels.get(code));
  for (const code of schema.attributes) if (!schema.writable.has(code) && !schema.externalFields.has(code) && !schema.ignorable.has(code)) add(code, { kind: 'raw', code }, schema.labels.get(code));
  for (const code of schema.ignorable) add(code, { kind: 'ignored' }, code === 'friendlyname' ? schema.labels.get(code) : undefined);
  return known;
}
