/**
 * What the check knows of a class: the model's classes in full (fields, labels, reconciliation keys), iTop's own
 * classes (Organization, FunctionalCI, Server…) by the attributes of model/itop/known-classes.ts and the labels
 * of the few that references use (iTop 3.2.0 dictionaries).
 */
import { EXTERNAL_KEY_MAGIC_SUFFIXES, KNOWN_ITOP_CLASSES, MAGIC_ATTRIBUTES } from '../../model/itop/known-classes.js';
import type { ClassDefinition, Field, LocalizedText, ModelDefinition } from '../../model/schema/model.js';
import { isWritable, type WritableField } from '../../governance/engine/values.js';

export type ExternalKeyField = Extract<WritableField, { type: 'externalKey' }>;

export interface ExternalFieldInfo {
  key: string;
  targetAttribute: string;
}

export interface ClassSchema {
  name: string;
  /** Defined by the model (checked rows, exports with every attribute) rather than by iTop. */
  model: boolean;
  label?: LocalizedText;
  writable: ReadonlyMap<string, WritableField>;
  externalFields: ReadonlyMap<string, ExternalFieldInfo>;
  /** Every attribute code of the class, a `key->attribute` reference may name any. */
  attributes: ReadonlySet<string>;
  /** Attribute labels we know (model fields; iTop's for name, code, org_id, friendlyname). */
  labels: ReadonlyMap<string, LocalizedText>;
  /** Columns an export may carry that the check does not use (magic attributes, linked sets). */
  ignorable: ReadonlySet<string>;
  reconciliation: readonly string[];
  /** The attribute(s) iTop's friendly name is made of (AE: aetitle; iTop classes: name). */
  friendlyName: readonly string[];
}

/** iTop 3.2.0 labels of the attributes of its own classes that references use. */
const ITOP_ATTRIBUTE_LABELS: Record<string, Record<string, LocalizedText>> = {
  Organization: {
    name: { en: 'Name', de: 'Name', fr: 'Nom organisation' },
    code: { en: 'Code', de: 'Kennziffer', fr: 'Code' },
  },
  FunctionalCI: {
    name: { en: 'Name', de: 'Name', fr: 'Nom' },
    org_id: { en: 'Organization', de: 'Organisation', fr: 'Organisation' },
  },
};
const ITOP_CLASS_LABELS: Record<string, LocalizedText> = {
  Organization: { en: 'Organization', de: 'Organisation', fr: 'Organisation' },
  FunctionalCI: { en: 'Functional CI', de: 'Funktionales CI', fr: 'CI Fonctionnel' },
};
/** `Core:FriendlyName-Label`. */
const FRIENDLY_NAME_LABEL: LocalizedText = { en: 'Full name', de: 'Voller Name (Friendly Name)', fr: 'Nom complet' };

export class ModelSchemas {
  private readonly byName = new Map<string, ClassDefinition>();
  private readonly cache = new Map<string, ClassSchema>();

  constructor(readonly model: ModelDefinition) {
    for (const cls of model.classes) this.byName.set(cls.name, cls);
  }

  has(className: string): boolean {
    return this.byName.has(className) || className in KNOWN_ITOP_CLASSES;
  }

  /** Class → parent, up to (not including) cmdbAbstractObject. */
  parentOf(className: string): string | undefined {
    const parent = this.byName.get(className)?.parent ?? KNOWN_ITOP_CLASSES[className]?.parent ?? undefined;
    return parent && parent !== 'cmdbAbstractObject' && parent !== 'DBObject' ? parent : undefined;
  }

  /** The class and its ancestors below cmdbAbstractObject, the class first. */
  lineage(className: string): string[] {
    const names: string[] = [];
    for (let name: string | undefined = className; name && !names.includes(name); name = this.parentOf(name)) names.push(name);
    return names;
  }

  /** Every class the model defines or builds on, by name (case-insensitive). */
  findClass(name: string): string | undefined {
    const lower = name.toLowerCase();
    return [...this.byName.keys(), ...Object.keys(KNOWN_ITOP_CLASSES)].find((n) => n.toLowerCase() === lower);
  }

  of(className: string): ClassSchema {
    let schema = this.cache.get(className);
    if (!schema) this.cache.set(className, (schema = this.build(className)));
    return schema;
  }

  private build(className: string): ClassSchema {
    const writable = new Map<string, WritableField>();
    const externalFields = new Map<string, ExternalFieldInfo>();
    const attributes = new Set<string>();
    const labels = new Map<string, LocalizedText>();
    const ignorable = new Set<string>(MAGIC_ATTRIBUTES);
    let own: ClassDefinition | undefined;
    for (const name of this.lineage(className)) {
      const cls = this.byName.get(name);
      own ??= cls;
      for (const field of cls?.fields ?? []) addField(field);
      for (const code of KNOWN_ITOP_CLASSES[name]?.attributes ?? []) attributes.add(code);
      for (const [code, label] of Object.entries(ITOP_ATTRIBUTE_LABELS[name] ?? {})) if (!labels.has(code)) labels.set(code, label);
    }
    labels.set('friendlyname', FRIENDLY_NAME_LABEL);
    for (const code of attributes) if (code.endsWith('_id')) for (const suffix of EXTERNAL_KEY_MAGIC_SUFFIXES) ignorable.add(`${code}${suffix}`);

    function addField(field: Field): void {
      if (attributes.has(field.code)) return; // a subclass field wins over an inherited one of the same code
      attributes.add(field.code);
      labels.set(field.code, field.label);
      if (isWritable(field)) writable.set(field.code, field);
      else if (field.type === 'externalField') externalFields.set(field.code, { key: field.externalKey, targetAttribute: field.targetAttribute });
      else ignorable.add(field.code);
      if (field.type === 'externalKey') for (const suffix of EXTERNAL_KEY_MAGIC_SUFFIXES) ignorable.add(`${field.code}${suffix}`);
    }

    const model = own !== undefined;
    return {
      name: className,
      model,
      ...(own ? { label: own.label } : ITOP_CLASS_LABELS[className] ? { label: ITOP_CLASS_LABELS[className] } : {}),
      writable,
      externalFields,
      attributes,
      labels,
      ignorable,
      reconciliation: own?.reconciliation ?? ['name'],
      friendlyName: own?.naming.attributes ?? ['name'],
    };
  }

  /** Classes whose label or name matches (for `--existing CLASS:FILE`). */
  classLabel(className: string, language: 'en' | 'de' | 'fr'): string {
    return this.of(className).label?.[language] ?? className;
  }
}
