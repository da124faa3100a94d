import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HiveTypes, batchFromRows, batchToRows, createSchema, sliceBatch } from '@hive-batch/core';
import { decodeColumnBatch, encodeColumnBatch } from '@hive-batch/operators';
import {
  expectColumnWellFormed,
  normalizeValue,
  rowsArbitrary,
  schemaArbitrary,
} from '@hive-batch/test-utils';

describe('encodeColumnBatch / decodeColumnBatch', () => {
  it('round-trips any batch of primitive columns, sliced or not', () => {
    const arb = schemaArbitrary({ primitivesOnly: true, includeVoid: true, maxColumns: 5 }).chain((schema) =>
      fc.tuple(fc.constant(schema), rowsArbitrary(schema, { maxRows: 30 }), fc.nat(), fc.nat()),
    );
    fc.assert(
      fc.property(arb, ([schema, rows, a, b]) => {
        const full = batchFromRows(schema, rows);
        const start = rows.length === 0 ? 0 : a % (rows.length + 1);
        const end = start + (rows.length === 0 ? 0 : b % (rows.length - start + 1));
        const batch = sliceBatch(full, start, end);
        const back = decodeColumnBatch(encodeColumnBatch(batch));
        expect(back.schema).toEqual(schema);
        back.columns.forEach((c) => expectColumnWellFormed(c));
        expect(batchToRows(back).map((r) => r.map(normalizeValue))).toEqual(
          batchToRows(batch).map((r) => r.map(normalizeValue)),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('rejects complex columns and malformed bytes with stable codes', () => {
    const schema = createSchema([{ name: 'a', type: { kind: 'array', element: HiveTypes.int } }]);
    expect(() => encodeColumnBatch(batchFromRows(schema, [[[1]]]))).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_TYPE' }),
    );
    expect(() => decodeColumnBatch(new Uint8Array([1, 2, 3, 4]))).toThrow(
      expect.objectContaining({ code: 'MALFORMED_DATA' }),
    );
    const ok = encodeColumnBatch(
      batchFromRows(createSchema([{ name: 's', type: HiveTypes.string }]), [['x']]),
    );
    expect(() => decodeColumnBatch(ok.subarray(0, ok.length - 1))).toThrow(
      expect.objectContaining({ code: 'MALFORMED_DATA' }),
    );
  });
});
