import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HiveTypes,
  batchFromRows,
  batchToRows,
  columnFromValues,
  concatBatches,
  getValue,
  sliceBatch,
  sliceColumn,
} from '@hive-batch/core';
import type { Column } from '@hive-batch/core';
import {
  expectColumnWellFormed,
  expectRowsEqual,
  normalizeValue,
  rowsArbitrary,
  schemaArbitrary,
} from '@hive-batch/test-utils';

const valuesOf = (c: Column): unknown[] =>
  Array.from({ length: c.length }, (_, i) => normalizeValue(getValue(c, i)));

describe('sliceColumn', () => {
  // 37 rows: bitmaps span 5 bytes with a partial last byte; NULLs at irregular rows.
  const n = 37;
  const ints = Array.from({ length: n }, (_, i) => (i % 3 === 0 || i % 7 === 5 ? null : i * 11 - 100));
  const bools = Array.from({ length: n }, (_, i) => (i % 5 === 1 ? null : i % 2 === 0 || i % 9 === 0));
  const strs = Array.from({ length: n }, (_, i) => (i % 4 === 2 ? null : `s${i}é`.repeat(i % 3)));

  it.each([
    ['int', HiveTypes.int, ints],
    ['boolean', HiveTypes.boolean, bools],
    ['string', HiveTypes.string, strs],
  ] as const)('slices a %s column at every [start, end) and re-bases validity', (_name, type, values) => {
    const col = columnFromValues(type, values);
    for (let start = 0; start <= n; start++) {
      for (let end = start; end <= n; end++) {
        const s = sliceColumn(col, start, end);
        expect(s.length).toBe(end - start);
        expectColumnWellFormed(s);
        expect(valuesOf(s)).toEqual(values.slice(start, end));
      }
    }
  });

  it('returns views for fixed values and byte-aligned bitmaps, copies for unaligned bitmaps', () => {
    const col = columnFromValues(HiveTypes.int, ints);
    const aligned = sliceColumn(col, 8, 30);
    const unaligned = sliceColumn(col, 3, 30);
    if (col.layout !== 'fixed' || aligned.layout !== 'fixed' || unaligned.layout !== 'fixed')
      throw new Error('layout');
    expect(aligned.values.buffer).toBe(col.values.buffer);
    expect(aligned.validity?.buffer).toBe(col.validity?.buffer);
    expect(unaligned.validity?.buffer).not.toBe(col.validity?.buffer);
  });

  it('drops the validity bitmap of a slice without NULLs', () => {
    const s = sliceColumn(columnFromValues(HiveTypes.int, [null, 1, 2, null]), 1, 3);
    expect(s.nullCount).toBe(0);
    expect(s.validity).toBeNull();
  });

  it('rejects out-of-range slices with INVALID_ARGUMENT', () => {
    const col = columnFromValues(HiveTypes.int, [1, 2]);
    for (const [a, b] of [
      [-1, 1],
      [1, 3],
      [2, 1],
      [0.5, 1],
    ] as const) {
      expect(() => sliceColumn(col, a, b)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    }
  });
});

const schemaAndRows = schemaArbitrary({ maxColumns: 3, maxDepth: 2, includeVoid: true }).chain((schema) =>
  fc.tuple(fc.constant(schema), rowsArbitrary(schema, { maxRows: 30 })),
);

describe('sliceBatch / concatBatches', () => {
  it('any slice of any batch equals the same slice of its rows', () => {
    fc.assert(
      fc.property(schemaAndRows, fc.nat(), fc.nat(), ([schema, rows], x, y) => {
        const batch = batchFromRows(schema, rows);
        const a = rows.length === 0 ? 0 : x % (rows.length + 1);
        const b = rows.length === 0 ? 0 : y % (rows.length + 1);
        const [start, end] = a <= b ? [a, b] : [b, a];
        const s = sliceBatch(batch, start, end);
        expect(s.numRows).toBe(end - start);
        for (const c of s.columns) expectColumnWellFormed(c);
        expectRowsEqual(batchToRows(s), rows.slice(start, end));
      }),
      { numRuns: 100 },
    );
  }, 30_000);

  it('concatenating the slices of any split gives back the batch', () => {
    fc.assert(
      fc.property(schemaAndRows, fc.array(fc.nat(), { maxLength: 5 }), ([schema, rows], cuts) => {
        const batch = batchFromRows(schema, rows);
        const points = [...new Set([0, ...cuts.map((c) => c % (rows.length + 1)), rows.length])].sort(
          (p, q) => p - q,
        );
        const parts = points.slice(1).map((end, k) => sliceBatch(batch, points[k] ?? 0, end));
        if (parts.length === 0) return;
        const joined = concatBatches(parts);
        expect(joined.numRows).toBe(rows.length);
        for (const c of joined.columns) expectColumnWellFormed(c);
        expectRowsEqual(batchToRows(joined), rows);
      }),
      { numRuns: 100 },
    );
  }, 30_000);

  it('rejects an empty list and mismatched schemas', () => {
    expect(() => concatBatches([])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    const a = batchFromRows({ fields: [{ name: 'x', type: HiveTypes.int }] }, [[1]]);
    const b = batchFromRows({ fields: [{ name: 'x', type: HiveTypes.bigint }] }, [[1n]]);
    expect(() => concatBatches([a, b])).toThrow(expect.objectContaining({ code: 'TYPE_MISMATCH' }));
  });
});
