import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { DataType, HiveDecimalValue } from '@hive-batch/core';
import {
  HiveTypes,
  arrayType,
  charType,
  createSchema,
  createTextRowParser,
  decimalType,
  formatHiveValue,
  mapType,
  splitLines,
  structType,
  textSerDeOptionsFromProperties,
  varcharType,
} from '@hive-batch/core';
import type { TextSerDeOptions } from '@hive-batch/core';

const data = (name: string): URL =>
  new URL(`../../../../../shared/hive-qtests/data/${name}`, import.meta.url);

/** Parses one field of the given type as a one-column table. */
function field(type: DataType, raw: string, options?: TextSerDeOptions): unknown {
  return createTextRowParser(createSchema([{ name: 'c', type }]), options).parseLine(raw)[0];
}

function dec(type: DataType, raw: string): string | null {
  const v = field(type, raw);
  return v == null ? null : (v as HiveDecimalValue).toFixed();
}

describe('LazySimpleSerDe primitive fields', () => {
  test('integers: sign, digits, a dropped fraction; anything else is NULL', () => {
    const int = (s: string): unknown => field(HiveTypes.int, s);
    expect(int('12')).toBe(12);
    expect(int('+5')).toBe(5);
    expect(int('-0')).toBe(0);
    expect(int('007')).toBe(7);
    expect(int('1.9')).toBe(1);
    expect(int('-1.9')).toBe(-1);
    expect(int('.5')).toBe(0);
    expect(int('1.')).toBe(1);
    for (const bad of [
      '1.5x',
      '1e3',
      ' 1',
      '1 ',
      '',
      '\\N',
      '-',
      '+',
      'abc',
      '1..2',
      '2147483648',
      '0x10',
      '１',
    ]) {
      expect(int(bad)).toBeNull();
    }
    expect(int('-2147483648')).toBe(-2147483648);
    expect(field(HiveTypes.tinyint, '127')).toBe(127);
    expect(field(HiveTypes.tinyint, '128')).toBeNull();
    expect(field(HiveTypes.tinyint, '-128')).toBe(-128);
    expect(field(HiveTypes.smallint, '-32769')).toBeNull();
    expect(field(HiveTypes.bigint, '9223372036854775807')).toBe(9223372036854775807n);
    expect(field(HiveTypes.bigint, '-9223372036854775808')).toBe(-9223372036854775808n);
    expect(field(HiveTypes.bigint, '9223372036854775808')).toBeNull();
    expect(field(HiveTypes.bigint, '12.99')).toBe(12n);
  });

  test('doubles follow Double.parseDouble', () => {
    const dbl = (s: string): unknown => field(HiveTypes.double, s);
    expect(dbl('1.5')).toBe(1.5);
    expect(dbl(' 2.5 ')).toBe(2.5);
    expect(dbl('\t-3e2\n')).toBe(-300);
    expect(dbl('NaN')).toBeNaN();
    expect(dbl('-Infinity')).toBe(-Infinity);
    expect(dbl('+Infinity')).toBe(Infinity);
    expect(dbl('1d')).toBe(1);
    expect(dbl('2.5F')).toBe(2.5);
    expect(dbl('.5')).toBe(0.5);
    expect(dbl('5.')).toBe(5);
    expect(dbl('0x1p4')).toBe(16);
    expect(dbl('0x1.8P1d')).toBe(3);
    expect(dbl('0x.1p0')).toBe(0.0625);
    expect(dbl('1e400')).toBe(Infinity);
    expect(dbl('1e-400')).toBe(0);
    expect(dbl('4.9e-324')).toBe(Number.MIN_VALUE);
    expect(Object.is(dbl('-0'), -0)).toBe(true);
    for (const bad of [
      '',
      'abc',
      '1e',
      'e5',
      '.',
      'infinity',
      'inf',
      'NaN ',
      '1_000',
      '0x10',
      '1,5',
      '--1',
      '1df',
      '\\N',
    ]) {
      expect(dbl(bad)).toBeNull();
    }
  });

  test('floats round once from the exact decimal', () => {
    expect(field(HiveTypes.float, '0.1')).toBe(Math.fround(0.1));
    expect(field(HiveTypes.float, '3.4028235e38')).toBe(3.4028234663852886e38);
    expect(field(HiveTypes.float, '1e39')).toBe(Infinity);
    // Just above the midpoint between 1 and the next float: a double rounds it onto the midpoint, after
    // which Math.fround would round to even (1); Float.parseFloat rounds up.
    expect(field(HiveTypes.float, '1.0000000596046447753906250000000001')).toBe(1.00000011920928955078125);
    expect(field(HiveTypes.float, '1.000000059604644775390625')).toBe(1);
    expect(field(HiveTypes.float, '0x1.000001p0')).toBe(1);
    expect(field(HiveTypes.float, 'x')).toBeNull();
  });

  test('booleans: true/false in any case; extended literals only when enabled', () => {
    expect(field(HiveTypes.boolean, 'TRUE')).toBe(true);
    expect(field(HiveTypes.boolean, 'False')).toBe(false);
    expect(field(HiveTypes.boolean, 't')).toBeNull();
    expect(field(HiveTypes.boolean, '1')).toBeNull();
    expect(field(HiveTypes.boolean, 'yes')).toBeNull();
    expect(field(HiveTypes.boolean, 't', { extendedBooleanLiteral: true })).toBe(true);
    expect(field(HiveTypes.boolean, '0', { extendedBooleanLiteral: true })).toBe(false);
  });

  test('decimals: HALF_UP to the scale, NULL on overflow', () => {
    const t = decimalType(5, 2);
    expect(dec(t, '3.14159')).toBe('3.14');
    expect(dec(t, '3.145')).toBe('3.15');
    expect(dec(t, '-3.145')).toBe('-3.15');
    expect(dec(t, ' 1.5 ')).toBe('1.5');
    expect(dec(t, '+1e2')).toBe('100');
    expect(dec(t, '999.99')).toBe('999.99');
    expect(dec(t, '999.995')).toBeNull();
    expect(dec(t, '1000')).toBeNull();
    expect(dec(t, '-0.001')).toBe('0');
    for (const bad of ['', 'abc', '1.2.3', '1e', '.', '-', 'NaN', '1,5']) expect(dec(t, bad)).toBeNull();
    expect(dec(decimalType(38, 0), '1' + '0'.repeat(38))).toBeNull();
    expect(dec(decimalType(38, 38), '0.' + '1'.repeat(40))).toBe('0.' + '1'.repeat(38));
  });

  test('dates: y-M-d resolved leniently, text after a space ignored', () => {
    const date = (s: string): unknown => field(HiveTypes.date, s);
    expect(date('2014-06-15')).toBe(16236);
    expect(date(' 2014-6-5 ')).toBe(16226);
    expect(date('2014-06-15 12:00:00')).toBe(16236);
    expect(date('2019-02-30')).toBe(date('2019-03-02'));
    expect(date('2014-13-01')).toBe(date('2015-01-01'));
    for (const bad of ['', 'x', '2014/06/15', '2014-06', '2014-06-15T00:00', '\\N'])
      expect(date(bad)).toBeNull();
  });

  test('timestamps: Hive format with fraction, date only, or ISO', () => {
    const ts = (s: string): unknown => field(HiveTypes.timestamp, s);
    expect(ts('2014-06-15 12:34:56.123')).toBe(1402835696123000n);
    expect(ts('2014-06-15 12:34:56')).toBe(1402835696000000n);
    expect(ts('2014-06-15')).toBe(1402790400000000n);
    expect(ts('2014-06-15T12:34')).toBe(1402835640000000n);
    expect(ts('2014-06-15T12:34:56.5')).toBe(1402835696500000n);
    expect(ts('2014-06-15 12:34:56.1234567')).toBe(1402835696123456n);
    expect(ts('1969-12-31 23:59:59.999999')).toBe(-1n);
    for (const bad of ['', 'garbage', '2014-06-15 12:34', '2014-06-15T25:00', '2014-06-15 12:34:56.']) {
      expect(ts(bad)).toBeNull();
    }
  });

  test('binary: base64 when it looks like base64, else the raw bytes', () => {
    expect(field(HiveTypes.binary, 'aGk=')).toEqual(new Uint8Array([104, 105]));
    expect(field(HiveTypes.binary, 'aGk')).toEqual(new Uint8Array([104, 105]));
    expect(field(HiveTypes.binary, 'hi!')).toEqual(new Uint8Array([104, 105, 33]));
    expect(field(HiveTypes.binary, 'a')).toEqual(new Uint8Array([97]));
    expect(field(HiveTypes.binary, '')).toEqual(new Uint8Array([]));
    expect(field(HiveTypes.binary, 'é')).toEqual(new Uint8Array([0xc3, 0xa9]));
  });

  test('strings: empty stays empty, the null format is NULL, varchar truncates, char pads', () => {
    expect(field(HiveTypes.string, '')).toBe('');
    expect(field(HiveTypes.string, '\\N')).toBeNull();
    expect(field(HiveTypes.string, 'NULL', { nullFormat: 'NULL' })).toBeNull();
    expect(field(HiveTypes.string, '\\N', { nullFormat: 'NULL' })).toBe('\\N');
    expect(field(varcharType(3), 'abcdef')).toBe('abc');
    expect(field(varcharType(2), '😀😀😀')).toBe('😀😀');
    expect(field(charType(4), 'ab')).toBe('ab  ');
    expect(field(charType(2), 'abc')).toBe('ab');
  });
});

