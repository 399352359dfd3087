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
import { KeyTable } from './key-table.js';

/** One id, or the set of ids (two or more) sharing the key. */
export type DatasetEntry = number | Set<number>;

/** How to read one attribute of a record for an index (plain attribute, `id`, friendly name, external field). */
type Reader = (record: StoredRecord) => StoredValue | undefined;

interface Index {
  /** Sorted. */
  attributes: readonly string[];
  signature: string;
  entries: KeyTable<DatasetEntry>;
  readers: Reader[];
  /**
   * The values (in sorted attribute order) of the last key computed, that key, and the entry found for it at
   * `version` (bumped on every change of `entries`). A row asks the same index for the same values several times
   * (reconciliation search, uniqueness rule, then storing the object): the key is built once, the map read once.
   */
  lastValues: (StoredValue | undefined)[];
  /** Scratch space for the collation keys of the values, joined into the key. */
  parts: string[];
  lastKey: string;
  lastEntry: DatasetEntry | undefined;
  lastVersion: number;
  version: number;
}

/**
 * A search of a class by an attribute list given in some order: the index of the sorted list (shared by every
 * order, so AE-2's (org_id, aetitle) and the reconciliation key (aetitle, org_id) are one index) and the
 * positions to read the values in. Bound to its index on first use.
 */
export interface DatasetView {
  readonly className: string;
  readonly given: readonly string[];
  readonly order: readonly number[];
  index: Index | undefined;
  /** Searched through the target of an external field instead of an index of its own (see lookup); null: not. */
  join?: Join | null;
}

/**
 * A search by an external field (`org_name` of an AE, the name of its organization) answered through the target
 * class: the targets whose attribute matches (an index of the target), then the objects whose key is one of
 * them (an index on the key, usually the one the uniqueness rules and reconciliation use already).
 */
interface Join {
  /** Position of the external field in the view's attributes. */
  position: number;
  /** The external key the field reads through. */
  key: string;
  /** The target class by the target attribute. */
  targetView: DatasetView;
  /** The view's class by its attributes, the external field replaced by its key. */
  keyView: DatasetView;
  /** Scratch space for the values of keyView and targetView. */
  values: StoredValue[];
  target: StoredValue[];
}

/** Attribute lists as given, one attribute per level; the node of a whole list holds its view. */
interface TrieNode {
  children: Map<string, TrieNode>;
  view?: DatasetView;
}

function childOf(node: TrieNode, attribute: string): TrieNode {
  let next = node.children.get(attribute);
  if (!next) node.children.set(attribute, (next = { children: new Map() }));
  return next;
}

/**
 * Values by object id. Ids of a check run are mostly small and dense (an export's ids, then the ids rows get one
 * after the other), so those live in an array (one memory access instead of a hash lookup); others in a map.
 */
export class IdTable<T> {
  private readonly dense: (T | undefined)[] = [];
  private readonly sparse = new Map<number, T>();
  size = 0;

  get(id: number): T | undefined {
    const record = id >= 0 && id < this.dense.length ? this.dense[id] : undefined;
    return record !== undefined || this.sparse.size === 0 ? record : this.sparse.get(id);
  }

  set(id: number, record: T): void {
    const dense = this.dense;
    if (Number.isInteger(id) && id >= 0 && id < dense.length) {
      if (dense[id] === undefined) this.size++;
      dense[id] = record;
      return;
    }
    if (Number.isInteger(id) && id >= dense.length && id < dense.length + DENSE_GAP && id < DENSE_LIMIT) {
      // Ids the array now covers move over from the map (an id is in one place only).
      while (dense.length <= id) {
        const moved = this.sparse.get(dense.length);
        if (moved !== undefined) this.sparse.delete(dense.length);
        else if (dense.length === id) this.size++;
        dense.push(moved);
      }
      dense[id] = record;
      return;
    }
    if (!this.sparse.has(id)) this.size++;
    this.sparse.set(id, record);
  }

  forEach(visit: (record: T) => void): void {
    for (const record of this.dense) if (record !== undefined) visit(record);
    this.sparse.forEach((record) => visit(record));
  }
}

