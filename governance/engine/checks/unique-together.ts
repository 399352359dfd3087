import type { Static } from '@sinclair/typebox';
import type { UniqueTogetherCheck } from '../../../model/schema/rule.js';
import type { UniquenessChecker } from './types.js';

/**
 * iTop's native uniqueness rule (DBObject::DoCheckUniqueness, run on every write whatever changed): another
 * object of the class (not this one) with equal values in all `fields`, compared as MySQL compares. When one of
 * `ignoreWhenEmpty` is empty on this object, nothing collides (the generated rule's `filter`). Field: null.
 */
export const uniqueTogether: UniquenessChecker<Static<typeof UniqueTogetherCheck>> = (check, subject, context) => {
  const equals = Object.fromEntries(check.fields.map((code) => [code, subject.object[code] ?? null]));
  const query = { equals, ignoreWhenEmpty: check.ignoreWhenEmpty, ...(subject.id !== undefined ? { excludeId: subject.id } : {}) };
  return context.count(subject.className, query, { by: 'itop' }) > 0 ? [{ field: null }] : [];
};
