import type { CountQuery, GovernanceContext } from '../context.js';
import type { Subject } from '../subject.js';
import type { StoredRecord } from '../types.js';

/** A broken rule on one attribute (or on a combination: null). The engine adds id, severity and message. */
export interface Violation {
  field: string | null;
}

/** Reads only the written object. */
export type LocalChecker<C> = (check: C, subject: Subject) => Violation[];

export interface ObjectRef {
  className: string;
  id: number;
}

/** What a remote check may read; validate() batches `wants` of all remote rules per class into one getMany. */
export interface RemoteReader {
  object(ref: ObjectRef): StoredRecord | undefined;
  count(className: string, query: CountQuery): number;
}

/** Reads other objects. `wants` lists the objects to load before `evaluate` (none: the check counts instead). */
export interface RemoteChecker<C> {
  wants(check: C, subject: Subject): ObjectRef[];
  evaluate(check: C, subject: Subject, reader: RemoteReader): Violation[];
}

/** A uniqueness rule iTop enforces natively; it queries the context as iTop would. */
export type UniquenessChecker<C> = (check: C, subject: Subject, context: GovernanceContext) => Violation[];
