import { createXmlDocument, type XmlElement } from './xml-writer.js';

export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';
export type Node = XmlElement;

/**
 * Text ready for `txt()` of our XML writer, which escapes as xmlbuilder2 does: `<` and `>`, and `&` only
 * where it does not already look like an entity (`&amp;` would read back as `&`), so every `&` is escaped
 * here; a carriage return is written as a decimal character reference (parsers turn a raw one into `\n`, and
 * the writer would escape the `&` of a hexadecimal one, which PHP then reads back as the text `&#xD;`).
 */
export function xmlText(value: string | number | boolean): string {
  return String(value).replace(/&/g, '&amp;').replace(/\r/g, '&#13;');
}

/** Adds `<name>text</name>`; the text is escaped, so model strings cannot break out of the element. */
export function leaf(parent: Node, name: string, text: string | number | boolean): Node {
  return parent.ele(name).txt(xmlText(text));
}

/** `<attributes><attribute id="a"/>…</attributes>`, iTop's way of listing attribute codes. */
export function attributeList(parent: Node, codes: string[], container = 'attributes'): Node {
  const list = parent.ele(container);
  for (const code of codes) list.ele('attribute', { id: code });
  return list;
}

/** `xsi:type`, which iTop uses to tell field and menu kinds apart. */
export function typed(parent: Node, name: string, id: string, xsiType: string, delta?: string): Node {
  const node = parent.ele(name, { id });
  node.att(XSI_NAMESPACE, 'xsi:type', xsiType);
  if (delta) node.att('_delta', delta);
  return node;
}

/**
 * An `itop_design` document with our header comment inside it: nothing may precede `<itop_design>` but the XML
 * declaration, a leading comment makes iTop ignore the whole file (ITOP-REFERENCE §3.1).
 */
export function designDocument(designVersion: string, header: string): { root: Node; end: () => string } {
  const doc = createXmlDocument();
  const root = doc.ele('itop_design', { 'xmlns:xsi': XSI_NAMESPACE, version: designVersion });
  root.com(` ${header} `);
  return { root, end: () => `${doc.end({ prettyPrint: true, indent: '  ' })}\n` };
}
