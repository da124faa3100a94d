import { InternalError } from '@hive-batch/core';
import { JavaRandom } from '../java-random';
import { GapMinTree } from './gap-min-tree';
import { histogramQuantile, interleavedHistogramQuantile } from './histogram-quantile';
import { NUMERIC_HISTOGRAM_SEED, NumericHistogram } from './numeric-histogram';
import { ScanCheckpoints } from './scan-checkpoints';

/**
 * A run of consecutive bins. It owns the gap after each of its bins (the last one reaching into the next
 * chunk's first bin; the very last bin owns none): `min` is the smallest owned gap and `ties` how many owned
 * gaps equal it.
 */
interface Chunk {
  x: Float64Array;
  y: Float64Array;
  n: number;
  min: number;
  ties: number;
}

/** Shared empty `firsts` until a second chunk exists (a single chunk needs no lookup). */
const NO_FIRSTS = new Float64Array(0);

/** Shared (never mutated) chunk list of the small mode: the bins are in `small` until they outgrow it. */
const NO_CHUNKS: Chunk[] = [];

/**
 * Most bins the small mode keeps in its sorted pair list before switching to chunks: past a few dozen, shifting
 * on every insert costs more than the chunk lookup, and a trim needs the chunks anyway.
 */
const SMALL_MAX_BINS = 64;

/** Bins per chunk after a split; small, because a trim scans whole chunks only where the running minimum drops. */
const DEFAULT_CHUNK_BINS = 16;

/**
 * The same histogram as {@link NumericHistogram} — same bins, same floating-point centres, same PRNG draws —
 * with a fast `add`. Bins live in small sorted chunks; a {@link GapMinTree} over the chunks holds each one's
 * smallest gap and its number of ties.
 *
 * Hive's trim scans every gap left to right, resets on a new minimum and draws once (`nextDouble() <= 1/ties`)
 * on every gap equal to the running minimum. Draws made before the running minimum reaches the global minimum
 * m cannot decide the merged pair (a later reset discards them), so only their number matters: the tree counts
 * them per stretch of chunks, the chunks where the running minimum drops are scanned, and the generator jumps
 * ahead by that many steps; the scan resumes from checkpoints of earlier trims whose chunks did not change.
 * From the first gap equal to m on, there is one draw per further tie of m; only the last success matters,
 * which {@link JavaRandom.lastReservoirPick} finds walking the draws backwards, and the tree locates that tie
 * by rank. A trim thus costs O(levels · (log chunks + chunk size) + ties of m) instead of O(nbins).
 *
 * Exactness relies on distinct, finite bin centres (then the chunked binary search lands where Hive's does).
 * The first NaN/±Infinity value, a merge of partials or a trim whose centre collides with a neighbour converts
 * the state, once and for good, to the faithful structure sharing the same PRNG (reads need no conversion).
 */
export class FastNumericHistogram {
  private nbins = 0;
  private used = 0;
  /**
   * Small mode (while `chunks` is empty): the bins as sorted pairs `[x0, y0, x1, y1, …]` in a plain array (on
   * the JS heap, no typed-array backing store), or null before the first value. A many-group aggregation's
   * groups mostly stay here: no chunk, tree or generator is ever allocated for them.
   */
  private small: number[] | null = null;
  private chunks: Chunk[] = NO_CHUNKS;
  private readonly chunkBins: number;
  /** Created when first needed (a trim or the conversion): groups that never trim never draw. */
  private rng: JavaRandom | null;
  private fallback: NumericHistogram | null = null;
  /** Built at the first trim (groups that never trim don't pay for it), then kept in step with `chunks`. */
  private tree: GapMinTree | null = null;
  /** Created with the tree, like it. */
  private checkpoints: ScanCheckpoints | null = null;
  /** First centre of each chunk, contiguous so that locating a value's chunk stays in cache. */
  private firsts: Float64Array = NO_FIRSTS;
  // The trim scan's running minimum and the pair it picks (chunk, index), shared by its helpers.
  private smallest = 0;
  private kc = 0;
  private kj = 0;

  /** @param chunkBins - bins per chunk after a split (tests use tiny chunks to exercise every boundary). */
  constructor(rng: JavaRandom | null = null, chunkBins: number = DEFAULT_CHUNK_BINS) {
    this.rng = rng;
    this.chunkBins = Math.max(1, chunkBins);
  }

