import type { CountKey } from '../histogram/exact-counts';

/** Longs in [−2^53, 2^53) are exact doubles, and distinct longs there stay distinct and ordered. */
const TWO_POW_53N = 9_007_199_254_740_992n;

/** First buffer size at which a group tries to fold its raw values into the count table. */
const FIRST_COMPACTION_AT = 1 << 18;
/** Folding happens only when it shrinks a lot: at most one distinct value per this many raw values. */
const MIN_VALUES_PER_KEY = 16;
/** Bytes a count-table entry roughly costs (Map entry plus hash slot). */
const TABLE_ENTRY_BYTES = 48;
/** Values in one chunk of a large group's buffer (64 KiB). */
const CHUNK = 8192;
/** Values sampled to guess whether compaction would pay off. */
const SAMPLE = 4096;
/** Bytes of the group object itself. */
const GROUP_BYTES = 96;

const EMPTY_F64 = new Float64Array(0);

/** True when a long is exactly representable as a double (see {@link TWO_POW_53N}). */
export function isExactAsDouble(v: bigint): boolean {
  return v >= -TWO_POW_53N && v < TWO_POW_53N;
}

/**
 * One key per distinct value in the count table: longs that are exact as doubles become numbers, others stay
 * bigint, so a value coming from a raw buffer and the same value from a partial land on the same Map entry.
 */
export function tableKeyOfLong(v: bigint): CountKey {
  return isExactAsDouble(v) ? Number(v) : v;
}

/**
 * The side state of a group whose values outgrew the shared pool, or that holds wide longs or counts: its own
 * raw exact doubles (never -0.0, stored as +0.0 like the Map key it was before), a BigInt64Array for longs
 * beyond ±2^53, and a value → count table for merged partials and for raw values folded in when the buffer
 * holds many repeats. Raw doubles grow by doubling up to {@link CHUNK} values, then in chunks of that size, so
 * large groups are never copied while they grow (measured: a quarter less time per row than doubling).
 */
export class PercentileGroup {
  /** Filled chunks, and how many values they hold. */
  private full: Float64Array[] = [];
  private fullCount = 0;
  /** The chunk being filled: `current[0..used)`. */
  private current: Float64Array = EMPTY_F64;
  private used = 0;
  /** Raw longs outside [−2^53, 2^53): `wide[0..wideSize)`. */
  wide: BigInt64Array | null = null;
  wideSize = 0;
  /** Counted values (partials, compactions); keys as {@link tableKeyOfLong} or doubles. */
  table: Map<CountKey, number> | null = null;
  /** Raw count at which the next compaction is tried (doubles after a try that did not pay off). */
  private compactAt = FIRST_COMPACTION_AT;

  /** Appends an exact double (a long below 2^53 in magnitude, or a double key). */
  push(x: number): void {
    if (this.used === this.current.length) this.makeRoom();
    this.current[this.used++] = x;
  }

  /** Number of raw doubles. */
  get size(): number {
    return this.fullCount + this.used;
  }

  /** The raw doubles as chunks (views, no copy). */
  chunks(): Float64Array[] {
    return [...this.full, this.current.subarray(0, this.used)];
  }

  /** The raw doubles as one array, `[0..size)` (joins the chunks once). */
  contiguous(): Float64Array {
    if (this.full.length > 0) {
      const all = new Float64Array(this.size);
      let at = 0;
      for (const c of this.full) {
        all.set(c, at);
        at += c.length;
      }
      all.set(this.current.subarray(0, this.used), at);
      this.full = [];
      this.fullCount = 0;
      this.current = all;
      this.used = all.length;
    }
    return this.current;
  }

  /** Appends a long outside [−2^53, 2^53). */
  pushWide(v: bigint): void {
    let w = this.wide;
    if (w == null || this.wideSize === w.length) {
      const bigger = new BigInt64Array(Math.max(8, this.wideSize * 2));
      if (w != null) bigger.set(w);
      this.wide = w = bigger;
    }
    w[this.wideSize++] = v;
  }

  /** Adds `count` occurrences of a table key. */
  addCount(key: CountKey, count: number): void {
    const t = (this.table ??= new Map());
    t.set(key, (t.get(key) ?? 0) + count);
  }

  /** Appends `from[start..start + n)` (values kept elsewhere so far, or pending rows). */
  pushRun(from: Float64Array, start: number, n: number): void {
    let i = start;
    const end = start + n;
    while (i < end) {
      if (this.used === this.current.length) this.makeRoom();
      const k = Math.min(end - i, this.current.length - this.used);
      this.current.set(from.subarray(i, i + k), this.used);
      this.used += k;
      i += k;
    }
  }

  /** Moves raw values kept elsewhere (the pool) straight into the count table. */
  countRaw(from: Float64Array, start: number, n: number): void {
    for (let i = start; i < start + n; i++) this.addCount(from[i]!, 1);
  }

  /** Moves the raw values into the count table (the merged-state path of terminate). */
  foldIntoTable(): void {
    this.countRaw(this.contiguous(), 0, this.size);
    // Only long keys ever use the wide buffer, and its values are never exact doubles.
    const w = this.wide;
    for (let i = 0; i < this.wideSize; i++) this.addCount(w![i]!, 1);
    this.clearRaw();
    this.wide = null;
    this.wideSize = 0;
  }

  /** Rough bytes held (O(1)), for the operator's memory budget. */
  estimateBytes(): number {
    return (
      GROUP_BYTES +
      8 * (this.fullCount + this.current.length) +
      (this.wide?.byteLength ?? 0) +
      (this.table?.size ?? 0) * TABLE_ENTRY_BYTES
    );
  }

  private clearRaw(): void {
    this.full = [];
    this.fullCount = 0;
    this.current = EMPTY_F64;
    this.used = 0;
  }

  private makeRoom(): void {
    // A successful compaction empties the buffer, which then starts small again.
    if (this.size >= this.compactAt) this.compact();
    if (this.current.length < CHUNK) {
      const bigger = new Float64Array(Math.max(8, this.current.length * 2));
      bigger.set(this.current);
      this.current = bigger;
      return;
    }
    this.full.push(this.current);
    this.fullCount += this.used;
    this.current = new Float64Array(CHUNK);
    this.used = 0;
  }

  /**
   * A group with very many rows but few distinct values should not keep 8 bytes per row. A strided sample
   * decides cheaply whether that is likely; then the values are sorted and, when the runs are at most
   * 1/{@link MIN_VALUES_PER_KEY} of them, counted into the table and the buffer starts afresh.
   */
  private compact(): void {
    const n = this.size;
    this.compactAt = n * 2;
    const all = this.contiguous();
    const stride = Math.max(1, Math.floor(n / SAMPLE));
    const seen = new Set<number>();
    for (let i = 0; i < n; i += stride) seen.add(all[i]!);
    if (seen.size * MIN_VALUES_PER_KEY > Math.ceil(n / stride)) return;
    const sorted = all.subarray(0, n).sort();
    let runs = 0;
    for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) runs++;
    if (runs * MIN_VALUES_PER_KEY > n) return;
    let start = 0;
    for (let i = 1; i <= n; i++) {
      if (i === n || sorted[i] !== sorted[start]) {
        this.addCount(sorted[start]!, i - start);
        start = i;
      }
    }
    this.clearRaw();
    this.compactAt = FIRST_COMPACTION_AT;
  }
}
