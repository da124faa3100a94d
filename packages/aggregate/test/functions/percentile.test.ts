import { describe, expect, it } from 'vitest';
import { HiveTypes, arrayType } from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
import {
  aggregateRows,
  aggregateRowsGrouped,
  percentile,
  percentileCont,
  percentileDisc,
  resolveAggregate,
} from '@hive-batch/aggregate';
import type { AggregateFunctionDefinition } from '@hive-batch/aggregate';
import { javaDouble, readDataRows, selectBlocks } from './qtest-corpus';

const src = readDataRows('kv1.txt').map(([k = '', v = '']) => ({ key: k, value: v }));

function show(v: unknown): string {
  if (v == null) return 'NULL';
  return Array.isArray(v) ? `[${(v as number[]).map(javaDouble).join(',')}]` : javaDouble(v as number);
}

interface Column {
  readonly fn: AggregateFunctionDefinition;
  readonly valueType: DataType;
  readonly value: (row: { key: string; value: string }) => unknown;
  readonly pc: number | number[];
  readonly extra?: readonly unknown[];
}

/** GROUP BY CAST(key AS INT) DIV 10 over src, one output line per group like Hive prints it. */
function groupLines(columns: readonly Column[]): Map<string, string> {
  const groupOf = new Map<string, number>();
  const ids = src.map((r) => {
    const g = String(Math.trunc(Number(r.key) / 10));
    if (!groupOf.has(g)) groupOf.set(g, groupOf.size);
    return groupOf.get(g)!;
  });
  const results = columns.map((c) => {
    const multiple = Array.isArray(c.pc);
    const extra = c.extra ?? [];
    const ev = resolveAggregate(c.fn, {
      argumentTypes: [
        c.valueType,
        multiple ? arrayType(HiveTypes.double) : HiveTypes.double,
        ...extra.map(() => HiveTypes.boolean),
      ],
      constantArguments: [undefined, c.pc, ...extra],
    });
    return aggregateRowsGrouped(
      ev,
      src.map((r) => [c.value(r), c.pc, ...extra]),
      { mode: 'complete', groupIds: ids, numGroups: groupOf.size },
    );
  });
  const out = new Map<string, string>();
  for (const [g, id] of groupOf) out.set(g, [g, ...results.map((r) => show(r[id]))].join('\t'));
  return out;
}

const intValue = (r: { value: string }): bigint => BigInt(Number(r.value.slice(4)));
const dblValue = (r: { value: string }): number => Number(r.value.slice(4));

/** Expected lines that the computed groups do not reproduce exactly (plus a count mismatch marker). */
function mismatches(lines: readonly string[], computed: Map<string, string>): string[] {
  const bad = lines.filter((line) => computed.get(line.split('\t')[0] ?? '') !== line);
  return lines.length === computed.size ? bad : [...bad, `group count ${computed.size} vs ${lines.length}`];
}

describe('percentile against udf_percentile.q.out', () => {
  const blocks = selectBlocks('udf_percentile');
  const main = groupLines([
    { fn: percentile, valueType: HiveTypes.bigint, value: intValue, pc: 0 },
    { fn: percentile, valueType: HiveTypes.bigint, value: intValue, pc: 0.5 },
    { fn: percentile, valueType: HiveTypes.bigint, value: intValue, pc: 1 },
    { fn: percentile, valueType: HiveTypes.bigint, value: intValue, pc: [0, 0.5, 0.99, 1] },
  ]);
  it.each([0, 1, 2, 3])('map-aggr/skew combination block %i', (i) => {
    expect(mismatches(blocks[i]!.lines, main)).toEqual([]);
  });
  it('percentile(NULL, …) block', () => {
    const lines = groupLines([
      { fn: percentile, valueType: HiveTypes.bigint, value: () => null, pc: 0 },
      { fn: percentile, valueType: HiveTypes.bigint, value: () => null, pc: [0, 0.5, 0.99, 1] },
    ]);
    expect(mismatches(blocks[4]!.lines, lines)).toEqual([]);
  });
  it('percentile(IF(…, 1, NULL), …) block', () => {
    const v = (r: { key: string }): bigint | null => (Math.trunc(Number(r.key) / 10) < 5 ? 1n : null);
    const lines = groupLines([
      { fn: percentile, valueType: HiveTypes.bigint, value: v, pc: 0.5 },
      { fn: percentile, valueType: HiveTypes.bigint, value: v, pc: [0, 0.5, 0.99, 1] },
    ]);
    expect(mismatches(blocks[5]!.lines, lines)).toEqual([]);
  });
  it('empty input gives NULL for scalar and array pc', () => {
    expect(blocks[6]!.lines).toEqual(['NULL']);
    expect(blocks[7]!.lines).toEqual(['NULL']);
    const ev = resolveAggregate(percentile, {
      argumentTypes: [HiveTypes.bigint, arrayType(HiveTypes.double)],
      constantArguments: [undefined, []],
    });
    expect(aggregateRows(ev, [], 'complete')).toBeNull();
    expect(aggregateRows(ev, [[1n, []]], 'complete')).toEqual([]);
  });
  it('rejects non-integer values and out-of-range percentiles', () => {
    for (const [argumentTypes, constantArguments] of [
      [
        [HiveTypes.double, HiveTypes.double],
        [undefined, 0.5],
      ],
      [
        [HiveTypes.string, HiveTypes.double],
        [undefined, 0.5],
      ],
      [
        [HiveTypes.bigint, HiveTypes.double],
        [undefined, 1.5],
      ],
      [[HiveTypes.bigint], [undefined]],
    ] as [DataType[], unknown[]][]) {
      expect(() => resolveAggregate(percentile, { argumentTypes, constantArguments })).toThrow(
        expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
      );
    }
    const ev = resolveAggregate(percentile, { argumentTypes: [HiveTypes.bigint, HiveTypes.double] });
    expect(() => aggregateRows(ev, [[1n, -0.1]], 'complete')).toThrow(
      expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
    );
  });
});

