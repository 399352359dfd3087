import type { Field } from '../../../model/schema/model.js';
import type { PlannedRule } from '../../../governance/plan.js';

export interface IndexDefinition {
  id: string;
  attributes: string[];
}

/**
 * Database indexes for every tuple a uniqueness rule or a generated reverse lookup filters on, so
 * that no check scans a table (ITOP-REFERENCE §4.3 `indexes`).
 */
export function indexesOf(className: string, governance: PlannedRule[]): IndexDefinition[] {
  const indexes: IndexDefinition[] = [];
  const add = (attributes: string[]) => {
    const id = attributes.join('_');
    if (!indexes.some((index) => index.id === id)) indexes.push({ id, attributes });
  };
  for (const rule of governance) {
    if (rule.class === className && rule.check.kind === 'unique-together') add(rule.check.fields);
    if (rule.check.kind === 'referenced-by' && rule.check.referencingClass === className) add([rule.check.referencingField]);
  }
  return indexes;
}

/**
 * OQL filter (without WHERE) that keeps objects with an empty value out of a uniqueness rule:
 * iTop compares raw values, so two empty values would otherwise collide (ITOP-REFERENCE §4.4).
 */
export function uniquenessFilter(ignoreWhenEmpty: Field[]): string {
  return ignoreWhenEmpty
    .map((field) => {
      switch (field.type) {
        case 'integer':
          return `ISNULL(${field.code}) = 0`;
        case 'externalKey':
          return `${field.code} != 0`;
        default:
          return `${field.code} != ''`;
      }
    })
    .join(' AND ');
}
