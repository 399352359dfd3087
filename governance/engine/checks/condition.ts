import type { Condition } from '../../../model/schema/rule.js';
import type { Subject } from '../subject.js';
import type { StoredValue } from '../types.js';
import type { ClassInfo } from './types.js';
import type { WritableField } from '../values.js';

/** Every attribute of the condition holds one of its listed codes (exact, case-sensitive comparison). */
export function compileCondition(when: Condition, info: ClassInfo): (subject: Subject) => boolean {
  const terms = Object.entries(when).map(([code, values]) => ({ index: info.indexOf(code), values }));
  return (subject) => {
    const held = subject.held;
    for (let i = 0; i < terms.length; i++) {
      const { index, values } = terms[i] as (typeof terms)[number];
      const value = held[index];
      if (value === null || value === undefined || !values.includes(typeof value === 'string' ? value : String(value))) return false;
    }
    return true;
  };
}

/** iTop's IsNull on the held value of `code`, as Subject.isEmpty says it, with the field looked up once. */
export function emptinessOf(fields: ReadonlyMap<string, WritableField>, code: string): (value: StoredValue | undefined) => boolean {
  const field = fields.get(code);
  if (field?.type === 'externalKey') return (value) => value === null || value === undefined || value === '' || value === 0;
  return (value) => value === null || value === undefined || value === '';
}
