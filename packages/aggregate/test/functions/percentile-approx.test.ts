import { describe, expect, it } from 'vitest';
import { HiveTypes, arrayType } from '@hive-batch/core';
import { aggregateRows, mergePartials, percentileApprox, resolveAggregate } from '@hive-batch/aggregate';
import { javaDouble, readDataRows, selectBlocks } from './qtest-corpus';

const bigFiles = ['000000_0', '000001_0', '000002_0', '000003_0'].map((f) =>
  readDataRows(`auto_sortmerge_join/big/${f}`).map((r) => Number(r[0])),
);

function run(pc: number | number[], nb: number | undefined, rows: number[]): unknown {
  const multiple = Array.isArray(pc);
  const argumentTypes = [HiveTypes.double, multiple ? arrayType(HiveTypes.double) : HiveTypes.double];
  const constantArguments: unknown[] = [undefined, pc];
  if (nb != null) {
    argumentTypes.push(HiveTypes.int);
    constantArguments.push(nb);
  }
  const ev = resolveAggregate(percentileApprox, { argumentTypes, constantArguments });
  return aggregateRows(
    ev,
    rows.map((v) => (nb == null ? [v, pc] : [v, pc, nb])),
    'complete',
  );
}

function show(v: unknown): string {
  return Array.isArray(v) ? `[${(v as number[]).map(javaDouble).join(',')}]` : javaDouble(v as number);
}

describe('percentile_approx against udaf_percentile_approx_23.q.out', () => {
  const lines = selectBlocks('udaf_percentile_approx_23').map((b) => b.lines[0]);
  const all = bigFiles.flat();
  // The first 12 `select * from tN` blocks; nb ≥ #distinct keys makes the histogram exact and order-independent.
  const cases: [number, number | number[], number | undefined][] = [
    [0, 0.5, undefined],
    [2, 0.5, 1000],
    [3, 0.5, undefined],
    [5, 0.5, 1000],
    [6, [0.05, 0.5, 0.95, 0.98], undefined],
    [8, [0.05, 0.5, 0.95, 0.98], 1000],
    [9, [0.05, 0.5, 0.95, 0.98], undefined],
    [11, [0.05, 0.5, 0.95, 0.98], 1000],
  ];
  it.each(cases)('block t%i: pc=%j nb=%s', (block, pc, nb) => {
    expect(show(run(pc, nb, all))).toBe(lines[block]);
  });
});

describe('percentile_approx semantics', () => {
  const all = bigFiles.flat();
  it('uses Hive quantile interpolation, not the textbook one', () => {
    const rows = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(run(0.5, undefined, rows)).toBe(5);
    expect(run(0.25, undefined, rows)).toBe(2.5);
  });
  it('is NULL for an empty or all-NULL group', () => {
    expect(run(0.5, undefined, [])).toBeNull();
    const ev = resolveAggregate(percentileApprox, {
      argumentTypes: [HiveTypes.double, HiveTypes.double],
      constantArguments: [undefined, 0.5],
    });
    expect(aggregateRows(ev, [[null, 0.5]], 'complete')).toBeNull();
  });
  it('keeps duplicate x bins from different partials (Hive merge), unlike a single buffer', () => {
    const ev = resolveAggregate(percentileApprox, {
      argumentTypes: [HiveTypes.double, HiveTypes.double],
      constantArguments: [undefined, 0.5],
    });
    const p1 = aggregateRows(
      ev,
      [
        [1, 0.5],
        [2, 0.5],
      ],
      'partial1',
    );
    const p2 = aggregateRows(ev, [[2, 0.5]], 'partial1');
    expect(mergePartials(ev, [p1, p2], 'final')).toBe(1.5);
    expect(
      aggregateRows(
        ev,
        [
          [1, 0.5],
          [2, 0.5],
          [2, 0.5],
        ],
        'complete',
      ),
    ).toBe(1.25);
  });
  it('accepts NaN input: per-file PARTIAL1 then FINAL lands in the .q range check [340.5, 343.0]', () => {
    // The .q runs this with hive.map.aggr=true: one partial per file, merged by Double.compare order (NaN last).
    // A single COMPLETE buffer would not: NaN is placed wherever the binary search stops (362 here).
    const ev = resolveAggregate(percentileApprox, {
      argumentTypes: [HiveTypes.double, HiveTypes.double],
      constantArguments: [undefined, 0.5],
    });
    const partials = bigFiles.map((rows) =>
      aggregateRows(
        ev,
        rows.map((k) => [k < 100 ? Number.NaN : k, 0.5]),
        'partial1',
      ),
    );
    const v = mergePartials(ev, partials, 'final') as number;
    expect(v).toBe(341.5);
    const plain = run(0.5, undefined, all) as number;
    expect(plain >= 255.0 && plain <= 257.0).toBe(true);
  });
  it('gives NULL over no rows (where key > 10000)', () => {
    expect(
      run(
        [0.5, 0.7, 0.9, 0.95, 0.99],
        undefined,
        all.filter((k) => k > 10000),
      ),
    ).toBeNull();
  });
  it.each([
    [
      [HiveTypes.string, HiveTypes.double],
      [undefined, 0.5],
    ],
    [
      [HiveTypes.double, HiveTypes.int],
      [undefined, 1],
    ],
    [
      [HiveTypes.double, HiveTypes.double],
      [undefined, undefined],
    ],
    [
      [HiveTypes.double, HiveTypes.double],
      [undefined, 0],
    ],
    [
      [HiveTypes.double, HiveTypes.double],
      [undefined, 1],
    ],
    [
      [HiveTypes.double, HiveTypes.double, HiveTypes.double],
      [undefined, 0.5, 100],
    ],
    [
      [HiveTypes.double, HiveTypes.double, HiveTypes.int],
      [undefined, 0.5, undefined],
    ],
    [[HiveTypes.double], [undefined]],
  ])('rejects %j with constants %j', (argumentTypes, constantArguments) => {
    expect(() => resolveAggregate(percentileApprox, { argumentTypes, constantArguments })).toThrow(
      expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
    );
  });
});
