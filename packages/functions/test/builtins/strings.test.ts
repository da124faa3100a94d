import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { HiveTypes, columnFromValues, formatDataType, getValue } from '@hive-batch/core';
import { evaluateBatchByRows } from '@hive-batch/functions';
import { resolve, run } from './harness';

// Hive's UDFSubstr, written out independently for the property below.
function referenceSubstr(s: string, pos: number, len: number): string {
  if (len <= 0 || Math.abs(pos) > s.length) return '';
  const start = pos > 0 ? pos - 1 : pos < 0 ? s.length + pos : 0;
  return s.substring(start, Math.min(s.length, start + len));
}

describe('substr', () => {
  test.each([
    ['Facebook', 5, undefined, 'book'],
    ['Facebook', -5, undefined, 'ebook'],
    ['Facebook', 5, 1, 'b'],
    ['Facebook', 0, 3, 'Fac'],
    ['Facebook', 1, 0, ''],
    ['Facebook', 9, 1, ''],
    ['Facebook', -9, 1, ''],
    ['Facebook', -8, 100, 'Facebook'],
    ['val_238', 5, undefined, '238'],
    ['', 1, 1, ''],
  ] as const)('substr(%j, %s, %s) = %j', (s, pos, len, expected) => {
    const args = len === undefined ? [s, pos] : [s, pos, len];
    const types = len === undefined ? ['string', 'int'] : ['string', 'int', 'int'];
    expect(run('substr', types, args)).toBe(expected);
    expect(run('substring', types, args)).toBe(expected);
  });

  test('NULLs, binary, types', () => {
    expect(run('substr', ['string', 'int'], [null, 1])).toBeNull();
    expect(run('substr', ['string', 'int', 'int'], ['abc', 1, null])).toBeNull();
    expect(run('substr', ['binary', 'int', 'int'], [new Uint8Array([1, 2, 3, 4]), 2, 2])).toEqual(
      new Uint8Array([2, 3]),
    );
    expect(resolve('substr', ['varchar(10)', 'int']).resultType.kind).toBe('string');
    expect(() => resolve('substr', ['string'])).toThrow(
      expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
    );
    expect(() => resolve('substr', ['array<string>', 'int'])).toThrow(
      expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
    );
  });

  test('never throws and matches the reference for any start and length', () => {
    const ev = resolve('substr', ['string', 'int', 'int']);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.integer(), fc.integer(), (s, pos, len) => {
        expect(ev.evaluate([s, pos, len])).toBe(referenceSubstr(s, pos, len));
      }),
      { numRuns: 300 },
    );
  });

  test('vectorized substr agrees with evaluate (ASCII and non-ASCII rows, NULLs)', () => {
    const ev = resolve('substr', ['string', 'int', 'int']);
    const str = fc.option(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), { freq: 5, nil: null });
    const int = fc.option(fc.integer({ min: -12, max: 12 }), { freq: 8, nil: null });
    fc.assert(
      fc.property(fc.array(fc.tuple(str, int, int), { maxLength: 30 }), (rows) => {
        const cols = [
          columnFromValues(
            HiveTypes.string,
            rows.map((r) => r[0]),
          ),
          columnFromValues(
            HiveTypes.int,
            rows.map((r) => r[1]),
          ),
          columnFromValues(
            HiveTypes.int,
            rows.map((r) => r[2]),
          ),
        ];
        const fast = ev.evaluateBatch!(cols, rows.length);
        const slow = evaluateBatchByRows(ev, cols, rows.length);
        for (let i = 0; i < rows.length; i++) expect(getValue(fast, i)).toBe(getValue(slow, i));
      }),
      { numRuns: 100 },
    );
  });
});

