import type { CountQuery, GovernanceContext } from '../context.js';
import type { Subject } from '../subject.js';
import type { StoredRecord } from '../types.js';
import type { WritableField } from '../values.js';

/** A broken rule on one attribute (or on a combination: null). The engine adds id, severity and message. */
export interface Violation {
  field: string | null;
}

/**
 * What a checker knows when it is compiled, once per class (createValidator): the writable fields of the class.
 * Checkers turn a rule into a test, so that a write pays only for the test (no per-write parsing of the rule).
 * A rule breaks at most once per write: a test returns its violation, or undefined when the rule holds.
 */
export interface ClassInfo {
  className: string;
  fields: ReadonlyMap<string, WritableField>;
  /** The slot of an attribute in `Subject.held` (a code that is not a writable attribute reads undefined). */
  indexOf(code: string): number;
}

/** Reads only the written object. */
export type LocalTest = (subject: Subject) => Violation | undefined;
export type LocalChecker<C> = (check: C, info: ClassInfo) => LocalTest;

/** What a remote check may read; validate() batches `wants` of all remote rules per class into one getMany. */
export interface RemoteReader {
  object(className: string, id: number): StoredRecord | undefined;
  count(className: string, query: CountQuery): number;
}

/**
 * Reads other objects. A test with a `target` class may want one object of it loaded before `evaluate`: `wants`
 * gives its id (or undefined); a test without one counts instead.
 */
export interface RemoteTest {
  target?: string;
  wants(subject: Subject): number | undefined;
  evaluate(subject: Subject, reader: RemoteReader): Violation | undefined;
}
export type RemoteChecker<C> = (check: C, info: ClassInfo) => RemoteTest;

/** A uniqueness rule iTop enforces natively; it queries the context as iTop would. */
export type UniquenessTest = (subject: Subject, context: GovernanceContext) => Violation | undefined;
export type UniquenessChecker<C> = (check: C, info: ClassInfo) => UniquenessTest;
