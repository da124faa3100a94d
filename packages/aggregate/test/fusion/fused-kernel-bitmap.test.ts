// The generated loop runs 8 rows per iteration as straight-line code, reads NULL bitmaps a byte at a time and has a
// test-free path for all-valid bytes; it must leave exactly the state each member's accumulateBatch leaves,
// whatever the batch length (whole bytes or a tail), the NULL rate (none, a few, many) and which of several
// columns are nullable.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HiveTypes, columnFromValues } from '@hive-batch/core';
import type { Column } from '@hive-batch/core';
import {
  FusedAccumulator,
  builtinAggregates,
  createAccumulatorState,
  resolveAggregate,
} from '@hive-batch/aggregate';
import type { AggregateEvaluator, FusedNumberValues } from '@hive-batch/aggregate';
import { exactEquals, show } from '../helpers/split-invariance';

const GROUPS = 4;

function evaluatorOf(name: string, star = false): AggregateEvaluator {
  const def = builtinAggregates().find((d) => d.name === name)!;
  return resolveAggregate(def, { argumentTypes: star ? [] : [HiveTypes.double], star });
}

/** count(*), then per column count/sum/avg/min/max/var_samp (the benchmark's shapes, over two columns). */
const MEMBERS: readonly { readonly evaluator: AggregateEvaluator; readonly column: number | null }[] = [
  { evaluator: evaluatorOf('count', true), column: null },
  ...[0, 1].flatMap((column) =>
    ['count', 'sum', 'avg', 'min', 'max', 'var_samp'].map((n) => ({ evaluator: evaluatorOf(n), column })),
  ),
];

const valueArb = fc.oneof(
  fc.integer({ min: -20, max: 20 }).map((x) => x / 4),
  fc.constantFrom(0, -0, Number.NaN, Infinity, -Infinity, 1e308),
);

/** A column's values with NULLs at one of three rates (none, ~5 %, ~50 %). */
function columnArb(length: number): fc.Arbitrary<(number | null)[]> {
  return fc.constantFrom(0, 1, 10).chain((nullPer20) =>
    fc.array(
      fc.tuple(valueArb, fc.integer({ min: 0, max: 19 })).map(([v, r]) => (r < nullPer20 ? null : v)),
      { minLength: length, maxLength: length },
    ),
  );
}

const batchArb = fc
  .integer({ min: 0, max: 70 })
  .chain((n) =>
    fc.tuple(fc.array(fc.nat(GROUPS - 1), { minLength: n, maxLength: n }), columnArb(n), columnArb(n)),
  );

describe('fused kernel over NULL bitmaps', () => {
  it('byte-at-a-time bitmap reading ≡ each member accumulating alone (any length, NULL rate, nullable columns)', () => {
    fc.assert(
      fc.property(fc.array(batchArb, { maxLength: 4 }), (batches) => {
        const fused = new FusedAccumulator(MEMBERS, 2);
        const interleaved = new Float64Array(GROUPS * fused.stride);
        for (let g = 0; g < GROUPS; g++) interleaved.set(fused.template, g * fused.stride);
        // The plain one-row-per-iteration loop runs alongside and must leave the same values (NaN payload bits
        // may differ between compiled loops; Hive's NaN is one value).
        const plain = interleaved.slice();
        const states = MEMBERS.map((m) => {
          const s = createAccumulatorState(m.evaluator.layout, GROUPS);
          for (let g = 0; g < GROUPS; g++) m.evaluator.init(s, g);
          return s;
        });
        for (const [groups, ...values] of batches) {
          const columns: Column[] = values.map((v) => columnFromValues(HiveTypes.double, v));
          const groupIds = Int32Array.from(groups);
          MEMBERS.forEach((m, k) => {
            const args = m.column == null ? [] : [columns[m.column]!];
            m.evaluator.accumulateBatch(states[k]!, groupIds, args, groups.length);
          });
          let mask = 0;
          const validity = columns.map((c, j) => {
            if (c.layout !== 'fixed') throw new Error('expected a fixed-width column');
            if (c.validity != null && c.nullCount > 0) mask |= 1 << j;
            return c.validity != null && c.nullCount > 0 ? c.validity : null;
          });
          const numbers = columns.map((c) => (c.layout === 'fixed' ? c.values : null) as FusedNumberValues);
          fused.kernel(mask)(interleaved, groupIds, groups.length, numbers, validity);
          fused.plainKernel(mask)(plain, groupIds, groups.length, numbers, validity);
        }
        expect(plain.every((v, i) => Object.is(v, interleaved[i]))).toBe(true);
        const all = Array.from({ length: GROUPS }, (_, g) => g);
        MEMBERS.forEach((m, k) => {
          const fromFused = fused.memberState(interleaved, k, all);
          for (let g = 0; g < GROUPS; g++) {
            const want = [m.evaluator.terminatePartial(states[k]!, g), m.evaluator.terminate(states[k]!, g)];
            const got = [m.evaluator.terminatePartial(fromFused, g), m.evaluator.terminate(fromFused, g)];
            expect(exactEquals(got, want), `member ${k} group ${g}: ${show(got)} vs ${show(want)}`).toBe(
              true,
            );
          }
        });
      }),
      { numRuns: 150 },
    );
  });
});
