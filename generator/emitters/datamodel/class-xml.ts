import type { ClassDefinition, Field, ImpactNeighbour, Presentation } from '../../../model/schema/model.js';
import type { PlannedRule } from '../../../governance/plan.js';
import type { GeneratorContext } from '../../context.js';
import { fieldsetKey } from '../../ir/dictionary.js';
import { emitField } from './field-xml.js';
import { indexesOf, uniquenessFilter } from './indexes.js';
import { attributeList, leaf, type Node } from '../../xml/xml.js';

/** One `<class _delta="define">`: properties, fields, methods and presentation (all three mandatory, ITOP-REFERENCE §4.1). */
export function emitClass(classes: Node, cls: ClassDefinition, ctx: GeneratorContext): void {
  const { target } = ctx;
  const hooks = ctx.ir.php.classes[cls.name];
  const node = classes.ele('class', { id: cls.name, _delta: 'define' });
  leaf(node, 'parent', cls.parent);
  emitProperties(node.ele('properties'), cls, ctx);
  if (hooks?.eventListeners.length && target.checkMechanism === 'event-listener') {
    const listeners = node.ele('event_listeners');
    for (const listener of hooks.eventListeners) {
      const entry = listeners.ele('event_listener', { id: listener.id });
      leaf(entry, 'event', listener.event);
      leaf(entry, 'callback', listener.callback);
      leaf(entry, 'rank', listener.rank);
    }
  }
  const fields = node.ele('fields');
  for (const field of cls.fields) emitField(fields, field, target);
  const methods = node.ele('methods');
  for (const method of hooks?.methods ?? []) {
    const entry = methods.ele('method', { id: method.id });
    // CDATA keeps the PHP readable in review; iTop reads it like text (never mixed with text, ITOP-REFERENCE §3.1).
    if (method.code.includes(']]>')) leaf(entry, 'code', method.code);
    else entry.ele('code').dat(method.code);
  }
  emitPresentation(node.ele('presentation'), cls, ctx);
  const impacts = [...(cls.impacts ?? []), ...(ctx.ir.impactsOn[cls.name] ?? [])];
  if (impacts.length > 0) emitImpacts(node, impacts);
}

/** `relations/relation[impacts]/neighbours`; inside a defined class no `_delta` may appear, elsewhere each neighbour is defined. */
export function emitImpacts(classNode: Node, impacts: ImpactNeighbour[], neighbourDelta?: string): void {
  const neighbours = classNode.ele('relations').ele('relation', { id: 'impacts' }).ele('neighbours');
  for (const neighbour of impacts) {
    const entry = neighbours.ele('neighbour', neighbourDelta ? { id: neighbour.id, _delta: neighbourDelta } : { id: neighbour.id });
    if (neighbour.attribute) leaf(entry, 'attribute', neighbour.attribute);
    if (neighbour.queryDown) leaf(entry, 'query_down', neighbour.queryDown);
    if (neighbour.queryUp) leaf(entry, 'query_up', neighbour.queryUp);
    leaf(entry, 'direction', neighbour.direction);
  }
}

