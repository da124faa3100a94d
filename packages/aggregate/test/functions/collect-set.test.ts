import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HiveDecimal, HiveTypes, arrayType, structType } from '@hive-batch/core';
import {
  aggregateRows,
  aggregateRowsGrouped,
  collectList,
  collectSet,
  mergePartials,
  resolveAggregate,
} from '@hive-batch/aggregate';
import { referenceCollectList, referenceCollectSet } from '@hive-batch/test-utils';
import { checkSplitInvariance, exactEquals } from '../helpers/split-invariance';
import { checkBatchEquivalence } from './batch-equivalence';
import { readDataRows, selectBlocks } from './qtest-corpus';

const S = HiveTypes.string;
const setOf = resolveAggregate(collectSet, { argumentTypes: [S] });
const listOf = resolveAggregate(collectList, { argumentTypes: [S] });

describe('collect_set / collect_list against udaf_collect_set.q.out', () => {
  const src = readDataRows('kv1.txt');
  const blocks = selectBlocks('udaf_collect_set');
  /** `SELECT key, f(value) FROM src GROUP BY key ORDER BY key LIMIT 20`, rows in file order. */
  function lines(ev: typeof setOf): string[] {
    const keys = [...new Set(src.map((r) => r[0] ?? ''))];
    const ids = src.map((r) => keys.indexOf(r[0] ?? ''));
    const out = aggregateRowsGrouped(
      ev,
      src.map((r) => [r[1] ?? null]),
      { mode: 'complete', groupIds: ids, numGroups: keys.length },
    );
    return keys
      .map((k, i) => `${k}\t${JSON.stringify(out[i])}`)
      .sort()
      .slice(0, 20);
  }
  // The .q also runs collect_list twice, but its .q.out has only the four collect_set blocks.
  it('every collect_set block (map-side aggregation and skew on/off)', () => {
    const set = lines(setOf);
    const setBlocks = blocks.filter((b) => b.query.includes('collect_set'));
    expect(setBlocks).toHaveLength(4);
    for (const b of setBlocks) expect(b.lines).toEqual(set);
  });
});

describe('collect_set / collect_list semantics', () => {
  it('skips NULLs and gives [] (never NULL) for empty and all-NULL groups', () => {
    expect(aggregateRows(setOf, [], 'complete')).toEqual([]);
    expect(aggregateRows(listOf, [[null], [null]], 'complete')).toEqual([]);
    expect(aggregateRows(listOf, [['b'], [null], ['a'], ['b']], 'complete')).toEqual(['b', 'a', 'b']);
    expect(aggregateRows(setOf, [['b'], [null], ['a'], ['b']], 'complete')).toEqual(['b', 'a']);
  });
  it('dedups by value: decimals by numeric value, structs and arrays element-wise; NaN never', () => {
    const dec = resolveAggregate(collectSet, {
      argumentTypes: [{ kind: 'decimal', precision: 5, scale: 2 }],
    });
    expect(
      aggregateRows(dec, [[new HiveDecimal('1.5')], [new HiveDecimal('1.50')]], 'complete') as unknown[],
    ).toHaveLength(1);
    const st = resolveAggregate(collectSet, {
      argumentTypes: [structType([{ name: 'a', type: HiveTypes.int }])],
    });
    expect(aggregateRows(st, [[{ a: 1 }], [{ a: 1 }], [{ a: null }]], 'complete')).toEqual([
      { a: 1 },
      { a: null },
    ]);
    const dbl = resolveAggregate(collectSet, { argumentTypes: [HiveTypes.double] });
    const nan = aggregateRows(dbl, [[Number.NaN], [Number.NaN], [0], [-0], [1], [1]], 'complete') as number[];
    expect(nan).toHaveLength(5);
    const arr = resolveAggregate(collectSet, { argumentTypes: [arrayType(S)] });
    expect(aggregateRows(arr, [[['x']], [['x']], [['x', null]]], 'complete')).toEqual([['x'], ['x', null]]);
  });
  it('keeps merge order across partials (Hive: arrival order)', () => {
    const p1 = aggregateRows(setOf, [['b'], ['a']], 'partial1');
    const p2 = aggregateRows(setOf, [['c'], ['a']], 'partial1');
    expect(mergePartials(setOf, [p2, p1], 'final')).toEqual(['c', 'a', 'b']);
  });
  it('rejects zero or two arguments and f(*)', () => {
    for (const call of [
      { argumentTypes: [] },
      { argumentTypes: [S, S] },
      { argumentTypes: [S], star: true },
    ]) {
      expect(() => resolveAggregate(collectSet, call)).toThrow(
        expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
      );
    }
  });
});

describe('collect_* properties', () => {
  const word = fc.option(fc.constantFrom('a', 'b', 'c', 'dd', ''), { nil: null });
  it('match the naive references', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), (values) => {
        const rows = values.map((v) => [v]);
        expect(aggregateRows(setOf, rows, 'complete')).toEqual(referenceCollectSet(values));
        expect(aggregateRows(listOf, rows, 'complete')).toEqual(referenceCollectList(values));
      }),
      { numRuns: 50 },
    );
  });
  it('collect_set is split invariant as a set', () => {
    const asSet = (a: unknown, b: unknown): boolean =>
      exactEquals([...(a as string[])].sort(), [...(b as string[])].sort());
    expect(() =>
      checkSplitInvariance({
        definition: collectSet,
        call: { argumentTypes: [S] },
        row: word.map((w) => [w]),
        equals: asSet,
        numRuns: 40,
      }),
    ).not.toThrow();
  });
  it('collect_list is split invariant when partials merge in row order', () => {
    expect(() =>
      checkSplitInvariance({
        definition: collectList,
        call: { argumentTypes: [S] },
        row: word.map((w) => [w]),
        reorder: false,
        numRuns: 40,
      }),
    ).not.toThrow();
  });
  it('batch kernel ≡ row-at-a-time accumulate', () => {
    expect(() =>
      checkBatchEquivalence(
        setOf,
        word.map((w) => [w]),
      ),
    ).not.toThrow();
    const ints = resolveAggregate(collectList, { argumentTypes: [arrayType(HiveTypes.int)] });
    const arr = fc.option(
      fc.array(fc.option(fc.integer({ min: -3, max: 3 }), { nil: null }), { maxLength: 3 }),
      {
        nil: null,
      },
    );
    expect(() =>
      checkBatchEquivalence(
        ints,
        arr.map((a) => [a]),
      ),
    ).not.toThrow();
  });
});
