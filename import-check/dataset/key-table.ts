/**
 * A hash table from string keys to values, for the data set's large indexes (one entry per object).
 *
 * Same contract as a `Map<string, V>` for get / set / delete, built for the check's access pattern: ~10⁵–10⁶ keys,
 * each key a fresh string looked up once or twice. V8's Map reaches a key through its bucket array, an entry
 * array and the stored key, and rehashes each fresh string; here the hashes sit in one Int32Array probed
 * linearly (one cache line for most misses), the stored key is read only when the hashes agree, and the hash of
 * the last key asked is reused (a row usually asks for a key, then stores it).
 */
const EMPTY = 0;
const DELETED = 1;
const INITIAL_CAPACITY = 64;

/**
 * A 32-bit hash of the UTF-16 code units, never EMPTY or DELETED: FNV-1a over the even and the odd positions
 * (two independent chains run twice as fast), then mixed (murmur3's finalizer).
 */
function hashOf(key: string): number {
  const length = key.length;
  let even = 0x811c9dc5 | 0;
  let odd = 0x050c5d1f;
  let i = 0;
  for (; i + 1 < length; i += 2) {
    even = Math.imul(even ^ key.charCodeAt(i), 0x01000193);
    odd = Math.imul(odd ^ key.charCodeAt(i + 1), 0x01000193);
  }
  if (i < length) even = Math.imul(even ^ key.charCodeAt(i), 0x01000193);
  let hash = even ^ Math.imul(odd ^ length, 0x27d4eb2d);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash === EMPTY || hash === DELETED ? 2 : hash;
}

export class KeyTable<V> {
  /** Per slot: the hash of its key, EMPTY or DELETED. Capacity is a power of two, at most half full. */
  private hashes: Int32Array;
  private keys: (string | undefined)[];
  private values: (V | undefined)[];
  private used = 0; // slots not EMPTY (live and DELETED)
  size = 0;
  private lastKey: string | undefined;
  private lastHash = 0;
  /** Where the last get() of `lastKey` that missed would insert it, while the table has not changed since. */
  private missSlot = -1;

  /** `expected`: how many keys the table is about to receive (it grows as needed anyway). */
  constructor(expected = 0) {
    let capacity = INITIAL_CAPACITY;
    while (capacity < expected * 3) capacity *= 2;
    this.hashes = new Int32Array(capacity);
    this.keys = new Array<string | undefined>(capacity).fill(undefined);
    this.values = new Array<V | undefined>(capacity).fill(undefined);
  }

  private hash(key: string): number {
    if (key !== this.lastKey) {
      this.lastKey = key;
      this.lastHash = hashOf(key);
    }
    return this.lastHash;
  }

  /** The slot of `key`, or -1. */
  private find(key: string, hash: number): number {
    const hashes = this.hashes;
    const mask = hashes.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const h = hashes[slot] as number;
      if (h === EMPTY) return -1;
      if (h === hash && this.keys[slot] === key) return slot;
    }
  }

  get(key: string): V | undefined {
    const hash = this.hash(key);
    this.missSlot = -1;
    const hashes = this.hashes;
    const mask = hashes.length - 1;
    let free = -1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const h = hashes[slot] as number;
      if (h === EMPTY) {
        this.missSlot = free === -1 ? slot : free;
        return undefined;
      }
      if (h === DELETED) {
        if (free === -1) free = slot;
      } else if (h === hash && this.keys[slot] === key) return this.values[slot];
    }
  }

  set(key: string, value: V): void {
    const known = key === this.lastKey ? this.missSlot : -1;
    const hash = this.hash(key);
    const hashes = this.hashes;
    this.missSlot = -1;
    if (known !== -1) {
      // get() just missed this key: store it where the probe ended.
      if (hashes[known] === EMPTY) this.used++;
      this.store(known, hash, key, value);
      return;
    }
    const mask = hashes.length - 1;
    let reuse = -1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const h = hashes[slot] as number;
      if (h === EMPTY) {
        if (reuse === -1) {
          reuse = slot;
          this.used++;
        }
        break;
      }
      if (h === DELETED) {
        if (reuse === -1) reuse = slot;
      } else if (h === hash && this.keys[slot] === key) {
        this.values[slot] = value;
        return;
      }
    }
    this.store(reuse, hash, key, value);
  }

  /** A new key in a free slot (`used` already counts it when the slot was EMPTY). */
  private store(slot: number, hash: number, key: string, value: V): void {
    const hashes = this.hashes;
    hashes[slot] = hash;
    this.keys[slot] = key;
    this.values[slot] = value;
    this.size++;
    if (this.used * 2 > hashes.length) {
      // Grows fourfold while small (fewer moves on the way to 10⁵ keys), then twofold.
      const grown = hashes.length * (hashes.length < 1 << 18 ? 4 : 2);
      this.rehash(this.size * 4 > hashes.length ? grown : hashes.length);
    }
  }

  delete(key: string): boolean {
    const slot = this.find(key, this.hash(key));
    this.missSlot = -1;
    if (slot === -1) return false;
    this.hashes[slot] = DELETED;
    this.keys[slot] = undefined;
    this.values[slot] = undefined;
    this.size--;
    return true;
  }

  forEach(visit: (value: V, key: string) => void): void {
    const { hashes, keys, values } = this;
    for (let slot = 0; slot < hashes.length; slot++) if ((hashes[slot] as number) > DELETED || (hashes[slot] as number) < EMPTY) visit(values[slot] as V, keys[slot] as string);
  }

  /** Moves every live key to a table of `capacity` slots (dropping DELETED ones). */
  private rehash(capacity: number): void {
    this.missSlot = -1;
    const { hashes, keys, values } = this;
    this.hashes = new Int32Array(capacity);
    this.keys = new Array<string | undefined>(capacity).fill(undefined);
    this.values = new Array<V | undefined>(capacity).fill(undefined);
    const mask = capacity - 1;
    for (let old = 0; old < hashes.length; old++) {
      const hash = hashes[old] as number;
      if (hash === EMPTY || hash === DELETED) continue;
      let slot = hash & mask;
      while (this.hashes[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.hashes[slot] = hash;
      this.keys[slot] = keys[old];
      this.values[slot] = values[old];
    }
    this.used = this.size;
  }
}
