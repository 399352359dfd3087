import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';

export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';
export type Node = XMLBuilder;

/** Adds `<name>text</name>`; xmlbuilder2 escapes the text, so model strings cannot break out of the element. */
export function leaf(parent: Node, name: string, text: string | number | boolean): Node {
  return parent.ele(name).txt(String(text));
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
