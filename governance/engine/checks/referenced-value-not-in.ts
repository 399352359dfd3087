import type { Static } from '@sinclair/typebox';
import type { ReferencedValueNotInCheck } from '../../../model/schema/rule.js';
import type { Subject } from '../subject.js';
import type { RemoteChecker, Violation } from './types.js';

type Check = Static<typeof ReferencedValueNotInCheck>;

/**
 * The object the external key `field` points at must not hold one of `values` in `attribute`.
 * Checked on creation, and on update only when the key is among the changes: an update that leaves the key
 * alone reads nothing and is not blocked by legacy data (a bad link can still be marked obsolete).
 * Empty key: nothing to check. Missing object: skipped (ITOP-EXTKEY reports it).
 */
export const referencedValueNotIn: RemoteChecker<Check> = (check, info) => {
  const { field: code, attribute, values } = check;
  const field = info.fields.get(code);
  const target = field?.type === 'externalKey' ? field.target : undefined;
  const index = info.indexOf(code);
  const violation: Violation = { field: code };
  /** The id of the object the key points at; undefined when the key is empty, not an external key, or unchanged by an update. */
  const referenced = (subject: Subject): number | undefined => {
    if (target === undefined || (subject.op === 'update' && !subject.hasChange(code))) return undefined;
    const value = subject.held[index];
    if (value === null || value === undefined || value === '' || value === 0) return undefined;
    return Number(value);
  };
  return {
    ...(target !== undefined ? { target } : {}),
    wants: referenced,
    evaluate(subject, reader) {
      const id = referenced(subject);
      if (id === undefined) return undefined;
      const object = reader.object(target as string, id);
      if (!object) return undefined;
      const value = object[attribute];
      return value !== null && value !== undefined && values.includes(String(value)) ? violation : undefined;
    },
  };
};
