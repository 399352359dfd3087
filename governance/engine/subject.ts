/**
 * The object a write produces, as iTop holds it when CheckToWrite runs: for a creation the written values
 * plus defaults, for an update the stored object with the written values applied; and the list of changes.
 *
 * For speed the engine holds the object as an array, one slot per writable attribute in declaration order (the
 * class's `ClassShape`); checkers find their attributes' slots once, when they are compiled.
 */
import type { ModelDefinition } from '../../model/schema/model.js';
import type { GovernanceContext, LookupOrigin } from './context.js';
import { compileAttributeCheck, type AttributeCheck } from './itop-attribute-checks.js';
import { WriteError, type StoredValue, type Write, type WriteValue } from './types.js';
import { defaultOf, isEmptyValue, isWritable, toItopValue, type WritableField } from './values.js';

/** A writable attribute of a class, with what the engine computes once for it (createValidator). */
export interface FieldSlot {
  code: string;
  /** Position of the attribute in the held values. */
  index: number;
  field: WritableField;
  /** The held value of the attribute when a creation leaves it out (model default, else the empty value). */
  defaultValue: StoredValue;
  /** iTop's CheckValue on a held value of the attribute. */
  check: AttributeCheck;
}

/** The writable attributes of a class (own first, then inherited from model ancestors), in declaration order. */
export interface ClassShape {
  className: string;
  fields: ReadonlyMap<string, WritableField>;
  slots: readonly FieldSlot[];
  /** Attribute codes in slot order. */
  codes: readonly string[];
  /** Code → slot index; a code that is not a writable attribute reads slot `slots.length`, always undefined. */
  indexOf(code: string): number;
  /** One null per slot: held values start as a copy (an array of the right size, no growing). */
  blank: readonly StoredValue[];
}

/**
 * A write in slot form: per slot, the written value, or undefined when the write leaves the attribute out
 * (the array may be shorter than the slots).
 */
export type WrittenValues = readonly (WriteValue | undefined)[];

const NO_CHANGES: readonly FieldSlot[] = Object.freeze([]);
/** iTop loading the object it updates. */
const ITOP_LOAD: LookupOrigin = Object.freeze({ by: 'itop' });

export class Subject {
  private record: Record<string, StoredValue> | undefined;

  constructor(
    readonly shape: ClassShape,
    readonly op: 'create' | 'update',
    /** The object's id (update); undefined for a creation (iTop: a negative temporary key). */
    readonly id: number | undefined,
    /** Every writable attribute of the object, as iTop holds it, by slot. */
    readonly held: StoredValue[],
    /**
     * iTop's `ListChanges()`, in declaration order: on creation every attribute (written or defaulted), on update
     * the written attributes whose held value differs from the stored one. Their values are in `held`, as iTop
     * holds them (after MakeRealValue), which is what `CheckValue` checks.
     */
    readonly changed: readonly FieldSlot[],
  ) {}

  get className(): string {
    return this.shape.className;
  }

  /** Writable attributes of the class, own and inherited from model classes. */
  get fields(): ReadonlyMap<string, WritableField> {
    return this.shape.fields;
  }

  /** The held object by attribute code (built on first use: messages and external readers). */
  get object(): Readonly<Record<string, StoredValue>> {
    if (!this.record) {
      const record: Record<string, StoredValue> = {};
      for (const slot of this.shape.slots) record[slot.code] = this.held[slot.index] as StoredValue;
      this.record = record;
    }
    return this.record;
  }

  /** The held value of an attribute (undefined when the class has no such writable attribute). */
  value(code: string): StoredValue | undefined {
    return this.held[this.shape.indexOf(code)];
  }

  /** Whether the attribute is among the changes. */
  hasChange(code: string): boolean {
    if (this.op === 'create') return this.shape.fields.has(code);
    for (const slot of this.changed) if (slot.code === code) return true;
    return false;
  }

  /** iTop's `IsNull` on the held value ('' strings, null enums/integers, 0 external keys). */
  isEmpty(code: string): boolean {
    const field = this.shape.fields.get(code);
    const value = this.value(code) ?? null;
    return field ? isEmptyValue(field, value) : value === null || value === '';
  }
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

/** The shape of a model class, or undefined when the model does not define it. */
export function classShapeOf(model: ModelDefinition, className: string): ClassShape | undefined {
  const fields = writableFieldsOf(model, className);
  if (!fields) return undefined;
  const slots: FieldSlot[] = [];
  const indexes = new Map<string, number>();
  for (const [code, field] of fields) {
    indexes.set(code, slots.length);
    slots.push({ code, index: slots.length, field, defaultValue: defaultOf(field), check: compileAttributeCheck(field) });
  }
  const missing = slots.length;
  return { className, fields, slots, codes: slots.map((slot) => slot.code), indexOf: (code) => indexes.get(code) ?? missing, blank: slots.map(() => null) };
}

/** A Write (values by attribute code) in slot form; an unknown or computed attribute throws WriteError. */
export function writtenValuesOf(write: Write, shape: ClassShape): WrittenValues {
  const values = write.values;
  const fields = shape.fields;
  for (const code in values) {
    if (!fields.has(code) && Object.hasOwn(values, code)) throw new WriteError(`${write.class}: '${code}' is not a writable attribute of the class`);
  }
  const slots = shape.slots;
  const written: (WriteValue | undefined)[] = [];
  for (let i = 0; i < slots.length; i++) {
    const code = (slots[i] as FieldSlot).code;
    written.push(Object.hasOwn(values, code) ? (values[code] ?? null) : undefined);
  }
  return written;
}

/** The subject of a write given in slot form. */
export function buildSubject(shape: ClassShape, op: 'create' | 'update', id: number | undefined, written: WrittenValues, context: GovernanceContext): Subject {
  const slots = shape.slots;
  const held = shape.blank.slice();

  if (op === 'create') {
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i] as FieldSlot;
      const value = written[i];
      held[i] = value === undefined ? slot.defaultValue : toItopValue(slot.field, value);
    }
    return new Subject(shape, 'create', undefined, held, slots);
  }

  if (id === undefined) throw new WriteError(`${shape.className}: an update needs the id of the object`);
  const stored = context.get(shape.className, id, ITOP_LOAD);
  if (!stored) throw new WriteError(`${shape.className}::${id} does not exist`);
  let changed: FieldSlot[] | undefined;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i] as FieldSlot;
    const before = toItopValue(slot.field, stored[slot.code] ?? null);
    const value = written[i];
    if (value === undefined) {
      held[i] = before;
      continue;
    }
    const after = toItopValue(slot.field, value);
    held[i] = after;
    if (before !== after) (changed ??= []).push(slot); // iTop's change detection: strict after MakeRealValue
  }
  return new Subject(shape, 'update', id, held, changed ?? NO_CHANGES);
}
