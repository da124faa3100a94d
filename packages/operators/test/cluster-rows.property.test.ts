import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HiveTypes, batchToRows, createSchema } from '@hive-batch/core';
import { clusterRows } from '../src/kernels/cluster-rows';
import { rowsToBatches } from './helpers/batches';

const schema = createSchema([
  { name: 'v', type: HiveTypes.double },
  { name: 'n', type: HiveTypes.int },
]);

/** Rows in input order, stably sorted by group-id window (8192 ids), with their ids: what clusterRows must give. */
function expected(rows: readonly unknown[][], ids: readonly number[]): [unknown[][], number[]] {
  const order = ids.map((g, i) => [g >> 13, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return [order.map(([, i]) => rows[i] as unknown[]), order.map(([, i]) => ids[i] as number)];
}

describe('clusterRows', () => {
  it('gives every row once, stably ordered by group-id window, with its NULLs (one window or many)', () => {
    const row = fc.tuple(
      fc.option(fc.double({ noNaN: true }), { nil: null, freq: 4 }),
      fc.option(fc.integer(), { nil: null, freq: 4 }),
    );
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 300, size: 'max' }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        fc.nat(),
        (rows, batchSize, oneWindow, seed) => {
          const ids = rows.map((_, i) => ((i * 7919 + seed) % 1000) * (oneWindow ? 1 : 97));
          const batches = rowsToBatches(schema, rows, batchSize);
          const out = clusterRows(batches, Int32Array.from(ids), [0, 1]);
          expect(out).not.toBeNull();
          const [wantRows, wantIds] = expected(rows, ids);
          expect(batchToRows(out!.batch)).toEqual(wantRows);
          expect([...out!.groupIds]).toEqual(wantIds);
          for (const k of [0, 1]) {
            const c = out!.batch.columns[k]!;
            expect(c.nullCount).toBe(rows.filter((r) => r[k] == null).length);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
