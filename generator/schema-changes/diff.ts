import type { Changed, Removed, Renamed, SchemaChanges } from '../../model/schema/schema-changes.js';
import { compareVersions } from '../release.js';
import type { StoredClass, StoredField, StoredSchema } from './schema.js';

/** One change between two releases' stored schemas that can lose or orphan stored data. */
export interface SchemaChange {
  /** Where in the model (the new model when the class or field still exists). */
  path: string;
  /** What changed and what iTop's setup does to the data. */
  message: string;
  /** How to declare it in the model's `schemaChanges`. */
  declare: string;
  /** The declaration that covers it, if any. */
  declaredBy?: Renamed | Removed | Changed;
}

export interface SchemaComparison {
  /** Every data-affecting change found, declared or not. */
  changes: SchemaChange[];
  /** Problems with the declarations themselves (a `since` the baseline already has, a version not bumped). */
  problems: string[];
}

const q = (value: string) => `'${value}'`;

/**
 * Compares the schema of the last release (`before`) with the one about to be emitted (`after`) and lists
 * every change that iTop's setup would apply by losing or orphaning data: a class, field or enum value removed,
 * a table or column renamed, a type changed, an external key retargeted, a field made mandatory without a
 * default. Additions (a class, a field with a default or that may be empty, an enum value) are not listed.
 */
export function compareSchemas(before: StoredSchema, after: StoredSchema, declared: SchemaChanges = {}, version?: string): SchemaComparison {
  const renamed = declared.renamed ?? [];
  const removed = declared.removed ?? [];
  const changed = declared.changed ?? [];
  const since = version ?? 'x.y.z';
  const changes: SchemaChange[] = [];
  const add = (change: SchemaChange) => changes.push(change);

  const newNameOf = (oldName: string) => renamed.find((r) => r.kind === 'class' && r.from === oldName)?.class ?? oldName;
  const renamedClassDecl = (oldName: string) => renamed.find((r) => r.kind === 'class' && r.from === oldName);

  for (const old of before.classes.values()) {
    const name = newNameOf(old.name);
    const cls = after.classes.get(name);
    const at = `classes[${name}]`;
    if (!cls || (old.table !== undefined && cls.table === undefined)) {
      if (old.table === undefined) continue; // only extended (fields added to a class defined elsewhere), nothing of ours stored
      add({
        path: `classes[${old.name}]`,
        message: `class '${old.name}' removed: iTop's setup keeps its table '${old.table}' and its rows, but no class reads them any more; its objects stay in the tables of its parent classes, unreachable`,
        declare: `schemaChanges.removed: { kind: 'class', since: '${since}', class: '${old.name}', note: '…' }, or schemaChanges.renamed: { kind: 'class', since: '${since}', class: '<NewName>', from: '${old.name}' }`,
        ...declaredBy(removed.find((r) => r.kind === 'class' && r.class === old.name)),
      });
      continue;
    }
    const classDecl = renamedClassDecl(old.name);
    if (classDecl) add({ path: `${at}`, message: `class '${old.name}' renamed to '${name}'`, declare: '', declaredBy: classDecl });
    if (old.table !== undefined && cls.table !== undefined && old.table !== cls.table) {
      add({
        path: `${at}.dbTable`,
        message: `table renamed from '${old.table}' to '${cls.table}': iTop's setup creates an empty table '${cls.table}' and leaves the rows in '${old.table}'`,
        declare: `schemaChanges.renamed: { kind: 'table', since: '${since}', class: '${name}', table: '${cls.table}', from: '${old.table}' }`,
        ...declaredBy(renamed.find((r) => r.kind === 'table' && r.class === name && r.table === cls.table && r.from === old.table)),
      });
    }
    if (old.parent !== undefined && cls.parent !== undefined && old.parent !== cls.parent) {
      add({
        path: `${at}.parent`,
        message: `parent changed from '${old.parent}' to '${cls.parent}': the objects' rows in the tables of the old parent classes are no longer read, the new parents' tables have no rows for them`,
        declare: `schemaChanges.changed: { kind: 'parent', since: '${since}', class: '${name}', note: '…' }`,
        ...declaredBy(changed.find((c) => c.kind === 'parent' && c.class === name)),
      });
    }
    compareFields(old, cls, name, { renamed, removed, changed, since }, add);
  }

  const problems = declarationProblems(changes, before.version, version);
  return { changes, problems };
}