describe('concat and concat_ws', () => {
  test('concat converts arguments to string and is NULL when any is NULL', () => {
    expect(run('concat', ['string', 'string'], ['abc', 'def'])).toBe('abcdef');
    expect(run('concat', ['string', 'double'], ['1', 2.0])).toBe('12.0');
    expect(run('concat', ['string', 'int', 'boolean'], ['x', 5, true])).toBe('x5TRUE');
    expect(run('concat', ['string', 'string'], ['a', null])).toBeNull();
    expect(run('concat', ['binary', 'binary'], [new Uint8Array([1]), new Uint8Array([2])])).toEqual(
      new Uint8Array([1, 2]),
    );
  });

  test('concat result types', () => {
    expect(formatDataType(resolve('concat', ['string', 'int']).resultType)).toBe('string');
    expect(formatDataType(resolve('concat', ['char(2)', 'char(3)']).resultType)).toBe('char(5)');
    expect(formatDataType(resolve('concat', ['char(2)', 'varchar(3)']).resultType)).toBe('varchar(5)');
    expect(formatDataType(resolve('concat', ['binary', 'binary']).resultType)).toBe('binary');
  });

  test('vectorized concat agrees with evaluate', () => {
    const ev = resolve('concat', ['string', 'string', 'string']);
    const str = fc.option(fc.string({ unit: 'binary' }), { freq: 5, nil: null });
    fc.assert(
      fc.property(fc.array(fc.tuple(str, str, str), { maxLength: 30 }), (rows) => {
        const cols = [0, 1, 2].map((k) =>
          columnFromValues(
            HiveTypes.string,
            rows.map((r) => r[k]),
          ),
        );
        const fast = ev.evaluateBatch!(cols, rows.length);
        const slow = evaluateBatchByRows(ev, cols, rows.length);
        for (let i = 0; i < rows.length; i++) expect(getValue(fast, i)).toBe(getValue(slow, i));
      }),
      { numRuns: 100 },
    );
  });

  test('concat_ws skips NULLs and flattens arrays', () => {
    expect(run('concat_ws', ['string', 'string', 'array<string>'], ['.', 'www', ['facebook', 'com']])).toBe(
      'www.facebook.com',
    );
    expect(
      run('concat_ws', ['string', 'string', 'string', 'array<string>'], ['-', null, 'a', ['b', null, 'c']]),
    ).toBe('a-b-c');
    expect(run('concat_ws', ['string', 'string'], [null, 'a'])).toBeNull();
    expect(() => resolve('concat_ws', ['string'])).toThrow(
      expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
    );
  });
});

describe('case, length, trim, pad, repeat', () => {
  test.each([
    ['lower', ['FaceBook'], 'facebook'],
    ['lcase', ['ÀB'], 'àb'],
    ['upper', ['abc'], 'ABC'],
    ['ucase', ['straße'], 'STRASSE'],
    ['length', ['Facebook'], 8],
    ['length', ['😀a'], 2],
    ['length', [''], 0],
    ['trim', ['  a b \t '], 'a b \t'],
    ['ltrim', ['  a  '], 'a  '],
    ['rtrim', ['  a  '], '  a'],
    ['reverse', ['ab😀'], '😀ba'],
    ['ascii', ['222'], 50],
    ['ascii', [''], 0],
    ['ascii', ['é'], -61],
    ['initcap', ['tHe soap'], 'The Soap'],
    ['initcap', ['a  b\tc'], 'A  B\tC'],
    ['space', [3], '   '],
    ['space', [-1], ''],
  ] as const)('%s(%j) = %j', (name, args, expected) => {
    const types = args.map((a) => (typeof a === 'number' ? 'int' : 'string'));
    expect(run(name, types, args)).toBe(expected);
  });

  test('lower and upper keep char/varchar types', () => {
    expect(formatDataType(resolve('lower', ['varchar(5)']).resultType)).toBe('varchar(5)');
    expect(formatDataType(resolve('upper', ['int']).resultType)).toBe('string');
    expect(run('lower', ['int'], [12])).toBe('12');
  });

  test.each([
    ['lpad', 'hi', 5, '??', '???hi'],
    ['lpad', 'hi', 1, '??', 'h'],
    ['lpad', 'hi', 6, 'ab', 'ababhi'],
    ['rpad', 'hi', 5, '??', 'hi???'],
    ['rpad', 'hi', 2, '', null],
    ['rpad', 'hi', 3, '', null],
    ['lpad', 'hi', -1, 'x', null],
  ] as const)('%s(%j, %s, %j) = %j', (name, s, n, p, expected) => {
    expect(run(name, ['string', 'int', 'string'], [s, n, p])).toBe(expected);
  });

  test('repeat', () => {
    expect(run('repeat', ['string', 'int'], ['123', 2])).toBe('123123');
    expect(run('repeat', ['string', 'int'], ['1', 0])).toBe('');
    expect(run('repeat', ['string', 'int'], ['1', null])).toBeNull();
  });
});

