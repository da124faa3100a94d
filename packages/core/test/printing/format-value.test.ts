import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  HiveDecimal,
  HiveTypes,
  arrayType,
  charType,
  decimalType,
  formatHiveValue,
  formatRow,
  mapType,
  structType,
  varcharType,
} from '@hive-batch/core';

const nested = { topLevel: false } as const;

describe('formatHiveValue at top level', () => {
  test('NULL, booleans, integers', () => {
    expect(formatHiveValue(null, HiveTypes.int)).toBe('NULL');
    expect(formatHiveValue(undefined, HiveTypes.string)).toBe('NULL');
    expect(formatHiveValue(true, HiveTypes.boolean)).toBe('true');
    expect(formatHiveValue(false, HiveTypes.boolean)).toBe('false');
    expect(formatHiveValue(-128, HiveTypes.tinyint)).toBe('-128');
    expect(formatHiveValue(2147483647, HiveTypes.int)).toBe('2147483647');
    expect(formatHiveValue(-9223372036854775808n, HiveTypes.bigint)).toBe('-9223372036854775808');
  });

  test('double and float use Java toString', () => {
    expect(formatHiveValue(130091, HiveTypes.double)).toBe('130091.0');
    expect(formatHiveValue(1e8, HiveTypes.double)).toBe('1.0E8');
    expect(formatHiveValue(NaN, HiveTypes.double)).toBe('NaN');
    expect(formatHiveValue(-Infinity, HiveTypes.double)).toBe('-Infinity');
    expect(formatHiveValue(Math.fround(1.1), HiveTypes.float)).toBe('1.1');
    expect(formatHiveValue(Math.fround(1.1), HiveTypes.double)).toBe('1.100000023841858');
  });

  test('decimals are padded to the type scale', () => {
    expect(formatHiveValue(new HiveDecimal('3.14'), decimalType(20, 10))).toBe('3.1400000000');
    expect(formatHiveValue(new HiveDecimal('-1.5'), decimalType(10, 2))).toBe('-1.50');
    expect(formatHiveValue(new HiveDecimal('0'), decimalType(10, 2))).toBe('0.00');
    expect(formatHiveValue(new HiveDecimal('-0'), decimalType(10, 0))).toBe('0');
    expect(formatHiveValue(new HiveDecimal('12345678901234567890.5'), decimalType(38, 1))).toBe(
      '12345678901234567890.5',
    );
    expect(formatHiveValue(new HiveDecimal('1e-20'), decimalType(38, 20))).toBe('0.00000000000000000001');
  });

  test('strings raw, char padded, varchar as is', () => {
    expect(formatHiveValue('a"b\\c', HiveTypes.string)).toBe('a"b\\c');
    expect(formatHiveValue('', HiveTypes.string)).toBe('');
    expect(formatHiveValue('ab', charType(5))).toBe('ab   ');
    expect(formatHiveValue('ab', varcharType(5))).toBe('ab');
  });

  test('dates and timestamps', () => {
    expect(formatHiveValue(0, HiveTypes.date)).toBe('1970-01-01');
    expect(formatHiveValue(-1, HiveTypes.date)).toBe('1969-12-31');
    expect(formatHiveValue(16236, HiveTypes.date)).toBe('2014-06-15');
    expect(formatHiveValue(-719162, HiveTypes.date)).toBe('0001-01-01');
    expect(formatHiveValue(2932896, HiveTypes.date)).toBe('9999-12-31');
    expect(formatHiveValue(0n, HiveTypes.timestamp)).toBe('1970-01-01 00:00:00');
    expect(formatHiveValue(100_000n, HiveTypes.timestamp)).toBe('1970-01-01 00:00:00.1');
    expect(formatHiveValue(1_000_001n, HiveTypes.timestamp)).toBe('1970-01-01 00:00:01.000001');
    expect(formatHiveValue(-1n, HiveTypes.timestamp)).toBe('1969-12-31 23:59:59.999999');
    expect(formatHiveValue(1402835696123000n, HiveTypes.timestamp)).toBe('2014-06-15 12:34:56.123');
  });

  test('binary prints its bytes as UTF-8 text, malformed bytes as U+FFFD', () => {
    expect(formatHiveValue(new TextEncoder().encode('héllo'), HiveTypes.binary)).toBe('héllo');
    expect(formatHiveValue(new Uint8Array([0x48, 0xff, 0x4c]), HiveTypes.binary)).toBe('H\uFFFDL');
  });

  test('dates agree with the JS calendar over years 1..9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719162, max: 2932896 }), (days) => {
        const iso = new Date(days * 86_400_000).toISOString().slice(0, 10);
        expect(formatHiveValue(days, HiveTypes.date)).toBe(iso);
      }),
      { numRuns: 500 },
    );
  });

  test('timestamps agree with the JS calendar (millisecond values)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62135596800000, max: 253402300799999 }), (ms) => {
        const iso = new Date(ms).toISOString();
        let expected = iso.slice(0, 10) + ' ' + iso.slice(11, 19);
        const frac = iso.slice(20, 23).replace(/0+$/, '');
        if (frac !== '') expected += '.' + frac;
        expect(formatHiveValue(BigInt(ms) * 1000n, HiveTypes.timestamp)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('formatHiveValue inside complex values', () => {
  test('the qtest collect_set struct output', () => {
    const t = arrayType(
      structType([
        { name: 'name', type: HiveTypes.string },
        { name: 'date', type: HiveTypes.string },
        { name: 'amount', type: HiveTypes.double },
      ]),
    );
    const v = [
      { name: 'Chris', date: '2013-06-21', amount: 21.45 },
      { name: 'Chris', date: '2014-10-11', amount: 29.36 },
    ];
    expect(formatHiveValue(v, t)).toBe(
      '[{"name":"Chris","date":"2013-06-21","amount":21.45},{"name":"Chris","date":"2014-10-11","amount":29.36}]',
    );
  });

  test('the qtest histogram_numeric output', () => {
    const t = arrayType(
      structType([
        { name: 'x', type: HiveTypes.double },
        { name: 'y', type: HiveTypes.double },
      ]),
    );
    expect(
      formatHiveValue(
        [
          { x: 135.0284552845532, y: 246 },
          { x: 381.39370078740143, y: 254 },
        ],
        t,
      ),
    ).toBe('[{"x":135.0284552845532,"y":246.0},{"x":381.39370078740143,"y":254.0}]');
  });

  test('nested NULL is null, strings are quoted and escaped', () => {
    expect(formatHiveValue([1, null, 3], arrayType(HiveTypes.int))).toBe('[1,null,3]');
    expect(formatHiveValue(['a"b', 'c\\d', 'e\nf', '\u0001', '/'], arrayType(HiveTypes.string))).toBe(
      '["a\\"b","c\\\\d","e\\nf","\\u0001","/"]',
    );
    expect(formatHiveValue([], arrayType(HiveTypes.string))).toBe('[]');
    expect(formatHiveValue(null, arrayType(HiveTypes.string))).toBe('NULL');
    expect(formatHiveValue(null, arrayType(HiveTypes.string), nested)).toBe('null');
  });

  test('decimals inside are not padded; dates and timestamps are quoted', () => {
    expect(
      formatHiveValue([new HiveDecimal('3.10'), new HiveDecimal('0')], arrayType(decimalType(10, 2))),
    ).toBe('[3.1,0]');
    expect(formatHiveValue([0], arrayType(HiveTypes.date))).toBe('["1970-01-01"]');
    expect(formatHiveValue([1_500_000n], arrayType(HiveTypes.timestamp))).toBe('["1970-01-01 00:00:01.5"]');
  });

  test('maps quote string keys only', () => {
    const m1 = new Map<string, number | null>([
      ['a', 1],
      ['b', null],
    ]);
    expect(formatHiveValue(m1, mapType(HiveTypes.string, HiveTypes.int))).toBe('{"a":1,"b":null}');
    const m2 = new Map<number, string>([[1, 'x']]);
    expect(formatHiveValue(m2, mapType(HiveTypes.int, HiveTypes.string))).toBe('{1:"x"}');
    expect(formatHiveValue(new Map(), mapType(HiveTypes.int, HiveTypes.string))).toBe('{}');
  });

  test('floats, booleans, chars and binary inside', () => {
    expect(formatHiveValue([Math.fround(0.1), 1], arrayType(HiveTypes.float))).toBe('[0.1,1.0]');
    expect(formatHiveValue([false], arrayType(HiveTypes.boolean))).toBe('[false]');
    expect(formatHiveValue(['ab'], arrayType(charType(3)))).toBe('["ab "]');
    expect(formatHiveValue([new Uint8Array([104, 105])], arrayType(HiveTypes.binary))).toBe('[hi]');
    expect(formatHiveValue('x', HiveTypes.string, nested)).toBe('"x"');
  });

  test('nested structs and arrays', () => {
    const t = structType([
      { name: 'a', type: arrayType(arrayType(HiveTypes.int)) },
      { name: 'm', type: mapType(HiveTypes.string, structType([{ name: 'z', type: HiveTypes.double }])) },
    ]);
    const v = { a: [[1], [], null], m: new Map([['k', { z: 0.5 }]]) };
    expect(formatHiveValue(v, t)).toBe('{"a":[[1],[],null],"m":{"k":{"z":0.5}}}');
  });
});

describe('formatRow', () => {
  test('joins top-level cells with TAB', () => {
    expect(
      formatRow(
        [1, 'a b', null, 2.5, new HiveDecimal('1.2')],
        [HiveTypes.int, HiveTypes.string, HiveTypes.double, HiveTypes.double, decimalType(5, 3)],
      ),
    ).toBe('1\ta b\tNULL\t2.5\t1.200');
    expect(formatRow([], [])).toBe('');
  });
});