describe('LazySimpleSerDe complex fields', () => {
  test('arrays split by the collection delimiter; empty is an empty array', () => {
    expect(field(arrayType(HiveTypes.int), '1\u00022\u0002\\N\u0002x\u0002')).toEqual([
      1,
      2,
      null,
      null,
      null,
    ]);
    expect(field(arrayType(HiveTypes.int), '')).toEqual([]);
    expect(field(arrayType(HiveTypes.string), '\u0002')).toEqual(['', '']);
    expect(field(arrayType(arrayType(HiveTypes.int)), '1\u00032\u00023')).toEqual([[1, 2], [3]]);
  });

  test('maps: entries by level-1, keys by level-2 delimiter; NULL keys dropped, first duplicate wins', () => {
    const m = field(
      mapType(HiveTypes.string, HiveTypes.int),
      'a\u00031\u0002b\u00032\u0002a\u00033\u0002c\u0002\\N\u00035',
    );
    expect(m).toEqual(
      new Map<string, number | null>([
        ['a', 1],
        ['b', 2],
        ['c', null],
      ]),
    );
    const d = field(mapType(decimalType(3, 1), HiveTypes.int), '1.0\u00031\u00021.00\u00032\u0002x\u00033');
    expect((d as Map<unknown, unknown>).size).toBe(1);
    expect(field(mapType(HiveTypes.int, HiveTypes.int), '')).toEqual(new Map());
  });

  test('structs split by the next level; missing fields NULL', () => {
    const t = structType([
      { name: 'a', type: HiveTypes.int },
      { name: 'b', type: HiveTypes.string },
      { name: 'c', type: HiveTypes.double },
    ]);
    expect(field(t, '1\u0002x')).toEqual({ a: 1, b: 'x', c: null });
    expect(field(t, '')).toEqual({ a: null, b: null, c: null });
    expect(field(t, '\\N')).toBeNull();
  });

  test('nesting deeper than the separators allow is a SERDE_ERROR', () => {
    let t: DataType = HiveTypes.int;
    for (let i = 0; i < 8; i++) t = arrayType(t);
    expect(() => createTextRowParser(createSchema([{ name: 'c', type: t }]))).toThrow(
      expect.objectContaining({ code: 'SERDE_ERROR' }),
    );
    expect(() =>
      createTextRowParser(createSchema([{ name: 'c', type: t }]), { extendedNesting: true }),
    ).not.toThrow();
    let shallow: DataType = HiveTypes.int;
    for (let i = 0; i < 7; i++) shallow = arrayType(shallow);
    expect(() => createTextRowParser(createSchema([{ name: 'c', type: shallow }]))).not.toThrow();
  });
});

