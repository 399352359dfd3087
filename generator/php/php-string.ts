/**
 * A PHP single-quoted string literal holding exactly `value`.
 *
 * iTop reads module and dictionary files as text before evaluating them: it deletes every `<?php`
 * and `?>` (even inside strings) and rewrites `Dict::Add` (ITOP-REFERENCE §2.2, §2.4). The literal is
 * therefore cut, with `.`, wherever one of those sequences would appear, so none appears verbatim.
 */
export function phpString(value: string): string {
  const escaped = value.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
  const parts = escaped.split(/(?<=\?)(?=>)|(?<=<)(?=\?)|(?<=Dict:)(?=:Add)/);
  return parts.map((part) => `'${part}'`).join(' . ');
}
