import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ColumnBatchBuilder,
  HiveTypes,
  arrayType,
  batchToRows,
  columnFromValues,
  createColumnBuilder,
  createSchema,
  getValue,
  structType,
} from '@hive-batch/core';
import {
  expectBatchEqual,
  expectColumnWellFormed,
  generateKeyValueBatch,
  generateKeyValueColumns,
} from '@hive-batch/test-utils';

describe('createColumnBuilder', () => {
  it('grows past its initial capacity and finishes trimmed, then starts empty', () => {
    const b = createColumnBuilder(HiveTypes.bigint, { initialCapacity: 2 });
    for (let i = 0; i < 1000; i++) {
      if (i % 10 === 0) b.appendNull();
      else b.append(BigInt(i) * 1_000_000_007n);
    }
    expect(b.length).toBe(1000);
    expect(b.nullCount).toBe(100);
    const col = b.finish();
    if (col.layout !== 'fixed') throw new Error('layout');
    expect(col.values.length).toBe(1000);
    expect(col.validity?.length).toBe(125);
    expect(getValue(col, 999)).toBe(999n * 1_000_000_007n);
    expect(getValue(col, 990)).toBeNull();
    expect(b.length).toBe(0);
    b.append(5n);
    const next = b.finish();
    expect(next.length).toBe(1);
    expect(next.nullCount).toBe(0);
    expect(next.validity).toBeNull();
    // The first column is unaffected by later appends.
    expect(getValue(col, 1)).toBe(1_000_000_007n);
  });

  it('accounts byteSize for values, validity, offsets and children', () => {
    const ints = createColumnBuilder(HiveTypes.int);
    expect(ints.byteSize).toBe(0);
    for (let i = 0; i < 10; i++) ints.append(i);
    expect(ints.byteSize).toBe(40);
    ints.appendNull();
    expect(ints.byteSize).toBe(44 + 2);

    const strs = createColumnBuilder(HiveTypes.string);
    strs.append('ab');
    strs.append('é');
    expect(strs.byteSize).toBe(4 * 3 + 4);

    const list = createColumnBuilder(arrayType(HiveTypes.double));
    list.append([1, 2, 3]);
    expect(list.byteSize).toBe(4 * 2 + 24);

    const st = createColumnBuilder(
      structType([
        { name: 'a', type: HiveTypes.smallint },
        { name: 'b', type: HiveTypes.boolean },
      ]),
    );
    st.append({ a: 1, b: true });
    expect(st.byteSize).toBe(2 + 1);
  });

  it('appendFixedValues copies typed arrays and a 0/1 valid mask', () => {
    const { keys, values, valid } = generateKeyValueColumns({
      rows: 500,
      groups: 7,
      nullFraction: 0.3,
      seed: 9,
    });
    const b = createColumnBuilder(HiveTypes.double, { initialCapacity: 16 });
    b.append(-1.5);
    b.appendFixedValues(values, valid);
    const col = b.finish();
    expectColumnWellFormed(col);
    expect(col.length).toBe(501);
    expect(col.nullCount).toBe(valid.reduce((n, v) => n + (v === 0 ? 1 : 0), 0));
    for (let i = 0; i < 500; i++) expect(getValue(col, i + 1)).toBe(valid[i] === 0 ? null : values[i]);
    const k = createColumnBuilder(HiveTypes.int);
    k.appendFixedValues(keys);
    expect(k.finish().nullCount).toBe(0);
    expect(() => createColumnBuilder(HiveTypes.string).appendFixedValues(keys)).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_OPERATION' }),
    );
    expect(() => createColumnBuilder(HiveTypes.bigint).appendFixedValues(keys)).toThrow(
      expect.objectContaining({ code: 'TYPE_MISMATCH' }),
    );
  });

  it('appendColumn copies ranges of every layout', () => {
    const values = [1n, null, -3n, 4n, null, 6n, 7n, 8n, 9n, null];
    const src = columnFromValues(HiveTypes.bigint, values);
    fc.assert(
      fc.property(fc.nat(10), fc.nat(10), fc.nat(10), (a, b, pre) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        const dst = createColumnBuilder(HiveTypes.bigint, { initialCapacity: 1 });
        for (let i = 0; i < pre; i++) dst.append(BigInt(i));
        dst.appendColumn(src, start, end);
        const col = dst.finish();
        expectColumnWellFormed(col);
        expect(Array.from({ length: col.length }, (_, i) => getValue(col, i))).toEqual([
          ...Array.from({ length: pre }, (_, i) => BigInt(i)),
          ...values.slice(start, end),
        ]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('ColumnBatchBuilder high-water marks', () => {
  const schema = createSchema([
    { name: 'k', type: HiveTypes.int },
    { name: 's', type: HiveTypes.string },
  ]);

  it('is full at highWaterMarkRows', () => {
    const b = new ColumnBatchBuilder(schema, { highWaterMarkRows: 3 });
    b.appendRow([1, 'a']);
    b.appendRow([2, null]);
    expect(b.isFull()).toBe(false);
    b.appendRow([null, 'c']);
    expect(b.isFull()).toBe(true);
    const batch = b.finish();
    expectBatchEqual(batch, { k: [1, 2, null], s: ['a', null, 'c'] });
    expect(b.numRows).toBe(0);
    expect(b.isFull()).toBe(false);
  });

  it('is full once byteSize reaches highWaterMarkBytes', () => {
    const b = new ColumnBatchBuilder(schema, { highWaterMarkRows: 1_000_000, highWaterMarkBytes: 1000 });
    let rows = 0;
    while (!b.isFull()) {
      b.appendRow([rows, 'x'.repeat(10)]);
      rows++;
    }
    expect(b.byteSize).toBeGreaterThanOrEqual(1000);
    // Each row costs 4 (int) + 4 (offset) + 10 (data) bytes, plus the first offset.
    expect(rows).toBe(Math.ceil((1000 - 4) / 18));
    expect(batchToRows(b.finish())).toHaveLength(rows);
  });

  it('rejects high-water marks below 1', () => {
    expect(() => new ColumnBatchBuilder(schema, { highWaterMarkRows: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });

  it('generateKeyValueBatch builds a (k int, v double) batch', () => {
    const batch = generateKeyValueBatch({ rows: 20, groups: 3, nullFraction: 0.5, seed: 1 });
    const { keys, values, valid } = generateKeyValueColumns({
      rows: 20,
      groups: 3,
      nullFraction: 0.5,
      seed: 1,
    });
    expect(batch.numRows).toBe(20);
    expectBatchEqual(batch, {
      k: Array.from(keys),
      v: Array.from(values, (v, i) => (valid[i] === 0 ? null : v)),
    });
  });
});
