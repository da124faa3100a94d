import { describe, expect, it } from 'vitest';
import { HiveDecimal, HiveTypes, arrayType, decimalType, isValueOfType, structType } from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
import {
  aggregateRows,
  collectList,
  collectSet,
  computeStats,
  contextNgrams,
  histogramNumeric,
  ngrams,
  percentile,
  percentileApprox,
  percentileCont,
  percentileDisc,
  resolveAggregate,
} from '@hive-batch/aggregate';
import type { AggregateFunctionDefinition } from '@hive-batch/aggregate';

interface Case {
  readonly name: string;
  readonly fn: AggregateFunctionDefinition;
  readonly types: DataType[];
  readonly constants?: unknown[];
  readonly rows: unknown[][];
}

const seqs = arrayType(arrayType(HiveTypes.string));
const cases: Case[] = [
  { name: 'collect_set', fn: collectSet, types: [HiveTypes.int], rows: [[1], [null], [1], [2]] },
  {
    name: 'collect_list(struct)',
    fn: collectList,
    types: [structType([{ name: 'a', type: HiveTypes.string }])],
    rows: [[{ a: 'x' }], [null]],
  },
  {
    name: 'percentile',
    fn: percentile,
    types: [HiveTypes.bigint, arrayType(HiveTypes.double)],
    rows: [
      [1n, [0.5]],
      [3n, [0.5]],
    ],
  },
  {
    name: 'percentile_cont',
    fn: percentileCont,
    types: [HiveTypes.double, HiveTypes.double],
    rows: [[1.5, 0.5]],
  },
  {
    name: 'percentile_disc',
    fn: percentileDisc,
    types: [HiveTypes.bigint, HiveTypes.double],
    rows: [[2n, 0.5]],
  },
  {
    name: 'percentile_approx',
    fn: percentileApprox,
    types: [HiveTypes.double, arrayType(HiveTypes.double)],
    constants: [undefined, [0.5]],
    rows: [
      [1, [0.5]],
      [2, [0.5]],
    ],
  },
  {
    name: 'histogram_numeric',
    fn: histogramNumeric,
    types: [HiveTypes.double, HiveTypes.int],
    rows: [[1, 3]],
  },
  { name: 'ngrams', fn: ngrams, types: [seqs, HiveTypes.int, HiveTypes.int], rows: [[[['a', 'b']], 1, 3]] },
  {
    name: 'context_ngrams',
    fn: contextNgrams,
    types: [seqs, arrayType(HiveTypes.string), HiveTypes.int],
    rows: [[[['a', 'b']], ['a', null], 3]],
  },
  ...(
    [
      [HiveTypes.bigint, 5n],
      [HiveTypes.double, 1.5],
      [decimalType(5, 2), new HiveDecimal('1.25')],
      [HiveTypes.date, 100],
      [HiveTypes.string, 'xy'],
      [HiveTypes.binary, new Uint8Array([1])],
      [HiveTypes.boolean, true],
    ] as const
  ).map(([t, v]): Case => ({
    name: `compute_stats(${t.kind})`,
    fn: computeStats,
    types: [t, HiveTypes.string, HiveTypes.int],
    constants: [undefined, 'fm', 4],
    rows: [
      [v, 'fm', 4],
      [null, 'fm', 4],
    ],
  })),
];

describe('partials and results are values of the declared partialType / resultType', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const ev = resolveAggregate(c.fn, {
      argumentTypes: c.types,
      ...(c.constants == null ? {} : { constantArguments: c.constants }),
    });
    for (const rows of [c.rows, []]) {
      expect(isValueOfType(aggregateRows(ev, rows, 'partial1'), ev.partialType)).toBe(true);
      expect(isValueOfType(aggregateRows(ev, rows, 'complete'), ev.resultType)).toBe(true);
    }
  });
});