interface Declared {
  renamed: Renamed[];
  removed: Removed[];
  changed: Changed[];
  since: string;
}

function compareFields(old: StoredClass, cls: StoredClass, name: string, d: Declared, add: (change: SchemaChange) => void): void {
  const matched = new Set<string>();
  for (const oldField of old.fields.values()) {
    const rename = d.renamed.find((r) => r.kind === 'field' && r.class === name && r.from === oldField.code);
    const code = rename?.kind === 'field' ? rename.field : oldField.code;
    const field = cls.fields.get(code);
    const at = `classes[${name}].fields[${code}]`;
    if (!field) {
      add({
        path: `classes[${name}].fields[${oldField.code}]`,
        message: `field '${oldField.code}' removed: iTop's setup keeps its column${oldField.columns.length > 1 ? 's' : ''} ${oldField.columns.map(q).join(', ')} in the table with every value, but nothing reads or writes ${oldField.columns.length > 1 ? 'them' : 'it'} any more`,
        declare: `schemaChanges.removed: { kind: 'field', since: '${d.since}', class: '${name}', field: '${oldField.code}', note: '…' }, or schemaChanges.renamed: { kind: 'field', since: '${d.since}', class: '${name}', field: '<new_code>', from: '${oldField.code}' }`,
        ...declaredBy(d.removed.find((r) => r.kind === 'field' && r.class === name && r.field === oldField.code)),
      });
      continue;
    }
    matched.add(code);
    if (rename) add({ path: at, message: `field '${oldField.code}' renamed to '${code}'`, declare: '', declaredBy: rename });
    compareField(oldField, field, name, at, d, add, rename !== undefined);
  }
  for (const field of cls.fields.values()) {
    if (matched.has(field.code) || field.columns.length === 0) continue;
    if (!field.nullAllowed && !field.hasDefault && old.table !== undefined) {
      add({
        path: `classes[${name}].fields[${field.code}]`,
        message: `new mandatory field '${field.code}' without a default: iTop's setup adds the column with an empty value in every existing row, which iTop then refuses to save until someone fills it`,
        declare: `give it a default, or schemaChanges.changed: { kind: 'mandatory', since: '${d.since}', class: '${name}', field: '${field.code}', note: '…' }`,
        ...declaredBy(d.changed.find((c) => c.kind === 'mandatory' && c.class === name && c.field === field.code)),
      });
    }
  }
}

