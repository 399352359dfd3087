/**
 * What the engine may ask the database, and an indexed in-memory implementation of it.
 *
 * Every call says who asks (`origin`): iTop itself (loading the object, external-key existence, native
 * uniqueness rules) or our generated governance code. That lets tests assert the query budget of the
 * generated PHP separately from what iTop spends anyway.
 */
import { KNOWN_ITOP_CLASSES } from '../../model/itop/known-classes.js';
import type { ModelDefinition } from '../../model/schema/model.js';
import type { StoredRecord, StoredValue } from './types.js';
import { collationKey } from './values.js';

export interface LookupOrigin {
  /** `itop`: a query iTop runs by itself; `governance`: one our generated rules run. */
  by: 'itop' | 'governance';
  /** The rule (or rules, comma-separated) the lookup serves, if any. */
  ruleId?: string;
  /** The attribute the lookup serves (external-key existence), if any. */
  attribute?: string;
}

/** Objects of a class whose attributes equal the given values, compared as MySQL compares (utf8mb4_unicode_ci). */
export interface CountQuery {
  equals: Readonly<Record<string, StoredValue>>;
  /** Leave this object out (the object being updated). */
  excludeId?: number;
  /** When one of these attributes is empty in `equals`, nothing matches (iTop: a uniqueness `filter`). */
  ignoreWhenEmpty?: readonly string[];
}

export interface GovernanceContext {
  /** One object by class and id (subclasses included), or undefined. */
  get(className: string, id: number, origin?: LookupOrigin): StoredRecord | undefined;
  /** Several objects of a class in one query; missing ids are absent from the map. */
  getMany(className: string, ids: readonly number[], origin?: LookupOrigin): ReadonlyMap<number, StoredRecord>;
  /** How many objects match (iTop: `CountExceeds(0)`; a positive number is all the engine needs). */
  count(className: string, query: CountQuery, origin?: LookupOrigin): number;
}

export interface LookupRecord {
  kind: 'get' | 'getMany' | 'count';
  className: string;
  ids?: number[];
  query?: CountQuery;
  origin: LookupOrigin;
}

/** Parent of every class the model defines or builds on (model classes and known iTop classes). */
export function classParentsOf(model: ModelDefinition): Record<string, string | null> {
  const parents: Record<string, string | null> = {};
  for (const [name, known] of Object.entries(KNOWN_ITOP_CLASSES)) parents[name] = known.parent;
  for (const cls of model.classes) parents[cls.name] = cls.parent;
  return parents;
}

export interface InMemoryContextOptions {
  /** Class → parent class, so that an object stored as `Server` is found as a `FunctionalCI`. */
  parents?: Record<string, string | null>;
}

const EMPTY_KEY = '';

/** Per class: objects by id, plus composite indexes built on first use (keyed by the sorted attribute list). */
class ClassStore {
  readonly byId = new Map<number, StoredRecord>();
  /** attribute list (sorted, joined) → tuple key → ids */
  readonly indexes = new Map<string, { attributes: string[]; entries: Map<string, Set<number>> }>();

  index(attributes: string[]): Map<string, Set<number>> {
    const signature = attributes.join('\u0001');
    let index = this.indexes.get(signature);
    if (!index) {
      index = { attributes, entries: new Map() };
      for (const record of this.byId.values()) addTo(index.entries, tupleKey(attributes, record), record.id);
      this.indexes.set(signature, index);
    }
    return index.entries;
  }

  put(record: StoredRecord): void {
    const previous = this.byId.get(record.id);
    if (previous) this.remove(previous.id);
    this.byId.set(record.id, record);
    for (const { attributes, entries } of this.indexes.values()) addTo(entries, tupleKey(attributes, record), record.id);
  }

  remove(id: number): void {
    const record = this.byId.get(id);
    if (!record) return;
    this.byId.delete(id);
    for (const { attributes, entries } of this.indexes.values()) {
      const key = tupleKey(attributes, record);
      const ids = entries.get(key);
      ids?.delete(id);
      if (ids?.size === 0) entries.delete(key);
    }
  }
}

function tupleKey(attributes: readonly string[], values: Readonly<Record<string, StoredValue | undefined>>): string {
  // An attribute missing from a record reads as null (iTop objects have every attribute).
  return attributes.map((code) => collationKey(values[code])).join('\u0000');
}

function addTo(entries: Map<string, Set<number>>, key: string, id: number): void {
  let ids = entries.get(key);
  if (!ids) entries.set(key, (ids = new Set()));
  ids.add(id);
}

/**
 * In-memory GovernanceContext built from `{ [className]: records }`. Lookups are O(1) through lazily built
 * hash indexes, kept up to date by `put`/`remove` (a bulk checker can add rows as it accepts them).
 * Every lookup is recorded in `lookups`.
 */
export class InMemoryContext implements GovernanceContext {
  readonly lookups: LookupRecord[] = [];
  private readonly stores = new Map<string, ClassStore>();
  private readonly parents: Record<string, string | null>;

  constructor(data: Readonly<Record<string, readonly StoredRecord[]>> = {}, options: InMemoryContextOptions = {}) {
    this.parents = options.parents ?? {};
    for (const [className, records] of Object.entries(data)) for (const record of records) this.put(className, record);
  }

  /** Adds or replaces an object (by id) of a class; it is also visible under the class's ancestors. */
  put(className: string, record: StoredRecord): void {
    for (const name of this.lineage(className)) this.store(name).put(record);
  }

  remove(className: string, id: number): void {
    for (const name of this.lineage(className)) this.stores.get(name)?.remove(id);
  }

  get(className: string, id: number, origin: LookupOrigin = { by: 'governance' }): StoredRecord | undefined {
    this.lookups.push({ kind: 'get', className, ids: [id], origin });
    return this.stores.get(className)?.byId.get(id);
  }

  getMany(className: string, ids: readonly number[], origin: LookupOrigin = { by: 'governance' }): ReadonlyMap<number, StoredRecord> {
    this.lookups.push({ kind: 'getMany', className, ids: [...ids], origin });
    const found = new Map<number, StoredRecord>();
    const byId = this.stores.get(className)?.byId;
    for (const id of ids) {
      const record = byId?.get(id);
      if (record) found.set(id, record);
    }
    return found;
  }

  count(className: string, query: CountQuery, origin: LookupOrigin = { by: 'governance' }): number {
    this.lookups.push({ kind: 'count', className, query, origin });
    if (query.ignoreWhenEmpty?.some((code) => collationKey(query.equals[code]) === EMPTY_KEY)) return 0;
    const store = this.stores.get(className);
    if (!store) return 0;
    const attributes = Object.keys(query.equals).sort();
    const ids = store.index(attributes).get(tupleKey(attributes, query.equals));
    if (!ids) return 0;
    return ids.size - (query.excludeId !== undefined && ids.has(query.excludeId) ? 1 : 0);
  }

  /** Lookups made so far, optionally only those of one origin. */
  lookupCount(by?: LookupOrigin['by']): number {
    return by ? this.lookups.filter((l) => l.origin.by === by).length : this.lookups.length;
  }

  resetLookups(): void {
    this.lookups.length = 0;
  }

  private store(className: string): ClassStore {
    let store = this.stores.get(className);
    if (!store) this.stores.set(className, (store = new ClassStore()));
    return store;
  }

  private lineage(className: string): string[] {
    const names: string[] = [];
    for (let name: string | null | undefined = className; name && !names.includes(name); name = this.parents[name]) names.push(name);
    return names;
  }
}
