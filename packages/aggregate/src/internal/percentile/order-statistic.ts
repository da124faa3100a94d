/**
 * Order statistics of a Float64Array range, in place. The callers guarantee the range holds no NaN and no -0.0:
 * then `<` is a total order equal to Java's `Double.compare`, so the k-th smallest here is the k-th key of
 * Hive's sorted count table.
 */

/** Ranges this short are simply sorted (most groups, when there are millions of them). */
const SHORT_RANGE = 24;

function insertionSort(a: Float64Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const x = a[i]!;
    let j = i - 1;
    while (j >= from && a[j]! > x) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = x;
  }
}

/** Above this many values, Floyd–Rivest first selects within a sample to get a pivot next to the target. */
const SAMPLE_ABOVE = 600;

/**
 * Rearranges `a[range.from..range.to)` so that `a[k]` is its (k − from)-th smallest element, everything before it is ≤ and
 * everything after it ≥, and returns `a[k]`. Floyd–Rivest selection: a recursive pass over a small sample
 * puts a pivot close to k, so one partition of the range leaves little to do (about n + min(k, n − k)
 * comparisons; measured a third faster than median-of-three quickselect on 95k random values). Should a range
 * keep resisting, it is sorted natively, so the worst case stays O(n log n).
 */
export function selectInPlace(
  a: Float64Array,
  range: { readonly from: number; readonly to: number },
  k: number,
): number {
  const { from, to } = range;
  if (to - from <= SHORT_RANGE) {
    insertionSort(a, from, to);
    return a[k]!;
  }
  floydRivest(a, { left: from, right: to - 1, k, rounds: 2 * (32 - Math.clz32(to - from)) + 8 });
  return a[k]!;
}

function floydRivest(
  a: Float64Array,
  range: { left: number; right: number; readonly k: number; rounds: number },
): void {
  let { left, right } = range;
  const k = range.k;
  while (right > left) {
    if (range.rounds-- <= 0) {
      a.subarray(left, right + 1).sort();
      return;
    }
    if (right - left > SAMPLE_ABOVE) {
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      floydRivest(a, {
        left: Math.max(left, Math.floor(k - (m * s) / n + sd)),
        right: Math.min(right, Math.floor(k + ((n - m) * s) / n + sd)),
        k,
        rounds: range.rounds,
      });
    }
    const t = a[k]!;
    let i = left;
    let j = right;
    swap(a, left, k);
    if (a[right]! > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (a[i]! < t) i++;
      while (a[j]! > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else {
      j++;
      swap(a, j, right);
    }
    // a[j] = t now, with a[left..j) ≤ t ≤ a(j..right].
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/** Smallest of `a[from..to)` (`to > from`). */
export function minOf(a: Float64Array, from: number, to: number): number {
  let m = a[from]!;
  for (let i = from + 1; i < to; i++) if (a[i]! < m) m = a[i]!;
  return m;
}

/** Largest of `a[from..to)` (`to > from`). */
export function maxOf(a: Float64Array, from: number, to: number): number {
  let m = a[from]!;
  for (let i = from + 1; i < to; i++) if (a[i]! > m) m = a[i]!;
  return m;
}

/**
 * Moves every NaN of `a[from..to)` behind the other values (Java's `Double.compare` puts NaN above +Infinity)
 * and returns how many values are not NaN.
 */
export function moveNaNsToEnd(a: Float64Array, from: number, to: number): number {
  let end = from;
  for (let i = from; i < to; i++) {
    const x = a[i]!;
    if (x === x) {
      a[i] = a[end]!;
      a[end++] = x;
    }
  }
  // Swapping keeps the multiset: positions end..to now hold exactly the NaNs.
  return end - from;
}