/** Ids up to this many above the highest dense one extend the array; further ones go to the map. */
const DENSE_GAP = 1 << 16;
const DENSE_LIMIT = 1 << 26;

class ClassStore {
  readonly byId = new IdTable<StoredRecord>();
  readonly indexes: Index[] = [];
  readonly trie: TrieNode = { children: new Map() };
  /** The view of the last count() (counts come in runs of the same attribute list). */
  lastCount: DatasetView | undefined;

  constructor(readonly className: string) {}
}

/** A class as put() sees it: the stores of its lineage (the class first) and the id counter of its hierarchy. */
interface Lineage {
  stores: ClassStore[];
  ids: { next: number };
}

const SEPARATOR = '\u0000';

export class Dataset implements GovernanceContext {
  private readonly stores = new Map<string, ClassStore>();
  private readonly lineages = new Map<string, Lineage>();
  private readonly counters = new Map<string, { next: number }>();
  /** Views handed out by view(), by class and attribute list (one per search, shared). */
  private readonly views = new Map<string, DatasetView>();
  /** Join views (see planJoin) by the class of their targets, and by their own class. */
  private readonly joinsByTarget = new Map<string, DatasetView[]>();
  private readonly joinsBySource = new Map<string, DatasetView[]>();

  constructor(private readonly schemas: ModelSchemas) {}

  /**
   * Adds or replaces an object (by id); it is also found under the ancestors of its class. `isNew`: the caller
   * knows no object has this id (a row's creation), which saves a lookup.
   */
  put(className: string, record: StoredRecord, isNew = false): void {
    const lineage = this.lineage(className);
    const id = record.id;
    if (this.joinsByTarget.size > 0) for (const store of lineage.stores) this.beforePut(store.className, record);
    for (const store of lineage.stores) {
      const previous = isNew ? undefined : store.byId.get(id);
      const indexes = store.indexes;
      if (previous) for (const index of indexes) removeEntry(index, tupleKey(index, previous), id);
      store.byId.set(id, record);
      for (let i = 0; i < indexes.length; i++) {
        const index = indexes[i] as Index;
        addEntry(index, tupleKey(index, record), id);
      }
    }
    if (id >= lineage.ids.next && id < SYNTHETIC_ID_BASE) lineage.ids.next = id + 1;
  }

  /** A fresh id for an object created by a row (above every id seen in the class hierarchy). */
  newId(className: string): number {
    return this.lineage(className).ids.next++;
  }

  /** An id for an object assumed to exist in iTop, far from real ones. */
  syntheticId(className: string): number {
    const root = `synthetic:${this.schemas.lineage(className).at(-1) ?? className}`;
    let counter = this.counters.get(root);
    if (!counter) this.counters.set(root, (counter = { next: SYNTHETIC_ID_BASE }));
    return counter.next++;
  }

  size(className: string): number {
    return this.stores.get(className)?.byId.size ?? 0;
  }

  get(className: string, id: number): StoredRecord | undefined {
    return this.stores.get(className)?.byId.get(id);
  }

  getMany(className: string, ids: readonly number[]): ReadonlyMap<number, StoredRecord> {
    const found: Map<number, StoredRecord> | FewRecords = ids.length <= 8 ? new FewRecords(ids.length) : new Map<number, StoredRecord>();
    const byId = this.stores.get(className)?.byId;
    if (byId) for (const id of ids) {
      const record = byId.get(id);
      if (record) found.set(id, record);
    }
    return found;
  }