describe('percentile_cont against udaf_percentile_cont.q.out (Hive 4)', () => {
  const blocks = selectBlocks('udaf_percentile_cont');
  const arrays = [
    [0, 0.5, 1],
    [0, 0.1, 0.5, 0.8, 1],
    [0.5, 1],
    [0, 0.5, 0.7, 1],
  ];
  it.each([0, 1, 2, 3])('block %i', (i) => {
    const lines = groupLines([
      { fn: percentileCont, valueType: HiveTypes.int, value: (r) => Number(r.value.slice(4)), pc: 0 },
      { fn: percentileCont, valueType: HiveTypes.double, value: dblValue, pc: 0.5 },
      { fn: percentileCont, valueType: HiveTypes.double, value: dblValue, pc: 0.5, extra: [true] },
      { fn: percentileCont, valueType: HiveTypes.double, value: dblValue, pc: 1 },
      { fn: percentileCont, valueType: HiveTypes.double, value: dblValue, pc: arrays[i]!, extra: [true] },
    ]);
    expect(mismatches(blocks[i]!.lines, lines)).toEqual([]);
  });
  it('NULL values, partly NULL groups and an empty input (blocks 4-6)', () => {
    const nulls = groupLines([
      { fn: percentileCont, valueType: HiveTypes.int, value: () => null, pc: 0 },
      { fn: percentileCont, valueType: HiveTypes.int, value: () => null, pc: 0, extra: [true] },
    ]);
    expect(mismatches(blocks[4]!.lines, nulls)).toEqual([]);
    const v = (r: { key: string }): number | null => (Math.trunc(Number(r.key) / 10) < 5 ? 1 : null);
    const partly = groupLines([
      { fn: percentileCont, valueType: HiveTypes.int, value: v, pc: 0.5 },
      { fn: percentileCont, valueType: HiveTypes.int, value: v, pc: 0.5, extra: [true] },
    ]);
    expect(mismatches(blocks[5]!.lines, partly)).toEqual([]);
    expect(blocks[6]!.lines).toEqual(['NULL\tNULL']);
    const ev = resolveAggregate(percentileCont, { argumentTypes: [HiveTypes.bigint, HiveTypes.double] });
    expect(aggregateRows(ev, [], 'complete')).toBeNull();
  });
  it('t_test: ASC, DESC and NULL handling', () => {
    const values = [null, 3, 8, 13, 7, 6, 20, null, null, 10, 7, 15, 16, 8, 7, 8, null];
    const run = (fn: AggregateFunctionDefinition, pc: number, extra: unknown[]): unknown => {
      const ev = resolveAggregate(fn, {
        argumentTypes: [HiveTypes.int, HiveTypes.double, ...extra.map(() => HiveTypes.boolean)],
        constantArguments: [undefined, pc, ...extra],
      });
      return aggregateRows(
        ev,
        values.map((v) => [v == null ? null : BigInt(v), pc, ...extra]),
        'complete',
      );
    };
    const last = blocks[blocks.length - 1]!.lines[0]!.split('\t');
    expect(show(run(percentileCont, 0, []))).toBe(last[0]);
    expect(show(run(percentileCont, 0.2, []))).toBe(last[1]);
    expect(show(run(percentileCont, 0.2, [true]))).toBe(last[2]);
    expect(show(run(percentileCont, 0.2, [false]))).toBe(last[8]);
    expect(run(percentileDisc, 0.2, [false])).toBe(13);
    expect(run(percentileDisc, 0.5, [])).toBe(8);
  });
  it('percentile_disc takes the higher key instead of interpolating', () => {
    const ev = resolveAggregate(percentileDisc, { argumentTypes: [HiveTypes.double, HiveTypes.double] });
    expect(
      aggregateRows(
        ev,
        [
          [1, 0.5],
          [2, 0.5],
          [3, 0.5],
          [4, 0.5],
        ],
        'complete',
      ),
    ).toBe(3);
    const cont = resolveAggregate(percentileCont, { argumentTypes: [HiveTypes.double, HiveTypes.double] });
    expect(
      aggregateRows(
        cont,
        [
          [1, 0.5],
          [2, 0.5],
          [3, 0.5],
          [4, 0.5],
        ],
        'complete',
      ),
    ).toBe(2.5);
  });
});
