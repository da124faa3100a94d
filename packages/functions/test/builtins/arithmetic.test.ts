import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { HiveDecimal, columnFromValues, formatDataType, getValue } from '@hive-batch/core';
import type { HiveDecimalValue } from '@hive-batch/core';
import { evaluateBatchByRows } from '@hive-batch/functions';
import { resolve, run } from './harness';

function resultType(name: string, types: readonly string[]): string {
  return formatDataType(resolve(name, types).resultType);
}

describe('arithmetic result types', () => {
  test.each([
    ['+', ['int', 'int'], 'int'],
    ['+', ['tinyint', 'smallint'], 'smallint'],
    ['+', ['int', 'bigint'], 'bigint'],
    ['+', ['int', 'double'], 'double'],
    ['+', ['string', 'int'], 'double'],
    ['+', ['float', 'bigint'], 'float'],
    ['+', ['decimal(10,2)', 'decimal(12,4)'], 'decimal(13,4)'],
    ['+', ['int', 'decimal(5,2)'], 'decimal(13,2)'],
    ['*', ['decimal(20,10)', 'decimal(20,10)'], 'decimal(38,17)'],
    ['/', ['int', 'int'], 'double'],
    ['/', ['bigint', 'float'], 'double'],
    ['/', ['decimal(10,2)', 'int'], 'decimal(21,13)'],
    ['%', ['int', 'bigint'], 'bigint'],
    ['%', ['decimal(10,2)', 'decimal(5,3)'], 'decimal(11,3)'],
    ['div', ['double', 'int'], 'bigint'],
    ['pmod', ['int', 'int'], 'int'],
    ['negative', ['smallint'], 'smallint'],
    ['negative', ['string'], 'double'],
  ] as const)('%s(%j) is %s', (op, types, expected) => {
    expect(resultType(op, types)).toBe(expected);
  });

  test('rejects non-numeric operands', () => {
    expect(() => resolve('+', ['boolean', 'int'])).toThrow(
      expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
    );
    expect(() => resolve('*', ['array<int>', 'int'])).toThrow(
      expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
    );
    expect(() => resolve('+', ['int'])).toThrow(
      expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
    );
  });
});

describe('arithmetic values', () => {
  test.each([
    ['+', ['int', 'int'], [2147483647, 1], -2147483648],
    ['*', ['int', 'int'], [65536, 65536], 0],
    ['+', ['tinyint', 'tinyint'], [127, 1], -128],
    ['-', ['smallint', 'smallint'], [-32768, 1], 32767],
    ['+', ['bigint', 'bigint'], [9223372036854775807n, 1n], -9223372036854775808n],
    ['/', ['int', 'int'], [1, 2], 0.5],
    ['/', ['int', 'int'], [1, 0], null],
    ['/', ['double', 'double'], [1, 0], null],
    ['%', ['int', 'int'], [-7, 3], -1],
    ['%', ['int', 'int'], [7, 0], null],
    ['%', ['double', 'double'], [5.5, 2], 1.5],
    ['%', ['int', 'int'], [-2147483648, -1], 0],
    ['pmod', ['int', 'int'], [-7, 3], 2],
    ['pmod', ['int', 'int'], [7, -3], -2],
    ['pmod', ['double', 'double'], [-7, 3], 2],
    ['pmod', ['int', 'int'], [7, 0], null],
    ['div', ['int', 'int'], [7, 2], 3n],
    ['div', ['int', 'int'], [-7, 2], -3n],
    ['div', ['int', 'int'], [7, 0], null],
    ['+', ['string', 'int'], ['1.5', 2], 3.5],
    ['+', ['string', 'int'], ['x', 2], null],
    ['+', ['int', 'int'], [null, 2], null],
    ['+', ['void', 'int'], [null, 2], null],
    ['negative', ['int'], [-2147483648], -2147483648],
    ['negative', ['bigint'], [5n], -5n],
    ['+', ['float', 'float'], [0.1, 0.2], Math.fround(Math.fround(0.1) + Math.fround(0.2))],
  ] as const)('%s %s %s = %s', (op, types, args, expected) => {
    expect(run(op, types, args)).toEqual(expected);
  });

  test('decimal arithmetic is exact, HALF_UP to the result scale, NULL on overflow', () => {
    const d = (s: string): HiveDecimalValue => new HiveDecimal(s);
    const div = run('/', ['decimal(10,2)', 'decimal(10,2)'], [d('1'), d('3')]) as HiveDecimalValue;
    expect(div.toFixed()).toBe('0.3333333333333');
    expect(
      (run('/', ['decimal(10,2)', 'decimal(10,2)'], [d('2'), d('3')]) as HiveDecimalValue).toFixed(),
    ).toBe('0.6666666666667');
    expect(run('/', ['decimal(10,2)', 'decimal(10,2)'], [d('2'), d('0')])).toBeNull();
    expect(
      (run('*', ['decimal(3,2)', 'decimal(3,2)'], [d('1.25'), d('-1.25')]) as HiveDecimalValue).toFixed(),
    ).toBe('-1.5625');
    const big = d('99999999999999999999999999999999999999'); // 38 nines
    expect(run('+', ['decimal(38,0)', 'decimal(38,0)'], [big, big])).toBeNull();
    expect((run('%', ['decimal(5,2)', 'int'], [d('-7.5'), 2]) as HiveDecimalValue).toFixed()).toBe('-1.5');
    expect((run('pmod', ['decimal(5,2)', 'int'], [d('-7.5'), 2]) as HiveDecimalValue).toFixed()).toBe('0.5');
  });
});