function emitProperties(properties: Node, cls: ClassDefinition, ctx: GeneratorContext): void {
  const { target } = ctx;
  leaf(properties, 'category', cls.category);
  leaf(properties, 'abstract', cls.abstract === true);
  leaf(properties, 'key_type', 'autoincrement');
  leaf(properties, 'db_table', cls.dbTable);
  leaf(properties, 'db_key_field', 'id');
  properties.ele('db_final_class_field');
  const naming = properties.ele('naming');
  attributeList(naming, cls.naming.attributes);
  if (target.complementaryNaming && cls.naming.complementary?.length) attributeList(naming, cls.naming.complementary, 'complementary_attributes');
  if ((cls.stateAttribute || cls.imageAttribute) && target.stateAttribute === 'fields_semantic') {
    const semantic = properties.ele('fields_semantic');
    if (cls.stateAttribute) leaf(semantic, 'state_attribute', cls.stateAttribute);
    if (cls.imageAttribute) leaf(semantic, 'image_attribute', cls.imageAttribute);
  }
  const icon = `images/${cls.icon}`;
  if (target.classIcon === 'properties') {
    // 1.7: iTop 3.x's converter wraps this into properties/style/icon; a style node of ours would then be doubled.
    leaf(properties, 'icon', icon);
  } else {
    const style = properties.ele('style');
    leaf(style, 'icon', icon);
    if (cls.style && target.classColours) {
      leaf(style, 'main_color', cls.style.mainColor);
      leaf(style, 'complementary_color', cls.style.complementaryColor);
    }
  }
  attributeList(properties.ele('reconciliation'), cls.reconciliation);
  const rules = ctx.ir.governance.filter((rule) => rule.class === cls.name && rule.enforcement === 'native-uniqueness');
  const indexes = indexesOf(cls.name, ctx.ir.governance);
  if (indexes.length > 0) {
    const node = properties.ele('indexes');
    for (const index of indexes) attributeList(node.ele('index', { id: index.id }), index.attributes);
  }
  if (rules.length > 0 || cls.uniquenessRules?.length) {
    const node = properties.ele('uniqueness_rules');
    for (const rule of cls.uniquenessRules ?? []) {
      const entry = node.ele('rule', { id: rule.id });
      attributeList(entry, rule.attributes);
      leaf(entry, 'disabled', false);
      leaf(entry, 'is_blocking', true);
    }
    emitUniquenessRules(node, cls, rules);
  }
  if (cls.obsolescence) leaf(properties.ele('obsolescence'), 'condition', cls.obsolescence);
}

function emitUniquenessRules(node: Node, cls: ClassDefinition, rules: PlannedRule[]): void {
  for (const rule of rules) {
    if (rule.check.kind !== 'unique-together' || !rule.uniquenessRuleId) continue;
    const entry = node.ele('rule', { id: rule.uniquenessRuleId });
    attributeList(entry, rule.check.fields);
    const fieldsByCode = new Map<string, Field>(cls.fields.map((f) => [f.code, f]));
    const filter = uniquenessFilter(rule.check.ignoreWhenEmpty.map((code) => fieldsByCode.get(code)).filter((f): f is Field => f !== undefined));
    if (filter) leaf(entry, 'filter', filter);
    leaf(entry, 'disabled', false);
    leaf(entry, 'is_blocking', rule.severity === 'error');
  }
}

function emitPresentation(node: Node, cls: ClassDefinition, ctx: GeneratorContext): void {
  const presentation: Presentation = cls.presentation;
  const details = node.ele('details').ele('items');
  presentation.details.forEach((entry, i) => {
    const rank = (i + 1) * 10;
    if (typeof entry === 'string') {
      leaf(details.ele('item', { id: entry }), 'rank', rank);
      return;
    }
    const column = details.ele('item', { id: `col:${entry.column}` });
    leaf(column, 'rank', rank);
    const fieldsets = column.ele('items');
    entry.fieldsets.forEach((fieldset, j) => {
      const set = fieldsets.ele('item', { id: `fieldset:${fieldsetKey(cls.name, fieldset.id)}` });
      leaf(set, 'rank', (j + 1) * 10);
      rankedItems(set, fieldset.attributes);
    });
  });
  const zlists: [string, string[] | undefined][] = [
    ['search', presentation.search],
    ['default_search', presentation.defaultSearch],
    ['list', presentation.list],
  ];
  if (ctx.target.summaryPresentation) zlists.push(['summary', presentation.summary]);
  for (const [name, codes] of zlists) if (codes?.length) rankedItems(node.ele(name), codes);
}

function rankedItems(parent: Node, codes: string[]): void {
  const items = parent.ele('items');
  codes.forEach((code, i) => leaf(items.ele('item', { id: code }), 'rank', (i + 1) * 10));
}
