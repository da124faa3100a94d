import { bufferPercentiles, groupPercentiles } from './percentile-result';
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
