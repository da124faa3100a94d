import { JavaRandom } from '../java-random';
import { NUMERIC_HISTOGRAM_SEED, NumericHistogram } from './numeric-histogram';

/** A run of consecutive bins; `min` is the smallest gap owned by the run (see {@link FastNumericHistogram}). */
interface Chunk {
  x: Float64Array;
  y: Float64Array;
  n: number;
  min: number;
}

/**
 * The same histogram as {@link NumericHistogram} — same bins, same floating-point centres, same PRNG draws —
 * with a faster `add`: bins live in chunks of ~√nbins, each knowing the smallest gap it owns (the gap after each
 * of its bins, the last one reaching into the next chunk). Hive's trim scans every gap and consumes a PRNG draw
 * on each tie with the running minimum; a chunk whose smallest gap exceeds the running minimum cannot change
 * the scan's state and is skipped whole, so a trim costs O(chunks + scanned chunks · chunk size) instead of
 * O(nbins), and an insertion moves only one chunk.
 *
 * Exactness relies on distinct, finite bin centres (then the chunked binary search lands where Hive's does).
 * The first NaN/±Infinity value, a merge of partials, a trim whose centre collides with a neighbour, or any
 * read of the bins converts the state, once and for good, to the faithful structure sharing the same PRNG.
 */
export class FastNumericHistogram {
  private nbins = 0;
  private used = 0;
  private chunks: Chunk[] = [];
  private chunkSize = 16;
  private readonly rng: JavaRandom;
  private fallback: NumericHistogram | null = null;

  constructor(rng: JavaRandom = new JavaRandom(NUMERIC_HISTOGRAM_SEED)) {
    this.rng = rng;
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
    this.chunks = [];
    this.chunkSize = Math.max(8, Math.ceil(Math.sqrt(nbins) / 2));
  }

