import type { Static } from '@sinclair/typebox';
import type { UniqueTogetherCheck } from '../../../model/schema/rule.js';
import type { CountQuery, LookupOrigin } from '../context.js';
import type { StoredValue } from '../types.js';
import type { UniquenessChecker, Violation } from './types.js';

const ITOP: LookupOrigin = Object.freeze({ by: 'itop' });
const VIOLATION: Violation = Object.freeze({ field: null });

/**
 * iTop's native uniqueness rule (DBObject::DoCheckUniqueness, run on every write whatever changed): another
 * object of the class (not this one) with equal values in all `fields`, compared as MySQL compares. When one of
 * `ignoreWhenEmpty` is empty on this object, nothing collides (the generated rule's `filter`). Field: null.
 */
export const uniqueTogether: UniquenessChecker<Static<typeof UniqueTogetherCheck>> = (check, info) => {
  const fields = check.fields;
  const indexes = fields.map((code) => info.indexOf(code));
  const ignoreWhenEmpty = check.ignoreWhenEmpty;
  const className = info.className;
  return (subject, context) => {
    const held = subject.held;
    // `equals` in the order of the rule's fields (contexts may rely on it to skip sorting).
    const equals: Record<string, StoredValue> = {};
    for (let i = 0; i < fields.length; i++) equals[fields[i] as string] = held[indexes[i] as number] ?? null;
    const query: CountQuery = subject.id !== undefined ? { equals, ignoreWhenEmpty, excludeId: subject.id } : { equals, ignoreWhenEmpty };
    return context.count(className, query, ITOP) > 0 ? VIOLATION : undefined;
  };
};
