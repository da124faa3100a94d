import type { FixedColumn } from '@hive-batch/core';

/** Hash of (value bits, group id); the final xor-shift brings high bits into the low (masked) ones. */
function mix(lo: number, hi: number, g: number): number {
  const h = Math.imul(lo ^ Math.imul(hi, 0x27d4eb2d) ^ Math.imul(g, -1640531535), 0x165667b1);
  return h ^ (h >>> 15);
}

/**
 * Set of distinct (group id, numeric value) pairs on typed arrays: open addressing over entry indices, keys
 * compared by the value's float64 bit pattern (so -0.0 and 0.0 differ and every NaN is one key, as Hive's
 * binary reduce keys behave). NULL values are tracked as one flag per group.
 */
export class DistinctValueSet {
  size = 0;
  private entryGroups: Int32Array = new Int32Array(1024);
  private entryValues: Float64Array = new Float64Array(1024);
  private entryBits: Int32Array = new Int32Array(this.entryValues.buffer);
  private slots: Int32Array;
  private mask: number;
  private nulls: Uint8Array = new Uint8Array(16);
  private readonly scratch = new Float64Array(1);
  private readonly scratchBits = new Int32Array(this.scratch.buffer);

  constructor() {
    this.slots = new Int32Array(2048).fill(-1);
    this.mask = 2047;
  }

  get byteSize(): number {
    return (
      this.entryGroups.byteLength +
      this.entryValues.byteLength +
      this.slots.byteLength +
      this.nulls.byteLength
    );
  }

  ensureGroups(groups: number): void {
    if (groups <= this.nulls.length) return;
    let cap = this.nulls.length * 2;
    while (cap < groups) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.nulls);
    this.nulls = next;
  }

  groupOf(entry: number): number {
    return this.entryGroups[entry]!;
  }

  valueOf(entry: number): number {
    return this.entryValues[entry]!;
  }

  hasNull(group: number): boolean {
    return this.nulls[group] === 1;
  }

  addNull(group: number): void {
    this.nulls[group] = 1;
  }

  /** Adds rows `0..numRows-1` of a numeric column, row i into group `groupIds[i]`. */
  addColumn(groupIds: Int32Array, column: FixedColumn, numRows: number): void {
    const values = column.values;
    const validity = column.validity;
    const scratch = this.scratch;
    const bits = this.scratchBits;
    for (let i = 0; i < numRows; i++) {
      const g = groupIds[i]!;
      if (validity != null && (validity[i >> 3]! & (1 << (i & 7))) === 0) {
        this.nulls[g] = 1;
        continue;
      }
      let v = Number(values[i]!);
      if (v !== v) v = Number.NaN;
      scratch[0] = v;
      const lo = bits[0]!;
      const hi = bits[1]!;
      let s = mix(lo, hi, g) & this.mask;
      const eb = this.entryBits;
      const eg = this.entryGroups;
      for (;;) {
        const e = this.slots[s]!;
        if (e < 0) {
          this.insert(s, g, v);
          break;
        }
        if (eg[e] === g && eb[2 * e] === lo && eb[2 * e + 1] === hi) break;
        s = (s + 1) & this.mask;
      }
    }
  }

  private insert(slot: number, g: number, v: number): void {
    const e = this.size++;
    if (e >= this.entryGroups.length) {
      const cap = this.entryGroups.length * 2;
      const groups = new Int32Array(cap);
      groups.set(this.entryGroups);
      const values = new Float64Array(cap);
      values.set(this.entryValues);
      this.entryGroups = groups;
      this.entryValues = values;
      this.entryBits = new Int32Array(values.buffer);
    }
    this.entryGroups[e] = g;
    this.entryValues[e] = v;
    this.slots[slot] = e;
    if (this.size * 2 > this.mask) this.rehash();
  }

  private rehash(): void {
    const cap = this.slots.length * 2;
    const slots = new Int32Array(cap).fill(-1);
    const mask = cap - 1;
    const eb = this.entryBits;
    const eg = this.entryGroups;
    for (let e = 0; e < this.size; e++) {
      const lo = eb[2 * e]!;
      const hi = eb[2 * e + 1]!;
      let s = mix(lo, hi, eg[e]!) & mask;
      while (slots[s]! >= 0) s = (s + 1) & mask;
      slots[s] = e;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
