import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HiveDecimal,
  HiveTypes,
  castValue,
  createHiveDecimal,
  enforceDecimalType,
  isValueOfType,
  parseDataType,
  parseJavaDouble,
  parseLazyLong,
} from '@hive-batch/core';
import type { HiveValue } from '@hive-batch/core';

const T = parseDataType;
const D = (s: string): HiveValue => new HiveDecimal(s);
// Decimals compare by their plain text so 1.50 and 1.5 differ only when the test says so.
const show = (v: HiveValue): unknown => (HiveDecimal.isDecimal(v) ? `dec:${v.toFixed()}` : v);

// Casts and checks the output is a valid value of the target type (so every row also tests `isValueOfType`).
function cast(value: HiveValue, from: string, to: string): unknown {
  const out = castValue(value, T(from), T(to));
  if (!isValueOfType(out, T(to)))
    throw new Error(
      `invalid ${to} value ${JSON.stringify(show(out), (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x))}`,
    );
  return show(out);
}

describe('castValue to integral types', () => {
  it.each<[HiveValue, string, string, HiveValue]>([
    // string -> integral: LazyLong parsing, trailing fraction truncated, out of range or malformed -> NULL
    ['42', 'string', 'int', 42],
    ['  -42 ', 'string', 'int', -42],
    ['+7', 'string', 'int', 7],
    ['1.9', 'string', 'int', 1],
    ['-1.9', 'string', 'int', -1],
    ['1.', 'string', 'int', 1],
    ['1.2.3', 'string', 'int', null],
    ['1e3', 'string', 'int', null],
    ['abc', 'string', 'int', null],
    ['', 'string', 'int', null],
    ['-', 'string', 'int', null],
    ['2147483648', 'string', 'int', null],
    ['-2147483648', 'string', 'int', -2147483648],
    ['128', 'string', 'tinyint', null],
    ['-128', 'string', 'tinyint', -128],
    ['9223372036854775807', 'varchar(30)', 'bigint', 9223372036854775807n],
    ['9223372036854775808', 'string', 'bigint', null],
    ['12', 'char(4)', 'smallint', 12],
    // integral narrowing wraps like Java
    [300, 'int', 'tinyint', 44],
    [-129, 'smallint', 'tinyint', 127],
    [40000, 'int', 'smallint', -25536],
    [4294967297n, 'bigint', 'int', 1],
    [-9223372036854775808n, 'bigint', 'int', 0],
    [127, 'tinyint', 'bigint', 127n],
    // double/float -> integral: truncation; (int)/(long) saturate, NaN -> 0; tinyint = (byte)(int)d
    [1.9, 'double', 'int', 1],
    [-1.9, 'double', 'int', -1],
    [1e10, 'double', 'int', 2147483647],
    [-1e10, 'double', 'int', -2147483648],
    [1e10, 'double', 'bigint', 10000000000n],
    [1e30, 'double', 'bigint', 9223372036854775807n],
    [-Infinity, 'double', 'bigint', -9223372036854775808n],
    [NaN, 'double', 'int', 0],
    [NaN, 'double', 'bigint', 0n],
    [1e10, 'double', 'tinyint', -1],
    [300.7, 'double', 'tinyint', 44],
    [Math.fround(2.5), 'float', 'smallint', 2],
    // decimal -> integral: truncate; NULL when out of range
    [D('123.99'), 'decimal(5,2)', 'int', 123],
    [D('-123.99'), 'decimal(5,2)', 'int', -123],
    [D('300'), 'decimal(5,0)', 'tinyint', null],
    [D('99999999999999999999'), 'decimal(20,0)', 'bigint', null],
    [D('9223372036854775807'), 'decimal(19,0)', 'bigint', 9223372036854775807n],
    // boolean, timestamp, date
    [true, 'boolean', 'int', 1],
    [false, 'boolean', 'bigint', 0n],
    [1_500_000n, 'timestamp', 'int', 1],
    [-1n, 'timestamp', 'bigint', -1n],
    [10, 'date', 'int', null],
    [null, 'string', 'int', null],
    [null, 'void', 'int', null],
  ])('CAST(%s AS %s→%s) = %s', (value, from, to, expected) => {
    expect(cast(value, from, to)).toEqual(show(expected));
  });
});

