import type { AccumulatorState, SlotDescriptor } from '../../contract';
import { slotF64, slotI32, slotU8 } from '../evaluator-kit';
import { checkPercentiles } from '../histogram/exact-counts';
import type { PendingRows } from './pending-rows';
import { PercentileGroup } from './percentile-group';

/**
 * Fixed-width part of the exact-percentile state, one entry per group in the operator's slot arrays (so the
 * per-row work touches small arrays indexed by group id, which the operator keeps cache-friendly, instead of
 * a heap object per group):
 * - `start`: where the group's chunk of raw values begins in the shared {@link ValuePool};
 * - `size`: raw values in that chunk (chunks hold 4, 8, 16, 32 values, doubling by relocation);
 * - `percentiles`: 1 + index into the call site's {@link PercentileLists}, 0 while no row carried one;
 * - `own`: 1 once the group's raw values moved to its own {@link PercentileGroup} buffer (side state).
 */
export const PERCENTILE_SLOTS: readonly SlotDescriptor[] = [
  { name: 'start', type: 'f64' },
  { name: 'size', type: 'i32' },
  { name: 'percentiles', type: 'i32' },
  { name: 'own', type: 'u8' },
];

/** Smallest chunk a group gets in the pool. */
const FIRST_CHUNK = 4;
/** A group with this many raw values leaves the pool for a buffer of its own (which can shrink or compact). */
const LEAVE_POOL_AT = 32;

/**
 * Raw values of all small groups of one accumulator state, in one Float64Array. A group's chunk moves to the
 * end (twice the size) when full, so the pool only grows; what a group leaves behind is at most 2 ×
 * {@link LEAVE_POOL_AT} values, and the whole pool goes with the state.
 */
export class ValuePool {
  values: Float64Array = new Float64Array(1 << 16);
  used = 0;

  /** Room for `n` more values without moving the pool. */
  reserve(n: number): void {
    if (this.used + n <= this.values.length) return;
    const bigger = new Float64Array(Math.max(this.values.length * 2, this.used + n));
    bigger.set(this.values.subarray(0, this.used));
    this.values = bigger;
  }

  allocate(n: number): number {
    this.reserve(n);
    const at = this.used;
    this.used += n;
    return at;
  }
}

/**
 * The distinct percentile lists of one call site (normally one constant list), so a group stores a small
 * index instead of an array. Consecutive equal lists share an entry.
 */
export class PercentileLists {
  private readonly lists: (readonly number[])[] = [];
  private readonly valid: boolean[] = [];

  /** 1 + the index of `ps` (0 is reserved for "none"); not checked yet (see {@link checked}). */
  intern(ps: readonly number[]): number {
    const last = this.lists[this.lists.length - 1];
    if (last !== undefined && last.length === ps.length && last.every((p, i) => Object.is(p, ps[i]))) {
      return this.lists.length;
    }
    this.lists.push([...ps]);
    this.valid.push(ps.every((p) => p >= 0 && p <= 1));
    return this.lists.length;
  }

  /**
   * `ref` when a group may take it: Hive checks the range only when a group takes its percentiles, so a
   * constant column is read once per batch and checked here.
   */
  checked(ref: number): number {
    if (this.valid[ref - 1] !== true) checkPercentiles(this.get(ref) ?? []);
    return ref;
  }

  /** The list behind a slot value, or `null` for 0. */
  get(ref: number): readonly number[] | null {
    return ref === 0 ? null : (this.lists[ref - 1] ?? null);
  }
}

/** Chunk capacity of a pool group holding `size` values: 0, then powers of two from 4. */
function chunkCapacity(size: number): number {
  if (size === 0) return 0;
  return size <= FIRST_CHUNK ? FIRST_CHUNK : 1 << (32 - Math.clz32(size - 1));
}

/** True when a chunk of `size` values is full (sizes 0, 4, 8, 16, 32, …), i.e. the next value needs room. */
export function chunkIsFull(size: number): boolean {
  return (size & (size - 1)) === 0 && (size - 1) >>> 0 >= 2;
}

/**
 * One accumulator state as the percentile code sees it: the slot arrays (re-read per call, since the operator
 * replaces them when it grows the state), the side table and the state's pool.
 */
export class PercentileStore {
  readonly start: Float64Array;
  readonly size: Int32Array;
  readonly percentiles: Int32Array;
  readonly own: Uint8Array;
  readonly side: unknown[];
  readonly pool: ValuePool;
  /** Rows accepted by the batch kernels but not yet given to their groups. */
  readonly pending: PendingRows;

  constructor(state: AccumulatorState, storage: { readonly pool: ValuePool; readonly pending: PendingRows }) {
    this.pool = storage.pool;
    this.pending = storage.pending;
    this.start = slotF64(state, 0);
    this.size = slotI32(state, 1);
    this.percentiles = slotI32(state, 2);
    this.own = slotU8(state, 3);
    this.side = state.side;
  }