  /** The tie-breaking generator, seeded as Hive's constructor seeds it (no draw happens before a trim). */
  private random(): JavaRandom {
    return (this.rng ??= new JavaRandom(NUMERIC_HISTOGRAM_SEED));
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
    this.chunks = NO_CHUNKS;
    this.tree = null;
    this.checkpoints = null;
  }

  /** Converts to (and from then on delegates to) the faithful structure, sharing the PRNG. */
  faithful(): NumericHistogram {
    if (this.fallback != null) return this.fallback;
    const h = new NumericHistogram(this.nbins, this.random());
    h.merge(this.serialize());
    this.fallback = h;
    this.small = null;
    this.chunks = NO_CHUNKS;
    this.tree = null;
    this.checkpoints = null;
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
    const chunks = this.chunks;
    if (chunks.length === 0) {
      this.addSmall(v);
      return;
    }
    // Last chunk whose first centre is ≤ v (or the first chunk).
    const firsts = this.firsts;
    let lo = 0;
    let hi = chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((firsts[mid] as number) <= v) lo = mid;
      else hi = mid - 1;
    }
    const ci = lo;
    const c = chunks[ci] as Chunk;
    const x = c.x;
    const y = c.y;
    let l = 0;
    let r = c.n;
    while (l < r) {
      const m = (l + r) >> 1;
      const xm = x[m] as number;
      if (xm < v) l = m + 1;
      else if (xm > v) r = m;
      else {
        y[m] = (y[m] as number) + 1;
        return;
      }
    }
    // Chunks are small: a plain loop beats copyWithin's call overhead.
    for (let j = c.n; j > l; j--) {
      x[j] = x[j - 1] as number;
      y[j] = y[j - 1] as number;
    }
    x[l] = v;
    y[l] = 1;
    if (l === 0) firsts[ci] = v;
    const n = ++c.n;
    this.used++;
    this.gapsAfterInsert(ci, l);
    if (n > 2 * this.chunkBins) this.split(ci);
    if (this.used > this.nbins) this.trim();
  }

  /** `add` in small mode: Hive's insertion into the sorted pairs; switches to chunks when they outgrow it. */
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
    if (n + 1 > this.nbins || n + 1 > SMALL_MAX_BINS) {
      this.toChunks();
      if (this.used > this.nbins) this.trim();
    }
  }

  /** Moves the small mode's pairs into chunks of `chunkBins` bins (the last one taking the remainder). */
  private toChunks(): void {
    const s = this.small as number[];
    const n = this.used;
    const per = this.chunkBins;
    const count = Math.max(1, Math.floor(n / per));
    const chunks: Chunk[] = [];
    for (let k = 0; k < count; k++) {
      const from = k * per;
      const to = k === count - 1 ? n : from + per;
      const c = this.newChunk();
      for (let j = from; j < to; j++) {
        c.x[j - from] = s[2 * j] as number;
        c.y[j - from] = s[2 * j + 1] as number;
      }
      c.n = to - from;
      chunks.push(c);
    }
    this.chunks = chunks;
    this.small = null;
    this.refreshFirsts(0);
    for (let k = 0; k < count; k++) this.measure(k);
  }

  /**
   * Bin `l` of chunk `ci` was just inserted: the gap across it splits in two (both no larger, as floating-point
   * subtraction is monotone), so the owners' smallest gaps follow without rescanning.
   */
  private gapsAfterInsert(ci: number, l: number): void {
    this.checkpoints?.touch(l > 0 ? ci : ci - 1);
    const chunks = this.chunks;
    const c = chunks[ci] as Chunk;
    const x = c.x;
    const v = x[l] as number;
    const min = c.min;
    const ties = c.ties;
    if (l > 0) {
      const a = x[l - 1] as number;
      addGap(c, v - a);
      const right = l + 1 < c.n ? (x[l + 1] as number) : chunks[ci + 1]?.x[0];
      if (right != null) {
        dropGap(c, right - a);
        addGap(c, right - v);
      }
    } else {
      addGap(c, (x[1] as number) - v);
      const p = chunks[ci - 1];
      if (p != null) {
        const pm = p.min;
        const pt = p.ties;
        const last = p.x[p.n - 1] as number;
        dropGap(p, (x[1] as number) - last);
        addGap(p, v - last);
        this.settle(ci - 1, pm, pt);
      }
    }
    this.settle(ci, min, ties);
  }

  /** After gap edits on chunk `ci` (which had `min`/`ties`): rescans if its minimum is unknown, tells the tree. */
  private settle(ci: number, min: number, ties: number): void {
    const c = this.chunks[ci] as Chunk;
    if (c.ties === 0) this.measure(ci);
    if (c.min !== min || c.ties !== ties) this.tree?.update(ci, c.min, c.ties);
  }

  /** Number of bins in use. */
  binCount(): number {
    return this.fallback != null ? this.fallback.used : this.used;
  }

  /** Whether the bins are still in the small mode's pair list (for tests of the switch). */
  isSmall(): boolean {
    return this.fallback == null && this.chunks.length === 0;
  }

  /** The bins (ascending centres and their heights) as flat arrays, without converting. */
  bins(): { x: Float64Array; y: Float64Array; used: number } {
    const f = this.fallback;
    if (f != null) return { x: f.x.subarray(0, f.used), y: f.y.subarray(0, f.used), used: f.used };
    const x = new Float64Array(this.used);
    const y = new Float64Array(this.used);
    const s = this.small;
    if (this.chunks.length === 0 && s != null) {
      for (let i = 0; i < this.used; i++) {
        x[i] = s[2 * i] as number;
        y[i] = s[2 * i + 1] as number;
      }
    }
    let o = 0;
    for (const c of this.chunks) {
      x.set(c.x.subarray(0, c.n), o);
      y.set(c.y.subarray(0, c.n), o);
      o += c.n;
    }
    return { x, y, used: this.used };
  }

  /** Hive's `quantile(q)` for each q (see {@link histogramQuantile}), reading the bins once. */
  quantiles(qs: readonly number[]): number[] {
    const s = this.small;
    if (this.fallback == null && this.chunks.length === 0 && s != null) {
      const used = this.used;
      return qs.map((q) => interleavedHistogramQuantile(s, used, q));
    }
    const only = this.fallback == null && this.chunks.length === 1 ? (this.chunks[0] as Chunk) : null;
    // A single chunk (every small group) is read where it is, without copying.
    const bins = only != null ? { x: only.x, y: only.y, used: only.n } : this.bins();
    return qs.map((q) => histogramQuantile(bins, q));
  }

  /** Approximate bytes held (for the operator's memory accounting), in O(1). */
  estimateBytes(): number {
    if (this.fallback != null) return 128 + 16 * this.fallback.x.length;
    if (this.chunks.length === 0) return 160 + 8 * (this.small?.length ?? 0);
    // Per chunk: two Float64Arrays of 2·chunkBins + 1 and the object; the tree: two Float64Arrays per node.
    const perChunk = 16 * (2 * this.chunkBins + 1) + 160;
    return 200 + this.chunks.length * (perChunk + 32);
  }

  /** Hive's `serialize()` (`[nbins, x1, y1, …]`) without converting. */
  serialize(): number[] {
    if (this.fallback != null) return this.fallback.serialize();
    const out = new Array<number>(1 + 2 * this.used);
    out[0] = this.nbins;
    const s = this.small;
    if (this.chunks.length === 0 && s != null) for (let i = 0; i < s.length; i++) out[1 + i] = s[i] as number;
    let o = 1;
    for (const c of this.chunks) {
      for (let j = 0; j < c.n; j++) {
        out[o++] = c.x[j] as number;
        out[o++] = c.y[j] as number;
      }
    }
    return out;
  }

  /** Chunks from `ci` on moved: rewrites their first centres. */
  private refreshFirsts(ci: number): void {
    const chunks = this.chunks;
    let from = ci;
    if (this.firsts.length < chunks.length) {
      this.firsts = new Float64Array(2 * chunks.length);
      from = 0;
    }
    const firsts = this.firsts;
    for (let i = from; i < chunks.length; i++) firsts[i] = (chunks[i] as Chunk).x[0] as number;
  }

  private newChunk(): Chunk {
    const cap = 2 * this.chunkBins + 1;
    return { x: new Float64Array(cap), y: new Float64Array(cap), n: 0, min: Infinity, ties: 0 };
  }

  private split(ci: number): void {
    this.checkpoints?.touch(ci);
    const c = this.chunks[ci] as Chunk;
    const half = c.n >> 1;
    const d = this.newChunk();
    d.x.set(c.x.subarray(half, c.n));
    d.y.set(c.y.subarray(half, c.n));
    d.n = c.n - half;
    c.n = half;
    this.chunks.splice(ci + 1, 0, d);
    this.refreshFirsts(ci + 1);
    this.measure(ci);
    this.measure(ci + 1);
    this.reindexFrom(ci);
  }

  /** Recomputes the smallest gap owned by chunk `ci` and its ties (without telling the tree). */
  private measure(ci: number): Chunk {
    const c = this.chunks[ci] as Chunk;
    const x = c.x;
    let min = Infinity;
    let ties = 0;
    for (let j = 0; j + 1 < c.n; j++) {
      const d = (x[j + 1] as number) - (x[j] as number);
      if (d < min) {
        min = d;
        ties = 1;
      } else if (d === min) ties++;
    }
    const next = this.chunks[ci + 1];
    if (next != null && c.n > 0) {
      const d = (next.x[0] as number) - (x[c.n - 1] as number);
      if (d < min) {
        min = d;
        ties = 1;
      } else if (d === min) ties++;
    }
    c.min = min;
    c.ties = ties;
    return c;
  }

  /** Chunks from `ci` on moved (a split or a removal): rewrites their tree leaves. */
  private reindexFrom(ci: number): void {
    const tree = this.tree;
    if (tree == null) return;
    const chunks = this.chunks;
    const oldLength = tree.length;
    tree.resize(chunks.length);
    for (let i = ci; i < chunks.length; i++)
      tree.setLeaf(i, (chunks[i] as Chunk).min, (chunks[i] as Chunk).ties);
    for (let i = chunks.length; i < oldLength; i++) tree.setLeaf(i, Infinity, 0);
    tree.rebuildFrom(ci);
  }

  private buildTree(): GapMinTree {
    const tree = new GapMinTree();
    this.tree = tree;
    this.checkpoints = new ScanCheckpoints();
    this.reindexFrom(0);
    return tree;
  }

  /** Hive's trim (see the class comment for how it avoids scanning every gap). */
  private trim(): void {
    while (this.used > this.nbins) {
      if (this.fallback != null) {
        this.fallback.trim();
        return;
      }
      const chunks = this.chunks;
      const tree = this.tree ?? this.buildTree();
      const m = tree.rootMin();
      const cps = this.checkpoints as ScanCheckpoints;
      // Count the draws Hive makes before the running minimum reaches m: a later reset discards them all, so
      // the generator just skips them. Resume from the last whole-chunk state still valid, else from gap 0
      // (Hive reads gap(0) before its loop).
      let ci: number;
      let draws = 0;
      if (cps.validBelow(m) > 0) {
        ci = cps.lastEnd();
        this.smallest = cps.lastSmallest();
        draws = cps.lastDraws();
      } else {
        const first = chunks[0] as Chunk;
        const x1 = first.n > 1 ? (first.x[1] as number) : ((chunks[1] as Chunk).x[0] as number);
        this.smallest = x1 - (first.x[0] as number);
        ci = 1;
        if (this.smallest !== m) {
          draws = this.scanToMin(0, 1, m);
          if (this.smallest !== m) cps.push(1, this.smallest, draws);
        }
      }
      while (this.smallest !== m) {
        // m lies ahead, so some chunk j ≥ ci has a gap below the running minimum.
        const j = tree.firstBelow(ci, this.smallest);
        draws += tree.passedTies() + this.scanToMin(j, 0, m);
        ci = j + 1;
        if (this.smallest !== m) cps.push(ci, this.smallest, draws);
      }
      cps.settled();
      const rng = this.random();
      rng.skip(2 * draws);
      // From the first gap equal to m on, Hive draws once per further tie (reservoir sampling over the ties of
      // m, the first one holding with no draw); the last successful draw picks the pair.
      const further = tree.rootTies() - 1;
      const pick = rng.lastReservoirPick(1, further);
      this.locateTie(m, pick + 1);
      this.mergeAt(this.kc, this.kj);
    }
  }

  /**
   * Hive's loop body over the gaps chunk `ci` owns from its `from`-th bin, while the running minimum
   * (`smallest`) is above `m`: returns the draws made (gaps equal to the running minimum) and stops at the
   * first gap equal to m.
   */
  private scanToMin(ci: number, from: number, m: number): number {
    const chunks = this.chunks;
    const c = chunks[ci] as Chunk;
    const x = c.x;
    const next = chunks[ci + 1];
    const n = c.n;
    let smallest = this.smallest;
    let draws = 0;
    const inner = n - 1;
    for (let j = from; j < inner; j++) {
      const d = (x[j + 1] as number) - (x[j] as number);
      if (d < smallest) {
        smallest = d;
        if (d === m) {
          this.smallest = d;
          return draws;
        }
      } else if (d === smallest) draws++;
    }
    // The last owned gap reaches into the next chunk (the last chunk's last bin owns none).
    if (next != null && from < n) {
      const d = (next.x[0] as number) - (x[n - 1] as number);
      if (d < smallest) smallest = d;
      else if (d === smallest) draws++;
    }
    this.smallest = smallest;
    return draws;
  }

  /** Sets (kc, kj) to the `rank`-th (1-based) gap equal to `m`, in bin order. */
  private locateTie(m: number, rank: number): void {
    const tree = this.tree as GapMinTree;
    const ci = tree.findKth(rank);
    let left = tree.remainingRank();
    const c = this.chunks[ci] as Chunk;
    const next = this.chunks[ci + 1];
    const x = c.x;
    for (let j = 0; j < c.n; j++) {
      const right = j + 1 < c.n ? (x[j + 1] as number) : ((next as Chunk).x[0] as number);
      if (right - (x[j] as number) === m && --left === 0) {
        this.kc = ci;
        this.kj = j;
        return;
      }
    }
    throw new InternalError('FastNumericHistogram: tie not found (tree out of step with the bins)');
  }

  /** Merges bin (kc, kj) with its successor exactly as Hive does, updating the gaps' owners. */
  private mergeAt(kc: number, kj: number): void {
    const chunks = this.chunks;
    const c = chunks[kc] as Chunk;
    let sc = c;
    let sci = kc;
    let sj = kj + 1;
    if (sj >= c.n) {
      sci = kc + 1;
      sc = chunks[sci] as Chunk;
      sj = 0;
    }
    // Neighbours: P before the pair (owned by pc), N after it.
    const pc = kj > 0 ? c : kc > 0 ? (chunks[kc - 1] as Chunk) : null;
    this.checkpoints?.touch(kj > 0 ? kc : kc - 1);
    const xP = pc == null ? 0 : kj > 0 ? (c.x[kj - 1] as number) : lastX(pc);
    const xN = sj + 1 < sc.n ? (sc.x[sj + 1] as number) : chunks[sci + 1]?.x[0];
    const xk = c.x[kj] as number;
    const xs = sc.x[sj] as number;
    const yk = c.y[kj] as number;
    const yk1 = sc.y[sj] as number;
    const d = yk + yk1;
    let centre = xk;
    centre *= yk / d;
    centre += (xs / d) * yk1;
    const pMin = pc == null ? 0 : pc.min;
    const pTies = pc == null ? 0 : pc.ties;
    const cMin = c.min;
    const cTies = c.ties;
    const sMin = sc.min;
    const sTies = sc.ties;
    // Gaps P→k, k→s and s→N become P→centre and centre→N (the latter owned by k's chunk).
    if (pc != null) {
      dropGap(pc, xk - xP);
      addGap(pc, centre - xP);
    }
    dropGap(c, xs - xk);
    if (xN != null) {
      dropGap(sc, xN - xs);
      addGap(c, xN - centre);
    }
    c.x[kj] = centre;
    c.y[kj] = d;
    if (kj === 0) this.firsts[kc] = centre;
    const sx = sc.x;
    const sy = sc.y;
    const sn = sc.n - 1;
    for (let j = sj; j < sn; j++) {
      sx[j] = sx[j + 1] as number;
      sy[j] = sy[j + 1] as number;
    }
    sc.n = sn;
    if (sj === 0 && sn > 0) this.firsts[sci] = sx[0] as number;
    this.used--;
    if (pc != null && pc !== c) this.settle(kc - 1, pMin, pTies);
    if (sn === 0) {
      // Only a separate successor chunk can empty (a chunk holding both bins keeps the merged one).
      chunks.splice(sci, 1);
      this.refreshFirsts(sci);
      if (c.ties === 0) this.measure(kc);
      this.reindexFrom(kc);
    } else {
      this.settle(kc, cMin, cTies);
      if (sci !== kc) this.settle(sci, sMin, sTies);
    }
    // Rounding can put the centre onto a neighbour; the chunked search needs distinct centres.
    const prev = pc == null ? -Infinity : xP;
    const after = xN ?? Infinity;
    if (!(prev < centre && centre < after)) this.faithful();
  }
}

/** A gap owned by `c` disappears; when it was the last at the minimum, `ties` drops to 0 (minimum unknown). */
function dropGap(c: Chunk, g: number): void {
  if (g === c.min) c.ties--;
}

/** A gap owned by `c` appears. */
function addGap(c: Chunk, g: number): void {
  if (g < c.min) {
    c.min = g;
    c.ties = 1;
  } else if (g === c.min) c.ties++;
}

function lastX(c: Chunk): number {
  return c.x[c.n - 1] as number;
}
