import type { Static } from '@sinclair/typebox';
import type { ReferencedValueNotInCheck } from '../../../model/schema/rule.js';
import type { RemoteChecker } from './types.js';

type Check = Static<typeof ReferencedValueNotInCheck>;

/**
 * The object the external key `field` points at must not hold one of `values` in `attribute`.
 * Empty key: nothing to check. Missing object: skipped (ITOP-EXTKEY reports it).
 */
export const referencedValueNotIn: RemoteChecker<Check> = {
  wants(check, subject) {
    const field = subject.fields.get(check.field);
    if (!field || field.type !== 'externalKey' || subject.isEmpty(check.field)) return [];
    return [{ className: field.target, id: Number(subject.object[check.field]) }];
  },
  evaluate(check, subject, reader) {
    const [ref] = this.wants(check, subject);
    if (!ref) return [];
    const referenced = reader.object(ref);
    if (!referenced) return [];
    const value = referenced[check.attribute];
    return value !== null && value !== undefined && check.values.includes(String(value)) ? [{ field: check.field }] : [];
  },
};