describe('parseLine', () => {
  const schema = createSchema([
    { name: 'a', type: HiveTypes.int },
    { name: 'b', type: HiveTypes.string },
    { name: 'c', type: HiveTypes.string },
  ]);

  test('pads missing fields with NULL and drops extra ones', () => {
    const p = createTextRowParser(schema);
    expect(p.parseLine('1')).toEqual([1, null, null]);
    expect(p.parseLine('')).toEqual([null, null, null]);
    expect(p.parseLine('1\u0001')).toEqual([1, '', null]);
    expect(p.parseLine('1\u0001x\u0001y\u0001z\u0001w')).toEqual([1, 'x', 'y']);
  });

  test('lastColumnTakesRest keeps delimiters in the last column', () => {
    const p = createTextRowParser(schema, { lastColumnTakesRest: true });
    expect(p.parseLine('1\u0001x\u0001y\u0001z')).toEqual([1, 'x', 'y\u0001z']);
  });

  test('the escape character protects delimiters and is removed from strings', () => {
    const p = createTextRowParser(schema, { escapeChar: '\\', fieldDelimiter: ',' });
    expect(p.parseLine('1,a\\,b,c\\\\')).toEqual([1, 'a,b', 'c\\']);
    expect(p.parseLine('1,x\\ny,\\r')).toEqual([1, 'x\ny', '\r']);
    expect(p.parseLine('1\\,2,b')).toEqual([null, 'b', null]);
  });

  test('invalid delimiters are SERDE_ERRORs', () => {
    for (const o of [
      { fieldDelimiter: '' },
      { fieldDelimiter: 'ab' },
      { escapeChar: 'é' },
      { mapKeyDelimiter: '\u00ff' },
    ]) {
      expect(() => createTextRowParser(schema, o)).toThrow(expect.objectContaining({ code: 'SERDE_ERROR' }));
    }
  });
});

