// Property helper: the batch kernel must equal row-at-a-time accumulate (same groups, same row order).
import fc from 'fast-check';
import { columnFromValues } from '@hive-batch/core';
import { aggregateBatchGrouped, aggregateRowsGrouped } from '@hive-batch/aggregate';
import type { AggregateEvaluator } from '@hive-batch/aggregate';
import { exactEquals, show } from '../helpers/split-invariance';

/** Throws when, for some rows and group ids, PARTIAL1 via `accumulateBatch` differs from via `accumulate`. */
export function checkBatchEquivalence(
  ev: AggregateEvaluator,
  row: fc.Arbitrary<readonly unknown[]>,
  numRuns = 30,
): void {
  fc.assert(
    fc.property(fc.array(fc.tuple(row, fc.nat(3)), { maxLength: 40 }), (rowsWithGroups) => {
      const rows = rowsWithGroups.map(([r]) => r);
      const groupIds = rowsWithGroups.map(([, g]) => g);
      const columns = ev.inputTypes.map((t, k) =>
        columnFromValues(
          t,
          rows.map((r) => r[k] ?? null),
        ),
      );
      const viaRows = aggregateRowsGrouped(ev, rows, { mode: 'partial1', groupIds, numGroups: 4 });
      const viaBatch = aggregateBatchGrouped(ev, columns, {
        mode: 'partial1',
        groupIds,
        numGroups: 4,
        numRows: rows.length,
      });
      if (!exactEquals(viaBatch, viaRows)) throw new Error(`${show(viaBatch)} vs ${show(viaRows)}`);
    }),
    { numRuns },
  );
}
