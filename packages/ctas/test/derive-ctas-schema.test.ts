import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HiveTypes, arrayType, mapType } from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
import { deriveCtasSchema } from '@hive-batch/ctas';

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code ?? 'NO_CODE';
  }
  return 'NO_ERROR';
};

describe('deriveCtasSchema', () => {
  it('names columns as Hive does in ctas_colname.q: * is one SELECT position', () => {
    // create table summary as select *, key + 1, concat(value, value) from src
    const schema = deriveCtasSchema([
      { name: 'key', type: HiveTypes.string, selectIndex: 0 },
      { name: 'value', type: HiveTypes.string, selectIndex: 0 },
      { type: HiveTypes.double, selectIndex: 1 },
      { type: HiveTypes.string, selectIndex: 2 },
    ]);
    expect(schema.fields).toEqual([
      { name: 'key', type: HiveTypes.string },
      { name: 'value', type: HiveTypes.string },
      { name: '_c1', type: HiveTypes.double },
      { name: '_c2', type: HiveTypes.string },
    ]);
  });

  it('uses the ordinal when no SELECT position is given, lower-cases aliases, honours the prefix', () => {
    const cols = [{ name: 'MyKey', type: HiveTypes.int }, { type: HiveTypes.bigint }];
    expect(deriveCtasSchema(cols).fields.map((f) => f.name)).toEqual(['mykey', '_c1']);
    expect(deriveCtasSchema(cols, { columnAliasPrefix: 'col_' }).fields.map((f) => f.name)).toEqual([
      'mykey',
      'col_1',
    ]);
  });

  it('rejects void columns (CTAS_CREATES_VOID_TYPE), also nested, duplicates and an empty list', () => {
    expect(codeOf(() => deriveCtasSchema([{ type: HiveTypes.void }]))).toBe('SEMANTIC_ERROR');
    expect(codeOf(() => deriveCtasSchema([{ name: 'a', type: arrayType(HiveTypes.void) }]))).toBe(
      'SEMANTIC_ERROR',
    );
    expect(
      codeOf(() => deriveCtasSchema([{ name: 'a', type: mapType(HiveTypes.string, HiveTypes.void) }])),
    ).toBe('SEMANTIC_ERROR');
    expect(
      codeOf(() =>
        deriveCtasSchema([
          { name: 'A', type: HiveTypes.int },
          { name: 'a', type: HiveTypes.int },
        ]),
      ),
    ).toBe('SEMANTIC_ERROR');
    expect(
      codeOf(() => deriveCtasSchema([{ name: '_c1', type: HiveTypes.int }, { type: HiveTypes.int }])),
    ).toBe('SEMANTIC_ERROR');
    expect(codeOf(() => deriveCtasSchema([]))).toBe('SEMANTIC_ERROR');
  });

  it('is deterministic, keeps types and order, and names unnamed items _c<position>', () => {
    const typeArb = fc.constantFrom<DataType>(
      HiveTypes.int,
      HiveTypes.string,
      HiveTypes.double,
      arrayType(HiveTypes.int),
    );
    fc.assert(
      fc.property(
        fc.array(fc.record({ named: fc.boolean(), type: typeArb }), { minLength: 1, maxLength: 12 }),
        (items) => {
          const cols = items.map((c, i) => (c.named ? { name: `Col${i}`, type: c.type } : { type: c.type }));
          const a = deriveCtasSchema(cols);
          expect(deriveCtasSchema(cols)).toEqual(a);
          a.fields.forEach((f, i) => {
            expect(f.type).toEqual(items[i]?.type);
            expect(f.name).toBe(items[i]?.named === true ? `col${i}` : `_c${i}`);
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});
