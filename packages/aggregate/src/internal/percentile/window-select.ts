import { minOf, selectInPlace } from './order-statistic';

/** Values sampled to bracket the wanted ranks. */
const SAMPLE = 2048;
/** Sample ranks added on each side of the wanted one (about two standard deviations of its sample rank). */
const MARGIN = 96;
/** Largest window kept in the shared scratch buffer; larger groups take the plain path. */
const MAX_WINDOW = 1 << 20;
let scratch = new Float64Array(0);

/**
 * The order statistics at ascending indices `lo` and `hi` (`hi` is `lo` or `lo + 1`) of the values in
 * `chunks` (n values, no NaN, no -0.0) without joining the chunks first: a sample brackets the wanted ranks
 * between two pivots, one sequential pass counts the values below the lower pivot and copies out those in
 * between (a few percent), and selection finishes there. Returns `null` when the sample misled (the ranks
 * fall outside the window, e.g. periodic data) or the window is too large: the caller then joins and selects.
 * Measured on 100 groups of 95k values: about 0.6 of the time of joining plus Floyd–Rivest.
 */
export function orderStatisticsInWindow(
  chunks: readonly Float64Array[],
  ranks: { readonly n: number; readonly lo: number; readonly hi: number },
): { readonly low: number; readonly high: number } | null {
  const { n, lo, hi } = ranks;
  const step = Math.max(1, Math.floor(n / SAMPLE));
  const sample = new Float64Array(Math.ceil(n / step) + 1);
  let s = 0;
  let offset = 0;
  for (const c of chunks) {
    // Every step-th value of the whole sequence, wherever the chunk boundaries fall.
    for (let i = (step - (offset % step)) % step; i < c.length; i += step) sample[s++] = c[i]!;
    offset += c.length;
  }
  const rankLo = Math.max(0, Math.floor((lo * s) / n) - MARGIN);
  const rankHi = Math.min(s - 1, Math.ceil((hi * s) / n) + MARGIN);
  const p1 = selectInPlace(sample, { from: 0, to: s }, rankLo);
  const p2 = selectInPlace(sample, { from: rankLo, to: s }, rankHi);
  if (scratch.length < Math.min(n, MAX_WINDOW)) scratch = new Float64Array(Math.min(n, MAX_WINDOW));
  const window = scratch;
  let below = 0;
  let inside = 0;
  for (const c of chunks) {
    for (let i = 0; i < c.length; i++) {
      const x = c[i]!;
      // Counted without a branch: about half the values are below, so a branch would mispredict (measured
      // 58 vs 85 ms per 100 × 95k values); the window test is rarely true, so that branch predicts well.
      below += +(x < p1);
      if ((+(x >= p1) & +(x <= p2)) !== 0) {
        if (inside === window.length) return null;
        window[inside++] = x;
      }
    }
  }
  if (lo < below || hi >= below + inside) return null;
  const low = selectInPlace(window, { from: 0, to: inside }, lo - below);
  const high = hi === lo ? low : minOf(window, lo - below + 1, inside);
  return { low, high };
}
