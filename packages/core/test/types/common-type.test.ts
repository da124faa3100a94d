import { describe, expect, it } from 'vitest';
import {
  HiveTypes,
  arrayType,
  charType,
  commonNumericType,
  commonTypeForComparison,
  commonTypeForUnion,
  dataTypeEquals,
  decimalType,
  formatDataType,
  implicitlyConvertible,
  mapType,
  parseDataType,
  structType,
  varcharType,
} from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';

const T = parseDataType;
const show = (t: DataType | null): string | null => (t == null ? null : formatDataType(t));

describe('dataTypeEquals', () => {
  it('ignores the case of struct field names but not their order', () => {
    expect(dataTypeEquals(T('struct<A:int,b:string>'), T('struct<a:int,B:string>'))).toBe(true);
    expect(dataTypeEquals(T('struct<a:int,b:int>'), T('struct<b:int,a:int>'))).toBe(false);
  });
  it('compares parameters', () => {
    expect(dataTypeEquals(decimalType(10, 2), decimalType(10, 2))).toBe(true);
    expect(dataTypeEquals(decimalType(10, 2), decimalType(10, 3))).toBe(false);
    expect(dataTypeEquals(varcharType(3), charType(3))).toBe(false);
    expect(dataTypeEquals(T('map<int,array<string>>'), T('map<int,array<string>>'))).toBe(true);
    expect(dataTypeEquals(T('map<int,array<string>>'), T('map<int,array<int>>'))).toBe(false);
  });
});

describe('implicitlyConvertible (TypeInfoUtils.implicitConvertible)', () => {
  const ladder = ['tinyint', 'smallint', 'int', 'bigint', 'decimal(10,2)', 'float', 'double'];
  it('follows the numeric ladder upwards only', () => {
    for (let i = 0; i < ladder.length; i++) {
      for (let j = 0; j < ladder.length; j++) {
        const from = T(ladder[i] ?? '');
        const to = T(ladder[j] ?? '');
        expect(implicitlyConvertible(from, to), `${ladder[i]} -> ${ladder[j]}`).toBe(i <= j);
      }
    }
  });
  it.each<[string, string, boolean]>([
    ['void', 'int', true],
    ['void', 'array<int>', true],
    ['string', 'double', true],
    ['varchar(5)', 'double', true],
    ['string', 'int', false],
    ['string', 'decimal(10,0)', false],
    ['int', 'string', true],
    ['decimal(5,2)', 'varchar(3)', true],
    ['date', 'string', true],
    ['timestamp', 'char(3)', true],
    ['string', 'date', false],
    ['date', 'timestamp', false],
    ['boolean', 'int', false],
    ['int', 'boolean', false],
    ['binary', 'string', false],
    ['char(3)', 'varchar(2)', true],
    ['decimal(38,0)', 'decimal(5,2)', true],
    ['timestamp', 'double', false],
    ['array<int>', 'array<int>', true],
    ['array<int>', 'array<bigint>', false],
    ['struct<a:int>', 'struct<A:int>', true],
    ['struct<a:int>', 'struct<a:double>', false],
    ['array<int>', 'int', false],
  ])('%s -> %s is %s', (from, to, expected) => {
    expect(implicitlyConvertible(T(from), T(to))).toBe(expected);
  });
});

describe('commonTypeForUnion (FunctionRegistry.getCommonClassForUnionAll / getCommonClass)', () => {
  it.each<[string, string, string | null]>([
    ['int', 'int', 'int'],
    ['tinyint', 'bigint', 'bigint'],
    ['int', 'float', 'float'],
    ['bigint', 'double', 'double'],
    ['int', 'decimal(10,2)', 'decimal(12,2)'],
    ['bigint', 'decimal(5,2)', 'decimal(21,2)'],
    ['decimal(10,2)', 'decimal(12,4)', 'decimal(12,4)'],
    ['decimal(38,10)', 'decimal(38,30)', 'decimal(38,10)'],
    ['decimal(10,2)', 'double', 'double'],
    ['decimal(10,2)', 'float', 'float'],
    ['int', 'string', 'string'],
    ['string', 'varchar(10)', 'string'],
    ['varchar(5)', 'varchar(10)', 'varchar(10)'],
    ['char(5)', 'char(2)', 'char(5)'],
    ['char(5)', 'varchar(2)', 'string'],
    ['string', 'date', 'date'],
    ['timestamp', 'varchar(3)', 'timestamp'],
    ['date', 'timestamp', 'timestamp'],
    ['void', 'decimal(3,1)', 'decimal(3,1)'],
    ['array<int>', 'void', 'array<int>'],
    ['boolean', 'int', null],
    ['binary', 'string', null],
    ['date', 'int', null],
    ['array<int>', 'array<double>', 'array<double>'],
    ['map<string,int>', 'map<string,bigint>', 'map<string,bigint>'],
    ['struct<a:int,b:string>', 'struct<a:bigint,b:string>', 'struct<a:bigint,b:string>'],
    ['struct<a:int>', 'struct<b:int>', null],
    ['array<int>', 'int', null],
  ])('%s ∪ %s = %s', (a, b, expected) => {
    expect(show(commonTypeForUnion(T(a), T(b)))).toBe(expected);
    expect(show(commonTypeForUnion(T(b), T(a)))).toBe(expected);
  });
});

