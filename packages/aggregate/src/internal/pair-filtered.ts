import { getValue } from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
import type { AggregateEvaluator } from '../contract';
import { argColumn } from './evaluator-kit';

/**
 * regr_count/sxx/syy/avgx/avgy: Hive drops rows where either of (y, x) is NULL, then runs a one-argument
 * evaluator on argument `pick`. State, partials and result are the inner evaluator's.
 */
export function pairFiltered(
  inner: AggregateEvaluator,
  types: readonly [DataType, DataType],
  pick: 0 | 1,
): AggregateEvaluator {
  const one: unknown[] = [null];
  return {
    ...inner,
    inputTypes: types,
    accumulate(state, g, args) {
      const a = args[0];
      const b = args[1];
      if (a == null || b == null) return;
      one[0] = pick === 0 ? a : b;
      inner.accumulate(state, g, one);
    },
    // eslint-disable-next-line max-params -- the signature is AggregateEvaluator.accumulateBatch
    accumulateBatch(state, groupIds, args, numRows) {
      const cy = argColumn(args, 0);
      const cx = argColumn(args, 1);
      const picked = pick === 0 ? cy : cx;
      const other = pick === 0 ? cx : cy;
      if (other.layout === 'null') return;
      if (other.validity == null) {
        // No NULLs on the other side: the inner batch kernel sees exactly the rows it would see row by row.
        inner.accumulateBatch(state, groupIds, [picked], numRows);
        return;
      }
      for (let i = 0; i < numRows; i++) {
        const a = getValue(cy, i);
        const b = getValue(cx, i);
        if (a == null || b == null) continue;
        one[0] = pick === 0 ? a : b;
        inner.accumulate(state, groupIds[i] ?? 0, one);
      }
    },
  };
}