describe('castValue to float and double', () => {
  it.each<[HiveValue, string, string, HiveValue]>([
    [' 1.5 ', 'string', 'double', 1.5],
    ['1e3', 'string', 'double', 1000],
    ['1d', 'string', 'double', 1],
    ['2.5f', 'string', 'double', 2.5],
    ['NaN', 'string', 'double', NaN],
    ['-Infinity', 'string', 'double', -Infinity],
    ['0x1.8p1', 'string', 'double', 3],
    ['.5', 'string', 'double', 0.5],
    ['inf', 'string', 'double', null],
    ['1,5', 'string', 'double', null],
    ['', 'string', 'double', null],
    ['1.1', 'string', 'float', Math.fround(1.1)],
    [Math.fround(1.1), 'float', 'double', 1.100000023841858],
    [1.1, 'double', 'float', Math.fround(1.1)],
    [9007199254740993n, 'bigint', 'double', 9007199254740992],
    [D('0.1'), 'decimal(3,1)', 'double', 0.1],
    [true, 'boolean', 'double', 1],
    [1_500_000n, 'timestamp', 'double', 1.5],
    [-1_500_000n, 'timestamp', 'double', -1.5],
    [7, 'int', 'double', 7],
  ])('CAST(%s AS %s→%s) = %s', (value, from, to, expected) => {
    expect(cast(value, from, to)).toEqual(show(expected));
  });
});

describe('castValue to decimal', () => {
  it.each<[HiveValue, string, string, HiveValue]>([
    [D('123.455'), 'decimal(6,3)', 'decimal(5,2)', D('123.46')],
    [D('-123.455'), 'decimal(6,3)', 'decimal(5,2)', D('-123.46')],
    [D('1234.5'), 'decimal(5,1)', 'decimal(5,2)', null],
    [D('999.995'), 'decimal(6,3)', 'decimal(5,2)', null],
    [D('-0.004'), 'decimal(3,3)', 'decimal(3,2)', D('0')],
    ['  3.14159 ', 'string', 'decimal(10,2)', D('3.14')],
    ['1e2', 'string', 'decimal(10,2)', D('100')],
    ['-.5', 'string', 'decimal(3,1)', D('-0.5')],
    ['abc', 'string', 'decimal(10,2)', null],
    ['12345678901', 'string', 'decimal(10,0)', null],
    [0.1, 'double', 'decimal(20,19)', D('0.1')],
    [Math.fround(1.1), 'float', 'decimal(10,5)', D('1.1')],
    [1e20, 'double', 'decimal(38,0)', D('100000000000000000000')],
    [NaN, 'double', 'decimal(10,2)', null],
    [Infinity, 'double', 'decimal(10,2)', null],
    [2147483647, 'int', 'decimal(10,0)', D('2147483647')],
    [2147483647, 'int', 'decimal(9,0)', null],
    [-9223372036854775808n, 'bigint', 'decimal(19,0)', D('-9223372036854775808')],
    [true, 'boolean', 'decimal(1,0)', D('1')],
    [1_500_000n, 'timestamp', 'decimal(10,1)', D('1.5')],
    [3, 'date', 'decimal(10,1)', null],
  ])('CAST(%s AS %s→%s) = %s', (value, from, to, expected) => {
    expect(cast(value, from, to)).toEqual(show(expected));
  });

  it('enforceDecimalType rounds HALF_UP and returns NULL on integer overflow', () => {
    expect(enforceDecimalType(new HiveDecimal('0.5'), 1, 0)?.toFixed()).toBe('1');
    expect(enforceDecimalType(new HiveDecimal('-0.5'), 1, 0)?.toFixed()).toBe('-1');
    expect(enforceDecimalType(new HiveDecimal('9.5'), 1, 0)).toBeNull();
    expect(enforceDecimalType(new HiveDecimal('0.99'), 2, 2)?.toFixed()).toBe('0.99');
    expect(enforceDecimalType(new HiveDecimal('0.999'), 2, 2)).toBeNull();
  });

  it('createHiveDecimal rounds past 38 digits and rejects 39 integer digits', () => {
    expect(createHiveDecimal('0.123456789012345678901234567890123456789')?.toFixed()).toBe(
      '0.12345678901234567890123456789012345679',
    );
    expect(createHiveDecimal('1'.repeat(38))?.toFixed()).toBe('1'.repeat(38));
    expect(createHiveDecimal('1'.repeat(39))).toBeNull();
    expect(createHiveDecimal('1.2.3')).toBeNull();
  });

  it('agrees with a bigint reference for decimal -> decimal rescaling', () => {
    const dec = fc.record({
      unscaled: fc.bigInt({ min: -(10n ** 18n) + 1n, max: 10n ** 18n - 1n }),
      scale: fc.integer({ min: 0, max: 18 }),
    });
    fc.assert(
      fc.property(dec, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 20 }), (d, p, sRaw) => {
        const s = Math.min(sRaw, p);
        const value = new HiveDecimal(d.unscaled.toString()).div(new HiveDecimal(10).pow(d.scale));
        const out = castValue(value, T(`decimal(18,${d.scale})`), T(`decimal(${p},${s})`));
        // reference: HALF_UP rescale of the unscaled integer, then the integer-digit check
        let u = d.unscaled;
        if (s >= d.scale) u *= 10n ** BigInt(s - d.scale);
        else {
          const f = 10n ** BigInt(d.scale - s);
          const abs = u < 0n ? -u : u;
          const q = (abs + f / 2n) / f;
          u = u < 0n ? -q : q;
        }
        const limit = 10n ** BigInt(p);
        const expected = (u < 0n ? -u : u) >= limit ? null : u.toString();
        const got = HiveDecimal.isDecimal(out) ? out.times(new HiveDecimal(10).pow(s)).toFixed() : out;
        expect(got).toBe(expected);
      }),
      { numRuns: 400 },
    );
  }, 30_000);
});