function compareField(oldField: StoredField, field: StoredField, name: string, at: string, d: Declared, add: (change: SchemaChange) => void, renamedField: boolean): void {
  const acknowledged = (kind: Changed['kind']) => declaredBy(d.changed.find((c) => c.kind === kind && c.class === name && c.field === field.code));
  if (oldField.type !== field.type) {
    add({
      path: `${at}.type`,
      message: `type changed from ${oldField.type} to ${field.type}: iTop's setup alters the column to the new type, and values the new type cannot hold are truncated or emptied`,
      declare: `schemaChanges.changed: { kind: 'type', since: '${d.since}', class: '${name}', field: '${field.code}', note: '…' }`,
      ...acknowledged('type'),
    });
  } else if (!renamedField && oldField.columns.join() !== field.columns.join()) {
    add({
      path: `${at}.sql`,
      message: `column renamed from ${oldField.columns.map(q).join(', ')} to ${field.columns.map(q).join(', ')}: iTop's setup adds an empty column and leaves the values in the old one`,
      declare: `schemaChanges.changed: { kind: 'column', since: '${d.since}', class: '${name}', field: '${field.code}', note: '…' }`,
      ...acknowledged('column'),
    });
  }
  if (oldField.values && field.values) {
    for (const value of oldField.values) {
      const rename = d.renamed.find((r) => r.kind === 'enumValue' && r.class === name && r.field === field.code && r.from === value);
      const code = rename?.kind === 'enumValue' ? rename.value : value;
      if (field.values.includes(code)) {
        if (rename) add({ path: `${at}.values`, message: `value '${value}' renamed to '${code}'`, declare: '', declaredBy: rename });
        continue;
      }
      add({
        path: `${at}.values`,
        message: `value '${value}' removed: iTop's setup keeps '${value}' in the column while rows hold it, but the form cannot show or keep it, and a search cannot select it`,
        declare: `schemaChanges.renamed: { kind: 'enumValue', since: '${d.since}', class: '${name}', field: '${field.code}', value: '<NEW>', from: '${value}' }, or schemaChanges.removed: { kind: 'enumValue', since: '${d.since}', class: '${name}', field: '${field.code}', value: '${value}', replacedBy: '<CODE>' (optional), note: '…' }`,
        ...declaredBy(d.removed.find((r) => r.kind === 'enumValue' && r.class === name && r.field === field.code && r.value === value)),
      });
    }
  }
  if (oldField.target !== undefined && field.target !== undefined && oldField.target !== field.target) {
    add({
      path: `${at}.target`,
      message: `external key retargeted from ${oldField.target} to ${field.target}: the stored ids keep pointing at ${oldField.target} ids, now read as ${field.target} ids`,
      declare: `schemaChanges.changed: { kind: 'target', since: '${d.since}', class: '${name}', field: '${field.code}', note: '…' }`,
      ...acknowledged('target'),
    });
  }
  if (oldField.nullAllowed && !field.nullAllowed && !field.hasDefault) {
    add({
      path: `${at}.mandatory`,
      message: `made mandatory without a default: rows without a value stay empty, and iTop refuses to save them until someone fills it`,
      declare: `give it a default, or schemaChanges.changed: { kind: 'mandatory', since: '${d.since}', class: '${name}', field: '${field.code}', note: '…' }`,
      ...acknowledged('mandatory'),
    });
  }
}

function declaredBy(declaration: Renamed | Removed | Changed | undefined): { declaredBy?: Renamed | Removed | Changed } {
  return declaration ? { declaredBy: declaration } : {};
}

/**
 * A declaration's installer code runs on sites whose recorded version is below its `since`: a `since` that the
 * baseline already has would never run there, and a release that changes the schema must carry a new version.
 */
function declarationProblems(changes: SchemaChange[], baseline: string | undefined, version: string | undefined): string[] {
  const problems: string[] = [];
  if (changes.length === 0 || !baseline || !version) return problems;
  if (compareVersions(version, baseline) <= 0) {
    problems.push(`package.json: version ${version} is not above the baseline's ${baseline}: iTop's setup runs the upgrade steps of a release only for sites below its version; bump the version`);
  }
  for (const change of changes) {
    const d = change.declaredBy;
    if (!d) continue;
    if (compareVersions(d.since, baseline) <= 0) {
      problems.push(`${change.path}: declared since ${d.since}, but the baseline is already ${baseline}: its upgrade step would not run on sites at ${baseline}; set since to '${version}'`);
    } else if (compareVersions(d.since, version) > 0) {
      problems.push(`${change.path}: declared since ${d.since}, after this release (${version}); set since to '${version}'`);
    }
  }
  return problems;
}

/** The refusal lines for the undeclared changes and the declaration problems. */
export function refusalLines(comparison: SchemaComparison): string[] {
  return [
    ...comparison.changes.filter((c) => !c.declaredBy).map((c) => `${c.path}: ${c.message}; declare it: ${c.declare}`),
    ...comparison.problems,
  ];
}
