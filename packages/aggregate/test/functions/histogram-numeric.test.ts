import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HiveDecimal, HiveTypes } from '@hive-batch/core';
import {
  aggregateRows,
  histogramNumeric,
  mergePartials,
  percentileApprox,
  resolveAggregate,
} from '@hive-batch/aggregate';
import type { JsonValue } from '@hive-batch/aggregate';
import { checkSplitInvariance } from '../helpers/split-invariance';
import { checkBatchEquivalence } from './batch-equivalence';

const hist = resolveAggregate(histogramNumeric, { argumentTypes: [HiveTypes.double, HiveTypes.int] });

/** Histogram bins grouped by x with summed heights (merging partials keeps equal-x bins apart, like Hive). */
/**
 * Bins summed by centre. Centres are rounded to 12 significant digits: Hive's trim merges two bins of one centre
 * as `x·(y1/d) + x/d·y2`, which can land an ulp off x (x = 1, heights 1 and 5 give 0.9999999999999999), so
 * partials merged in a different grouping may differ in the last bit while the histogram is the same.
 */
function byX(v: unknown): [number, number][] {
  const m = new Map<number, number>();
  for (const { x, y } of (v as { x: number; y: number }[] | null) ?? []) {
    const key = Number(x.toPrecision(12));
    m.set(key, (m.get(key) ?? 0) + y);
  }
  return [...m.entries()].sort((a, b) => a[0] - b[0]);
}

describe('histogram_numeric', () => {
  it('is exact with at most nb distinct values and NULL when empty', () => {
    expect(aggregateRows(hist, [], 'complete')).toBeNull();
    expect(aggregateRows(hist, [[null, 3]], 'complete')).toBeNull();
    expect(
      aggregateRows(
        hist,
        [3, 1, 3, 2].map((v) => [v, 3]),
        'complete',
      ),
    ).toEqual([
      { x: 1, y: 1 },
      { x: 2, y: 1 },
      { x: 3, y: 2 },
    ]);
  });
  it("converts timestamps to seconds and decimals to doubles, like Hive's getDouble", () => {
    const ts = resolveAggregate(histogramNumeric, { argumentTypes: [HiveTypes.timestamp, HiveTypes.int] });
    expect(
      aggregateRows(
        ts,
        [
          [1_500_000n, 5],
          [-500_000n, 5],
        ],
        'complete',
      ),
    ).toEqual([
      { x: -0.5, y: 1 },
      { x: 1.5, y: 1 },
    ]);
    const dec = resolveAggregate(histogramNumeric, {
      argumentTypes: [{ kind: 'decimal', precision: 5, scale: 2 }, HiveTypes.int],
    });
    expect(aggregateRows(dec, [[new HiveDecimal('0.10'), 5]], 'complete')).toEqual([{ x: 0.1, y: 1 }]);
  });
  it('merges the closest pair, weighting centres by height', () => {
    expect(
      aggregateRows(
        hist,
        [0, 10, 11, 11].map((v) => [v, 2]),
        'complete',
      ),
    ).toEqual([
      { x: 0, y: 1 },
      { x: (10 * 1) / 3 + (11 / 3) * 2, y: 3 },
    ]);
  });
  it('rejects nb < 2 at the first row, non-int nb and non-numeric values', () => {
    expect(() => aggregateRows(hist, [[1, 1]], 'complete')).toThrow(
      expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
    );
    for (const argumentTypes of [
      [HiveTypes.double, HiveTypes.bigint],
      [HiveTypes.string, HiveTypes.int],
      [HiveTypes.double],
    ]) {
      expect(() => resolveAggregate(histogramNumeric, { argumentTypes })).toThrow(
        expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
      );
    }
  });
  it('split invariance with ≤ nb distinct values: same bins by x (Hive keeps equal-x bins of partials apart)', () => {
    const row = fc.option(fc.integer({ min: 0, max: 7 }), { nil: null }).map((v) => [v, 10] as const);
    expect(() =>
      checkSplitInvariance({
        definition: histogramNumeric,
        call: { argumentTypes: [HiveTypes.double, HiveTypes.int] },
        row,
        equals: (a, b) => JSON.stringify(byX(a)) === JSON.stringify(byX(b)),
        numRuns: 40,
      }),
    ).not.toThrow();
  });
  it('batch kernel ≡ row-at-a-time accumulate (with trimming and PRNG ties)', () => {
    const ev = resolveAggregate(histogramNumeric, { argumentTypes: [HiveTypes.double, HiveTypes.int] });
    const row = fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }).map((v) => [v, 3] as const);
    expect(() => checkBatchEquivalence(ev, row)).not.toThrow();
  });
});

describe('percentile_approx partials', () => {
  const ev = resolveAggregate(percentileApprox, {
    argumentTypes: [HiveTypes.double, HiveTypes.double, HiveTypes.int],
    constantArguments: [undefined, 0.5, 5],
  });
  const row = fc
    .option(fc.double({ min: -100, max: 100, noNaN: true }), { nil: null })
    .map((v) => [v, 0.5, 5]);
  it('one PARTIAL1 through both codecs then FINAL ≡ COMPLETE (Hive copies a lone partial)', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const partial = aggregateRows(ev, rows, 'partial1');
        const viaBinary = ev.decodePartial(ev.encodePartial(partial));
        const viaJson = ev.partialFromJson(
          JSON.parse(JSON.stringify(ev.partialToJson(partial))) as JsonValue,
        );
        expect(viaBinary).toEqual(partial);
        expect(viaJson).toEqual(partial);
        expect(Object.is(mergePartials(ev, [viaBinary], 'final'), aggregateRows(ev, rows, 'complete'))).toBe(
          true,
        );
      }),
      { numRuns: 60 },
    );
  });
  it('batch kernel ≡ row-at-a-time accumulate', () => {
    expect(() => checkBatchEquivalence(ev, row)).not.toThrow();
  });
});
