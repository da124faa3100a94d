import { getValue } from '@hive-batch/core';
import type { AccumulatorState, AggregateEvaluator } from '../contract';

/**
 * Row-at-a-time batch kernel shared by the variable-size aggregates (collections, histograms, n-grams,
 * sketches), which consume values one at a time anyway: reads each argument of each row with core's
 * `getValue` and calls `accumulate(state, group, args)` in row order, as the contract requires.
 */
export function rowWiseBatch(
  accumulate: (state: AccumulatorState, group: number, args: readonly unknown[]) => void,
): AggregateEvaluator['accumulateBatch'] {
  // eslint-disable-next-line max-params -- the signature is fixed by the AggregateEvaluator contract
  return (state, groupIds, columns, numRows) => {
    const n = columns.length;
    const args = new Array<unknown>(n);
    for (let r = 0; r < numRows; r++) {
      for (let c = 0; c < n; c++) {
        const col = columns[c];
        args[c] = col == null ? null : getValue(col, r);
      }
      accumulate(state, groupIds[r] ?? 0, args);
    }
  };
}
