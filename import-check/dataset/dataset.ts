/**
 * The objects of a check run (exports, then the rows accepted so far) and the engine's view of them.
 *
 * It implements the engine's GovernanceContext with the semantics of `InMemoryContext` (governance/engine/
 * context.ts): objects by class (a Server is also a FunctionalCI), counts compared as MySQL compares
 * (`collationKey`), `ignoreWhenEmpty`, `excludeId`. It is leaner for bulk use: no lookup log, and one hash index
 * per attribute list, kept up to date on every put, that also serves reference and reconciliation searches
 * (`find`), including on external fields (`org_name` of an AE is the name of its organization).
 */
import type { CountQuery, GovernanceContext } from '../../governance/engine/context.js';
import type { StoredRecord, StoredValue } from '../../governance/engine/types.js';
import { collationKey } from '../../governance/engine/values.js';

const ASCII = /^[\x00-\x7f]*$/;

/**
 * `collationKey` (MySQL utf8mb4_unicode_ci equality) with a fast path for ASCII text, where its Unicode
 * normalization changes nothing: lower case, trailing spaces dropped. tests/import-check/dataset.test.ts checks
 * that both agree.
 */
export function keyOf(value: StoredValue | undefined): string {
  if (typeof value !== 'string') return value === null || value === undefined ? '' : String(value);
  if (!ASCII.test(value)) return collationKey(value);
  const lower = value.toLowerCase();
  return lower.charCodeAt(lower.length - 1) === 32 ? lower.replace(/ +$/, '') : lower;
}
import type { ModelSchemas } from '../schema/class-schema.js';

/** One id, or the set of ids sharing the key. */
type Entry = number | Set<number>;

interface Index {
  /** Sorted. */
  attributes: readonly string[];
  signature: string;
  entries: Map<string, Entry>;
}

interface View {
  given: string[];
  order: number[];
  index: Index;
}

/** Attribute lists as given, one attribute per level; the node of a whole list holds its view. */
interface TrieNode {
  children: Map<string, TrieNode>;
  view?: View;
}

function childOf(node: TrieNode, attribute: string): TrieNode {
  let next = node.children.get(attribute);
  if (!next) node.children.set(attribute, (next = { children: new Map() }));
  return next;
}

class ClassStore {
  readonly byId = new Map<number, StoredRecord>();
  readonly indexes: Index[] = [];
  readonly trie: TrieNode = { children: new Map() };
}

const SEPARATOR = '\u0000';

export class Dataset implements GovernanceContext {
  private readonly stores = new Map<string, ClassStore>();
  private readonly lineages = new Map<string, string[]>();
  private readonly nextIds = new Map<string, number>();

  constructor(private readonly schemas: ModelSchemas) {}

  /**
   * Adds or replaces an object (by id); it is also found under the ancestors of its class. `isNew`: the caller
   * knows no object has this id (a row's creation), which saves a lookup.
   */
  put(className: string, record: StoredRecord, isNew = false): void {
    for (const name of this.lineage(className)) {
      const store = this.store(name);
      const previous = isNew ? undefined : store.byId.get(record.id);
      if (previous) for (const index of store.indexes) removeEntry(index.entries, this.tupleKey(name, previous, index.attributes), record.id);
      store.byId.set(record.id, record);
      for (const index of store.indexes) addEntry(index.entries, this.tupleKey(name, record, index.attributes), record.id);
    }
    const root = this.lineage(className).at(-1) ?? className;
    if (record.id >= (this.nextIds.get(root) ?? 1) && record.id < SYNTHETIC_ID_BASE) this.nextIds.set(root, record.id + 1);
  }

  /** A fresh id for an object created by a row (above every id seen in the class hierarchy). */
  newId(className: string): number {
    const root = this.lineage(className).at(-1) ?? className;
    const id = this.nextIds.get(root) ?? 1;
    this.nextIds.set(root, id + 1);
    return id;
  }

  /** An id for an object assumed to exist in iTop, far from real ones. */
  syntheticId(className: string): number {
    const root = `synthetic:${this.lineage(className).at(-1) ?? className}`;
    const id = this.nextIds.get(root) ?? SYNTHETIC_ID_BASE;
    this.nextIds.set(root, id + 1);
    return id;
  }

  size(className: string): number {
    return this.stores.get(className)?.byId.size ?? 0;
  }

  get(className: string, id: number): StoredRecord | undefined {
    return this.stores.get(className)?.byId.get(id);
  }

  getMany(className: string, ids: readonly number[]): ReadonlyMap<number, StoredRecord> {
    const found = new Map<number, StoredRecord>();
    const byId = this.stores.get(className)?.byId;
    if (byId) for (const id of ids) {
      const record = byId.get(id);
      if (record) found.set(id, record);
    }
    return found;
  }

