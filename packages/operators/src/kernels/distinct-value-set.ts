import type { FixedColumn } from '@hive-batch/core';

/** Int32 words per slot: group id + 1 (0 = empty), value bits low, value bits high, padding. */
const STRIDE = 4;

/** Hash of (value bits, group id): murmur3-style mixing of each word, then the fmix32 finaliser. */
function mix(lo: number, hi: number, g: number): number {
  let h = Math.imul(lo, -862048943);
  h = (h << 15) | (h >>> 17);
  h ^= Math.imul(hi, 461845907);
  h = (h << 13) | (h >>> 19);
  h ^= Math.imul(g, -2048144789);
  h ^= h >>> 16;
  h = Math.imul(h, -2048144789);
  h ^= h >>> 13;
  h = Math.imul(h, -1028477387);
  return h ^ (h >>> 16);
}

/**
 * Set of distinct (group id, numeric value) pairs on one interleaved typed array: each slot holds the group and
 * the value's float64 bit pattern side by side (16 bytes, one cache line per probe), so -0.0 and 0.0 differ and
 * every NaN is one key, as Hive's binary reduce keys behave. NULL values are one flag per group. Entries are
 * read back by scanning the slots ({@link DistinctValueSet.entries}).
 */
export class DistinctValueSet {
  size = 0;
  private slots: Int32Array = new Int32Array(1024 * STRIDE);
  private mask = 1023;
  private nulls: Uint8Array = new Uint8Array(16);
  private readonly scratch = new Float64Array(1);
  private readonly scratchBits = new Int32Array(this.scratch.buffer);
  private compact: { groups: Int32Array; values: Float64Array } | null = null;

  get byteSize(): number {
    return this.slots.byteLength + this.nulls.byteLength;
  }

  ensureGroups(groups: number): void {
    if (groups <= this.nulls.length) return;
    let cap = this.nulls.length * 2;
    while (cap < groups) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.nulls);
    this.nulls = next;
  }

  hasNull(group: number): boolean {
    return this.nulls[group] === 1;
  }

  addNull(group: number): void {
    this.nulls[group] = 1;
  }

  /** Every entry as parallel arrays (slot order), computed once per change. */
  entries(): { groups: Int32Array; values: Float64Array } {
    if (this.compact != null) return this.compact;
    const groups = new Int32Array(this.size);
    const values = new Float64Array(this.size);
    const bits = new Int32Array(values.buffer);
    const slots = this.slots;
    let e = 0;
    for (let s = 0; s < slots.length; s += STRIDE) {
      const g1 = slots[s]!;
      if (g1 === 0) continue;
      groups[e] = g1 - 1;
      bits[2 * e] = slots[s + 1]!;
      bits[2 * e + 1] = slots[s + 2]!;
      e++;
    }
    this.compact = { groups, values };
    return this.compact;
  }

  /** Adds rows `0..numRows-1` of a numeric column, row i into group `groupIds[i]`. */
  addColumn(groupIds: Int32Array, column: FixedColumn, numRows: number): void {
    const values = column.values;
    this.compact = null;
    // One monomorphic loop per array type: a loop over the union would see several element kinds.
    if (values instanceof Float64Array) this.addRows(groupIds, values, column.validity, numRows);
    else if (values instanceof Int32Array) this.addRows(groupIds, values, column.validity, numRows);
    else if (!(values instanceof BigInt64Array))
      this.addRowsOther(groupIds, values, column.validity, numRows);
  }

  // eslint-disable-next-line max-params -- hot path
  private addRows(
    groupIds: Int32Array,
    values: Float64Array | Int32Array,
    validity: Uint8Array | null,
    numRows: number,
  ): void {
    const scratch = this.scratch;
    for (let i = 0; i < numRows; i++) {
      const g = groupIds[i]!;
      if (validity != null && (validity[i >> 3]! & (1 << (i & 7))) === 0) {
        this.nulls[g] = 1;
        continue;
      }
      const v: number = values[i]!;
      scratch[0] = v === v ? v : Number.NaN;
      this.probe(g);
    }
  }

  // eslint-disable-next-line max-params -- hot path
  private addRowsOther(
    groupIds: Int32Array,
    values: Float32Array | Int16Array | Int8Array,
    validity: Uint8Array | null,
    numRows: number,
  ): void {
    const scratch = this.scratch;
    for (let i = 0; i < numRows; i++) {
      const g = groupIds[i]!;
      if (validity != null && (validity[i >> 3]! & (1 << (i & 7))) === 0) {
        this.nulls[g] = 1;
        continue;
      }
      const v: number = values[i]!;
      scratch[0] = v === v ? v : Number.NaN;
      this.probe(g);
    }
  }

  /** Looks up (g, scratch value) and inserts it when absent. */
  private probe(g: number): void {
    const lo = this.scratchBits[0]!;
    const hi = this.scratchBits[1]!;
    const mask = this.mask;
    const slots = this.slots;
    const g1 = g + 1;
    let s = (mix(lo, hi, g) & mask) * STRIDE;
    for (;;) {
      const x = slots[s]!;
      if (x === 0) {
        slots[s] = g1;
        slots[s + 1] = lo;
        slots[s + 2] = hi;
        if (++this.size * 2 > mask) this.rehash();
        return;
      }
      if (x === g1 && slots[s + 1] === lo && slots[s + 2] === hi) return;
      s = (s + STRIDE) & (mask * STRIDE + STRIDE - 1);
    }
  }

  private rehash(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    const mask = cap - 1;
    const slots = new Int32Array(cap * STRIDE);
    const wrap = mask * STRIDE + STRIDE - 1;
    for (let o = 0; o < old.length; o += STRIDE) {
      const g1 = old[o]!;
      if (g1 === 0) continue;
      const lo = old[o + 1]!;
      const hi = old[o + 2]!;
      let s = (mix(lo, hi, g1 - 1) & mask) * STRIDE;
      while (slots[s] !== 0) s = (s + STRIDE) & wrap;
      slots[s] = g1;
      slots[s + 1] = lo;
      slots[s + 2] = hi;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