  count(className: string, query: CountQuery): number {
    const equals = query.equals;
    const ignoreWhenEmpty = query.ignoreWhenEmpty;
    if (ignoreWhenEmpty) for (let i = 0; i < ignoreWhenEmpty.length; i++) if (keyOf(equals[ignoreWhenEmpty[i] as string]) === '') return 0;
    const store = this.stores.get(className);
    if (!store) return 0;
    // The engine builds `equals` in the order of the rule's fields: find the view of that order, no sorting per
    // call. The last view counted is tried first (the attribute names compared as they come), then the trie.
    let view = store.lastCount;
    if (view) {
      const given = view.given;
      let i = 0;
      for (const attribute in equals) {
        if (attribute !== given[i]) {
          view = undefined;
          break;
        }
        i++;
      }
      if (i !== given.length) view = undefined;
    }
    if (!view) {
      let node = store.trie;
      for (const attribute in equals) node = childOf(node, attribute);
      view = node.view ??= this.bind(store, newView(className, Object.keys(equals)));
      store.lastCount = view;
    }
    const index = view.index as Index;
    const given = view.given;
    const order = view.order;
    const last = index.lastValues;
    let same = true;
    for (let i = 0; i < order.length; i++) {
      const value = equals[given[order[i] as number] as string];
      if (value !== last[i]) {
        same = false;
        last[i] = value;
      }
    }
    const entry = entryOf(index, same);
    if (entry === undefined) return 0;
    if (typeof entry === 'number') return entry === query.excludeId ? 0 : 1;
    return entry.size - (query.excludeId !== undefined && entry.has(query.excludeId) ? 1 : 0);
  }

  /** A search of `className` by `attributes` (in this order), to run with lookup(); the same one for the same list. */
  view(className: string, attributes: readonly string[]): DatasetView {
    const signature = `${className}\u0001${attributes.join('\u0001')}`;
    let view = this.views.get(signature);
    if (!view) this.views.set(signature, (view = newView(className, attributes)));
    return view;
  }

  /**
   * The objects of the view's class whose attributes equal `values` (in the view's order) as MySQL compares them
   * (iTop's search for a reference or a reconciliation key): one id, a set of ids, or undefined. Attributes may be
   * external fields and `id` / `friendlyname`.
   */
  lookup(view: DatasetView, values: readonly StoredValue[]): DatasetEntry | undefined {
    if (!view.index) {
      const store = this.stores.get(view.className);
      if (!store) return undefined;
      if (view.join === undefined) this.planJoin(store, view);
      if (view.join) {
        const entry = this.joined(view.join, values);
        if (entry !== EMPTY_KEY) return entry;
        this.materialize(view);
      } else this.bind(store, view);
    }
    const index = view.index as Index;
    const order = view.order;
    const last = index.lastValues;
    let same = true;
    for (let i = 0; i < order.length; i++) {
      const value = values[order[i] as number];
      if (value !== last[i]) {
        same = false;
        last[i] = value;
      }
    }
    return entryOf(index, same);
  }

  /**
   * A view with one external field (whose target attribute is a plain attribute) is answered by a join, as long as
   * that gives what its own index would: the index of a view is built on first use from the targets as they are
   * then, and kept up to date as objects of the view's class are stored, not when targets change. So the join
   * holds until a target object is stored (or an object of the view's class comes with a value of its own for the
   * external field): the index is then built (materialized), before that write, from the same state, and used
   * from then on. The check's targets (organizations…) are loaded before the objects that reference them.
   */
  private planJoin(store: ClassStore, view: DatasetView): void {
    view.join = null;
    const signature = view.order.map((i) => view.given[i] as string).join('\u0001');
    if (store.indexes.some((index) => index.signature === signature)) return; // the index exists anyway
    const schema = this.schemas.of(view.className);
    const externals = view.given.filter((attribute) => schema.externalFields.has(attribute));
    if (externals.length !== 1) return;
    const attribute = externals[0] as string;
    const external = schema.externalFields.get(attribute) as { key: string; targetAttribute: string };
    const key = schema.writable.get(external.key);
    const targetAttribute = external.targetAttribute;
    if (key?.type !== 'externalKey' || view.given.includes(external.key)) return;
    if (targetAttribute === 'id' || targetAttribute === 'friendlyname' || this.schemas.of(key.target).externalFields.has(targetAttribute)) return;
    // The join compares key values by their decimal form where the index reads the target by Number(key): alike
    // for numbers only. Objects with a value of their own for the external field are read as they are.
    let joinable = true;
    store.byId.forEach((record) => {
      if (!joinable) return;
      if (typeof record[external.key] !== 'number' || record[attribute] !== undefined || Object.hasOwn(record, attribute)) joinable = false;
    });
    if (!joinable) return;
    const position = view.given.indexOf(attribute);
    const keyAttributes = view.given.map((given) => (given === attribute ? external.key : given));
    view.join = {
      position,
      key: external.key,
      targetView: newView(key.target, [targetAttribute]),
      keyView: newView(view.className, keyAttributes),
      values: keyAttributes.map(() => null),
      target: [null],
    };
    addTo(this.joinsByTarget, key.target, view);
    addTo(this.joinsBySource, view.className, view);
  }

