import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HiveDecimal,
  columnFromValues,
  createColumnBuilder,
  decimalType,
  decimalUnscaledAt,
  getValue,
} from '@hive-batch/core';
import type { DecimalColumn } from '@hive-batch/core';

function decimalColumn(precision: number, scale: number, values: readonly unknown[]): DecimalColumn {
  const col = columnFromValues(decimalType(precision, scale), values);
  if (col.layout !== 'decimal') throw new Error(`layout ${col.layout}`);
  return col;
}

const MAX38 = 10n ** 38n - 1n;
const MAX18 = 10n ** 18n - 1n;

describe('decimal columns', () => {
  it('use width 1 up to precision 18 and width 2 above', () => {
    expect(decimalColumn(18, 0, [new HiveDecimal(1)]).width).toBe(1);
    expect(decimalColumn(19, 0, [new HiveDecimal(1)]).width).toBe(2);
  });

  it.each([
    [18, 0, MAX18],
    [18, 0, -MAX18],
    [18, 18, MAX18],
    [38, 0, MAX38],
    [38, 0, -MAX38],
    [38, 10, -MAX38],
    [38, 38, MAX38],
    [20, 0, -(2n ** 64n)],
    [19, 0, -(2n ** 63n) - 1n],
    [20, 0, 2n ** 64n - 1n],
    [20, 0, -1n],
    [38, 2, -(2n ** 63n)],
  ])('decimal(%i,%i) keeps unscaled %s exactly', (p, s, unscaled) => {
    const value = new HiveDecimal(`${unscaled.toString()}e-${s}`);
    const col = decimalColumn(p, s, [null, value]);
    expect(decimalUnscaledAt(col, 1)).toBe(unscaled);
    expect((getValue(col, 1) as InstanceType<typeof HiveDecimal>).eq(value)).toBe(true);
    expect(getValue(col, 0)).toBeNull();
  });

  it('round-trips any unscaled value of any precision/scale', () => {
    const arb = fc.integer({ min: 1, max: 38 }).chain((p) =>
      fc.tuple(
        fc.constant(p),
        fc.integer({ min: 0, max: p }),
        fc.array(fc.bigInt({ min: -(10n ** BigInt(p) - 1n), max: 10n ** BigInt(p) - 1n }), {
          maxLength: 10,
        }),
      ),
    );
    fc.assert(
      fc.property(arb, ([p, s, unscaled]) => {
        const col = decimalColumn(
          p,
          s,
          unscaled.map((u) => new HiveDecimal(`${u.toString()}e-${s}`)),
        );
        expect(unscaled.map((_, i) => decimalUnscaledAt(col, i))).toEqual(unscaled);
        const b = createColumnBuilder(decimalType(p, s));
        for (const u of unscaled) b.appendUnscaled(u);
        const viaUnscaled = b.finish() as DecimalColumn;
        expect(Array.from(viaUnscaled.values)).toEqual(Array.from(col.values));
      }),
      { numRuns: 200 },
    );
  });

  it('rounds extra fraction digits HALF_UP, like Hive storing into decimal(p,s)', () => {
    const col = decimalColumn(
      5,
      1,
      ['1.25', '-1.25', '1.24', '-0.05'].map((v) => new HiveDecimal(v)),
    );
    expect([0, 1, 2, 3].map((i) => decimalUnscaledAt(col, i))).toEqual([13n, -13n, 12n, -1n]);
  });

  it('rejects values beyond the precision with INVALID_ARGUMENT', () => {
    expect(() => decimalColumn(5, 2, [new HiveDecimal('1000')])).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => decimalColumn(38, 0, [new HiveDecimal((MAX38 + 1n).toString())])).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => createColumnBuilder(decimalType(3, 0)).appendUnscaled(1000n)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => decimalColumn(10, 0, [new HiveDecimal(Infinity)])).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});
