import { JavaRandom } from '../java-random';
import { histogramQuantile, interleavedHistogramQuantile } from './histogram-quantile';
import { NUMERIC_HISTOGRAM_SEED, NumericHistogram } from './numeric-histogram';
import { SlottedHistogram } from './slotted-histogram';

/**
 * Most bins the small mode keeps in its sorted pair list before switching to slots: past a few dozen, shifting
 * on every insert costs more than the slotted search, and a trim needs the slotted tree anyway.
 */
const SMALL_MAX_BINS = 64;

/** Slots per tree block, as a shift (8 slots: a block's gaps are scanned in one short loop). */
const DEFAULT_BLOCK_SHIFT = 3;

/**
 * The same histogram as {@link NumericHistogram} — same bins, same floating-point centres, same PRNG draws —
 * with a fast `add`. It starts as a plain sorted pair list (most groups of a many-group aggregation never leave
 * it); past {@link SMALL_MAX_BINS} bins or at the first trim the bins move to a {@link SlottedHistogram}.
 *
 * Exactness relies on distinct, finite bin centres with finite gaps (then the binary search lands where
 * Hive's does and the gap tree sees every gap). The first NaN/±Infinity value, a merge of partials, a centre
 * rounding onto a neighbour or a gap overflowing converts the state, once and for good, to the faithful
 * structure sharing the same PRNG (reads need no conversion).
 */
export class FastNumericHistogram {
  private nbins = 0;
  private used = 0;
  /**
   * Small mode: the bins as sorted pairs `[x0, y0, x1, y1, …]` in a plain array (on the JS heap, no typed-array
   * backing store), or null before the first value.
   */
  private small: number[] | null = null;
  private slotted: SlottedHistogram | null = null;
  private readonly blockShift: number;
  /** Created when first needed (a trim or the conversion): groups that never trim never draw. */
  private rng: JavaRandom | null;
  private fallback: NumericHistogram | null = null;

  /**
   * @param blockBins - slots per gap-tree block, rounded down to a power of two (tests use tiny blocks to
   * exercise every boundary).
   */
  constructor(rng: JavaRandom | null = null, blockBins?: number) {
    this.rng = rng;
    // Every histogram draws from the same seed: long tie runs are looked up in one shared index (a no-op for a
    // generator that has drawn already).
    rng?.useSharedDrawIndex();
    this.blockShift = blockBins == null ? DEFAULT_BLOCK_SHIFT : 31 - Math.clz32(Math.max(1, blockBins));
  }

  /** The tie-breaking generator, seeded as Hive's constructor seeds it (no draw happens before a trim). */
  private random(): JavaRandom {
    let rng = this.rng;
    if (rng == null) {
      rng = new JavaRandom(NUMERIC_HISTOGRAM_SEED);
      rng.useSharedDrawIndex();
      this.rng = rng;
    }
    return rng;
  }

  isReady(): boolean {
    return this.fallback != null ? this.fallback.isReady() : this.nbins !== 0;
  }

  allocate(nbins: number): void {
    if (this.fallback != null) {
      this.fallback.allocate(nbins);
      return;
    }
    this.nbins = nbins;
    this.used = 0;
    this.small = null;
    this.slotted = null;
  }

  /** Converts to (and from then on delegates to) the faithful structure, sharing the PRNG. */
  faithful(): NumericHistogram {
    if (this.fallback != null) return this.fallback;
    const h = new NumericHistogram(this.nbins, this.random());
    // Copies the bins as they are (Hive's merge into an empty histogram does not trim).
    h.merge(this.serialize());
    this.fallback = h;
    this.small = null;
    this.slotted = null;
    return h;
  }

  add(v: number): void {
    if (this.fallback != null) {
      this.fallback.add(v);
      return;
    }
    if (!Number.isFinite(v)) {
      this.faithful().add(v);
      return;
    }
    const slotted = this.slotted;
    if (slotted == null) {
      this.addSmall(v);
      return;
    }
    slotted.add(v);
    this.used = slotted.used;
    // The bins are Hive's; a trim may still be pending, which the faithful structure finishes.
    if (slotted.needsFaithful) this.faithful().trim();
  }

  /** `add` of `values[from..to)` in order. */
  addRange(values: Float64Array, from: number, to: number): void {
    let i = from;
    while (i < to) {
      const slotted = this.slotted;
      if (slotted == null || this.fallback != null) {
        this.add(values[i++] as number);
        continue;
      }
      // The slotted bins take the finite values up to the next non-finite one (which converts, in `add`).
      let end = i;
      while (end < to && Number.isFinite(values[end])) end++;
      i = slotted.addRange(values, i, end);
      this.used = slotted.used;
      if (slotted.needsFaithful) this.faithful().trim();
      else if (i < to) this.add(values[i++] as number);
    }
  }

