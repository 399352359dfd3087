/** One checker per rule kind: each compiles a rule of its kind into a test, once per class. */
import type { PlannedCheck } from '../../plan.js';
import { distinctFields } from './distinct-fields.js';
import { emptyWhen } from './empty-when.js';
import { range } from './range.js';
import { referencedBy } from './referenced-by.js';
import { referencedValueNotIn } from './referenced-value-not-in.js';
import { requiredWhen } from './required-when.js';
import { textFormat } from './text-format.js';
import type { LocalChecker, RemoteChecker, UniquenessChecker } from './types.js';
import { uniqueTogether } from './unique-together.js';
import { url } from './url.js';

type CheckOf<K extends PlannedCheck['kind']> = Extract<PlannedCheck, { kind: K }>;

export const localCheckers: { [K in 'text-format' | 'required-when' | 'empty-when' | 'range' | 'url' | 'distinct-fields']: LocalChecker<CheckOf<K>> } = {
  'text-format': textFormat,
  'required-when': requiredWhen,
  'empty-when': emptyWhen,
  range,
  url,
  'distinct-fields': distinctFields,
};

export const remoteCheckers: { [K in 'referenced-value-not-in' | 'referenced-by']: RemoteChecker<CheckOf<K>> } = {
  'referenced-value-not-in': referencedValueNotIn,
  'referenced-by': referencedBy,
};

export const uniquenessCheckers: { 'unique-together': UniquenessChecker<CheckOf<'unique-together'>> } = {
  'unique-together': uniqueTogether,
};

export type LocalKind = keyof typeof localCheckers;
export type RemoteKind = keyof typeof remoteCheckers;

export function isLocalKind(kind: PlannedCheck['kind']): kind is LocalKind {
  return kind in localCheckers;
}
export function isRemoteKind(kind: PlannedCheck['kind']): kind is RemoteKind {
  return kind in remoteCheckers;
}
