import type { Language, Severity } from '../../model/schema/model.js';

/** A value as a write path hands it over: REST JSON, a CSV cell, a form field. */
export type WriteValue = string | number | null;

/** A write to check: the values given for a creation, or the values changed by an update of object `id`. */
export interface Write {
  class: string;
  op: 'create' | 'update';
  /** The object updated; required for `update`, ignored for `create`. */
  id?: number;
  values: Record<string, WriteValue>;
}

/** A value as iTop holds it after `DBObject::Set` (see values.ts `toItopValue`). */
export type StoredValue = string | number | null;

/** An object as stored: `id` plus attribute values. */
export interface StoredRecord {
  id: number;
  [attribute: string]: StoredValue;
}

/** One broken rule. `ruleId` is a plan rule id (AE-1…) or one of ITOP_CHECK_IDS. */
export interface Issue {
  ruleId: string;
  severity: Severity;
  /** The attribute the issue is about; null when it is about a combination (uniqueness). */
  field: string | null;
  message: string;
}

export interface ValidateOptions {
  /** Language of the messages (default en). */
  lang?: Language;
}

/** A write that cannot be checked at all (unknown class or attribute, update of a missing object…). */
export class WriteError extends Error {
  override name = 'WriteError';
}
