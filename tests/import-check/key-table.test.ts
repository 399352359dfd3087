/** The data set's hash table behaves as a Map<string, V> under random sets, deletes and gets (growth included). */
import { describe, expect, it } from 'vitest';
import { KeyTable } from '../../import-check/dataset/key-table.js';

describe('KeyTable', () => {
  it('agrees with Map', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const table = new KeyTable<number>();
    const map = new Map<string, number>();
    const keyOf = () => (random() < 0.1 ? '' : `k${Math.floor(random() * 3000)}\u0000${random() < 0.5 ? 'x' : 'é'}`);
    for (let step = 0; step < 60_000; step++) {
      const key = keyOf();
      const r = random();
      if (r < 0.3) {
        table.set(key, step);
        map.set(key, step);
      } else if (r < 0.5) {
        // get then set, of the same key or of another one (the table remembers where a missed key would go)
        const other = random() < 0.5 ? key : keyOf();
        expect(table.get(key)).toBe(map.get(key));
        if (random() < 0.3) expect(table.get(other)).toBe(map.get(other));
        table.set(other, step);
        map.set(other, step);
      } else if (r < 0.7) expect(table.delete(key)).toBe(map.delete(key));
      else expect(table.get(key)).toBe(map.get(key));
      expect(table.size).toBe(map.size);
    }
    const seen = new Map<string, number>();
    table.forEach((value, key) => seen.set(key, value));
    expect(new Map([...seen].sort())).toEqual(new Map([...map].sort()));
  });
});