describe('castValue to boolean, strings, dates, timestamps, binary', () => {
  it.each<[HiveValue, string, string, HiveValue]>([
    [0, 'int', 'boolean', false],
    [-3, 'int', 'boolean', true],
    [NaN, 'double', 'boolean', true],
    [0n, 'bigint', 'boolean', false],
    [D('0'), 'decimal(3,1)', 'boolean', false],
    ['', 'string', 'boolean', false],
    ['false', 'string', 'boolean', true],
    [0n, 'timestamp', 'boolean', false],
    [5, 'date', 'boolean', null],
    [-12, 'int', 'string', '-12'],
    [9223372036854775807n, 'bigint', 'string', '9223372036854775807'],
    [100, 'double', 'string', '100.0'],
    [1e7, 'double', 'string', '1.0E7'],
    [0.001, 'double', 'string', '0.001'],
    [Math.fround(1.1), 'float', 'string', '1.1'],
    [D('1.5'), 'decimal(5,3)', 'string', '1.500'],
    [true, 'boolean', 'string', 'TRUE'],
    [false, 'boolean', 'varchar(3)', 'FAL'],
    [0, 'date', 'string', '1970-01-01'],
    [1_500_000n, 'timestamp', 'string', '1970-01-01 00:00:01.5'],
    [new TextEncoder().encode('héllo'), 'binary', 'string', 'héllo'],
    ['abcdef', 'string', 'varchar(3)', 'abc'],
    ['a😀bc', 'string', 'varchar(2)', 'a😀'],
    ['ab', 'string', 'char(4)', 'ab  '],
    ['abcdef', 'string', 'char(3)', 'abc'],
    ['ab  ', 'char(4)', 'string', 'ab'],
    ['ab  ', 'char(4)', 'char(6)', 'ab    '],
    [12345, 'int', 'char(3)', '123'],
    ['2020-02-30', 'string', 'date', 18322],
    ['nope', 'string', 'date', null],
    [-1n, 'timestamp', 'date', -1],
    [86_400_000_001n, 'timestamp', 'date', 1],
    [1, 'date', 'timestamp', 86_400_000_000n],
    ['1970-01-01 00:00:01.25', 'string', 'timestamp', 1_250_000n],
    ['1970-01-01 00:00:01.25', 'string', 'date', 0],
    ['bad', 'string', 'timestamp', null],
    [1500, 'int', 'timestamp', 1_500_000n],
    [1500n, 'bigint', 'timestamp', 1_500_000n],
    [9223372036854775807n, 'bigint', 'timestamp', null],
    [true, 'boolean', 'timestamp', 1000n],
    [false, 'boolean', 'timestamp', 0n],
    [1.5, 'double', 'timestamp', 1_500_000n],
    [-1.5, 'double', 'timestamp', -1_500_000n],
    [NaN, 'double', 'timestamp', null],
    [D('0.0000015'), 'decimal(8,7)', 'timestamp', 1n],
  ])('CAST(%s AS %s→%s) = %s', (value, from, to, expected) => {
    expect(cast(value, from, to)).toEqual(show(expected));
  });

  it('string to binary is UTF-8', () => {
    expect(castValue('hé', T('string'), T('binary'))).toEqual(new Uint8Array([0x68, 0xc3, 0xa9]));
  });

  it('complex types cast only to an equal type', () => {
    const v = [1, 2];
    expect(castValue(v, T('array<int>'), T('array<int>'))).toBe(v);
    expect(() => castValue(v, T('array<int>'), T('array<bigint>'))).toThrow(
      expect.objectContaining({ code: 'CAST_ERROR' }),
    );
    expect(() => castValue(v, T('array<int>'), T('string'))).toThrow(
      expect.objectContaining({ code: 'CAST_ERROR' }),
    );
    expect(() => castValue(1, T('date'), T('binary'))).toThrow(
      expect.objectContaining({ code: 'CAST_ERROR' }),
    );
    expect(() => castValue(1, T('int'), T('date'))).toThrow(expect.objectContaining({ code: 'CAST_ERROR' }));
  });

  it('int -> string -> int round-trips', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2147483648, max: 2147483647 }), (n) => {
        expect(
          castValue(castValue(n, HiveTypes.int, HiveTypes.string), HiveTypes.string, HiveTypes.int),
        ).toBe(n);
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it('double -> string -> double round-trips', () => {
    fc.assert(
      fc.property(fc.double(), (x) => {
        const back = castValue(
          castValue(x, HiveTypes.double, HiveTypes.string),
          HiveTypes.string,
          HiveTypes.double,
        );
        expect(Object.is(back, x) || (x === 0 && back === 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  }, 30_000);
});

describe('parsers', () => {
  it('parseLazyLong', () => {
    expect(parseLazyLong('  12.50 ')).toBe(12n);
    expect(parseLazyLong('.5')).toBe(0n);
    expect(parseLazyLong('12a')).toBeNull();
    expect(parseLazyLong('-9223372036854775808')).toBe(-9223372036854775808n);
  });
  it('parseJavaDouble', () => {
    expect(parseJavaDouble('\t+1.5E2D\n')).toBe(150);
    expect(parseJavaDouble('0x10p0')).toBe(16);
    expect(parseJavaDouble('0xp0')).toBeNull();
    expect(parseJavaDouble('1e')).toBeNull();
    expect(parseJavaDouble('Infinityx')).toBeNull();
    // Hex literals round once, as Java does: subnormal results and a zero mantissa with a huge exponent.
    expect(parseJavaDouble('0x10p-1078')).toBe(Number.MIN_VALUE);
    expect(parseJavaDouble('0x3p-1076')).toBe(Number.MIN_VALUE);
    expect(parseJavaDouble('0x0p99999')).toBe(0);
    expect(parseJavaDouble('-0x0p99999')).toBe(-0);
  });
});
