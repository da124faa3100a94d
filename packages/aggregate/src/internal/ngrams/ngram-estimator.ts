import { formatJavaDouble, HiveBatchError } from '@hive-batch/core';
import { javaStringHashCode } from '../sketches/fm-sketch';

/** Separator of the words of an n-gram inside a map key (a character that cannot occur in UTF-16 text). */
const SEP = '\u0000';

function mismatch(what: string, a: number, b: number): HiveBatchError {
  return new HiveBatchError(
    'FUNCTION_CALL_FAILED',
    `NGramEstimator: mismatch in value for '${what}', which usually is caused by a non-constant expression. Found '${a}' and '${b}'.`,
  );
}

/** One result entry: the n-gram and its estimated frequency. */
export interface NGramFrequency {
  readonly ngram: string[];
  readonly estfrequency: number;
}

function compareNGrams(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length && i < b.length; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    // Java String.compareTo: UTF-16 code unit order, which is JS string order.
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/**
 * Hive's NGramEstimator: an n-gram → frequency table capped at `2·k·pf` entries (trimmed to the `k·pf` most
 * frequent when exceeded), with `pf` raised to `1000 / k` when `k·pf < 1000`.
 *
 * Hive breaks frequency ties while trimming (and orders its partial) by `java.util.HashMap` iteration order;
 * that order is reproduced: buckets by `ArrayList.hashCode()` spread as HashMap does, over a table that starts
 * at 16 and doubles past a 0.75 load (it never shrinks), insertion order within a bucket. Not reproduced: the
 * order inside a bucket that Java turned into a tree (8+ colliding n-grams in one bucket).
 */
export class NGramEstimator {
  k = 0;
  pf = 0;
  n = 0;
  /** Keys are the words joined by NUL, in insertion order (a key removed and added again goes last). */
  readonly ngrams: Map<string, number> = new Map();
  /** Capacity of the emulated HashMap table. */
  private capacity = 16;
  private readonly hashes: Map<string, number> = new Map();

  private put(key: string, value: number): void {
    const isNew = !this.ngrams.has(key);
    this.ngrams.set(key, value);
    if (isNew && this.ngrams.size > this.capacity * 0.75) this.capacity *= 2;
  }

  private bucketOf(key: string): number {
    let h = this.hashes.get(key);
    if (h == null) {
      h = 1;
      for (const w of key.split(SEP)) h = (Math.imul(31, h) + javaStringHashCode(w)) | 0;
      this.hashes.set(key, h);
    }
    return (h ^ (h >>> 16)) & (this.capacity - 1);
  }

  /** Entries in Java HashMap iteration order. */
  private javaOrder(): [string, number][] {
    const entries = [...this.ngrams.entries()];
    const buckets = entries.map(([k]) => this.bucketOf(k));
    const idx = entries.map((_, i) => i);
    idx.sort((a, b) => (buckets[a] as number) - (buckets[b] as number) || a - b);
    return idx.map((i) => entries[i] as [string, number]);
  }

  isInitialized(): boolean {
    return this.k !== 0;
  }

  initialize(k: number, pf: number, n: number): void {
    this.k = k;
    this.pf = pf;
    this.n = n;
    if (k * pf < 1000) this.pf = Math.trunc(1000 / k);
  }

  add(ngram: readonly string[]): void {
    const key = ngram.join(SEP);
    this.put(key, (this.ngrams.get(key) ?? 0) + 1);
    if (this.n === 0) this.n = ngram.length;
    else if (this.n !== ngram.length) throw mismatch('n', this.n, ngram.length);
    if (this.ngrams.size > this.k * this.pf * 2) this.trim(false);
  }

  private trim(finalTrim: boolean): void {
    // Stable ascending sort by frequency; the lowest entries beyond the kept count are dropped.
    const list = this.javaOrder().sort((a, b) => a[1] - b[1]);
    const drop = list.length - (finalTrim ? this.k : this.pf * this.k);
    for (let i = 0; i < drop; i++) this.ngrams.delete((list[i] as [string, number])[0]);
  }

  /** Hive's `getNGrams()`: top-k by frequency desc, then n-gram order; `null` when empty. */
  getNGrams(): NGramFrequency[] | null {
    this.trim(true);
    if (this.ngrams.size < 1) return null;
    const list = [...this.ngrams.entries()].map(([k, v]) => ({ ngram: k.split(SEP), estfrequency: v }));
    list.sort((a, b) => {
      if (a.estfrequency !== b.estfrequency) return b.estfrequency > a.estfrequency ? 1 : -1;
      return compareNGrams(a.ngram, b.ngram);
    });
    return list;
  }

  /** Hive's `serialize()`: `[k, n, pf, w1…wn, freq, …]` as text. */
  serialize(): string[] {
    const out = [String(this.k), String(this.n), String(this.pf)];
    for (const [key, v] of this.javaOrder()) {
      out.push(...key.split(SEP), formatJavaDouble(v));
    }
    return out;
  }

  /** Hive's `merge(other)` of a serialized estimator (without the evaluator's trailing fields). */
  merge(other: readonly (string | null)[]): void {
    const otherK = Number.parseInt(other[0] ?? '', 10);
    const otherN = Number.parseInt(other[1] ?? '', 10);
    const otherPF = Number.parseInt(other[2] ?? '', 10);
    if (![otherK, otherN, otherPF].every(Number.isInteger)) {
      throw new HiveBatchError('INVALID_AGGREGATE_STATE', 'Corrupt aggregate partial: bad n-gram header');
    }
    if (this.k > 0 && this.k !== otherK) throw mismatch('k', this.k, otherK);
    if (this.n > 0 && this.n !== otherN) throw mismatch('n', this.n, otherN);
    if (this.pf > 0 && this.pf !== otherPF) throw mismatch('pf', this.pf, otherPF);
    this.k = otherK;
    this.pf = otherPF;
    this.n = otherN;
    for (let i = 3; i + this.n < other.length; i += this.n + 1) {
      const key = other.slice(i, i + this.n).join(SEP);
      const val = Number(other[i + this.n]);
      this.put(key, (this.ngrams.get(key) ?? 0) + val);
    }
    this.trim(false);
  }
}
