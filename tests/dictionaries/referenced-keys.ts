import { XMLParser } from 'fast-xml-parser';

/** A dictionary key something generated refers to, and what refers to it (for the failure message). */
export interface KeyReference {
  key: string;
  from: string;
}

type XmlNode = Record<string, unknown>;

const ARRAYS = new Set(['class', 'field', 'value', 'menu', 'rule', 'item', 'method', 'cell', 'dashlet']);

function parseDatamodel(xml: string): XmlNode {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    isArray: (name) => ARRAYS.has(name),
  });
  return parser.parse(xml) as XmlNode;
}

function list(node: unknown, ...pathParts: string[]): XmlNode[] {
  let current: unknown = node;
  for (const part of pathParts) {
    if (current === null || typeof current !== 'object') return [];
    current = (current as XmlNode)[part];
  }
  if (current === undefined || current === null || current === '') return [];
  return (Array.isArray(current) ? current : [current]) as XmlNode[];
}

function id(node: XmlNode): string {
  return String(node['@id']);
}

/** Every `<item id="fieldset:…">` below a node, at any depth. */
function fieldsetItems(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const child of node) fieldsetItems(child, found);
  else if (node !== null && typeof node === 'object') {
    for (const [name, child] of Object.entries(node as XmlNode)) {
      if (name === 'item') for (const item of list(child)) if (id(item).startsWith('fieldset:')) found.push(id(item).slice('fieldset:'.length));
      fieldsetItems(child, found);
    }
  }
  return found;
}

/**
 * Keys iTop looks up for what the datamodel declares: class and attribute labels, enum values, menus,
 * fieldset legends, uniqueness-rule messages; plus the `Dict::S`/`Dict::Format` keys of PHP methods in the XML.
 */
export function keysReferencedByDatamodel(xml: string): { keys: KeyReference[]; phpCode: { from: string; code: string }[] } {
  const design = parseDatamodel(xml)['itop_design'];
  const keys: KeyReference[] = [];
  const phpCode: { from: string; code: string }[] = [];
  for (const cls of list(design, 'classes', 'class')) {
    // must_exist classes are iTop's own, extended (impact neighbours): their keys are iTop's.
    if ((cls as Record<string, unknown>)['@_delta'] === 'must_exist') continue;
    const c = id(cls);
    keys.push({ key: `Class:${c}`, from: `<class id="${c}">` });
    for (const field of list(cls, 'fields', 'field')) {
      const a = id(field);
      keys.push({ key: `Class:${c}/Attribute:${a}`, from: `<field id="${a}"> of ${c}` });
      for (const value of list(field, 'values', 'value')) {
        keys.push({ key: `Class:${c}/Attribute:${a}/Value:${id(value)}`, from: `<value id="${id(value)}"> of ${c}.${a}` });
      }
    }
    for (const rule of list(cls, 'properties', 'uniqueness_rules', 'rule')) {
      keys.push({ key: `Class:${c}/UniquenessRule:${id(rule)}`, from: `<rule id="${id(rule)}"> of ${c}` });
    }
    for (const fieldset of fieldsetItems(cls['presentation'])) keys.push({ key: fieldset, from: `<item id="fieldset:${fieldset}">` });
    for (const method of list(cls, 'methods', 'method')) {
      const code = method['code'];
      if (typeof code === 'string') phpCode.push({ from: `method ${c}::${id(method)} in the XML`, code });
    }
  }
  for (const menu of list(design, 'menus', 'menu')) {
    // if_exists menus are iTop's own dashboards, given badges of ours: their label is iTop's.
    if (menu['@_delta'] === 'if_exists') continue;
    keys.push({ key: `Menu:${id(menu)}`, from: `<menu id="${id(menu)}">` });
    // A dashboard's title and its dashlets' titles are dictionary keys of ours.
    const definition = menu['definition'] as XmlNode | undefined;
    if (definition) {
      keys.push({ key: String(definition['title']), from: `<title> of <menu id="${id(menu)}">` });
      for (const cell of list(definition, 'cells', 'cell')) {
        for (const dashlet of list(cell, 'dashlets', 'dashlet')) {
          if (dashlet['title'] !== undefined) keys.push({ key: String(dashlet['title']), from: `<dashlet id="${id(dashlet)}">` });
        }
      }
    }
  }
  return { keys, phpCode };
}

/** The value of a PHP single-quoted string literal body. */
function unquote(body: string): string {
  return body.replace(/\\([\\'])/g, '$1');
}

/**
 * Keys of every `Dict::S('…')` and `Dict::Format('…', …)` call in a PHP text whose key is one literal
 * (a key built at run time, `'prefix' . $x`, cannot be checked here and is skipped).
 */
export function keysReferencedByPhp(code: string, from: string): KeyReference[] {
  const keys: KeyReference[] = [];
  for (const match of code.matchAll(/Dict::(?:S|Format)\(\s*'((?:[^'\\]|\\.)*)'\s*[,)]/g)) keys.push({ key: unquote(match[1]!), from });
  return keys;
}
