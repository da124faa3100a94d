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
  /** Interleaved `[key, group id]` pairs (group id -1 = empty): one cache line per probe. */
  private slots: Int32Array;
  private mask: number;
  private shift: number;
  private used = 0;

  constructor(initialCapacity = 1024) {
    let cap = 16;
    while (cap < initialCapacity * 2) cap *= 2;
    this.slots = new Int32Array(cap * 2).fill(-1);
    this.mask = cap - 1;
    this.shift = 32 - Math.log2(cap);
  }

  /** Bytes held by the table's arrays. */
  get byteSize(): number {
    return this.slots.byteLength + this.groupKeys.byteLength;
  }

  /**
   * Writes the group id of rows `0..numRows-1` into `out`, creating groups for new keys.
   * `validity` is the column's bitmap (bit 1 = not NULL) or `null` when there are no NULLs.
   */
  // eslint-disable-next-line max-params -- hot path: plain positional arguments, no options object per batch
  groupIds(keys: ArrayLike<number>, validity: Uint8Array | null, numRows: number, out: Int32Array): void {
    const hasNulls = validity != null;
    let slots = this.slots;
    let mask = this.mask;
    let shift = this.shift;
    for (let i = 0; i < numRows; i++) {
      if (hasNulls && (validity[i >> 3]! & (1 << (i & 7))) === 0) {
        if (this.nullGroup < 0) this.nullGroup = this.newGroup(0);
        out[i] = this.nullGroup;
        continue;
      }
      const k = keys[i]! | 0;
      let s = (Math.imul(k, -1640531535) >>> shift) << 1;
      for (;;) {
        const g = slots[s + 1]!;
        if (g < 0) {
          const ng = this.newGroup(k);
          slots[s] = k;
          slots[s + 1] = ng;
          out[i] = ng;
          if (++this.used * 2 > mask) {
            this.rehash();
            slots = this.slots;
            mask = this.mask;
            shift = this.shift;
          }
          break;
        }
        if (slots[s] === k) {
          out[i] = g;
          break;
        }
        s = (s + 2) & ((mask << 1) | 1);
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
    const old = this.slots;
    const cap = old.length; // twice the slot count: doubling
    const slots = new Int32Array(cap * 2).fill(-1);
    const mask = cap - 1;
    const shift = 32 - Math.log2(cap);
    const wrap = (mask << 1) | 1;
    for (let o = 0; o < old.length; o += 2) {
      const g = old[o + 1]!;
      if (g < 0) continue;
      const k = old[o]!;
      let t = (Math.imul(k, -1640531535) >>> shift) << 1;
      while (slots[t + 1]! >= 0) t = (t + 2) & wrap;
      slots[t] = k;
      slots[t + 1] = g;
    }
    this.slots = slots;
    this.mask = mask;
    this.shift = shift;
  }
}
