/**
 * Turns a JSON pointer into a readable model path, naming array elements by their name, code or id:
 * `/classes/2/fields/0/label` → `classes[MedicalDicomApplicationEntity].fields[aetitle].label`.
 */
export function describePath(model: unknown, pointer: string, child?: string): string {
  const segments = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (child !== undefined) segments.push(child);
  let node: unknown = model;
  let out = '';
  for (const segment of segments) {
    if (Array.isArray(node)) {
      const element: unknown = node[Number(segment)];
      out += `[${elementName(element) ?? segment}]`;
      node = element;
    } else {
      out += out === '' ? segment : `.${segment}`;
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
    }
  }
  return out === '' ? '(model)' : out;
}

function elementName(element: unknown): string | undefined {
  if (element === null || typeof element !== 'object') return undefined;
  const record = element as Record<string, unknown>;
  for (const key of ['name', 'code', 'id', 'column', 'group']) {
    const value = record[key];
    if (typeof value === 'string' || typeof value === 'number') return String(value);
  }
  return undefined;
}
