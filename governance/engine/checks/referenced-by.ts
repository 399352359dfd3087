import type { ReferencedByCheck } from '../../plan.js';
import type { RemoteChecker } from './types.js';

/**
 * Mirror of referenced-value-not-in on the referenced class: an update that changes `attribute` to one of
 * `values` while at least one `referencingClass` object points at this object through `referencingField`.
 * Creations and writes that do not change `attribute` to such a value make no query.
 */
export const referencedBy: RemoteChecker<ReferencedByCheck> = {
  wants: () => [],
  evaluate(check, subject, reader) {
    if (subject.op !== 'update' || subject.id === undefined || !subject.changes.has(check.attribute)) return [];
    const value = subject.object[check.attribute];
    if (value === null || value === undefined || !check.values.includes(String(value))) return [];
    const referencing = reader.count(check.referencingClass, { equals: { [check.referencingField]: subject.id } });
    return referencing > 0 ? [{ field: check.attribute }] : [];
  },
};