describe('textSerDeOptionsFromProperties', () => {
  test('reads delimiters as characters or decimal bytes', () => {
    expect(textSerDeOptionsFromProperties({ 'field.delim': '9' })).toEqual({ fieldDelimiter: '\t' });
    expect(textSerDeOptionsFromProperties({ 'field.delim': ',' })).toEqual({ fieldDelimiter: ',' });
    expect(textSerDeOptionsFromProperties({ 'serialization.format': '1' })).toEqual({
      fieldDelimiter: '\u0001',
    });
    expect(textSerDeOptionsFromProperties({ 'field.delim': '-1' })).toEqual({ fieldDelimiter: '\u00ff' });
    expect(textSerDeOptionsFromProperties({ 'field.delim': '200' })).toEqual({ fieldDelimiter: '2' });
    expect(textSerDeOptionsFromProperties({ 'colelction.delim': '$', 'mapkey.delim': ':' })).toEqual({
      collectionDelimiter: '$',
      mapKeyDelimiter: ':',
    });
    expect(textSerDeOptionsFromProperties({ 'collection.delim': '|' })).toEqual({ collectionDelimiter: '|' });
  });

  test('reads escape, null format and the other switches', () => {
    expect(textSerDeOptionsFromProperties({ 'escape.delim': '' })).toEqual({ escapeChar: '\\' });
    expect(textSerDeOptionsFromProperties({ 'escape.delim': '92' })).toEqual({ escapeChar: '\\' });
    expect(
      textSerDeOptionsFromProperties({
        'serialization.null.format': '',
        'serialization.last.column.takes.rest': 'TRUE',
        'serialization.escape.crlf': 'true',
      }),
    ).toEqual({ nullFormat: '', lastColumnTakesRest: true, escapeCrlf: true });
    expect(textSerDeOptionsFromProperties({})).toEqual({});
  });
});

describe('splitLines', () => {
  test('ends lines at LF, CR LF and CR like Hadoop LineReader', () => {
    expect(splitLines('a\nb\r\nc\rd')).toEqual(['a', 'b', 'c', 'd']);
    expect(splitLines('a\n')).toEqual(['a']);
    expect(splitLines('a\n\nb')).toEqual(['a', '', 'b']);
    expect(splitLines('')).toEqual([]);
    expect(splitLines('\r\n')).toEqual(['']);
    expect(splitLines(new TextEncoder().encode('é\nx'))).toEqual(['é', 'x']);
    expect(splitLines(new Uint8Array([0xff, 10]))).toEqual(['\uFFFD']);
  });
});

describe('qtest data files', () => {
  test('kv1.txt (\\001-separated key/value) parses all 500 rows', () => {
    const p = createTextRowParser(
      createSchema([
        { name: 'key', type: HiveTypes.int },
        { name: 'value', type: HiveTypes.string },
      ]),
    );
    const rows = splitLines(readFileSync(data('kv1.txt'))).map((l) => p.parseLine(l));
    expect(rows).toHaveLength(500);
    expect(rows[0]).toEqual([238, 'val_238']);
    for (const [k, v] of rows) expect(v).toBe(`val_${String(k)}`);
  });

  test('covar_tab.txt (tab-separated ints with empty fields)', () => {
    const p = createTextRowParser(
      createSchema(['a', 'b', 'c'].map((name) => ({ name, type: HiveTypes.int }))),
      textSerDeOptionsFromProperties({ 'field.delim': '\t' }),
    );
    const rows = splitLines(readFileSync(data('covar_tab.txt'))).map((l) => p.parseLine(l));
    expect(rows.slice(0, 3)).toEqual([
      [1, null, 15],
      [2, 3, null],
      [3, 7, 12],
    ]);
  });

  test('nested_orders.txt prints as in udaf_collect_set_2.q.out', () => {
    const sub = mapType(HiveTypes.string, HiveTypes.double);
    const p = createTextRowParser(
      createSchema([
        { name: 'id', type: HiveTypes.int },
        { name: 'cid', type: HiveTypes.int },
        { name: 'd', type: HiveTypes.date },
        { name: 'sub', type: sub },
      ]),
      textSerDeOptionsFromProperties({ 'field.delim': ',', 'colelction.delim': '$', 'mapkey.delim': ':' }),
    );
    const rows = splitLines(readFileSync(data('nested_orders.txt'))).map((l) => p.parseLine(l));
    const t = structType([
      { name: 'name', type: HiveTypes.string },
      { name: 'date', type: HiveTypes.date },
      { name: 'sub', type: sub },
    ]);
    const row = rows[4];
    expect(row?.[0]).toBe(5);
    expect(formatHiveValue({ name: 'Martin', date: row?.[2], sub: row?.[3] }, t, { topLevel: false })).toBe(
      '{"name":"Martin","date":"2014-12-12","sub":{"\\"icecream\\"":210.03,"\\"banana\\"":100.56,"\\"coffee":500.0}}',
    );
  });
});
