import type { ClassDefinition, ModelDefinition, SchemaChanges } from '../../model/schema/model.js';

/** Model edits a developer makes, applied to a copy of a model (tests and the real-iTop scenario). */
export function classOf(model: ModelDefinition, name: string): ClassDefinition {
  const cls = model.classes.find((c) => c.name === name);
  if (!cls) throw new Error(`no class ${name}`);
  return cls;
}

/** Every string equal to `from` in a presentation (attribute lists, fieldsets), replaced by `to`. */
function replaceDeep<T>(value: T, from: string, to: string): T {
  if (value === from) return to as T;
  if (Array.isArray(value)) return value.map((v) => replaceDeep(v, from, to)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceDeep(v, from, to)])) as T;
  return value;
}

export function renameField(model: ModelDefinition, className: string, from: string, to: string): void {
  const cls = classOf(model, className);
  const field = cls.fields.find((f) => f.code === from);
  if (!field) throw new Error(`no field ${className}.${from}`);
  field.code = to;
  cls.presentation = replaceDeep(cls.presentation, from, to);
  cls.naming = replaceDeep(cls.naming, from, to);
  cls.reconciliation = replaceDeep(cls.reconciliation, from, to);
}

export function removeField(model: ModelDefinition, className: string, code: string): void {
  const cls = classOf(model, className);
  cls.fields = cls.fields.filter((f) => f.code !== code);
  const drop = <T>(value: T): T => {
    if (Array.isArray(value)) return value.filter((v) => v !== code).map(drop) as T;
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, drop(v)])) as T;
    return value;
  };
  cls.presentation = drop(cls.presentation);
}

export function renameEnumValue(model: ModelDefinition, className: string, fieldCode: string, from: string, to: string): void {
  const field = classOf(model, className).fields.find((f) => f.code === fieldCode);
  if (field?.type !== 'enum') throw new Error(`no enum ${className}.${fieldCode}`);
  const value = field.values.find((v) => v.code === from);
  if (!value) throw new Error(`no value ${from}`);
  value.code = to;
  if (field.default === from) field.default = to;
}

export function removeEnumValue(model: ModelDefinition, className: string, fieldCode: string, code: string): void {
  const field = classOf(model, className).fields.find((f) => f.code === fieldCode);
  if (field?.type !== 'enum') throw new Error(`no enum ${className}.${fieldCode}`);
  field.values = field.values.filter((v) => v.code !== code);
}

export function declare(model: ModelDefinition, changes: SchemaChanges): void {
  const current = model.schemaChanges ?? {};
  model.schemaChanges = {
    renamed: [...(current.renamed ?? []), ...(changes.renamed ?? [])],
    removed: [...(current.removed ?? []), ...(changes.removed ?? [])],
    changed: [...(current.changed ?? []), ...(changes.changed ?? [])],
  };
}

/**
 * Release B of the "done when": the DICOM AE's modality value OT renamed to OTHER and its field
 * description renamed to notes, declared (or not) in the model, in release `since`.
 */
export function releaseB(model: ModelDefinition, options: { declared: boolean; since: string }): ModelDefinition {
  const edited = structuredClone(model);
  renameEnumValue(edited, 'MedicalDicomApplicationEntity', 'modality', 'OT', 'OTHER');
  renameField(edited, 'MedicalDicomApplicationEntity', 'description', 'notes');
  if (options.declared) {
    declare(edited, {
      renamed: [
        { kind: 'enumValue', since: options.since, class: 'MedicalDicomApplicationEntity', field: 'modality', value: 'OTHER', from: 'OT', note: 'OT spelled out as OTHER' },
        { kind: 'field', since: options.since, class: 'MedicalDicomApplicationEntity', field: 'notes', from: 'description', note: 'description is now called notes' },
      ],
    });
  }
  return edited;
}