  /** The objects of a join view matching `values`: through the targets matching the external field's value. */
  private joined(join: Join, values: readonly StoredValue[]): DatasetEntry | undefined | typeof EMPTY_KEY {
    const value = values[join.position] as StoredValue;
    join.target[0] = value;
    const targets = this.lookup(join.targetView, join.target);
    // The key of the value (the target index just computed it): empty, it also matches objects whose target is
    // missing or has no value, which only the view's own index knows.
    const targetIndex = join.targetView.index;
    if ((targetIndex ? targetIndex.lastKey : keyOf(value)) === '') return EMPTY_KEY;
    if (targets === undefined) return undefined;
    const keyValues = join.values;
    for (let i = 0; i < keyValues.length; i++) keyValues[i] = values[i] as StoredValue;
    if (typeof targets === 'number') {
      keyValues[join.position] = targets;
      return this.lookup(join.keyView, keyValues);
    }
    const ids = new Set<number>();
    for (const target of targets) {
      keyValues[join.position] = target;
      const entry = this.lookup(join.keyView, keyValues);
      if (typeof entry === 'number') ids.add(entry);
      else if (entry) for (const id of entry) ids.add(id);
    }
    return ids.size === 0 ? undefined : ids.size === 1 ? (ids.values().next().value as number) : ids;
  }

  /** Gives a join view its own index, built from the current state (see planJoin). */
  private materialize(view: DatasetView): void {
    const store = this.stores.get(view.className);
    view.join = null;
    if (store && !view.index) this.bind(store, view);
    for (const registry of [this.joinsByTarget, this.joinsBySource]) {
      for (const views of registry.values()) {
        const at = views.indexOf(view);
        if (at !== -1) views.splice(at, 1);
      }
    }
  }

  /** Before `record` is stored under `className`: the join views it would make differ from their index get one. */
  private beforePut(className: string, record: StoredRecord): void {
    const byTarget = this.joinsByTarget.get(className);
    if (byTarget?.length) for (const view of [...byTarget]) this.materialize(view);
    const bySource = this.joinsBySource.get(className);
    if (bySource?.length) {
      for (const view of [...bySource]) {
        const join = view.join as Join;
        const attribute = view.given[join.position] as string;
        if (typeof record[join.key] !== 'number' || record[attribute] !== undefined || Object.hasOwn(record, attribute)) this.materialize(view);
      }
    }
  }

