import type { ClassDefinition, ModelDefinition } from '../schema/model.js';
import type { ModelIssue } from './model-error.js';

/**
 * What the schema of `schemaChanges` cannot say: a rename names what the model has now and what it no longer has,
 * a removal names what the model no longer has, a replacement value exists.
 */
export function checkSchemaChanges(model: ModelDefinition): ModelIssue[] {
  const issues: ModelIssue[] = [];
  const declared = model.schemaChanges;
  if (!declared) return issues;
  const classes = new Map(model.classes.map((cls) => [cls.name, cls]));
  const field = (cls: ClassDefinition | undefined, code: string) => cls?.fields.find((f) => f.code === code);
  (declared.renamed ?? []).forEach((d, i) => {
    const at = `schemaChanges.renamed[${i}]`;
    const report = (path: string, message: string) => issues.push({ path: `${at}${path}`, message });
    const cls = classes.get(d.class);
    if (!cls) return report('.class', `no class '${d.class}' in the model: a rename names the class as it is now`);
    switch (d.kind) {
      case 'class':
        if (classes.has(d.from)) report('.from', `class '${d.from}' is still in the model: expected the class's former name`);
        break;
      case 'table':
        if (cls.dbTable !== d.table) report('.table', `class '${d.class}' has table '${cls.dbTable}', not '${d.table}'`);
        if (model.classes.some((c) => c.dbTable === d.from)) report('.from', `table '${d.from}' is still used by a class of the model`);
        break;
      case 'field':
        if (!field(cls, d.field)) report('.field', `class '${d.class}' has no field '${d.field}': a rename names the field as it is now`);
        if (field(cls, d.from)) report('.from', `class '${d.class}' still has a field '${d.from}': expected the field's former code`);
        break;
      case 'enumValue': {
        const f = field(cls, d.field);
        if (f?.type !== 'enum') return report('.field', `class '${d.class}' has no enum field '${d.field}'`);
        if (!f.values.some((v) => v.code === d.value)) report('.value', `'${d.value}' is not a value of ${d.class}.${d.field}: a rename names the value as it is now`);
        if (f.values.some((v) => v.code === d.from)) report('.from', `'${d.from}' is still a value of ${d.class}.${d.field}: expected the value's former code`);
        break;
      }
    }
  });
  (declared.removed ?? []).forEach((d, i) => {
    const at = `schemaChanges.removed[${i}]`;
    const report = (path: string, message: string) => issues.push({ path: `${at}${path}`, message });
    const cls = classes.get(d.class);
    if (d.kind === 'class') {
      if (cls) report('.class', `class '${d.class}' is still in the model`);
      if (d.field !== undefined || d.value !== undefined || d.replacedBy !== undefined) report('', 'a removed class takes no field, value or replacedBy');
      return;
    }
    if (!cls) return report('.class', `no class '${d.class}' in the model: a removed field or value names the class it was removed from`);
    if (!d.field) return report('.field', `expected the code of the removed field${d.kind === 'enumValue' ? ' holding the value' : ''}`);
    if (d.kind === 'field') {
      if (field(cls, d.field)) report('.field', `class '${d.class}' still has a field '${d.field}'`);
      if (d.value !== undefined || d.replacedBy !== undefined) report('', 'a removed field takes no value or replacedBy');
      return;
    }
    const f = field(cls, d.field);
    if (f?.type !== 'enum') return report('.field', `class '${d.class}' has no enum field '${d.field}'`);
    if (!d.value) return report('.value', 'expected the removed value');
    if (f.values.some((v) => v.code === d.value)) report('.value', `'${d.value}' is still a value of ${d.class}.${d.field}`);
    if (d.replacedBy !== undefined && !f.values.some((v) => v.code === d.replacedBy)) report('.replacedBy', `'${d.replacedBy}' is not a value of ${d.class}.${d.field}`);
  });
  (declared.changed ?? []).forEach((d, i) => {
    const at = `schemaChanges.changed[${i}]`;
    const cls = classes.get(d.class);
    if (!cls) issues.push({ path: `${at}.class`, message: `no class '${d.class}' in the model` });
    else if (d.kind !== 'parent' && (!d.field || !field(cls, d.field))) issues.push({ path: `${at}.field`, message: `class '${d.class}' has no field '${d.field ?? ''}'` });
  });
  return issues;
}
