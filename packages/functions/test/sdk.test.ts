import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { columnFromValues, getValue, HiveTypes, createHiveDecimal, decimalType } from '@hive-batch/core';
import { aggregateRowsGrouped, mergePartialsGrouped, resolveAggregate } from '@hive-batch/aggregate';
import { definePlugin, defineUdaf, defineUdf, defineUdtf } from '@hive-batch/functions';

const upper = defineUdf({
  name: 'my_upper',
  argumentTypes: ['string'],
  resultType: 'string',
  evaluate: ([xs]) => (xs ?? []).map((x) => (typeof x === 'string' ? x.toUpperCase() : null)),
});

const scaled = defineUdf({
  name: 'scaled',
  argumentTypes: ['decimal(10,2)'],
  resultType: 'decimal(12,2)',
  evaluate: ([xs]) => (xs ?? []).map((x) => (x == null ? null : (Number(x) * 10).toFixed(2))),
});

const sumInts = defineUdaf<number>({
  name: 'sum_ints',
  argumentTypes: ['int'],
  resultType: 'bigint',
  init: () => 0,
  iterate: (s, [x]) => (typeof x === 'number' ? s + x : s),
  merge: (s, p) => s + p,
  terminate: (s) => BigInt(s),
});

describe('defineUdf', () => {
  test('evaluateBatch agrees with evaluate row by row', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.string(), { nil: null }), { maxLength: 50 }), (values) => {
        const evaluator = upper.resolve({
          argumentTypes: [HiveTypes.string],
          constantArguments: [undefined],
        });
        const column = evaluator.evaluateBatch?.([columnFromValues(HiveTypes.string, values)], values.length);
        if (column == null) throw new Error('no batch path');
        const batch = values.map((_, i) => getValue(column, i));
        expect(batch).toEqual(values.map((v) => evaluator.evaluate([v])));
        expect(batch).toEqual(values.map((v) => (v == null ? null : v.toUpperCase())));
      }),
      { numRuns: 50 },
    );
  });

  test('decimals cross as strings and come back enforced to the result type', () => {
    const evaluator = scaled.resolve({ argumentTypes: [decimalType(10, 2)], constantArguments: [undefined] });
    const out = evaluator.evaluate([createHiveDecimal('1.25')]);
    expect(String(out)).toBe('12.5');
  });

  test('types that cannot cross are refused when declared', () => {
    expect(() =>
      defineUdf({
        name: 'x',
        argumentTypes: ['array<decimal(10,2)>'],
        resultType: 'int',
        evaluate: () => [],
      }),
    ).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_TYPE' }));
    expect(() =>
      defineUdf({ name: 'x', argumentTypes: ['integer!'], resultType: 'int', evaluate: () => [] }),
    ).toThrow(expect.objectContaining({ code: 'PLUGIN_API_MISMATCH' }));
  });
});

describe('defineUdaf', () => {
  test('split invariance: partials of any split merge to the complete result', () => {
    const rowsArb = fc.array(
      fc.tuple(
        fc.integer({ min: 0, max: 3 }),
        fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: null }),
      ),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(rowsArb, fc.nat(), (rows, cut) => {
        const evaluator = resolveAggregate(sumInts, { argumentTypes: [HiveTypes.int] });
        const groupIds = rows.map(([g]) => g);
        const args = rows.map(([, x]) => [x]);
        const complete = aggregateRowsGrouped(evaluator, args, { mode: 'complete', groupIds, numGroups: 4 });
        const at = rows.length === 0 ? 0 : cut % (rows.length + 1);
        const part = (from: number, to: number) =>
          aggregateRowsGrouped(evaluator, args.slice(from, to), {
            mode: 'partial1',
            groupIds: groupIds.slice(from, to),
            numGroups: 4,
          });
        const partials = [...part(0, at), ...part(at, rows.length)].map((p) =>
          evaluator.decodePartial(evaluator.encodePartial(p)),
        );
        const merged = mergePartialsGrouped(evaluator, partials, {
          mode: 'final',
          groupIds: [0, 1, 2, 3, 0, 1, 2, 3],
          numGroups: 4,
        });
        expect(merged).toEqual(complete);
        const expected = [0, 1, 2, 3].map((g) =>
          BigInt(rows.filter(([k, x]) => k === g && x != null).reduce((s, [, x]) => s + (x ?? 0), 0)),
        );
        expect(complete).toEqual(expected);
      }),
      { numRuns: 50 },
    );
  });
});

describe('defineUdtf and definePlugin', () => {
  test('a UDTF maps each input row to its output rows', () => {
    const range = defineUdtf({
      name: 'range',
      argumentTypes: ['int'],
      outputColumns: [{ name: 'i', type: 'int' }],
      *process([n]) {
        for (let i = 0; i < (typeof n === 'number' ? n : 0); i++) yield [i];
      },
    });
    const out = range
      .resolve({ argumentTypes: [HiveTypes.int], constantArguments: [undefined] })
      .evaluateBatch([columnFromValues(HiveTypes.int, [2, 0, 1])], 3);
    expect(Array.from(out.rowIndex)).toEqual([0, 0, 2]);
    expect(
      Array.from({ length: out.batch.numRows }, (_, i) =>
        getValue(out.batch.columns[0] ?? columnFromValues(HiveTypes.int, []), i),
      ),
    ).toEqual([0, 1, 0]);
  });

  test('definePlugin checks the API version and the function list', () => {
    expect(definePlugin({ name: 'p', apiVersion: 1, functions: { upper } }).functions['upper']).toBe(upper);
    expect(() => definePlugin({ name: 'p', apiVersion: 7, functions: { upper } })).toThrow(
      expect.objectContaining({ code: 'PLUGIN_API_MISMATCH' }),
    );
    expect(() => definePlugin({ name: 'p', apiVersion: 1, functions: {} })).toThrow(
      expect.objectContaining({ code: 'PLUGIN_API_MISMATCH' }),
    );
  });
});