  /** True while this view still matches `state` (the operator replaces the arrays when it grows a state). */
  matches(state: AccumulatorState): boolean {
    const s = state.slots;
    return (
      s[0] === this.start &&
      s[1] === this.size &&
      s[2] === this.percentiles &&
      s[3] === this.own &&
      state.side === this.side
    );
  }

  /** Resets a group to the empty aggregation (its old pool chunk, if any, is simply abandoned). */
  reset(g: number): void {
    this.start[g] = 0;
    this.size[g] = 0;
    this.percentiles[g] = 0;
    this.own[g] = 0;
    this.side[g] = null;
  }

  /** The group's side object, created on first use. */
  groupObject(g: number): PercentileGroup {
    let o = this.side[g] as PercentileGroup | null | undefined;
    if (o == null) this.side[g] = o = new PercentileGroup();
    return o;
  }

  /** The group's side object if it has one. */
  existingGroupObject(g: number): PercentileGroup | null {
    return (this.side[g] as PercentileGroup | null | undefined) ?? null;
  }

  /** Appends one raw exact double (a long within ±2^53, or a double key that is not -0.0). */
  append(g: number, x: number): void {
    if (this.own[g] !== 0) {
      (this.side[g] as PercentileGroup).push(x);
      return;
    }
    const s = this.size[g]!;
    if (chunkIsFull(s)) {
      this.appendToFullChunk(g, x);
      return;
    }
    this.pool.values[this.start[g]! + s] = x;
    this.size[g] = s + 1;
  }

  /** The slow half of {@link append}: a first chunk, a chunk twice as large, or a buffer of the group's own. */
  appendToFullChunk(g: number, x: number): void {
    const s = this.size[g]!;
    if (s >= LEAVE_POOL_AT) {
      const o = this.groupObject(g);
      o.pushRun(this.pool.values, this.start[g]!, s);
      o.push(x);
      this.own[g] = 1;
      this.size[g] = 0;
      return;
    }
    const at = this.pool.allocate(s === 0 ? FIRST_CHUNK : 2 * s);
    const pool = this.pool.values;
    pool.copyWithin(at, this.start[g]!, this.start[g]! + s);
    this.start[g] = at;
    pool[at + s] = x;
    this.size[g] = s + 1;
  }

  /**
   * Makes room for `extra` more values of group `g` at once (a flush knows how many each group gets): one
   * chunk of the final size, or the group's own buffer. Then {@link appendReserved} needs no checks.
   */
  reserveFor(g: number, extra: number): void {
    if (this.own[g] !== 0) return;
    const s = this.size[g]!;
    const total = s + extra;
    if (total > LEAVE_POOL_AT) {
      const o = this.groupObject(g);
      o.pushRun(this.pool.values, this.start[g]!, s);
      this.own[g] = 1;
      this.size[g] = 0;
      return;
    }
    const capacity = chunkCapacity(total);
    if (capacity === chunkCapacity(s)) return;
    const at = this.pool.allocate(capacity);
    this.pool.values.copyWithin(at, this.start[g]!, this.start[g]! + s);
    this.start[g] = at;
  }

  /** Appends `src[from..from + n)` to group `g`. */
  appendRun(g: number, src: Float64Array, range: { readonly from: number; readonly n: number }): void {
    const { from, n } = range;
    this.reserveFor(g, n);
    if (this.own[g] !== 0) {
      (this.side[g] as PercentileGroup).pushRun(src, from, n);
      return;
    }
    const s = this.size[g]!;
    this.pool.values.set(src.subarray(from, from + n), this.start[g]! + s);
    this.size[g] = s + n;
  }

  /** Appends a value for which {@link reserveFor} made room. */
  appendReserved(g: number, x: number): void {
    if (this.own[g] !== 0) {
      (this.side[g] as PercentileGroup).push(x);
      return;
    }
    const s = this.size[g]!;
    this.pool.values[this.start[g]! + s] = x;
    this.size[g] = s + 1;
  }

  /** Where the group's raw doubles are: `array[from..from + n)`. */
  rawValues(g: number): { readonly array: Float64Array; readonly from: number; readonly n: number } {
    if (this.own[g] !== 0) {
      const o = this.side[g] as PercentileGroup;
      return { array: o.contiguous(), from: 0, n: o.size };
    }
    return { array: this.pool.values, from: this.start[g]!, n: this.size[g]! };
  }

  /** Rough bytes held by the group beyond its slots (O(1)). */
  estimateBytes(g: number): number {
    const o = this.existingGroupObject(g);
    return chunkCapacity(this.size[g]!) * 8 + (o == null ? 0 : o.estimateBytes());
  }
}
