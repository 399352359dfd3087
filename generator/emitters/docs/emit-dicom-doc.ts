import Handlebars from 'handlebars';
import type { ClassDefinition, EnumField } from '../../../model/schema/model.js';
import type { Emitter, GeneratorContext } from '../../context.js';
import { auditTable } from './audit-table.js';
import { mdCode, mdHeading, mdText } from './markdown.js';
import { classMenuPaths, type ClassMenuPath } from './menu-paths.js';
import { mermaidClassDiagram } from './mermaid.js';
import {
  Labels,
  attributeTable,
  classPropertiesTable,
  enumTable,
  governanceTable,
  bridgeText,
  dashboardTable,
  deviceTable,
  menuTable,
  rightsGroupsTable,
  rightsProfilesTable,
} from './model-tables.js';

export const DICOM_DOC_TEMPLATE = 'docs-dicom.md.hbs';
export const DICOM_DOC_PATH = 'DICOM.md';

/**
 * `DICOM.md`: the user documentation of the model. Everything about classes, attributes, menus, rights
 * and rules is computed here from the model and the governance plan; the template holds the prose
 * (scope, examples, best practices) and the order of the sections.
 */
export const emitDicomDoc: Emitter = (ctx) => {
  const source = ctx.templates[DICOM_DOC_TEMPLATE];
  if (source === undefined) throw new Error(`missing template templates/${DICOM_DOC_TEMPLATE}`);
  const template = Handlebars.compile(source, { noEscape: true, strict: true });
  return [{ path: DICOM_DOC_PATH, content: template(dicomDocView(ctx)) }];
};

export function dicomDocView(ctx: GeneratorContext) {
  const { model, governance } = ctx.ir;
  const labels = new Labels(model);
  const menus = classMenuPaths(model.menus);
  return {
    moduleCode: mdCode(model.module.code),
    version: ctx.release.version,
    itopVersions: ctx.target.itopVersions,
    purpose: mdText(model.purpose.en),
    diagram: mermaidClassDiagram(model),
    menuTable: menuTable(labels, menus),
    dashboardTable: dashboardTable(labels, model),
    deviceTable: deviceTable(labels, model),
    bridges: (model.bridges ?? []).map((bridge) => bridgeText(labels, bridge)),
    classes: classesInMenuOrder(model.classes, menus).map((cls) => classView(ctx, labels, cls, menus)),
    governanceTable: governanceTable(labels, governance),
    auditTable: auditTable(ctx.ir.audit, (name) => labels.classLabel(name), governance.map((rule) => ({ key: rule.derivedFrom ? `${rule.id} (${rule.derivedFrom})` : rule.id, className: rule.class }))),
    lifecycles: model.classes.flatMap((cls) => lifecycleView(labels, cls)),
    rightsGroupsTable: rightsGroupsTable(labels, model.userRights),
    rightsProfilesTable: rightsProfilesTable(model.userRights),
  };
}

/** The classes users reach from the menu first (in menu order), then the others in model order. */
function classesInMenuOrder(classes: ClassDefinition[], menus: ClassMenuPath[]): ClassDefinition[] {
  const order = menus.map((m) => m.className);
  const rank = (cls: ClassDefinition) => (order.includes(cls.name) ? order.indexOf(cls.name) : order.length);
  return [...classes].sort((a, b) => rank(a) - rank(b));
}

function classView(ctx: GeneratorContext, labels: Labels, cls: ClassDefinition, menus: ClassMenuPath[]) {
  return {
    heading: mdHeading(cls.label.en),
    name: mdCode(cls.name),
    description: mdText(cls.description.en),
    propertiesTable: classPropertiesTable(labels, cls, menus),
    hasAttributes: cls.fields.length > 0,
    parent: labels.classRef(cls.parent),
    attributeTable: attributeTable(labels, cls, ctx.ir.governance),
    enums: cls.fields
      .filter((field): field is EnumField => field.type === 'enum')
      .map((field) => ({ heading: mdHeading(field.label.en), code: mdCode(field.code), table: enumTable(field) })),
  };
}

function lifecycleView(labels: Labels, cls: ClassDefinition) {
  const field = cls.stateAttribute ? labels.field(cls.name, cls.stateAttribute) : undefined;
  if (!field || field.type !== 'enum') return [];
  return [
    {
      classLabel: mdHeading(cls.label.en),
      attribute: labels.attributeRef(cls.name, field.code),
      default: field.default === undefined ? '' : mdCode(field.default),
      obsolescence: cls.obsolescence ? mdCode(cls.obsolescence) : '',
      table: enumTable(field),
    },
  ];
}