  count(className: string, query: CountQuery): number {
    const equals = query.equals;
    if (query.ignoreWhenEmpty?.some((code) => keyOf(equals[code]) === '')) return 0;
    const store = this.stores.get(className);
    if (!store) return 0;
    // The engine builds `equals` in the order of the rule's fields: walk that order, no sorting per call.
    let node = store.trie;
    for (const attribute in equals) node = childOf(node, attribute);
    const view = (node.view ??= this.viewOf(className, store, Object.keys(equals)));
    let key = '';
    for (let i = 0; i < view.order.length; i++) key += (i ? SEPARATOR : '') + keyOf(equals[view.given[view.order[i] as number] as string]);
    const entry = view.index.entries.get(key);
    if (entry === undefined) return 0;
    if (typeof entry === 'number') return entry === query.excludeId ? 0 : 1;
    return entry.size - (query.excludeId !== undefined && entry.has(query.excludeId) ? 1 : 0);
  }

  /**
   * Ids of the objects of `className` whose `attributes` equal `values` as MySQL compares them (iTop's search
   * for a reference or a reconciliation key). Attributes may be external fields and `id` / `friendlyname`.
   */
  find(className: string, attributes: readonly string[], values: readonly StoredValue[]): number[] {
    const store = this.stores.get(className);
    if (!store) return [];
    let node = store.trie;
    for (const attribute of attributes) node = childOf(node, attribute);
    const view = (node.view ??= this.viewOf(className, store, attributes));
    let key = '';
    for (let i = 0; i < view.order.length; i++) key += (i ? SEPARATOR : '') + keyOf(values[view.order[i] as number]);
    const entry = view.index.entries.get(key);
    return entry === undefined ? [] : typeof entry === 'number' ? [entry] : [...entry];
  }

  /** The value of an attribute of an object, following external fields to the object they read from. */
  valueOf(className: string, record: StoredRecord, attribute: string): StoredValue {
    if (attribute === 'id') return record.id;
    const schema = this.schemas.of(className);
    if (attribute === 'friendlyname') {
      const parts = schema.friendlyName.map((code) => this.valueOf(className, record, code));
      return parts.length === 1 ? (parts[0] ?? null) : parts.join(' ');
    }
    const external = schema.externalFields.get(attribute);
    if (external) {
      const key = schema.writable.get(external.key);
      const target = key?.type === 'externalKey' ? this.get(key.target, Number(record[external.key])) : undefined;
      return target && key?.type === 'externalKey' ? this.valueOf(key.target, target, external.targetAttribute) : null;
    }
    return record[attribute] ?? null;
  }

  /**
   * How to query an attribute list given in some order: the index of the sorted list (shared by every order, so
   * AE-2's (org_id, aetitle) and the reconciliation key (aetitle, org_id) are one index) and the positions to
   * read the values in.
   */
  private viewOf(className: string, store: ClassStore, given: readonly string[]): View {
    const order = given.map((_, i) => i).sort((a, b) => ((given[a] as string) < (given[b] as string) ? -1 : 1));
    const sorted = order.map((i) => given[i] as string);
    const signature = sorted.join('\u0001');
    let index = store.indexes.find((candidate) => candidate.signature === signature);
    if (!index) {
      index = { attributes: sorted, signature, entries: new Map() };
      for (const record of store.byId.values()) addEntry(index.entries, this.tupleKey(className, record, index.attributes), record.id);
      store.indexes.push(index);
    }
    return { given: [...given], order, index };
  }

  private tupleKey(className: string, record: StoredRecord, attributes: readonly string[]): string {
    let key = '';
    for (let i = 0; i < attributes.length; i++) {
      const attribute = attributes[i] as string;
      const value = Object.hasOwn(record, attribute) ? record[attribute] : this.valueOf(className, record, attribute);
      key += (i ? SEPARATOR : '') + keyOf(value);
    }
    return key;
  }

  private store(className: string): ClassStore {
    let store = this.stores.get(className);
    if (!store) this.stores.set(className, (store = new ClassStore()));
    return store;
  }

  private lineage(className: string): string[] {
    let names = this.lineages.get(className);
    if (!names) this.lineages.set(className, (names = this.schemas.lineage(className)));
    return names;
  }
}

/** Ids of objects assumed to exist start here (2^50: exact in a double, far above real iTop ids). */
export const SYNTHETIC_ID_BASE = 2 ** 50;

function addEntry(entries: Map<string, Entry>, key: string, id: number): void {
  const entry = entries.get(key);
  if (entry === undefined) entries.set(key, id);
  else if (typeof entry === 'number') {
    if (entry !== id) entries.set(key, new Set([entry, id]));
  } else entry.add(id);
}

function removeEntry(entries: Map<string, Entry>, key: string, id: number): void {
  const entry = entries.get(key);
  if (entry === undefined) return;
  if (typeof entry === 'number') {
    if (entry === id) entries.delete(key);
    return;
  }
  entry.delete(id);
  if (entry.size === 1) entries.set(key, entry.values().next().value as number);
  else if (entry.size === 0) entries.delete(key);
}
