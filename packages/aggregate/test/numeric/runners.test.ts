import { describe, expect, it } from 'vitest';
import { HiveTypes, isHiveBatchError } from '@hive-batch/core';
import {
  aggregateRowsGrouped,
  avg,
  builtinAggregates,
  createAccumulatorState,
  growAccumulatorState,
  mergePartialsGrouped,
  resolveAggregate,
  runAggregate,
  sum,
  withDistinct,
  count,
  max,
} from '@hive-batch/aggregate';

describe('mode runners', () => {
  const ev = resolveAggregate(sum, { argumentTypes: [HiveTypes.int] });
  it('runAggregate covers the four modes', () => {
    const p1 = runAggregate(ev, 'partial1', [[1], [2]]);
    const p2 = runAggregate(ev, 'partial2', [p1, runAggregate(ev, 'partial1', [[4]])]);
    expect(p2).toBe(7n);
    expect(runAggregate(ev, 'final', [p2, null])).toBe(7n);
    expect(runAggregate(ev, 'complete', [[1], [null]])).toBe(1n);
    expect(isHiveBatchError(catchError(() => runAggregate(ev, 'complete', [5])))).toBe(true);
  });
  it('grouped runners keep groups apart and give empty groups their empty result', () => {
    expect(
      aggregateRowsGrouped(ev, [[1], [2], [3]], { mode: 'complete', groupIds: [0, 2, 0], numGroups: 4 }),
    ).toEqual([4n, null, 2n, null]);
    expect(mergePartialsGrouped(ev, [1n, 2n, null], { mode: 'final', groupIds: [1, 1, 0] })).toEqual([
      null,
      3n,
    ]);
    const err = catchError(() =>
      aggregateRowsGrouped(ev, [[1]], { mode: 'complete', groupIds: [3], numGroups: 2 }),
    );
    expect(isHiveBatchError(err) && err.code).toBe('INVALID_ARGUMENT');
  });
  it('state grown mid-aggregation keeps earlier groups', () => {
    const a = resolveAggregate(avg, { argumentTypes: [HiveTypes.double], cboEnabled: false });
    const state = createAccumulatorState(a.layout, 1);
    a.init(state, 0);
    a.accumulate(state, 0, [2]);
    growAccumulatorState(state, a.layout, 100);
    for (let g = 1; g < 100; g++) a.init(state, g);
    a.accumulate(state, 0, [4]);
    a.accumulate(state, 99, [1]);
    expect(a.terminate(state, 0)).toBe(3);
    expect(a.terminate(state, 99)).toBe(1);
    expect(a.terminate(state, 50)).toBeNull();
  });
});

function catchError(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('inputs of other types', () => {
  it('timestamps sum and average as epoch seconds (double)', () => {
    const ts = { argumentTypes: [HiveTypes.timestamp] };
    // 1970-01-01 00:00:01.5 and 00:00:02.25 in microseconds.
    expect(runAggregate(resolveAggregate(sum, ts), 'complete', [[1_500_000n], [2_250_000n]])).toBe(3.75);
    expect(runAggregate(resolveAggregate(avg, ts), 'complete', [[-1_500_000n], [null]])).toBe(-1.5);
  });
  it('a NULL literal (void): count and max accept it, sum rejects it like Hive', () => {
    const err = catchError(() => resolveAggregate(sum, { argumentTypes: [HiveTypes.void] }));
    expect(isHiveBatchError(err) && err.code).toBe('INVALID_FUNCTION_ARGUMENTS');
    const c = resolveAggregate(count, { argumentTypes: [HiveTypes.void] });
    expect(runAggregate(c, 'complete', [[null]])).toBe(0n);
    const m = resolveAggregate(max, { argumentTypes: [HiveTypes.void] });
    expect(runAggregate(m, 'complete', [[null]])).toBeNull();
  });
});

describe('partials', () => {
  it('corrupt partial bytes and JSON fail with INVALID_AGGREGATE_STATE', () => {
    const ev = resolveAggregate(avg, { argumentTypes: [HiveTypes.int] });
    const bytes = ev.encodePartial(runAggregate(ev, 'partial1', [[1], [2]]));
    const e1 = catchError(() => ev.decodePartial(bytes.subarray(0, bytes.length - 2)));
    const e2 = catchError(() => ev.partialFromJson({ $nope: '1' }));
    expect(isHiveBatchError(e1) && e1.code).toBe('INVALID_AGGREGATE_STATE');
    expect(isHiveBatchError(e2) && e2.code).toBe('INVALID_AGGREGATE_STATE');
  });
  it('a DISTINCT partial carries the distinct tuples and rejects anything else', () => {
    const ev = withDistinct(resolveAggregate(count, { argumentTypes: [HiveTypes.int] }));
    expect(runAggregate(ev, 'partial1', [[1], [1], [null], [2]])).toEqual([[1], [null], [2]]);
    expect(runAggregate(ev, 'final', [[[1], [2]], [[2], [3]], null])).toBe(3n);
    const err = catchError(() => runAggregate(ev, 'final', [5]));
    expect(isHiveBatchError(err) && err.code).toBe('INVALID_AGGREGATE_STATE');
  });
});

describe('builtinAggregates', () => {
  it('has unique names and aliases, and includes every numeric aggregate', () => {
    const names = builtinAggregates().flatMap((d) => [d.name, ...d.aliases].map((n) => n.toLowerCase()));
    expect(new Set(names).size).toBe(names.length);
    for (const n of [
      'count',
      'sum',
      '$sum0',
      'avg',
      'min',
      'max',
      'variance',
      'var_pop',
      'var_samp',
      'std',
      'stddev',
      'stddev_pop',
      'stddev_samp',
      'covar_pop',
      'covar_samp',
      'corr',
      'regr_count',
      'regr_sxx',
      'regr_syy',
      'regr_sxy',
      'regr_avgx',
      'regr_avgy',
      'regr_slope',
      'regr_intercept',
      'regr_r2',
    ]) {
      expect(names).toContain(n);
    }
  });
});
