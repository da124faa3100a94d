import { hashBytes } from './key-encoding';
import type { EncodedKeys } from './key-encoding';

/**
 * Open-addressing hash table from a normalized key (see `encodeKeys`) to a dense group id. Keys live in one
 * byte arena (`arena[keyOffsets[g] .. keyOffsets[g + 1])`); slots hold the group id and the full 32-bit hash so
 * most mismatches are rejected without touching the arena. Group ids are handed out in order of first appearance.
 */
export class BytesGroupTable {
  arena: Uint8Array = new Uint8Array(4096);
  keyOffsets: Int32Array = new Int32Array(1025);
  size = 0;
  private slotHashes: Int32Array;
  private slotGroups: Int32Array;
  private mask: number;

  constructor(initialCapacity: number = 1024) {
    let cap = 16;
    while (cap < initialCapacity * 2) cap *= 2;
    this.slotHashes = new Int32Array(cap);
    this.slotGroups = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
  }

  get byteSize(): number {
    return (
      this.arena.byteLength +
      this.keyOffsets.byteLength +
      this.slotHashes.byteLength +
      this.slotGroups.byteLength
    );
  }

  /** Key bytes of group `g` (a view into the arena). */
  keyOf(g: number): Uint8Array {
    return this.arena.subarray(this.keyOffsets[g], this.keyOffsets[g + 1]);
  }

  /** Group ids of rows `0..numRows-1` of `keys` into `out`, creating groups for new keys. */
  groupIds(keys: EncodedKeys, numRows: number, out: Int32Array): void {
    const { bytes, offsets } = keys;
    for (let i = 0; i < numRows; i++) {
      const s0 = offsets[i]!;
      const e0 = offsets[i + 1]!;
      const h = hashBytes(bytes, s0, e0);
      let s = h & this.mask;
      for (;;) {
        const g = this.slotGroups[s]!;
        if (g < 0) {
          const ng = this.newGroup(bytes, s0, e0);
          this.slotGroups[s] = ng;
          this.slotHashes[s] = h;
          out[i] = ng;
          if (this.size * 2 > this.mask) this.rehash();
          break;
        }
        if (this.slotHashes[s] === h && this.equalsKey(g, bytes, s0, e0)) {
          out[i] = g;
          break;
        }
        s = (s + 1) & this.mask;
      }
    }
  }

  // eslint-disable-next-line max-params -- hot path: called per probe, no options object
  private equalsKey(g: number, bytes: Uint8Array, s0: number, e0: number): boolean {
    const a = this.keyOffsets[g]!;
    const len = this.keyOffsets[g + 1]! - a;
    if (len !== e0 - s0) return false;
    const arena = this.arena;
    for (let k = 0; k < len; k++) if (arena[a + k] !== bytes[s0 + k]) return false;
    return true;
  }

  private newGroup(bytes: Uint8Array, s0: number, e0: number): number {
    const g = this.size++;
    if (g + 1 >= this.keyOffsets.length) {
      const next = new Int32Array(this.keyOffsets.length * 2);
      next.set(this.keyOffsets);
      this.keyOffsets = next;
    }
    const at = this.keyOffsets[g]!;
    const end = at + e0 - s0;
    if (end > this.arena.length) {
      let cap = this.arena.length * 2;
      while (cap < end) cap *= 2;
      const next = new Uint8Array(cap);
      next.set(this.arena.subarray(0, at));
      this.arena = next;
    }
    this.arena.set(bytes.subarray(s0, e0), at);
    this.keyOffsets[g + 1] = end;
    return g;
  }

  private rehash(): void {
    const cap = this.slotGroups.length * 2;
    const hashes = new Int32Array(cap);
    const groups = new Int32Array(cap).fill(-1);
    const mask = cap - 1;
    for (let s = 0; s < this.slotGroups.length; s++) {
      const g = this.slotGroups[s]!;
      if (g < 0) continue;
      const h = this.slotHashes[s]!;
      let t = h & mask;
      while (groups[t]! >= 0) t = (t + 1) & mask;
      groups[t] = g;
      hashes[t] = h;
    }
    this.slotHashes = hashes;
    this.slotGroups = groups;
    this.mask = mask;
  }
}
