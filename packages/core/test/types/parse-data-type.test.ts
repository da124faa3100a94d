import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HiveTypes,
  arrayType,
  charType,
  dataTypeEquals,
  decimalType,
  formatDataType,
  isHiveBatchError,
  mapType,
  parseDataType,
  structType,
  validateDataType,
  varcharType,
} from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
import { dataTypeArbitrary } from '@hive-batch/test-utils';

function parseError(text: string): { code: string; message: string } {
  try {
    parseDataType(text);
  } catch (e) {
    if (isHiveBatchError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error(`'${text}' parsed`);
}

describe('parseDataType', () => {
  it.each<[string, DataType]>([
    ['int', HiveTypes.int],
    ['INTEGER', HiveTypes.int],
    ['tinyint', HiveTypes.tinyint],
    ['SmallInt', HiveTypes.smallint],
    ['bigint', HiveTypes.bigint],
    ['float', HiveTypes.float],
    ['double', HiveTypes.double],
    ['double precision', HiveTypes.double],
    ['DOUBLE   PRECISION', HiveTypes.double],
    ['decimal', decimalType(10, 0)],
    ['decimal(7)', decimalType(7, 0)],
    ['decimal( 38 , 38 )', decimalType(38, 38)],
    ['string', HiveTypes.string],
    ['varchar(65535)', varcharType(65535)],
    ['char(1)', charType(1)],
    ['boolean', HiveTypes.boolean],
    ['date', HiveTypes.date],
    ['timestamp', HiveTypes.timestamp],
    ['binary', HiveTypes.binary],
    ['void', HiveTypes.void],
    ['array<int>', arrayType(HiveTypes.int)],
    [' map < string , double > ', mapType(HiveTypes.string, HiveTypes.double)],
    [
      'struct<a:int,`b c`:array<decimal(5,2)>>',
      structType([
        { name: 'a', type: HiveTypes.int },
        { name: 'b c', type: arrayType(decimalType(5, 2)) },
      ]),
    ],
    ['struct<`x``y`:int>', structType([{ name: 'x`y', type: HiveTypes.int }])],
    ['array<double precision>', arrayType(HiveTypes.double)],
  ])('parses %j', (text, expected) => {
    expect(dataTypeEquals(parseDataType(text), expected)).toBe(true);
  });

  it('keeps the declared case of field names', () => {
    const t = parseDataType('STRUCT<MyField:INT>');
    expect(t).toEqual(structType([{ name: 'MyField', type: HiveTypes.int }]));
  });

  it.each<[string, number]>([
    ['map<int>', 7],
    ['', 0],
    ['integr', 0],
    ['constructor', 0],
    ['array<toString>', 6],
    ['int extra', 4],
    ['array<int', 9],
    ['decimal(39)', 8],
    ['decimal(10,11)', 11],
    ['decimal(0)', 8],
    ['varchar(0)', 8],
    ['varchar(65536)', 8],
    ['char(256)', 5],
    ['varchar', 7],
    ['map<array<int>,int>', 4],
    ['struct<>', 7],
    ['struct<a:int,A:string>', 13],
    ['struct<a int>', 9],
    ['struct<`a:int>', 14],
    ['array<>', 6],
  ])('rejects %j with TYPE_PARSE_ERROR at position %i', (text, position) => {
    const e = parseError(text);
    expect(e.code).toBe('TYPE_PARSE_ERROR');
    expect(e.message).toContain(`at position ${position}:`);
  });

  it('names what was expected', () => {
    expect(parseError('map<int>').message).toContain(
      "Error parsing type 'map<int>' at position 7: expected ','",
    );
  });
});

describe('formatDataType', () => {
  it.each<[DataType, string]>([
    [decimalType(10, 0), 'decimal(10,0)'],
    [arrayType(HiveTypes.int), 'array<int>'],
    [mapType(HiveTypes.string, HiveTypes.double), 'map<string,double>'],
    [
      structType([
        { name: 'a', type: HiveTypes.int },
        { name: 'b', type: HiveTypes.string },
      ]),
      'struct<a:int,b:string>',
    ],
    [varcharType(10), 'varchar(10)'],
    [charType(3), 'char(3)'],
    [structType([{ name: 'has space', type: HiveTypes.int }]), 'struct<`has space`:int>'],
  ])('prints %j as %s', (t, text) => {
    expect(formatDataType(t)).toBe(text);
  });

  it('normalises spelling', () => {
    expect(formatDataType(parseDataType('Map< INTEGER ,Decimal >'))).toBe('map<int,decimal(10,0)>');
  });

  it('parse(format(t)) equals t', () => {
    fc.assert(
      fc.property(dataTypeArbitrary({ maxDepth: 3, includeVoid: true }), (t) => {
        const text = formatDataType(t);
        const back = parseDataType(text);
        expect(dataTypeEquals(back, t)).toBe(true);
        expect(formatDataType(back)).toBe(text);
        expect(validateDataType(back)).toBe(back);
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  const oddName = fc.string({ minLength: 1, maxLength: 6 });
  it('any field name round-trips through backquotes', () => {
    const names = fc.uniqueArray(oddName, { minLength: 1, maxLength: 4, selector: (s) => s.toLowerCase() });
    fc.assert(
      fc.property(names, (ns) => {
        const t = structType(ns.map((name) => ({ name, type: HiveTypes.int })));
        expect(parseDataType(formatDataType(t))).toEqual(t);
      }),
      { numRuns: 200 },
    );
  }, 30_000);
});

describe('validateDataType', () => {
  it.each<[string, DataType]>([
    ['precision 0', decimalType(0, 0)],
    ['precision 39', decimalType(39, 0)],
    ['scale > precision', decimalType(5, 6)],
    ['fractional precision', decimalType(5.5, 0)],
    ['varchar 0', varcharType(0)],
    ['char 256', charType(256)],
    ['complex map key', mapType(arrayType(HiveTypes.int), HiveTypes.int)],
    ['empty struct', structType([])],
    [
      'duplicate field',
      structType([
        { name: 'a', type: HiveTypes.int },
        { name: 'A', type: HiveTypes.int },
      ]),
    ],
    ['nested bad', arrayType(decimalType(40, 0))],
  ])('rejects %s', (_what, t) => {
    expect(() => validateDataType(t)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('accepts the limits', () => {
    for (const t of [decimalType(38, 38), decimalType(1, 0), varcharType(65535), charType(255)]) {
      expect(validateDataType(t)).toBe(t);
    }
  });
});
