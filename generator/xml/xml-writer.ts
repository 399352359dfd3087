/**
 * A small XML tree that serializes exactly as xmlbuilder2 does with `prettyPrint` (tests/generator/xml-writer.test.ts
 * builds the same documents with both and compares the bytes). xmlbuilder2 builds a full DOM, which made it most of
 * `generate`'s time once the datamodel had sixteen classes; this keeps the same interface for the subset we use.
 */
type Child = XmlElement | { kind: 'text' | 'cdata' | 'comment'; value: string };

export class XmlElement {
  private readonly attributes: [string, string][] = [];
  private readonly children: Child[] = [];

  constructor(readonly name: string) {}

  /** Appends a child element and returns it. */
  ele(name: string, attributes: Record<string, string> = {}): XmlElement {
    const child = new XmlElement(name);
    for (const [key, value] of Object.entries(attributes)) child.attributes.push([key, value]);
    this.children.push(child);
    return child;
  }

  /** Sets an attribute: `att(name, value)`, or `att(namespace, qualifiedName, value)` as xmlbuilder2 takes it. */
  att(nameOrNamespace: string, nameOrValue: string, value?: string): XmlElement {
    if (value === undefined) this.attributes.push([nameOrNamespace, nameOrValue]);
    else this.attributes.push([nameOrValue, value]);
    return this;
  }

  /** Text; `<` and `>` are escaped, `&` only where it does not already start an entity (as xmlbuilder2 does). */
  txt(value: string): XmlElement {
    // xmlbuilder2 adds no node for empty text, so the element stays `<name/>`.
    if (value !== '') this.children.push({ kind: 'text', value });
    return this;
  }

  dat(value: string): XmlElement {
    this.children.push({ kind: 'cdata', value });
    return this;
  }

  com(value: string): XmlElement {
    this.children.push({ kind: 'comment', value });
    return this;
  }

  write(lines: string[], depth: number, indent: string): void {
    const pad = indent.repeat(depth);
    const open = `${pad}<${this.name}${this.attributes.map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`).join('')}`;
    if (this.children.length === 0) {
      lines.push(`${open}/>`);
      return;
    }
    // A lone text or CDATA child stays on the element's line; otherwise one child a line.
    const only = this.children.length === 1 ? this.children[0] : undefined;
    if (only && !(only instanceof XmlElement) && only.kind !== 'comment') {
      lines.push(`${open}>${inline(only)}</${this.name}>`);
      return;
    }
    lines.push(`${open}>`);
    for (const child of this.children) {
      if (child instanceof XmlElement) child.write(lines, depth + 1, indent);
      else lines.push(`${indent.repeat(depth + 1)}${inline(child)}`);
    }
    lines.push(`${pad}</${this.name}>`);
  }
}

/** A document: the XML declaration and one root element. */
export class XmlDocument {
  private root: XmlElement | undefined;

  ele(name: string, attributes: Record<string, string> = {}): XmlElement {
    this.root = new XmlElement(name);
    for (const [key, value] of Object.entries(attributes)) this.root.att(key, value);
    return this.root;
  }

  end(options: { prettyPrint: true; indent: string }): string {
    const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
    this.root?.write(lines, 0, options.indent);
    return lines.join('\n');
  }
}

export function createXmlDocument(): XmlDocument {
  return new XmlDocument();
}

function inline(child: Exclude<Child, XmlElement>): string {
  switch (child.kind) {
    case 'text':
      return escapeText(child.value);
    case 'cdata':
      return `<![CDATA[${child.value}]]>`;
    case 'comment':
      return `<!--${child.value}-->`;
  }
}

/** xmlbuilder2's `nonEntityAmpersandRegex` (lib/constants.js): `&name;` and `&#123;` stay, every other `&` is escaped. */
const LOOSE_AMPERSAND = /&(?![A-Za-z]+;|#\d+;)/g;

function escapeText(value: string): string {
  return value.replace(LOOSE_AMPERSAND, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  return value.replace(LOOSE_AMPERSAND, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