  /** Converts to (and from then on delegates to) the faithful structure, sharing the PRNG. */
  faithful(): NumericHistogram {
    if (this.fallback != null) return this.fallback;
    const h = new NumericHistogram(this.nbins, this.rng);
    const x: number[] = [];
    const y: number[] = [];
    for (const c of this.chunks) {
      for (let j = 0; j < c.n; j++) {
        x.push(c.x[j] as number);
        y.push(c.y[j] as number);
      }
    }
    h.merge([this.nbins, ...x.flatMap((v, i) => [v, y[i] as number])]);
    this.fallback = h;
    this.chunks = [];
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
      const cap = 2 * this.chunkSize + 1;
      const c: Chunk = { x: new Float64Array(cap), y: new Float64Array(cap), n: 1, min: Infinity };
      c.x[0] = v;
      c.y[0] = 1;
      chunks.push(c);
      this.used = 1;
      if (this.used > this.nbins) this.trim();
      return;
    }
    // Last chunk whose first centre is ≤ v (or the first chunk).
    let lo = 0;
    let hi = chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (((chunks[mid] as Chunk).x[0] as number) <= v) lo = mid;
      else hi = mid - 1;
    }
    const ci = lo;
    const c = chunks[ci] as Chunk;
    let l = 0;
    let r = c.n;
    while (l < r) {
      const m = (l + r) >> 1;
      const xm = c.x[m] as number;
      if (xm < v) l = m + 1;
      else if (xm > v) r = m;
      else {
        c.y[m] = (c.y[m] as number) + 1;
        return;
      }
    }
    c.x.copyWithin(l + 1, l, c.n);
    c.y.copyWithin(l + 1, l, c.n);
    c.x[l] = v;
    c.y[l] = 1;
    c.n++;
    this.used++;
    if (c.n > 2 * this.chunkSize) this.split(ci);
    else this.refresh(ci);
    // The previous chunk's last gap reaches into this chunk's first bin.
    if (ci > 0 && l === 0) this.refresh(ci - 1);
    if (this.used > this.nbins) this.trim();
  }

  private split(ci: number): void {
    const c = this.chunks[ci] as Chunk;
    const half = c.n >> 1;
    const cap = 2 * this.chunkSize + 1;
    const d: Chunk = { x: new Float64Array(cap), y: new Float64Array(cap), n: c.n - half, min: Infinity };
    d.x.set(c.x.subarray(half, c.n));
    d.y.set(c.y.subarray(half, c.n));
    c.n = half;
    this.chunks.splice(ci + 1, 0, d);
    this.refresh(ci);
    this.refresh(ci + 1);
  }

  /** Recomputes the smallest gap owned by chunk `ci`. */
  private refresh(ci: number): void {
    const c = this.chunks[ci] as Chunk;
    let min = Infinity;
    for (let j = 0; j + 1 < c.n; j++) {
      const d = (c.x[j + 1] as number) - (c.x[j] as number);
      if (d < min) min = d;
    }
    const next = this.chunks[ci + 1];
    if (next != null && c.n > 0) {
      const d = (next.x[0] as number) - (c.x[c.n - 1] as number);
      if (d < min) min = d;
    }
    c.min = min;
  }

  /** Hive's trim, skipping chunks that cannot hold a gap ≤ the running minimum. */
  private trim(): void {
    while (this.used > this.nbins) {
      if (this.fallback != null) {
        this.fallback.trim();
        return;
      }
      const chunks = this.chunks;
      const first = chunks[0] as Chunk;
      // Gap 0 starts the scan (Hive reads gap(0) before its loop; with one bin left it reads past the end).
      const x1 = first.n > 1 ? (first.x[1] as number) : ((chunks[1] as Chunk).x[0] as number);
      let smallest = x1 - (first.x[0] as number);
      let kc = 0;
      let kj = 0;
      let ties = 1;
      for (let ci = 0; ci < chunks.length; ci++) {
        const c = chunks[ci] as Chunk;
        if (c.min > smallest) continue;
        const next = chunks[ci + 1];
        const lastOwned = next == null ? c.n - 2 : c.n - 1;
        for (let j = ci === 0 ? 1 : 0; j <= lastOwned; j++) {
          const right = j + 1 < c.n ? (c.x[j + 1] as number) : ((next as Chunk).x[0] as number);
          const d = right - (c.x[j] as number);
          if (d < smallest) {
            smallest = d;
            kc = ci;
            kj = j;
            ties = 1;
          } else if (d === smallest) {
            ties++;
            if (this.rng.nextDouble() <= 1.0 / ties) {
              kc = ci;
              kj = j;
            }
          }
        }
      }
      this.mergeAt(kc, kj);
    }
  }

  /** Merges bin (kc, kj) with its successor exactly as Hive does. */
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
    const yk = c.y[kj] as number;
    const yk1 = sc.y[sj] as number;
    const d = yk + yk1;
    let centre = c.x[kj] as number;
    centre *= yk / d;
    centre += ((sc.x[sj] as number) / d) * yk1;
    c.x[kj] = centre;
    c.y[kj] = d;
    sc.x.copyWithin(sj, sj + 1, sc.n);
    sc.y.copyWithin(sj, sj + 1, sc.n);
    sc.n--;
    this.used--;
    if (sc.n === 0) chunks.splice(sci, 1);
    // Gaps that changed: the one before the merged bin (owned by kc − 1 when it is first), the merged bin's own,
    // and the successor chunk's when its first bin was removed.
    if (kj === 0 && kc > 0) this.refresh(kc - 1);
    this.refresh(kc);
    if (sci !== kc && sc.n > 0) this.refresh(sci);
    // Rounding can put the centre onto a neighbour; the chunked search needs distinct centres.
    const prev = kj > 0 ? (c.x[kj - 1] as number) : kc > 0 ? lastX(chunks[kc - 1] as Chunk) : -Infinity;
    const after = nextX(chunks, kc, kj);
    if (!(prev < centre && centre < after)) this.faithful();
  }

  /** Hive's `serialize()` (`[nbins, x1, y1, …]`) without converting. */
  serialize(): number[] {
    if (this.fallback != null) return this.fallback.serialize();
    const out = [this.nbins];
    for (const c of this.chunks) for (let j = 0; j < c.n; j++) out.push(c.x[j] as number, c.y[j] as number);
    return out;
  }
}

function lastX(c: Chunk): number {
  return c.x[c.n - 1] as number;
}

function nextX(chunks: readonly Chunk[], kc: number, kj: number): number {
  const c = chunks[kc] as Chunk;
  if (kj + 1 < c.n) return c.x[kj + 1] as number;
  const n = chunks[kc + 1];
  return n == null ? Infinity : (n.x[0] as number);
}
