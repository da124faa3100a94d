// Value arbitraries per Hive type for the numeric aggregates' property tests.
import fc from 'fast-check';
import { HiveDecimal } from '@hive-batch/core';
import type { DataType, HiveDecimalValue } from '@hive-batch/core';

function nullable<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return fc.option(arb, { freq: 6, nil: null });
}

/** Decimal values that fit decimal(p, s). */
export function decimalArb(precision: number, scale: number): fc.Arbitrary<HiveDecimalValue> {
  const bound = 10n ** BigInt(precision) - 1n;
  return fc
    .bigInt({ min: -bound, max: bound })
    .map((u) => new HiveDecimal(u.toString()).div(new HiveDecimal(10).pow(scale)));
}

/**
 * A nullable value of `t`. `small` keeps numbers in a range where double sums cannot lose all precision
 * (variance/correlation tolerances stay meaningful).
 */
export function valueArb(t: DataType, small = false): fc.Arbitrary<unknown> {
  switch (t.kind) {
    case 'tinyint':
      return nullable(fc.integer({ min: -128, max: 127 }));
    case 'smallint':
      return nullable(fc.integer({ min: -32768, max: 32767 }));
    case 'int':
      return nullable(
        small ? fc.integer({ min: -1000, max: 1000 }) : fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
      );
    case 'bigint':
      return nullable(
        small
          ? fc.bigInt({ min: -1000n, max: 1000n })
          : fc.oneof(
              fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
              fc.bigInt({ min: -100n, max: 100n }),
            ),
      );
    case 'float':
      return nullable(
        small ? fc.integer({ min: -1000, max: 1000 }).map((i) => Math.fround(i / 8)) : fc.float(),
      );
    case 'double':
      return nullable(
        small
          ? fc.double({ min: -1000, max: 1000, noNaN: true })
          : fc.oneof(fc.double(), fc.constantFrom(0, -0, NaN, Infinity, -Infinity)),
      );
    case 'decimal':
      return nullable(decimalArb(t.precision, t.scale));
    case 'string':
      return nullable(
        fc.oneof(
          fc.integer({ min: -1000, max: 1000 }).map(String),
          fc.constantFrom('1.5', ' 2 ', '1e2', 'abc', '', 'NaN', '0x1p3', '7d'),
        ),
      );
    case 'date':
      return nullable(fc.integer({ min: -100000, max: 100000 }));
    case 'timestamp':
      return nullable(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }));
    case 'boolean':
      return nullable(fc.boolean());
    default:
      throw new Error(`no arbitrary for ${t.kind}`);
  }
}

/** A row of values of the given types. */
export function rowArb(types: readonly DataType[], small = false): fc.Arbitrary<readonly unknown[]> {
  return fc.tuple(...types.map((t) => valueArb(t, small)));
}
