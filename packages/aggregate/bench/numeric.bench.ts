// Batch kernels vs the row-at-a-time path, 1M rows into 1,000 groups.
import { bench, describe } from 'vitest';
import { columnFromValues, decimalType, HiveDecimal, HiveTypes } from '@hive-batch/core';
import type { Column } from '@hive-batch/core';
import { avg, count, createAccumulatorState, resolveAggregate, sum, variance } from '@hive-batch/aggregate';
import type { AggregateEvaluator } from '@hive-batch/aggregate';

const ROWS = 1_000_000;
const GROUPS = 1000;
let seed = 42;
const next = (): number => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const groupIds = Int32Array.from({ length: ROWS }, () => Math.floor(next() * GROUPS));
const ints = Array.from({ length: ROWS }, () => (next() < 0.1 ? null : Math.floor(next() * 1e6)));
const doubles = ints.map((v) => (v == null ? null : v / 7));
const intCol = columnFromValues(HiveTypes.int, ints);
const doubleCol = columnFromValues(HiveTypes.double, doubles);
const DEC = decimalType(12, 2);
const decimals = ints.slice(0, ROWS / 10).map((v) => (v == null ? null : new HiveDecimal(v).div(100)));
const decCol = columnFromValues(DEC, decimals);

function batch(ev: AggregateEvaluator, col: Column, numRows: number): void {
  const state = createAccumulatorState(ev.layout, GROUPS);
  for (let g = 0; g < GROUPS; g++) ev.init(state, g);
  ev.accumulateBatch(state, groupIds, [col], numRows);
}

function rowWise(ev: AggregateEvaluator, values: readonly unknown[]): void {
  const state = createAccumulatorState(ev.layout, GROUPS);
  for (let g = 0; g < GROUPS; g++) ev.init(state, g);
  const row: unknown[] = [null];
  for (let i = 0; i < values.length; i++) {
    row[0] = values[i];
    ev.accumulate(state, groupIds[i] ?? 0, row);
  }
}

const cases = [
  ['sum(int)', resolveAggregate(sum, { argumentTypes: [HiveTypes.int] }), intCol, ints],
  ['count(int)', resolveAggregate(count, { argumentTypes: [HiveTypes.int] }), intCol, ints],
  [
    'avg(double) udaf',
    resolveAggregate(avg, { argumentTypes: [HiveTypes.double], cboEnabled: false }),
    doubleCol,
    doubles,
  ],
  [
    'variance(double) cbo',
    resolveAggregate(variance, { argumentTypes: [HiveTypes.double] }),
    doubleCol,
    doubles,
  ],
] as const;

for (const [name, ev, col, values] of cases) {
  describe(`${name}`, () => {
    bench('batch kernel', () => batch(ev, col, ROWS), { iterations: 5 });
    bench('row at a time', () => rowWise(ev, values), { iterations: 5 });
  });
}

describe('sum(decimal(12,2)), 100k rows', () => {
  const ev = resolveAggregate(sum, { argumentTypes: [DEC] });
  bench('batch kernel', () => batch(ev, decCol, ROWS / 10), { iterations: 5 });
  bench('row at a time', () => rowWise(ev, decimals), { iterations: 5 });
});
