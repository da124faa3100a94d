import type { Column, ColumnBuilder, DataType } from '@hive-batch/core';
import { BytesGroupTable } from './bytes-group-table';
import { IntGroupTable } from './int-group-table';
import { appendDecodedKey } from './key-decoding';
import { encodeKeys, hashBytes, keyValueWidth } from './key-encoding';
import type { EncodedKeys } from './key-encoding';

/** Maps the group-by key columns of each batch to dense group ids and gives the keys back for output. */
export interface GroupKeys {
  /** Groups so far. */
  readonly size: number;
  /** Bytes held. */
  readonly byteSize: number;
  /** Group id of rows `0..numRows-1` into `out` (new keys get the next ids). */
  groupIds(keyColumns: readonly Column[], numRows: number, out: Int32Array): void;
  /** Appends the keys of groups `from..to-1`, one builder per key column. */
  emitKeys(builders: readonly ColumnBuilder[], from: number, to: number): void;
  /** Appends the keys of the listed groups, in list order. */
  emitKeysOf(builders: readonly ColumnBuilder[], groups: Int32Array): void;
  /**
   * Spill partition (0..2^bits-1) of a group, independent of the table's own probing hash. `level` > 0 re-mixes
   * the hash, so the groups of one partition spread again when that partition is re-partitioned.
   */
  partitionOf(group: number, bits: number, level?: number): number;
  /**
   * For one int key column without NULLs while groups are direct-mapped: the keys and the map (key − base → group
   * id, -1 = none), so a fused loop can look groups up itself; `null` otherwise.
   */
  directKeys?(keyColumns: readonly Column[]): DirectKeys | null;
}

/** An int key column and the table's direct map (see {@link GroupKeys.directKeys}). */
export interface DirectKeys {
  readonly keys: Int32Array;
  readonly map: Int32Array;
  readonly base: number;
}

/** A fresh 32-bit mix of `h` for re-partitioning level `level` (level 0 leaves it as is). */
function remix(h: number, level: number): number {
  if (level === 0) return h;
  let x = Math.imul(h ^ Math.imul(level, 0x9e3779b9), 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
}

function isInt32Family(t: DataType): boolean {
  return t.kind === 'int' || t.kind === 'smallint' || t.kind === 'tinyint' || t.kind === 'date';
}

/** One tinyint/smallint/int/date key: the typed-array table, no encoding. */
class IntKeys implements GroupKeys {
  private readonly table = new IntGroupTable();
  get size(): number {
    return this.table.size;
  }
  get byteSize(): number {
    return this.table.byteSize;
  }
  groupIds(keyColumns: readonly Column[], numRows: number, out: Int32Array): void {
    const c = keyColumns[0]!;
    if (c.layout === 'null') {
      // An all-NULL column of a numeric type: every row is the NULL group.
      const nulls = new Uint8Array((numRows + 7) >> 3);
      this.table.groupIds(new Int32Array(numRows), nulls, numRows, out);
      return;
    }
    const values = c.layout === 'fixed' ? c.values : new Int32Array(numRows);
    this.table.groupIds(values as ArrayLike<number>, c.validity, numRows, out);
  }
  directKeys(keyColumns: readonly Column[]): DirectKeys | null {
    const c = keyColumns[0]!;
    const direct = this.table.directMap;
    if (direct == null || c.layout !== 'fixed' || !(c.values instanceof Int32Array)) return null;
    if (c.validity != null && c.nullCount > 0) return null;
    return { keys: c.values, map: direct.map, base: direct.base };
  }
  emitKeys(builders: readonly ColumnBuilder[], from: number, to: number): void {
    const b = builders[0]!;
    const keys = this.table.groupKeys;
    const nullGroup = this.table.nullGroup;
    if (nullGroup < from || nullGroup >= to) {
      b.appendFixedValues(keys.subarray(from, to));
      return;
    }
    const valid = new Uint8Array(to - from).fill(1);
    valid[nullGroup - from] = 0;
    b.appendFixedValues(keys.subarray(from, to), valid);
  }
  emitKeysOf(builders: readonly ColumnBuilder[], groups: Int32Array): void {
    const keys = new Int32Array(groups.length);
    const valid = new Uint8Array(groups.length);
    let nulls = 0;
    for (let j = 0; j < groups.length; j++) {
      const g = groups[j]!;
      keys[j] = this.table.groupKeys[g]!;
      if (g === this.table.nullGroup) nulls++;
      else valid[j] = 1;
    }
    builders[0]!.appendFixedValues(keys, nulls === 0 ? null : valid);
  }
  partitionOf(group: number, bits: number, level = 0): number {
    if (group === this.table.nullGroup) return 0;
    const k = this.table.groupKeys[group]!;
    // A different multiplier from the table's, so one partition's keys still spread over a fresh table.
    const h = Math.imul(k ^ (k >>> 16), 0x45d9f3b);
    return remix(h ^ (h >>> 16), level) & ((1 << bits) - 1);
  }
}

/** Any primitive key columns: normalized byte keys. */
class EncodedGroupKeys implements GroupKeys {
  private readonly table = new BytesGroupTable();
  private readonly types: readonly DataType[];
  private scratch: EncodedKeys | undefined;
  constructor(types: readonly DataType[]) {
    this.types = types;
  }
  get size(): number {
    return this.table.size;
  }
  get byteSize(): number {
    return this.table.byteSize + (this.scratch?.bytes.byteLength ?? 0);
  }
  groupIds(keyColumns: readonly Column[], numRows: number, out: Int32Array): void {
    this.scratch = encodeKeys(keyColumns, numRows, this.scratch);
    this.table.groupIds(this.scratch, numRows, out);
  }
  emitKeys(builders: readonly ColumnBuilder[], from: number, to: number): void {
    for (let g = from; g < to; g++) appendDecodedKey(this.table.keyOf(g), this.types, builders);
  }
  emitKeysOf(builders: readonly ColumnBuilder[], groups: Int32Array): void {
    for (const g of groups) appendDecodedKey(this.table.keyOf(g), this.types, builders);
  }
  partitionOf(group: number, bits: number, level = 0): number {
    if (bits === 0) return 0;
    const key = this.table.keyOf(group);
    // The table probes with the low bits of hashBytes; partitions use the high bits.
    return remix(hashBytes(key, 0, key.length), level) >>> (32 - bits);
  }
}

/** The cheapest {@link GroupKeys} for the key types (validated: primitive types only). */
export function createGroupKeys(types: readonly DataType[]): GroupKeys {
  types.forEach((t) => keyValueWidth(t));
  if (types.length === 1 && isInt32Family(types[0]!)) return new IntKeys();
  return new EncodedGroupKeys(types);
}
