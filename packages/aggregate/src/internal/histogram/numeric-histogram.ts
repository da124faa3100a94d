import { InternalError, compareJavaDoubles } from '@hive-batch/core';
import { JavaRandom } from '../java-random';

/** Seed of the tie-breaking generator Hive's NumericHistogram creates in its constructor. */
export const NUMERIC_HISTOGRAM_SEED = 31183;

/**
 * The Ben-Haim/Tom-Tov streaming histogram of Hive's `NumericHistogram`, reproduced operation by operation so
 * that bins, their floating-point centres and the PRNG draws equal Hive's: binary-search insertion, `trim()`
 * merging the closest adjacent pair with reservoir-sampled tie-break, merge by stable sort + trim.
 *
 * This is the faithful O(N·B) structure; it is the oracle for any faster variant.
 */
export class NumericHistogram {
  /** Capacity (Hive's `nbins`); 0 until allocated or copied from a partial. */
  nbins: number;
  /** Bins in use. */
  used = 0;
  /** Bin centres (ascending) and heights; length ≥ used. */
  x: Float64Array;
  y: Float64Array;
  /** Shared PRNG; `reset()` keeps it, like Hive. */
  readonly rng: JavaRandom;

  constructor(nbins = 0, rng: JavaRandom = new JavaRandom(NUMERIC_HISTOGRAM_SEED)) {
    this.nbins = nbins;
    this.rng = rng;
    this.x = new Float64Array(nbins + 1);
    this.y = new Float64Array(nbins + 1);
  }

  /** Hive's `reset()`: drops the bins and the capacity (not ready) but keeps the PRNG state. */
  reset(): void {
    this.used = 0;
    this.nbins = 0;
  }

  /** Hive's `isReady()`: a capacity was allocated or copied in. */
  isReady(): boolean {
    return this.nbins !== 0;
  }

  /** Hive's `allocate(nbins)`: sets the capacity and drops the bins. */
  allocate(nbins: number): void {
    this.nbins = nbins;
    this.used = 0;
    this.ensure(nbins + 1);
  }

  private ensure(n: number): void {
    if (this.x.length >= n) return;
    const cap = Math.max(n, this.x.length * 2);
    const nx = new Float64Array(cap);
    const ny = new Float64Array(cap);
    nx.set(this.x.subarray(0, this.used));
    ny.set(this.y.subarray(0, this.used));
    this.x = nx;
    this.y = ny;
  }

  /** Hive's `add(v)`. */
  add(v: number): void {
    const x = this.x;
    let l = 0;
    let r = this.used;
    let bin = 0;
    // Same comparisons as Hive (primitive `>`/`<`): a NaN never compares, so it lands where the search stops.
    while (l < r) {
      bin = (l + r) >> 1;
      const xb = x[bin] as number;
      if (xb > v) {
        r = bin;
      } else if (xb < v) {
        l = ++bin;
      } else {
        break;
      }
    }
    if (bin < this.used && x[bin] === v) {
      this.y[bin] = (this.y[bin] as number) + 1;
      return;
    }
    this.ensure(this.used + 1);
    this.x.copyWithin(bin + 1, bin, this.used);
    this.y.copyWithin(bin + 1, bin, this.used);
    this.x[bin] = v;
    this.y[bin] = 1;
    this.used++;
    if (this.used > this.nbins) this.trim();
  }

  /** Hive's `trim()`: merges the closest adjacent bins until at most `nbins` remain. */
  trim(): void {
    const x = this.x;
    const y = this.y;
    while (this.used > this.nbins) {
      const used = this.used;
      let smallest = (x[1] as number) - (x[0] as number);
      let k = 0;
      let ties = 1;
      for (let i = 1; i < used - 1; i++) {
        const d = (x[i + 1] as number) - (x[i] as number);
        if (d < smallest) {
          smallest = d;
          k = i;
          ties = 1;
        } else if (d === smallest) {
          ties++;
          if (this.rng.nextDouble() <= 1.0 / ties) k = i;
        }
      }
      const yk = y[k] as number;
      const yk1 = y[k + 1] as number;
      const d = yk + yk1;
      let c = x[k] as number;
      c *= yk / d;
      c += ((x[k + 1] as number) / d) * yk1;
      x[k] = c;
      y[k] = d;
      x.copyWithin(k + 1, k + 2, used);
      y.copyWithin(k + 1, k + 2, used);
      this.used = used - 1;
    }
  }

  /** Hive's `serialize()`: `[nbins, x1, y1, x2, y2, …]`. */
  serialize(): number[] {
    const out = new Array<number>(1 + 2 * this.used);
    out[0] = this.nbins;
    for (let i = 0; i < this.used; i++) {
      out[1 + 2 * i] = this.x[i] as number;
      out[2 + 2 * i] = this.y[i] as number;
    }
    return out;
  }

  /**
   * Hive's `merge(serialized)`: copies the other histogram when this one is empty or unallocated, else
   * concatenates both bin lists, stable-sorts them by `Double.compare` and trims.
   * @param other - `[nbins, x1, y1, …]` starting at `offset`.
   */
  merge(other: readonly number[], offset = 0): void {
    const n = other.length - offset;
    if (n < 1) return;
    const pairs = (n - 1) >> 1;
    if (this.nbins === 0 || this.used === 0) {
      const nb = other[offset] as number;
      if (!Number.isInteger(nb) || nb < 0) throw new InternalError(`Bad serialized histogram size ${nb}`);
      this.nbins = nb;
      this.ensure(Math.max(nb + 1, pairs));
      for (let i = 0; i < pairs; i++) {
        this.x[i] = other[offset + 1 + 2 * i] as number;
        this.y[i] = other[offset + 2 + 2 * i] as number;
      }
      this.used = pairs;
      return;
    }
    const total = this.used + pairs;
    const idx: number[] = new Array<number>(total);
    const ax = new Float64Array(total);
    const ay = new Float64Array(total);
    ax.set(this.x.subarray(0, this.used));
    ay.set(this.y.subarray(0, this.used));
    for (let i = 0; i < pairs; i++) {
      ax[this.used + i] = other[offset + 1 + 2 * i] as number;
      ay[this.used + i] = other[offset + 2 + 2 * i] as number;
    }
    for (let i = 0; i < total; i++) idx[i] = i;
    // Array.prototype.sort is stable, like Java's Collections.sort.
    idx.sort((a, b) => compareJavaDoubles(ax[a] as number, ax[b] as number));
    this.ensure(total);
    for (let i = 0; i < total; i++) {
      const j = idx[i] as number;
      this.x[i] = ax[j] as number;
      this.y[i] = ay[j] as number;
    }
    this.used = total;
    this.trim();
  }

  /** Hive's `quantile(q)` for 0 < q < 1 (not textbook interpolation; see the semantics doc §9.1). */
  quantile(q: number): number {
    let sum = 0;
    for (let i = 0; i < this.used; i++) sum += this.y[i] as number;
    let csum = 0;
    let b = 0;
    for (; b < this.used; b++) {
      csum += this.y[b] as number;
      if (csum / sum >= q) {
        if (b === 0) return this.x[0] as number;
        csum -= this.y[b] as number;
        const x0 = this.x[b - 1] as number;
        return x0 + ((q * sum - csum) * ((this.x[b] as number) - x0)) / (this.y[b] as number);
      }
    }
    // Unreachable for 0 < q ≤ 1 over non-empty bins; Hive returns -1 here too.
    return -1;
  }
}
