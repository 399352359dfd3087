import type { Static } from '@sinclair/typebox';
import type { ReferencedValueNotInCheck } from '../../../model/schema/rule.js';
import type { Subject } from '../subject.js';
import type { ObjectRef, RemoteChecker } from './types.js';

type Check = Static<typeof ReferencedValueNotInCheck>;

/**
 * The object the external key `field` points at must not hold one of `values` in `attribute`.
 * Checked on creation, and on update only when the key is among the changes: an update that leaves the key
 * alone reads nothing and is not blocked by legacy data (a bad link can still be marked obsolete).
 * Empty key: nothing to check. Missing object: skipped (ITOP-EXTKEY reports it).
 */
export const referencedValueNotIn: RemoteChecker<Check> = {
  wants: (check, subject) => {
    const ref = referenceOf(check, subject);
    return ref ? [ref] : [];
  },
  evaluate(check, subject, reader) {
    const ref = referenceOf(check, subject);
    if (!ref) return [];
    const referenced = reader.object(ref);
    if (!referenced) return [];
    const value = referenced[check.attribute];
    return value !== null && value !== undefined && check.values.includes(String(value)) ? [{ field: check.field }] : [];
  },
};

/** The object the key points at; undefined when the key is empty, not an external key, or unchanged by an update. */
function referenceOf(check: Check, subject: Subject): ObjectRef | undefined {
  if (subject.op === 'update' && !subject.changes.has(check.field)) return undefined;
  const field = subject.fields.get(check.field);
  if (!field || field.type !== 'externalKey' || subject.isEmpty(check.field)) return undefined;
  return { className: field.target, id: Number(subject.object[check.field]) };
}
