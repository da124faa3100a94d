import { describe, expect, test } from 'vitest';
import {
  HiveDecimal,
  HiveTypes,
  arrayType,
  charType,
  createSchema,
  createTextRowSerializer,
  decimalType,
  mapType,
  structType,
} from '@hive-batch/core';

describe('createTextRowSerializer', () => {
  test('writes primitives as LazySimpleSerDe does', () => {
    const schema = createSchema([
      { name: 'b', type: HiveTypes.boolean },
      { name: 'i', type: HiveTypes.int },
      { name: 'l', type: HiveTypes.bigint },
      { name: 'f', type: HiveTypes.float },
      { name: 'd', type: HiveTypes.double },
      { name: 'm', type: decimalType(10, 3) },
      { name: 'dt', type: HiveTypes.date },
      { name: 'ts', type: HiveTypes.timestamp },
      { name: 'bin', type: HiveTypes.binary },
      { name: 'c', type: charType(3) },
      { name: 'n', type: HiveTypes.string },
    ]);
    const line = createTextRowSerializer(schema).serializeRow([
      true,
      -5,
      12n,
      Math.fround(0.1),
      1e7,
      new HiveDecimal('1.5'),
      0,
      1_500_000n,
      new Uint8Array([104, 105]),
      'a',
      null,
    ]);
    expect(line.split('\u0001')).toEqual([
      'true',
      '-5',
      '12',
      '0.1',
      '1.0E7',
      '1.500',
      '1970-01-01',
      '1970-01-01 00:00:01.5',
      'aGk=',
      'a  ',
      '\\N',
    ]);
  });

  test('joins complex values with the separator of each nesting level', () => {
    const schema = createSchema([
      { name: 'a', type: arrayType(HiveTypes.double) },
      { name: 'm', type: mapType(HiveTypes.string, arrayType(HiveTypes.int)) },
      {
        name: 's',
        type: structType([
          { name: 'x', type: HiveTypes.int },
          { name: 'y', type: HiveTypes.string },
        ]),
      },
    ]);
    const line = createTextRowSerializer(schema).serializeRow([
      [1, null],
      new Map([['k', [1, 2]]]),
      { x: 1, y: null },
    ]);
    expect(line).toBe('1.0\u0002\\N\u0001k\u00031\u00042\u00011\u0002\\N');
  });

  test('escapes the escape character and every separator in strings; CR/LF only with escapeCrlf', () => {
    const schema = createSchema([
      { name: 's', type: HiveTypes.string },
      { name: 't', type: HiveTypes.string },
    ]);
    const w = createTextRowSerializer(schema, { fieldDelimiter: ',', escapeChar: '\\' });
    expect(w.serializeRow(['a,b\\c\u0002', 'x\ny'])).toBe('a\\,b\\\\c\\\u0002,x\ny');
    const crlf = createTextRowSerializer(schema, { fieldDelimiter: ',', escapeChar: '\\', escapeCrlf: true });
    expect(crlf.serializeRow(['x\ny\r', ''])).toBe('x\\ny\\r,');
    expect(createTextRowSerializer(schema).serializeRow(['a\u0001b', null])).toBe('a\u0001b\u0001\\N');
  });

  test('uses the configured null format at every level', () => {
    const schema = createSchema([{ name: 'a', type: arrayType(HiveTypes.int) }]);
    expect(createTextRowSerializer(schema, { nullFormat: '' }).serializeRow([[null, 1]])).toBe('\u00021');
    expect(createTextRowSerializer(schema, { nullFormat: 'NULL' }).serializeRow([null])).toBe('NULL');
  });
});
