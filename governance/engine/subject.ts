/**
 * The object a write produces, as iTop holds it when CheckToWrite runs: for a creation the written values
 * plus defaults, for an update the stored object with the written values applied; and the list of changes.
 */
import type { ModelDefinition } from '../../model/schema/model.js';
import type { GovernanceContext } from './context.js';
import { WriteError, type StoredValue, type Write } from './types.js';
import { defaultOf, isEmptyValue, isWritable, sameValue, toItopValue, type WritableField } from './values.js';

export interface Subject {
  className: string;
  op: 'create' | 'update';
  /** The object's id (update); undefined for a creation (iTop: a negative temporary key). */
  id: number | undefined;
  /** Writable attributes of the class, own and inherited from model classes. */
  fields: ReadonlyMap<string, WritableField>;
  /** Every writable attribute of the object, as iTop holds it. */
  object: Readonly<Record<string, StoredValue>>;
  /**
   * iTop's `ListChanges()`: on creation every attribute (written or defaulted), on update the written
   * attributes whose held value differs from the stored one. Values as iTop holds them (after MakeRealValue),
   * which is what `CheckValue` checks.
   */
  changes: ReadonlyMap<string, StoredValue>;
  isEmpty(code: string): boolean;
}

/** Writable fields of a model class, inherited ones (from model ancestors) included. */
export function writableFieldsOf(model: ModelDefinition, className: string): Map<string, WritableField> | undefined {
  const byName = new Map(model.classes.map((cls) => [cls.name, cls]));
  if (!byName.has(className)) return undefined;
  const fields = new Map<string, WritableField>();
  for (let cls = byName.get(className); cls; cls = byName.get(cls.parent)) {
    for (const field of cls.fields) if (isWritable(field) && !fields.has(field.code)) fields.set(field.code, field);
  }
  return fields;
}

export function buildSubject(write: Write, fields: ReadonlyMap<string, WritableField>, context: GovernanceContext): Subject {
  for (const code of Object.keys(write.values)) {
    if (!fields.has(code)) throw new WriteError(`${write.class}: '${code}' is not a writable attribute of the class`);
  }
  const object: Record<string, StoredValue> = {};
  const changes = new Map<string, StoredValue>();

  if (write.op === 'create') {
    for (const [code, field] of fields) {
      const value = Object.hasOwn(write.values, code) ? toItopValue(field, write.values[code] ?? null) : defaultOf(field);
      object[code] = value;
      changes.set(code, value);
    }
  } else {
    if (write.id === undefined) throw new WriteError(`${write.class}: an update needs the id of the object`);
    const stored = context.get(write.class, write.id, { by: 'itop' });
    if (!stored) throw new WriteError(`${write.class}::${write.id} does not exist`);
    for (const [code, field] of fields) {
      const before = toItopValue(field, stored[code] ?? null);
      object[code] = before;
      if (!Object.hasOwn(write.values, code)) continue;
      const after = toItopValue(field, write.values[code] ?? null);
      if (sameValue(before, after)) continue;
      object[code] = after;
      changes.set(code, after);
    }
  }

  return {
    className: write.class,
    op: write.op,
    id: write.op === 'update' ? write.id : undefined,
    fields,
    object,
    changes,
    isEmpty(code) {
      const field = fields.get(code);
      const value = object[code] ?? null;
      return field ? isEmptyValue(field, value) : value === null || value === '';
    },
  };
}
