import type { ReferencedByCheck } from '../../plan.js';
import type { RemoteChecker, Violation } from './types.js';

/**
 * Mirror of referenced-value-not-in on the referenced class: an update that changes `attribute` to one of
 * `values` while at least one `referencingClass` object points at this object through `referencingField`.
 * Creations and writes that do not change `attribute` to such a value make no query.
 */
export const referencedBy: RemoteChecker<ReferencedByCheck> = (check, info) => {
  const { attribute, values, referencingClass, referencingField } = check;
  const index = info.indexOf(attribute);
  const violation: Violation = { field: attribute };
  return {
    wants: () => undefined,
    evaluate(subject, reader) {
      if (subject.op !== 'update' || subject.id === undefined || !subject.hasChange(attribute)) return undefined;
      const value = subject.held[index];
      if (value === null || value === undefined || !values.includes(String(value))) return undefined;
      const referencing = reader.count(referencingClass, { equals: { [referencingField]: subject.id } });
      return referencing > 0 ? violation : undefined;
    },
  };
};
