import type { BridgeModule, ClassDefinition, Condition, EnumField, Field, ModelDefinition, UserRights } from '../../../model/schema/model.js';
import type { PlannedCheck, PlannedRule } from '../../../governance/plan.js';
import { itopAttributeType } from '../datamodel/field-xml.js';
import type { ClassMenuPath } from './menu-paths.js';
import { mdCode, mdTable, mdText } from './markdown.js';

/** Looks up English labels of classes, attributes and enum values; iTop's own classes show by name. */
export class Labels {
  private readonly classes: Map<string, ClassDefinition>;

  constructor(readonly model: ModelDefinition) {
    this.classes = new Map(model.classes.map((cls) => [cls.name, cls]));
  }

  ours(name: string): ClassDefinition | undefined {
    return this.classes.get(name);
  }

  field(className: string, code: string): Field | undefined {
    return this.classes.get(className)?.fields.find((f) => f.code === code);
  }

  /** "DICOM AE (`MedicalDicomApplicationEntity`)" for ours, "`Organization` (iTop)" for iTop's. */
  classRef(name: string): string {
    const cls = this.classes.get(name);
    return cls ? `${mdText(cls.label.en)} (${mdCode(name)})` : `${mdCode(name)} (iTop)`;
  }

  classLabel(name: string): string {
    return this.classes.get(name)?.label.en ?? name;
  }

  /** An attribute's label, or its code when it is inherited from an iTop class. */
  attribute(className: string, code: string): string {
    return this.field(className, code)?.label.en ?? code;
  }

  /** "AE Title (`aetitle`)"; an attribute inherited from iTop shows by its code alone. */
  attributeRef(className: string, code: string): string {
    const field = this.field(className, code);
    return field ? `${mdText(field.label.en)} (${mdCode(code)})` : mdCode(code);
  }

  value(className: string, attribute: string, code: string): string {
    const field = this.field(className, attribute);
    return field?.type === 'enum' ? (field.values.find((v) => v.code === code)?.label.en ?? code) : code;
  }
}

/** Attribute codes a rule reads, so each attribute row can name the rules that concern it. */
export function attributesOfCheck(check: PlannedCheck): string[] {
  switch (check.kind) {
    case 'text-format':
    case 'range':
    case 'url':
    case 'referenced-value-not-in':
      return [check.field];
    case 'required-when':
    case 'empty-when':
      return check.fields;
    case 'distinct-fields':
    case 'unique-together':
      return [...check.fields];
    case 'referenced-by':
      return [check.attribute];
  }
}

/** "Role is SCU or BOTH and Port Type / Protocol is DICOM or DICOM TLS" */
export function conditionText(labels: Labels, className: string, when: Condition): string {
  return Object.entries(when)
    .map(([code, values]) => `${labels.attribute(className, code)} is ${values.map((v) => labels.value(className, code, v)).join(' or ')}`)
    .join(' and ');
}

/** The summary of a rule; a derived rule has none of its own, so it is told from its check. */
export function ruleSummary(labels: Labels, rule: PlannedRule): string {
  const check = rule.check;
  if (check.kind !== 'referenced-by' || !rule.derivedFrom) return rule.summary.en;
  const values = check.values.map((v) => labels.value(rule.class, check.attribute, v)).join(' or ');
  return (
    `${labels.attribute(rule.class, check.attribute)} cannot become ${values} while the ${labels.classLabel(rule.class)} is the ` +
    `${labels.attribute(check.referencingClass, check.referencingField)} of a ${labels.classLabel(check.referencingClass)} ` +
    `(the other side of ${rule.derivedFrom}).`
  );
}

export function enforcementText(rule: PlannedRule): string {
  return rule.enforcement === 'native-uniqueness' ? `iTop uniqueness rule ${mdCode(rule.uniquenessRuleId ?? rule.id)}` : 'generated CheckToWrite';
}

/** Class, table, parent, menu, naming, reconciliation, obsolescence and impact neighbours of a class. */
export function classPropertiesTable(labels: Labels, cls: ClassDefinition, menus: ClassMenuPath[]): string {
  const rows: [string, string][] = [
    ['Class', mdCode(cls.name)],
    ['Database table', mdCode(cls.dbTable)],
    ['Parent class', labels.classRef(cls.parent)],
  ];
  const paths = menus.filter((m) => m.className === cls.name);
  if (paths.length > 0) rows.push(['Menu', paths.map((m) => mdText(m.labels.join(' → '))).join('<br>')]);
  rows.push(['Friendly name', friendlyName(labels, cls)]);
  if (cls.naming.complementary?.length) {
    rows.push(['Shown beside the name', cls.naming.complementary.map((code) => labels.attributeRef(cls.name, code)).join(', ')]);
  }
  rows.push(['Reconciliation keys (CSV import, synchronisation)', cls.reconciliation.map((code) => labels.attributeRef(cls.name, code)).join(' + ')]);
  if (cls.obsolescence) rows.push(['Obsolete when', mdCode(cls.obsolescence)]);
  if (cls.impacts?.length) rows.push(['Impact analysis neighbours', cls.impacts.map((n) => impactNeighbour(labels, cls, n)).join('<br>')]);
  if (cls.impactedBy?.length) {
    rows.push(['Impacted by', cls.impactedBy.map((reference) => {
      const field = labels.field(cls.name, reference.attribute);
      return `${labels.attributeRef(cls.name, reference.attribute)}${field?.type === 'externalKey' ? ` ← ${labels.classRef(field.target)}` : ''}`;
    }).join('<br>')]);
  }
  return mdTable(['Property', 'Value'], rows.map(([property, value]) => [property, value]));
}