  /** Ids of the objects of `className` whose `attributes` equal `values` (see lookup). */
  find(className: string, attributes: readonly string[], values: readonly StoredValue[]): number[] {
    const entry = this.lookup(this.view(className, attributes), values);
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

  /** Binds a view to the index of its sorted attribute list in `store`, building the index on first use. */
  private bind(store: ClassStore, view: DatasetView): DatasetView {
    const sorted = view.order.map((i) => view.given[i] as string);
    const signature = sorted.join('\u0001');
    let index = store.indexes.find((candidate) => candidate.signature === signature);
    if (!index) {
      index = {
        attributes: sorted,
        signature,
        entries: new KeyTable(store.byId.size),
        readers: sorted.map((attribute) => this.reader(store.className, attribute)),
        lastValues: sorted.map(() => undefined),
        parts: sorted.map(() => ''),
        lastKey: keyFrom(sorted.map(() => undefined), sorted.map(() => '')),
        lastEntry: undefined,
        lastVersion: -1,
        version: 0,
      };
      const built = index;
      store.byId.forEach((record) => addEntry(built, tupleKey(built, record), record.id));
      store.indexes.push(index);
    }
    view.index = index;
    return view;
  }

  /** How an index reads `attribute` of a record of `className`: as stored when the record has it, else valueOf. */
  private reader(className: string, attribute: string): Reader {
    if (attribute === 'id') return (record) => record.id;
    const value = this.valueReader(className, attribute);
    // A stored value is never undefined: only then does it matter whether the record has the attribute.
    return (record) => {
      const own = record[attribute];
      return own !== undefined || Object.hasOwn(record, attribute) ? own : value(record);
    };
  }

  /** valueOf(className, ·, attribute) with its lookups done once (the reader of an external field is made on first use). */
  private valueReader(className: string, attribute: string): (record: StoredRecord) => StoredValue {
    if (attribute === 'id') return (record) => record.id;
    const schema = this.schemas.of(className);
    if (attribute === 'friendlyname') {
      const parts = schema.friendlyName.map((code) => this.valueReader(className, code));
      if (parts.length === 1) {
        const [part] = parts as [(record: StoredRecord) => StoredValue];
        return (record) => part(record) ?? null;
      }
      return (record) => parts.map((part) => part(record)).join(' ');
    }
    const external = schema.externalFields.get(attribute);
    if (external) {
      const key = schema.writable.get(external.key);
      if (key?.type !== 'externalKey') return () => null;
      const { target } = key;
      const keyCode = external.key;
      let read: ((record: StoredRecord) => StoredValue) | undefined;
      return (record) => {
        const object = this.get(target, Number(record[keyCode]));
        return object ? (read ??= this.valueReader(target, external.targetAttribute))(object) : null;
      };
    }
    return (record) => record[attribute] ?? null;
  }

  private lineage(className: string): Lineage {
    let lineage = this.lineages.get(className);
    if (!lineage) {
      const names = this.schemas.lineage(className);
      const root = names.at(-1) ?? className;
      let ids = this.counters.get(root);
      if (!ids) this.counters.set(root, (ids = { next: 1 }));
      this.lineages.set(className, (lineage = { stores: names.map((name) => this.store(name)), ids }));
    }
    return lineage;
  }

  private store(className: string): ClassStore {
    let store = this.stores.get(className);
    if (!store) this.stores.set(className, (store = new ClassStore(className)));
    return store;
  }
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  let values = map.get(key);
  if (!values) map.set(key, (values = []));
  values.push(value);
}

function newView(className: string, given: readonly string[]): DatasetView {
  const order = given.map((_, i) => i).sort((a, b) => ((given[a] as string) < (given[b] as string) ? -1 : 1));
  return { className, given: [...given], order, index: undefined };
}

/** The key of values (in sorted attribute order): their collation keys joined (`parts`: as many, scratch). */
function keyFrom(values: readonly (StoredValue | undefined)[], parts: string[]): string {
  if (values.length === 1) return keyOf(values[0]);
  // join() builds one flat string; `+=` would keep a concatenation node besides it in the index (more memory).
  for (let i = 0; i < values.length; i++) parts[i] = keyOf(values[i]);
  return parts.join(SEPARATOR);
}

/** The key of `index.lastValues`, computed only when they changed (`same` false). */
function lastKeyOf(index: Index, same: boolean): string {
  if (!same) {
    index.lastKey = keyFrom(index.lastValues, index.parts);
    index.lastVersion = -1;
  }
  return index.lastKey;
}

/** The entry of `index.lastValues`, read from the map only when the values or the index changed. */
function entryOf(index: Index, same: boolean): DatasetEntry | undefined {
  const key = lastKeyOf(index, same);
  if (index.lastVersion !== index.version) {
    index.lastEntry = index.entries.get(key);
    index.lastVersion = index.version;
  }
  return index.lastEntry;
}

/** The key of a record in an index. */
function tupleKey(index: Index, record: StoredRecord): string {
  const readers = index.readers;
  const last = index.lastValues;
  let same = true;
  for (let i = 0; i < readers.length; i++) {
    const value = (readers[i] as Reader)(record);
    if (value !== last[i]) {
      same = false;
      last[i] = value;
    }
  }
  return lastKeyOf(index, same);
}

/** A map of a few records by id (what getMany returns for a write): two arrays of the size asked, no hash table. */
class FewRecords implements ReadonlyMap<number, StoredRecord> {
  private readonly ids: number[];
  private readonly records: StoredRecord[];
  private count = 0;

