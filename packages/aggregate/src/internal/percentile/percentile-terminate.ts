import { bufferPercentiles, groupPercentiles, rangePercentile } from './percentile-result';
import type { PercentileOrder } from './percentile-result';
import type { PercentileLists, PercentileStore } from './percentile-store';

/** What terminate needs besides the store: the call site's percentile lists and key order. */
interface TerminateContext {
  readonly lists: PercentileLists;
  readonly order: PercentileOrder;
}

/**
 * Terminate of one group: from its run of grouped pending rows when it has one (then that run is all the group
 * holds, see GroupedRuns), else from its storage.
 */
export function terminateGroup(
  store: PercentileStore,
  group: number,
  context: TerminateContext,
): number[] | null {
  const runs = store.pending.grouped;
  const n = runs?.count[group] ?? 0;
  if (runs == null || n === 0) return groupPercentiles(store, group, context);
  const ps = context.lists.get(store.percentiles[group]!);
  if (ps == null) return null;
  return bufferPercentiles({ array: runs.values, from: runs.start[group]!, n }, ps, context.order);
}

/**
 * {@link terminateGroup} of groups `from..to-1` of a call site asking one percentile, written to `values` and
 * `valid` (NULL results left alone) without a result array per group; returns the number of NULL results.
 */
export function terminateSingleColumn(
  store: PercentileStore,
  out: {
    readonly from: number;
    readonly to: number;
    readonly values: Float64Array;
    readonly valid: Uint8Array;
  },
  context: TerminateContext,
): number {
  const { from, to, values, valid } = out;
  const { lists, order } = context;
  const runs = store.pending.grouped;
  const percentiles = store.percentiles;
  let nulls = 0;
  for (let g = from; g < to; g++) {
    const n = runs?.count[g] ?? 0;
    let v: number | null;
    if (runs != null && n > 0) {
      const p = lists.get(percentiles[g]!)?.[0];
      v = p === undefined ? null : rangePercentile({ array: runs.values, from: runs.start[g]!, n }, p, order);
    } else {
      v = groupPercentiles(store, g, context)?.[0] ?? null;
    }
    if (v == null) {
      nulls++;
    } else {
      values[g - from] = v;
      valid[g - from] = 1;
    }
  }
  return nulls;
}