/** The name iTop shows for an object: its naming attributes, joined by the model's format if it has one. */
function friendlyName(labels: Labels, cls: ClassDefinition): string {
  const parts = cls.naming.attributes.map((code) => labels.attributeRef(cls.name, code));
  const format = cls.naming.format?.en;
  if (!format) return parts.join(' ');
  const pieces = format.split(/(%\d+\$s)/);
  return pieces.map((piece) => {
    const n = /^%(\d+)\$s$/.exec(piece);
    return n ? (parts[Number(n[1]) - 1] ?? mdText(piece)) : mdText(piece);
  }).join('');
}

function impactNeighbour(labels: Labels, cls: ClassDefinition, neighbour: NonNullable<ClassDefinition['impacts']>[number]): string {
  const how = neighbour.direction === 'both' ? 'both directions' : 'downstream';
  if (neighbour.attribute) {
    const field = labels.field(cls.name, neighbour.attribute);
    const target = field?.type === 'externalKey' ? field.target : field?.type === 'linkedSet' ? field.linkedClass : undefined;
    return `${labels.attributeRef(cls.name, neighbour.attribute)}${target ? ` → ${labels.classRef(target)}` : ''}, ${how}`;
  }
  const target = /^\s*SELECT\s+([A-Za-z][A-Za-z0-9_]*)/i.exec(neighbour.queryDown ?? neighbour.queryUp ?? '')?.[1];
  return `${mdCode(neighbour.id)}${target ? ` → ${labels.classRef(target)}` : ''} (OQL), ${how}`;
}

/** One row per attribute: code, label, iTop type, mandatory (or when rules demand it), default, meaning, rules. */
export function attributeTable(labels: Labels, cls: ClassDefinition, governance: PlannedRule[]): string {
  const rules = governance.filter((rule) => rule.class === cls.name);
  const rows = cls.fields.map((field) => {
    const concerned = rules.filter((rule) => attributesOfCheck(rule.check).includes(field.code));
    return [
      mdCode(field.code),
      mdText(field.label.en),
      typeText(labels, cls, field),
      mandatoryText(labels, cls, field, concerned),
      defaultText(field),
      meaningText(labels, cls, field),
      [...new Set(concerned.map((rule) => rule.id))].join(', '),
    ];
  });
  return mdTable(['Code', 'Label', 'Type', 'Mandatory', 'Default', 'Meaning', 'Rules'], rows);
}

function typeText(labels: Labels, cls: ClassDefinition, field: Field): string {
  const type = mdCode(itopAttributeType(field));
  switch (field.type) {
    case 'externalKey':
      return `${type} → ${labels.classRef(field.target)}`;
    case 'externalField':
      return `${type} (${mdCode(field.externalKey)} → ${mdCode(field.targetAttribute)})`;
    case 'linkedSet':
      return `${type} of ${labels.classRef(field.linkedClass)}`;
    default:
      return type;
  }
}

function mandatoryText(labels: Labels, cls: ClassDefinition, field: Field, rules: PlannedRule[]): string {
  if ('mandatory' in field && field.mandatory) return 'yes';
  const conditional = rules.flatMap((rule) => {
    if (rule.check.kind !== 'required-when' || !rule.check.fields.includes(field.code)) return [];
    const when = conditionText(labels, cls.name, rule.check.when);
    return [rule.severity === 'error' ? `when ${mdText(when)} (${rule.id})` : `recommended when ${mdText(when)} (${rule.id})`];
  });
  return conditional.length > 0 ? `no; ${conditional.join('; ')}` : 'no';
}

function defaultText(field: Field): string {
  if (!('default' in field) || field.default === undefined) return '';
  return field.type === 'enum' ? mdCode(field.default) : mdText(String(field.default));
}

function meaningText(labels: Labels, cls: ClassDefinition, field: Field): string {
  if (field.help) return mdText(field.help.en);
  switch (field.type) {
    case 'externalField':
      return `${mdCode(field.targetAttribute)} of the object that ${labels.attributeRef(cls.name, field.externalKey)} points at`;
    case 'linkedSet':
      return `The ${mdText(labels.classLabel(field.linkedClass))} objects whose ${mdCode(field.externalKeyToMe)} is this object`;
    default:
      return '';
  }
}