describe('commonTypeForComparison (FunctionRegistry.getCommonClassForComparison)', () => {
  it.each<[string, string, string | null]>([
    ['int', 'int', 'int'],
    ['int', 'bigint', 'bigint'],
    ['string', 'int', 'double'],
    ['string', 'decimal(10,2)', 'double'],
    ['varchar(4)', 'bigint', 'double'],
    ['string', 'varchar(4)', 'string'],
    ['char(3)', 'char(5)', 'char(5)'],
    ['string', 'date', 'date'],
    ['string', 'timestamp', 'timestamp'],
    ['date', 'timestamp', 'timestamp'],
    ['timestamp', 'int', 'double'],
    ['decimal(10,2)', 'int', 'decimal(12,2)'],
    ['decimal(10,2)', 'double', 'double'],
    ['void', 'string', 'string'],
    ['boolean', 'boolean', 'boolean'],
    ['boolean', 'int', null],
    ['date', 'int', null],
    ['array<int>', 'array<int>', 'array<int>'],
    ['array<int>', 'array<bigint>', null],
  ])('%s vs %s compares as %s', (a, b, expected) => {
    expect(show(commonTypeForComparison(T(a), T(b)))).toBe(expected);
    expect(show(commonTypeForComparison(T(b), T(a)))).toBe(expected);
  });
});

describe('commonNumericType (arithmetic operand type)', () => {
  it.each<[string, string, string | null]>([
    ['tinyint', 'tinyint', 'tinyint'],
    ['tinyint', 'smallint', 'smallint'],
    ['int', 'bigint', 'bigint'],
    ['int', 'decimal(10,2)', 'decimal(12,2)'],
    ['decimal(10,2)', 'decimal(10,2)', 'decimal(10,2)'],
    // GenericUDFBaseNumeric.deriveResultApproxTypeInfo: the common category of decimal and float is float.
    ['decimal(10,2)', 'float', 'float'],
    ['decimal(10,2)', 'double', 'double'],
    ['float', 'float', 'float'],
    ['float', 'bigint', 'float'],
    ['float', 'double', 'double'],
    ['string', 'int', 'double'],
    ['varchar(3)', 'decimal(5,0)', 'double'],
    ['string', 'string', 'double'],
    ['void', 'int', 'int'],
    ['boolean', 'int', null],
    ['date', 'int', null],
    ['timestamp', 'double', null],
    ['array<int>', 'int', null],
  ])('%s op %s in %s', (a, b, expected) => {
    expect(show(commonNumericType(T(a), T(b)))).toBe(expected);
    expect(show(commonNumericType(T(b), T(a)))).toBe(expected);
  });

  it("keeps the first side's field names in a struct union", () => {
    expect(show(commonTypeForUnion(T('struct<A:int>'), T('struct<a:bigint>')))).toBe('struct<A:bigint>');
  });

  it('uses the shared singletons for simple results', () => {
    expect(commonNumericType(HiveTypes.int, HiveTypes.bigint)).toBe(HiveTypes.bigint);
    expect(commonTypeForUnion(arrayType(HiveTypes.int), mapType(HiveTypes.int, HiveTypes.int))).toBeNull();
    expect(commonTypeForUnion(structType([{ name: 'a', type: HiveTypes.int }]), HiveTypes.int)).toBeNull();
  });
});