  /** `add` in small mode: Hive's insertion into the sorted pairs; switches to slots when they outgrow it. */
  private addSmall(v: number): void {
    const s = (this.small ??= []);
    const n = this.used;
    let l = 0;
    let r = n;
    while (l < r) {
      const m = (l + r) >> 1;
      const xm = s[2 * m] as number;
      if (xm < v) l = m + 1;
      else if (xm > v) r = m;
      else {
        s[2 * m + 1] = (s[2 * m + 1] as number) + 1;
        return;
      }
    }
    s.push(0, 0);
    for (let j = 2 * n + 1; j > 2 * l + 1; j--) s[j] = s[j - 2] as number;
    s[2 * l] = v;
    s[2 * l + 1] = 1;
    this.used = n + 1;
    // Bins are the same whichever layout holds them (no draw happens before the first trim), so switching
    // here — at the first trim at the latest — changes nothing Hive would see.
    if (n + 1 > this.nbins || n + 1 > SMALL_MAX_BINS) this.toSlots();
  }

  /** Moves the small mode's pairs into a slotted histogram and runs a pending trim there. */
  private toSlots(): void {
    const s = this.small as number[];
    const n = this.used;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = s[2 * i] as number;
      y[i] = s[2 * i + 1] as number;
    }
    // Centres in small mode may be adjacent enough for an infinite gap: such bins stay faithful.
    for (let i = 1; i < n; i++) {
      if (!((x[i] as number) - (x[i - 1] as number) < Infinity)) {
        this.faithful().trim();
        return;
      }
    }
    const slotted = new SlottedHistogram(
      { x, y, used: n },
      { nbins: this.nbins, rng: this.random(), blockShift: this.blockShift },
    );
    this.slotted = slotted;
    this.small = null;
    if (n > this.nbins) {
      slotted.trim();
      this.used = slotted.used;
      if (slotted.needsFaithful) this.faithful().trim();
    }
  }

  /** Number of bins in use. */
  binCount(): number {
    return this.fallback != null ? this.fallback.used : this.used;
  }

  /** Whether the bins are still in the small mode's pair list (for tests of the switch). */
  isSmall(): boolean {
    return this.fallback == null && this.slotted == null;
  }

  /** The bins (ascending centres and their heights) as flat arrays, without converting. */
  bins(): { x: Float64Array; y: Float64Array; used: number } {
    const f = this.fallback;
    if (f != null) return { x: f.x.subarray(0, f.used), y: f.y.subarray(0, f.used), used: f.used };
    if (this.slotted != null) return this.slotted.bins();
    const x = new Float64Array(this.used);
    const y = new Float64Array(this.used);
    const s = this.small;
    if (s != null) {
      for (let i = 0; i < this.used; i++) {
        x[i] = s[2 * i] as number;
        y[i] = s[2 * i + 1] as number;
      }
    }
    return { x, y, used: this.used };
  }

  /** Hive's `quantile(q)` for each q (see {@link histogramQuantile}), reading the bins once. */
  quantiles(qs: readonly number[]): number[] {
    const s = this.small;
    if (this.fallback == null && this.slotted == null && s != null) {
      const used = this.used;
      return qs.map((q) => interleavedHistogramQuantile(s, used, q));
    }
    const bins = this.bins();
    return qs.map((q) => histogramQuantile(bins, q));
  }

  /** Approximate bytes held (for the operator's memory accounting), in O(1). */
  estimateBytes(): number {
    if (this.fallback != null) return 128 + 16 * this.fallback.x.length;
    if (this.slotted != null) return 120 + this.slotted.bytes();
    return 160 + 8 * (this.small?.length ?? 0);
  }

  /** Hive's `serialize()` (`[nbins, x1, y1, …]`) without converting. */
  serialize(): number[] {
    if (this.fallback != null) return this.fallback.serialize();
    const out = new Array<number>(1 + 2 * this.used);
    out[0] = this.nbins;
    const s = this.small;
    if (this.slotted == null) {
      if (s != null) for (let i = 0; i < 2 * this.used; i++) out[1 + i] = s[i] as number;
      return out;
    }
    const { x, y, used } = this.slotted.bins();
    for (let i = 0; i < used; i++) {
      out[1 + 2 * i] = x[i] as number;
      out[2 + 2 * i] = y[i] as number;
    }
    return out;
  }
}
