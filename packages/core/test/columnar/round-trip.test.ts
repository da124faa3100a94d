import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ColumnBatchBuilder,
  batchFromRows,
  batchToRows,
  columnFromValues,
  getRow,
  getValue,
} from '@hive-batch/core';
import {
  dataTypeArbitrary,
  expectColumnWellFormed,
  expectRowsEqual,
  normalizeValue,
  rowsArbitrary,
  schemaArbitrary,
  valueArbitrary,
} from '@hive-batch/test-utils';

const typeAndValues = dataTypeArbitrary({ maxDepth: 2 }).chain((type) =>
  fc.tuple(fc.constant(type), fc.array(valueArbitrary(type), { maxLength: 20 })),
);

describe('values → builder → getValue', () => {
  it('columnFromValues round-trips every type', () => {
    fc.assert(
      fc.property(typeAndValues, ([type, values]) => {
        const column = columnFromValues(type, values);
        expect(column.length).toBe(values.length);
        expectColumnWellFormed(column);
        const back = values.map((_, i) => normalizeValue(getValue(column, i)));
        expect(back).toEqual(values.map(normalizeValue));
      }),
      { numRuns: 120 },
    );
  }, 30_000);

  const schemaAndRows = schemaArbitrary({ maxColumns: 4, maxDepth: 2, includeVoid: true }).chain((schema) =>
    fc.tuple(fc.constant(schema), rowsArbitrary(schema, { maxRows: 25 })),
  );

  it('batchFromRows / batchToRows round-trip', () => {
    fc.assert(
      fc.property(schemaAndRows, ([schema, rows]) => {
        const batch = batchFromRows(schema, rows);
        expect(batch.numRows).toBe(rows.length);
        for (const c of batch.columns) expectColumnWellFormed(c);
        expectRowsEqual(batchToRows(batch), rows);
      }),
      { numRuns: 100 },
    );
  }, 30_000);

  it('ColumnBatchBuilder emits batches of at most highWaterMarkRows holding every row in order', () => {
    fc.assert(
      fc.property(schemaAndRows, fc.integer({ min: 1, max: 7 }), ([schema, rows], hwm) => {
        const builder = new ColumnBatchBuilder(schema, { highWaterMarkRows: hwm });
        const out: unknown[][] = [];
        const sizes: number[] = [];
        for (const row of rows) {
          builder.appendRow(row);
          if (builder.isFull()) {
            const b = builder.finish();
            sizes.push(b.numRows);
            out.push(...batchToRows(b));
          }
        }
        const last = builder.finish();
        out.push(...batchToRows(last));
        expect(sizes.every((s) => s === hwm)).toBe(true);
        expect(last.numRows).toBeLessThan(hwm);
        expectRowsEqual(out, rows);
      }),
      { numRuns: 100 },
    );
  }, 30_000);
});

describe('value representation', () => {
  it('reads each primitive in its documented JS form', () => {
    const batch = batchFromRows(
      {
        fields: [
          { name: 'ti', type: { kind: 'tinyint' } },
          { name: 'bi', type: { kind: 'bigint' } },
          { name: 'f', type: { kind: 'float' } },
          { name: 'd', type: { kind: 'date' } },
          { name: 'ts', type: { kind: 'timestamp' } },
          { name: 'b', type: { kind: 'boolean' } },
          { name: 'bin', type: { kind: 'binary' } },
          { name: 's', type: { kind: 'string' } },
        ],
      },
      [[-5, -(2n ** 63n), 0.1, -719162, 1n, true, new Uint8Array([0, 255]), 'x🙂y']],
    );
    expect(getRow(batch, 0)).toEqual([
      -5,
      -(2n ** 63n),
      Math.fround(0.1),
      -719162,
      1n,
      true,
      new Uint8Array([0, 255]),
      'x🙂y',
    ]);
  });

  it('reads structs as plain objects, maps as Map and arrays as Array, with NULLs at every level', () => {
    const type = {
      kind: 'struct',
      fields: [
        { name: 'a', type: { kind: 'array', element: { kind: 'int' } } },
        { name: 'm', type: { kind: 'map', key: { kind: 'string' }, value: { kind: 'double' } } },
      ],
    } as const;
    const values = [
      { a: [1, null, 3], m: new Map([['k', 1.5]]) },
      null,
      { a: null, m: new Map<string, number | null>([['z', null]]) },
      { a: [], m: new Map() },
    ];
    const col = columnFromValues(type, values);
    expect(col.nullCount).toBe(1);
    expect(values.map((_, i) => getValue(col, i))).toEqual(values);
  });

  it('rejects values of the wrong JS type or range with TYPE_MISMATCH', () => {
    const cases: [Parameters<typeof columnFromValues>[0], unknown][] = [
      [{ kind: 'int' }, 2 ** 31],
      [{ kind: 'int' }, 1.5],
      [{ kind: 'tinyint' }, 128],
      [{ kind: 'int' }, '1'],
      [{ kind: 'bigint' }, 1],
      [{ kind: 'bigint' }, 2n ** 63n],
      [{ kind: 'string' }, 1],
      [{ kind: 'binary' }, 'x'],
      [{ kind: 'boolean' }, 0],
      [{ kind: 'void' }, 1],
      [{ kind: 'array', element: { kind: 'int' } }, new Map()],
      [{ kind: 'map', key: { kind: 'int' }, value: { kind: 'int' } }, [[1, 2]]],
      [{ kind: 'struct', fields: [] }, [1]],
      [{ kind: 'decimal', precision: 5, scale: 2 }, 1.5],
    ];
    for (const [type, value] of cases) {
      expect(() => columnFromValues(type, [value]), `${type.kind} ${String(value)}`).toThrow(
        expect.objectContaining({ code: 'TYPE_MISMATCH' }),
      );
    }
  });

  it('rejects rows of the wrong width with INVALID_ARGUMENT', () => {
    const schema = { fields: [{ name: 'a', type: { kind: 'int' } }] } as const;
    expect(() => batchFromRows(schema, [[1, 2]])).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => new ColumnBatchBuilder(schema).appendRow([])).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});
