import { HiveBatchError } from '@hive-batch/core';

/** Options of {@link inferSourceParallelism}. */
export interface ParallelismInferenceOptions {
  /** Upper bound. Subtasks. Defaults to `1000` (`table.exec.hive.infer-source-parallelism.max`). */
  readonly max?: number;
  /** The query's LIMIT; caps parallelism at `floor(limit / 1000)` (at least 1). Defaults to none. */
  readonly limit?: number;
}

/**
 * Hive's source parallelism: `clamp(splitCount, 1, max)`, then `min(p, floor(limit / 1000))`, at least 1.
 * Computed from the same plan the enumerator hands out, so the count equals the parallelism.
 *
 * @throws {HiveBatchError} `INVALID_ARGUMENT` for a max below 1 or a negative limit
 * @example
 * ```ts
 * inferSourceParallelism(3, { max: 2 }); // 2
 * ```
 */
export function inferSourceParallelism(
  splitCount: number,
  options: ParallelismInferenceOptions = {},
): number {
  const max = options.max ?? 1000;
  if (!(max >= 1)) throw new HiveBatchError('INVALID_ARGUMENT', `max parallelism must be ≥ 1, got ${max}`);
  let p = Math.min(splitCount, max);
  if (options.limit != null) {
    if (!(options.limit >= 0))
      throw new HiveBatchError('INVALID_ARGUMENT', `limit must be ≥ 0, got ${options.limit}`);
    p = Math.min(p, Math.floor(options.limit / 1000));
  }
  return Math.max(1, p);
}