  /** Room for `capacity` records from the start (an array grown by push reserves 16 slots). */
  constructor(capacity: number) {
    this.ids = new Array<number>(capacity);
    this.records = new Array<StoredRecord>(capacity);
  }

  get size(): number {
    return this.count;
  }

  private at(id: number): number {
    for (let i = 0; i < this.count; i++) if (this.ids[i] === id) return i;
    return -1;
  }

  set(id: number, record: StoredRecord): void {
    const at = this.at(id);
    if (at !== -1) this.records[at] = record;
    else {
      this.ids[this.count] = id;
      this.records[this.count] = record;
      this.count++;
    }
  }

  get(id: number): StoredRecord | undefined {
    const at = this.at(id);
    return at === -1 ? undefined : this.records[at];
  }

  has(id: number): boolean {
    return this.at(id) !== -1;
  }

  forEach(visit: (record: StoredRecord, id: number, map: ReadonlyMap<number, StoredRecord>) => void): void {
    for (let i = 0; i < this.count; i++) visit(this.records[i] as StoredRecord, this.ids[i] as number, this);
  }

  *entries(): MapIterator<[number, StoredRecord]> {
    for (let i = 0; i < this.count; i++) yield [this.ids[i] as number, this.records[i] as StoredRecord];
  }

  keys(): MapIterator<number> {
    return this.ids.slice(0, this.count).values();
  }

  values(): MapIterator<StoredRecord> {
    return this.records.slice(0, this.count).values();
  }

  [Symbol.iterator](): MapIterator<[number, StoredRecord]> {
    return this.entries();
  }
}

/** joined(): the external field's value has an empty key, which the join cannot answer. */
const EMPTY_KEY = Symbol('empty key');

/** Ids of objects assumed to exist start here (2^50: exact in a double, far above real iTop ids). */
export const SYNTHETIC_ID_BASE = 2 ** 50;

/** The entry of `key` in `index`, known without a map read when it is the last key looked up. */
function currentEntry(index: Index, key: string): DatasetEntry | undefined {
  return key === index.lastKey && index.lastVersion === index.version ? index.lastEntry : index.entries.get(key);
}

/** Sets (or deletes) the entry of `key`, keeping the last-key memo right. */
function setEntry(index: Index, key: string, entry: DatasetEntry | undefined): void {
  if (entry === undefined) index.entries.delete(key);
  else index.entries.set(key, entry);
  touched(index, key, entry);
}

/** `entries` changed at `key`, whose entry is now `entry`: a new version, and the memo knows it when it is about `key`. */
function touched(index: Index, key: string, entry: DatasetEntry | undefined): void {
  index.version++;
  if (key === index.lastKey) {
    index.lastEntry = entry;
    index.lastVersion = index.version;
  }
}

function addEntry(index: Index, key: string, id: number): void {
  const entry = currentEntry(index, key);
  if (entry === undefined) setEntry(index, key, id);
  else if (typeof entry === 'number') {
    if (entry !== id) setEntry(index, key, new Set([entry, id]));
  } else {
    entry.add(id);
    touched(index, key, entry);
  }
}

function removeEntry(index: Index, key: string, id: number): void {
  const entry = currentEntry(index, key);
  if (entry === undefined) return;
  if (typeof entry === 'number') {
    if (entry === id) setEntry(index, key, undefined);
    return;
  }
  entry.delete(id);
  if (entry.size === 1) setEntry(index, key, entry.values().next().value as number);
  else if (entry.size === 0) setEntry(index, key, undefined);
  else touched(index, key, entry);
}
