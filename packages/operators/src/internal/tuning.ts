/**
 * Thresholds of HashAggregate's many-groups path and DISTINCT fast path. Not options: the defaults were measured
 * with bench:agg; tests lower them (and restore them) to run the deferred, clustered path and frequent DISTINCT
 * compactions on small inputs.
 */
export const TUNING: {
  clusterMinGroups: number;
  deferRows: number;
  unrollAfterRows: number;
  distinctCompactRows: number;
} = {
  /** Groups beyond which rows are clustered by group id before the kernels run (state > L2 per array). */
  clusterMinGroups: 65536,
  /**
   * Rows held back before clustering and accumulating them together (see DeferredRows). bench:agg (a) at 1M
   * groups: 2.6 s with one batch (65,536 rows) at a time, 1.7–2.2 s at 1M rows, 1.4–1.6 s at 4M, 1.8 s at 8M.
   */
  deferRows: 1 << 22,
  /**
   * Rows an operator's fused loop takes one per iteration before switching to the unrolled (and keyed) loops: a
   * fresh unrolled loop runs unoptimized until V8 has compiled it, which made 200k-row inputs 2–4× slower
   * (bench:agg (a) 7–8 → 20–38 ms), while at 10M rows the first 1M rows in the plain loop cost ~1 %.
   */
  unrollAfterRows: 1 << 20,
  /**
   * Pending (group, value) rows of a `f(DISTINCT x)` fast path that trigger a compaction (or twice the compacted
   * size, if larger); see DistinctValueBuffer. Tests lower it to compact after every few rows.
   */
  distinctCompactRows: 1 << 22,
};
