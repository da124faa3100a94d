import { describe, expect, test } from 'vitest';
import { HiveDecimal, formatDataType } from '@hive-batch/core';
import type { HiveDecimalValue } from '@hive-batch/core';
import { lookup, resolve, run } from './harness';

describe('if, when, case', () => {
  test('if picks a branch; NULL and FALSE conditions take the else branch', () => {
    expect(run('if', ['boolean', 'int', 'int'], [true, 1, 2])).toBe(1);
    expect(run('if', ['boolean', 'int', 'int'], [false, 1, 2])).toBe(2);
    expect(run('if', ['boolean', 'int', 'void'], [null, 1, null])).toBeNull();
    expect(formatDataType(resolve('if', ['boolean', 'int', 'void']).resultType)).toBe('int');
    expect(formatDataType(resolve('if', ['boolean', 'int', 'bigint']).resultType)).toBe('bigint');
    expect(formatDataType(resolve('if', ['boolean', 'int', 'string']).resultType)).toBe('string');
    expect(run('if', ['boolean', 'int', 'string'], [true, 1, 'x'])).toBe('1');
    expect(() => resolve('if', ['int', 'int', 'int'])).toThrow(
      expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
    );
    expect(() => resolve('if', ['boolean', 'int', 'array<int>'])).toThrow(
      expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
    );
  });

  test('when (searched CASE) with and without ELSE', () => {
    const types = ['boolean', 'string', 'boolean', 'string', 'string'];
    expect(run('when', types, [false, 'a', true, 'b', 'c'])).toBe('b');
    expect(run('when', types, [null, 'a', false, 'b', 'c'])).toBe('c');
    expect(run('when', ['boolean', 'int', 'boolean', 'int'], [false, 1, false, 2])).toBeNull();
    expect(formatDataType(resolve('when', ['boolean', 'int', 'decimal(5,2)']).resultType)).toBe(
      'decimal(12,2)',
    );
  });

  test('case (simple CASE) compares with =, so a NULL key matches nothing', () => {
    const types = ['int', 'int', 'string', 'int', 'string', 'string'];
    expect(run('case', types, [2, 1, 'one', 2, 'two', 'other'])).toBe('two');
    expect(run('case', types, [3, 1, 'one', 2, 'two', 'other'])).toBe('other');
    expect(run('case', types, [null, null, 'one', 2, 'two', 'other'])).toBe('other');
    expect(run('case', ['string', 'int', 'string'], ['1.0', 1, 'yes'])).toBe('yes'); // string vs int as double
  });

  test('conditional forms are lazy', () => {
    for (const name of ['if', 'when', 'case', 'coalesce', 'nvl']) expect(lookup(name).lazy).toBe(true);
    expect(lookup('nullif').lazy).toBeUndefined();
  });
});

describe('coalesce, nvl, nullif', () => {
  test('coalesce returns the first non-NULL argument in the common type', () => {
    expect(run('coalesce', ['void', 'int', 'void'], [null, 1, null])).toBe(1);
    expect(run('coalesce', ['void', 'void'], [null, null])).toBeNull();
    const d = run(
      'coalesce',
      ['void', 'int', 'decimal(5,2)'],
      [null, 7, new HiveDecimal('1.5')],
    ) as HiveDecimalValue;
    expect(d.toFixed()).toBe('7');
    expect(formatDataType(resolve('coalesce', ['int', 'double']).resultType)).toBe('double');
    expect(() => resolve('coalesce', [])).toThrow(
      expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
    );
  });

  test('nvl takes exactly two arguments', () => {
    expect(run('nvl', ['string', 'string'], [null, 'bla'])).toBe('bla');
    expect(run('nvl', ['string', 'string'], ['x', 'bla'])).toBe('x');
    expect(() => resolve('nvl', ['int'])).toThrow(
      expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
    );
  });

  test('nullif', () => {
    expect(run('nullif', ['int', 'int'], [1, 1])).toBeNull();
    expect(run('nullif', ['int', 'int'], [1, 2])).toBe(1);
    expect(run('nullif', ['int', 'int'], [1, null])).toBe(1);
    expect(run('nullif', ['int', 'int'], [null, 1])).toBeNull();
  });
});

describe('assert_true', () => {
  test('passes TRUE and returns NULL; FALSE and NULL fail with ASSERTION_FAILED', () => {
    expect(run('assert_true', ['boolean'], [true])).toBeNull();
    expect(() => run('assert_true', ['boolean'], [false])).toThrow(
      expect.objectContaining({ code: 'ASSERTION_FAILED' }),
    );
    expect(() => run('assert_true', ['boolean'], [null])).toThrow(
      expect.objectContaining({ code: 'ASSERTION_FAILED' }),
    );
    expect(resolve('assert_true', ['boolean']).resultType.kind).toBe('void');
    expect(() => resolve('assert_true', ['int'])).toThrow(
      expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
    );
  });

  test('a lazy if guards assert_true: only the taken branch is evaluated', () => {
    // What the runtime does for IF(x >= 0, x, assert_true(false)): evaluate the condition, then one branch.
    const ifDef = lookup('if');
    expect(ifDef.lazy).toBe(true);
    const assertTrue = resolve('assert_true', ['boolean']);
    const iff = resolve('if', ['boolean', 'int', 'void']);
    const evalIf = (x: number): unknown => {
      const cond = x >= 0;
      return iff.evaluate([cond, cond ? x : assertTrue.evaluate([false]), null]);
    };
    expect(evalIf(5)).toBe(5);
    expect(() => evalIf(-1)).toThrow(expect.objectContaining({ code: 'ASSERTION_FAILED' }));
  });
});