describe('regex functions', () => {
  test.each([
    ['oneAtwoBthreeC', '[ABC]', ['one', 'two', 'three', '']],
    ['a,b,,', ',', ['a', 'b', '', '']],
    [',a', ',', ['', 'a']],
    ['abc', '', ['a', 'b', 'c', '']],
    ['', ',', ['']],
    ['a1b22c', '(\\d)+', ['a', 'b', 'c']],
  ] as const)('split(%j, %j)', (s, re, expected) => {
    expect(run('split', ['string', 'string'], [s, re])).toEqual(expected);
  });

  test.each([
    ['100-200', '(\\d+)', 'num', 'num-num'],
    ['100-200', '(\\d+)-(\\d+)', '$2:$1', '200:100'],
    ['abc', 'x*', '-', '-a-b-c-'],
    ['a.b', '\\.', '\\$', 'a$b'],
  ] as const)('regexp_replace(%j, %j, %j)', (s, re, rep, expected) => {
    expect(run('regexp_replace', ['string', 'string', 'string'], [s, re, rep])).toBe(expected);
  });

  test('regexp_extract', () => {
    expect(run('regexp_extract', ['string', 'string', 'int'], ['100-200', '(\\d+)-(\\d+)', 1])).toBe('100');
    expect(run('regexp_extract', ['string', 'string', 'int'], ['100-200', '(\\d+)-(\\d+)', 2])).toBe('200');
    expect(run('regexp_extract', ['string', 'string'], ['100-200', '(\\d+)'])).toBe('100');
    expect(run('regexp_extract', ['string', 'string', 'int'], ['x', '(\\d+)', 1])).toBe('');
    expect(run('regexp_extract', ['string', 'string', 'int'], ['x', 'x|(y)', 1])).toBeNull();
    expect(() => run('regexp_extract', ['string', 'string', 'int'], ['1', '(\\d)', 2])).toThrow(
      expect.objectContaining({ code: 'FUNCTION_CALL_FAILED' }),
    );
  });

  test('instr and locate', () => {
    expect(run('instr', ['string', 'string'], ['Facebook', 'boo'])).toBe(5);
    expect(run('instr', ['string', 'string'], ['Facebook', 'x'])).toBe(0);
    expect(run('locate', ['string', 'string', 'int'], ['bar', 'foobarbar', 5])).toBe(7);
    expect(run('locate', ['string', 'string'], ['bar', 'foobarbar'])).toBe(4);
    expect(run('locate', ['string', 'string', 'int'], ['bar', 'foobarbar', 0])).toBe(0);
    expect(run('locate', ['string', 'string'], [null, 'x'])).toBeNull();
    // GenericUDFUtils.findText counts UTF-8 bytes, and finds an empty string at the first byte.
    expect(run('instr', ['string', 'string'], ['éa', 'a'])).toBe(3);
    expect(run('locate', ['string', 'string', 'int'], ['', 'abc', 3])).toBe(1);
    expect(run('locate', ['string', 'string', 'int'], ['c', 'abc', 4])).toBe(0);
    expect(run('instr', ['string', 'string'], ['', ''])).toBe(1);
  });
});

describe('sentences', () => {
  test('splits sentences and keeps words starting with a letter or digit', () => {
    expect(run('sentences', ['string'], ['Hello there! I am a UDF.'])).toEqual([
      ['Hello', 'there'],
      ['I', 'am', 'a', 'UDF'],
    ]);
    expect(run('sentences', ['string'], ["It's 3.14, isn't it?"])).toEqual([["It's", '3.14', "isn't", 'it']]);
    expect(run('sentences', ['string'], [''])).toEqual([]);
    expect(run('sentences', ['string'], [null])).toBeNull();
    expect(run('sentences', ['string', 'string', 'string'], ['Hallo Welt.', 'de', 'DE'])).toEqual([
      ['Hallo', 'Welt'],
    ]);
    expect(formatDataType(resolve('sentences', ['string']).resultType)).toBe('array<array<string>>');
  });
});

test('concat of char values is a padded char of the summed length', () => {
  expect(run('concat', ['char(2)', 'char(3)'], ['a ', 'b  '])).toBe('ab   ');
  expect(run('concat', ['varchar(2)', 'char(3)'], ['a', 'b  '])).toBe('ab');
});