describe('vectorized arithmetic agrees with evaluate', () => {
  const ops = ['+', '-', '*', '/', '%'] as const;
  const cases = [
    { type: 'int', arb: fc.integer() },
    { type: 'smallint', arb: fc.integer({ min: -32768, max: 32767 }) },
    { type: 'bigint', arb: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }) },
    { type: 'double', arb: fc.double() },
  ] as const;
  for (const op of ops) {
    for (const c of cases) {
      test(`${op} on ${c.type}`, () => {
        const ev = resolve(op, [c.type, c.type]);
        expect(ev.evaluateBatch).toBeDefined();
        const value = fc.option(c.arb as fc.Arbitrary<unknown>, { freq: 5, nil: null });
        fc.assert(
          fc.property(
            fc.array(fc.tuple(value, fc.oneof(value, fc.constant(0))), { maxLength: 40 }),
            (rows) => {
              const [ta, tb] = ev.inputTypes;
              const conv = (v: unknown): unknown =>
                v == null
                  ? null
                  : ta?.kind === 'double'
                    ? Number(v)
                    : ta?.kind === 'bigint'
                      ? BigInt(v as bigint)
                      : v;
              const a = columnFromValues(
                ta!,
                rows.map((r) => conv(r[0])),
              );
              const b = columnFromValues(
                tb!,
                rows.map((r) => (r[1] === 0 && ta?.kind === 'bigint' ? 0n : conv(r[1]))),
              );
              const fast = ev.evaluateBatch!([a, b], rows.length);
              const slow = evaluateBatchByRows(ev, [a, b], rows.length);
              expect(fast.length).toBe(rows.length);
              for (let i = 0; i < rows.length; i++) expect(getValue(fast, i)).toEqual(getValue(slow, i));
            },
          ),
          { numRuns: 40 },
        );
      });
    }
  }
});

describe('pmod follows Hive’s ((a % b) + b) % b literally', () => {
  test('int overflow at + b wraps like Java', () => {
    expect(run('pmod', ['int', 'int'], [2147483646, 2147483647])).toBe(-3);
    expect(run('pmod', ['bigint', 'bigint'], [9223372036854775806n, 9223372036854775807n])).toBe(-3n);
    expect(run('pmod', ['tinyint', 'tinyint'], [126, 127])).toBe(126); // byte math happens in int
  });

  test('agrees with the positive modulo when nothing overflows', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 1, max: 1e4 }), (a, b) => {
        const r = run('pmod', ['int', 'int'], [a, b]) as number;
        expect(r >= 0 && r < b).toBe(true);
        expect(((a - r) % b) + 0).toBe(0); // + 0: JS gives -0 for negative a
      }),
      { numRuns: 100 },
    );
  });
});
