/**
 * Open-addressing hash table from one 32-bit integer key to a dense group id, on typed arrays.
 * Linear probing, Fibonacci hashing, grows at load factor 1/2. The NULL key is its own group.
 * Group ids are handed out in order of first appearance.
 */
export class IntGroupTable {
  /** Key of each group, index = group id (the NULL group's entry is unused). */
  groupKeys: Int32Array = new Int32Array(1024);
  /** Number of groups, including the NULL group once it exists. */
  size = 0;
  /** Group id of the NULL key, or -1. */
  nullGroup = -1;
  private slotKeys: Int32Array;
  private slotGroups: Int32Array;
  private mask: number;
  private shift: number;
  private used = 0;

  constructor(initialCapacity = 1024) {
    let cap = 16;
    while (cap < initialCapacity * 2) cap *= 2;
    this.slotKeys = new Int32Array(cap);
    this.slotGroups = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    this.shift = 32 - Math.log2(cap);
  }

  /** Bytes held by the table's arrays. */
  get byteSize(): number {
    return this.slotKeys.byteLength + this.slotGroups.byteLength + this.groupKeys.byteLength;
  }

  /**
   * Writes the group id of rows `0..numRows-1` into `out`, creating groups for new keys.
   * `validity` is the column's bitmap (bit 1 = not NULL) or `null` when there are no NULLs.
   */
  // eslint-disable-next-line max-params -- hot path: plain positional arguments, no options object per batch
  groupIds(keys: ArrayLike<number>, validity: Uint8Array | null, numRows: number, out: Int32Array): void {
    const hasNulls = validity != null;
    let slotKeys = this.slotKeys;
    let slotGroups = this.slotGroups;
    let mask = this.mask;
    let shift = this.shift;
    for (let i = 0; i < numRows; i++) {
      if (hasNulls && (validity[i >> 3]! & (1 << (i & 7))) === 0) {
        if (this.nullGroup < 0) this.nullGroup = this.newGroup(0);
        out[i] = this.nullGroup;
        continue;
      }
      const k = keys[i]! | 0;
      let s = Math.imul(k, -1640531535) >>> shift;
      for (;;) {
        const g = slotGroups[s]!;
        if (g < 0) {
          const ng = this.newGroup(k);
          slotKeys[s] = k;
          slotGroups[s] = ng;
          out[i] = ng;
          if (++this.used * 2 > mask) {
            this.rehash();
            slotKeys = this.slotKeys;
            slotGroups = this.slotGroups;
            mask = this.mask;
            shift = this.shift;
          }
          break;
        }
        if (slotKeys[s] === k) {
          out[i] = g;
          break;
        }
        s = (s + 1) & mask;
      }
    }
  }

  private newGroup(key: number): number {
    const g = this.size++;
    if (g >= this.groupKeys.length) {
      const next = new Int32Array(this.groupKeys.length * 2);
      next.set(this.groupKeys);
      this.groupKeys = next;
    }
    this.groupKeys[g] = key;
    return g;
  }

  private rehash(): void {
    const oldKeys = this.slotKeys;
    const oldGroups = this.slotGroups;
    const cap = oldKeys.length * 2;
    const keys = new Int32Array(cap);
    const groups = new Int32Array(cap).fill(-1);
    const mask = cap - 1;
    const shift = 32 - Math.log2(cap);
    for (let s = 0; s < oldKeys.length; s++) {
      const g = oldGroups[s]!;
      if (g < 0) continue;
      const k = oldKeys[s]!;
      let t = Math.imul(k, -1640531535) >>> shift;
      while (groups[t]! >= 0) t = (t + 1) & mask;
      keys[t] = k;
      groups[t] = g;
    }
    this.slotKeys = keys;
    this.slotGroups = groups;
    this.mask = mask;
    this.shift = shift;
  }
}