export function enumTable(field: EnumField): string {
  return mdTable(
    ['Code', 'Label', 'Meaning'],
    field.values.map((value) => [mdCode(value.code), mdText(value.label.en), value.help ? mdText(value.help.en) : '']),
  );
}

export function governanceTable(labels: Labels, governance: PlannedRule[]): string {
  return mdTable(
    ['Id', 'Class', 'Severity', 'Rule', 'Message shown', 'Enforced by', 'Derived from'],
    governance.map((rule) => [
      rule.id,
      mdText(labels.classLabel(rule.class)),
      rule.severity,
      mdText(ruleSummary(labels, rule)),
      mdText(rule.message.en),
      enforcementText(rule),
      rule.derivedFrom ?? '',
    ]),
  );
}

export function menuTable(labels: Labels, menus: ClassMenuPath[]): string {
  return mdTable(
    ['Menu path', 'Lists', 'Menu id'],
    menus.map((m) => [mdText(m.labels.join(' → ')), labels.classRef(m.className), mdCode(m.menuId)]),
  );
}

/** Our dashboards and the badges we add to iTop's own, with where they are. */
export function dashboardTable(labels: Labels, model: ModelDefinition): string {
  const byId = new Map(model.menus.map((menu) => [menu.id, menu]));
  const rows = model.menus.flatMap((menu) => {
    if (menu.type !== 'dashboard') return [];
    const parent = byId.get(menu.parent);
    const shows = menu.cells.flat().map((d) => (d.type === 'badge' ? `count of ${labels.classLabel(d.class)}` : d.type === 'group-by' ? `${d.title.en} (${d.style})` : '')).filter((x) => x !== '');
    return [[mdText(`${parent?.label.en ?? menu.parent} → ${menu.label.en}`), mdText(shows.join(', ')), mdCode(menu.id)]];
  });
  for (const extension of model.dashboardExtensions ?? []) {
    rows.push([mdText(`iTop's ${extension.menu} dashboard (Configuration Management → Typology configuration)`), mdText(extension.dashlets.map((d) => `count of ${labels.classLabel(d.class)}`).join(', ')), mdCode(extension.menu)]);
  }
  return mdTable(['Menu path', 'Shows', 'Menu id'], rows);
}

/** The device classes under the root device class of the model, with their tables. */
export function deviceTable(labels: Labels, model: ModelDefinition): string {
  const root = model.classes.find((cls) => cls.parent === 'ConnectableCI');
  if (!root) return '';
  const kinds = model.classes.filter((cls) => cls.parent === root.name);
  return mdTable(
    ['Kind', 'Class', 'Table', 'Description'],
    [root, ...kinds].map((cls) => [mdText(cls.label.en), mdCode(cls.name), mdCode(cls.dbTable), mdText(cls.description.en)]),
  );
}

/** What a bridge module adds and when iTop's setup installs it. */
export function bridgeText(labels: Labels, bridge: BridgeModule): string {
  const key = bridge.fields.find((f) => f.code === bridge.mirror.key);
  const target = key?.type === 'externalKey' ? key.target : '';
  return [
    `Module ${mdCode(bridge.code)} (${mdText(bridge.label)}): ${mdText(bridge.description.en)}`,
    '',
    `Its folder sits beside the main module's, outside any \`extension.xml\`, so iTop's setup treats it as an invisible extension of its own: never offered, selected by itself where ${mdCode(bridge.whenModule)} is installed, left out elsewhere (and harmless if a setup is forced to install it there). It adds to ${labels.classRef(bridge.class)}:`,
    '',
    ...bridge.fields.map((f) => `- ${mdText(f.label.en)} (${mdCode(f.code)})${f.help ? `: ${mdText(f.help.en)}` : ''}`),
    '',
    `On every write, ${mdCode(bridge.mirror.into)} takes the ${mdCode(bridge.mirror.attribute)} of the ${mdCode(target)} that ${mdCode(bridge.mirror.key)} points at, so the governance rules read one field with or without the bridge. An IPv6 address is copied as it is, and iTop's IP address field accepts IPv4 only: an AE pointed at an IPv6 address is saved only as long as that link does not change.`,
  ].join('\n');
}

export function rightsGroupsTable(labels: Labels, rights: UserRights): string {
  return mdTable(
    ['Group', 'Classes'],
    rights.groups.map((group) => [mdCode(group.id), group.classes.map((name) => labels.classRef(name)).join(', ')]),
  );
}

export function rightsProfilesTable(rights: UserRights): string {
  const rows = rights.profiles.map((profile) => [
    mdText(profile.existing ? profile.note : profile.name),
    String(profile.id),
    profile.existing ? "iTop's own profile" : `this extension: ${mdText(profile.description)}`,
    profile.grants.map((grant) => `${mdCode(grant.group)}: ${grant.actions.join(', ')}`).join('<br>'),
  ]);
  return mdTable(['Profile', 'Id', 'Defined by', 'Rights on each group'], rows);
}
