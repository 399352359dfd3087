import type { ClassDefinition, ExternalKeyField, LinkedSetField, ModelDefinition } from '../../../model/schema/model.js';
import { itopAttributeType } from '../datamodel/field-xml.js';

/** The root of every iTop class: drawn as nobody's parent, it would only add noise. */
const ITOP_ROOT = 'cmdbAbstractObject';

/**
 * A Mermaid `classDiagram` of the model: its classes with their keys and linked sets, each external key
 * as an association (labelled with the linked set that lists it from the other side), inheritance, and
 * the iTop classes outside the model that the model points at or derives from.
 */
export function mermaidClassDiagram(model: ModelDefinition): string {
  const ours = new Map(model.classes.map((cls) => [cls.name, cls]));
  const external = new Set<string>();
  const lines: string[] = ['classDiagram', '  direction LR'];
  for (const cls of model.classes) {
    const members = cls.fields.filter((field) => field.type === 'externalKey' || field.type === 'linkedSet');
    const head = `  class ${cls.name}["${mermaidLabel(cls.label.en)}"]`;
    if (members.length === 0) lines.push(head);
    else lines.push(`${head} {`, ...members.map((field) => `    +${itopAttributeType(field)} ${field.code}`), '  }');
  }
  const relations: string[] = [];
  for (const cls of model.classes) {
    if (cls.parent !== ITOP_ROOT) {
      if (!ours.has(cls.parent)) external.add(cls.parent);
      relations.push(`  ${cls.parent} <|-- ${cls.name}`);
    }
    for (const field of cls.fields) {
      if (field.type !== 'externalKey') continue;
      if (!ours.has(field.target)) external.add(field.target);
      const inverse = inverseLinkedSet(ours.get(field.target), cls.name, field);
      const label = inverse ? `${field.code} / ${inverse.code}` : field.code;
      relations.push(`  ${cls.name} "*" --> "${field.mandatory ? '1' : '0..1'}" ${field.target} : ${label}`);
    }
  }
  for (const name of [...external].sort()) lines.push(`  class ${name}`, `  <<iTop>> ${name}`);
  return [...lines, ...relations].join('\n');
}

function inverseLinkedSet(target: ClassDefinition | undefined, className: string, key: ExternalKeyField): LinkedSetField | undefined {
  return target?.fields.find((f): f is LinkedSetField => f.type === 'linkedSet' && f.linkedClass === className && f.externalKeyToMe === key.code);
}

/** A class label inside `["…"]`: Mermaid has no escape for `"` there, only its `#quot;` entity; one line. */
function mermaidLabel(text: string): string {
  return text
    .replace(/\s*(\r\n|\r|\n)\s*/g, ' ')
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/[<>[\]{}]/g, (c) => `#${c.charCodeAt(0)};`);
}
