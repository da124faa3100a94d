import { describe, expect, test } from 'vitest';
import { HiveTypes, columnFromValues, getValue } from '@hive-batch/core';
import { builtinScalarFunctions, evaluateBatchByRows } from '@hive-batch/functions';
import type { ScalarEvaluator } from '@hive-batch/functions';

describe('builtinScalarFunctions', () => {
  const defs = builtinScalarFunctions();

  test('names and aliases are unique, lower-case, and every function is described', () => {
    const names = defs.flatMap((d) => [d.name, ...d.aliases]);
    expect(new Set(names).size).toBe(names.length);
    for (const d of defs) {
      expect(d.name).toBe(d.name.toLowerCase());
      expect(d.description.length).toBeGreaterThan(0);
    }
    for (const n of [
      '+',
      '=',
      '==',
      '<=>',
      'and',
      'substr',
      'substring',
      'round',
      'sort_array',
      'sentences',
      'if',
    ]) {
      expect(names).toContain(n);
    }
  });

  test('only the conditional forms are lazy', () => {
    const lazy = defs.filter((d) => d.lazy === true).map((d) => d.name);
    expect(lazy.sort()).toEqual(['and', 'case', 'coalesce', 'if', 'nvl', 'or', 'when']);
  });

  test('each call returns new definitions', () => {
    expect(builtinScalarFunctions()).not.toBe(defs);
  });

  test('a wrong number of arguments is INVALID_FUNCTION_ARGUMENTS everywhere', () => {
    const tooMany = {
      argumentTypes: new Array(9).fill(HiveTypes.int),
      constantArguments: new Array(9).fill(undefined),
    };
    const variadic = new Set([
      'and',
      'or',
      'in',
      'coalesce',
      'when',
      'case',
      'concat',
      'concat_ws',
      'array',
      'struct',
      'map',
    ]);
    for (const d of defs) {
      if (variadic.has(d.name)) continue;
      expect(() => d.resolve(tooMany)).toThrow(
        expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
      );
    }
  });
});

describe('evaluateBatchByRows', () => {
  test('feeds each row to evaluate and builds a column of the result type', () => {
    const seen: unknown[][] = [];
    const ev: ScalarEvaluator = {
      inputTypes: [HiveTypes.int, HiveTypes.string],
      resultType: HiveTypes.string,
      deterministic: true,
      evaluate: (args) => {
        seen.push([...args]);
        return args[0] == null ? null : `${args[0] as number}:${(args[1] as string | null) ?? 'null'}`;
      },
    };
    const a = columnFromValues(HiveTypes.int, [1, null, 3]);
    const b = columnFromValues(HiveTypes.string, ['x', 'y', null]);
    const out = evaluateBatchByRows(ev, [a, b], 3);
    expect(out.type).toBe(HiveTypes.string);
    expect(out.length).toBe(3);
    expect([0, 1, 2].map((i) => getValue(out, i))).toEqual(['1:x', null, '3:null']);
    expect(seen).toEqual([
      [1, 'x'],
      [null, 'y'],
      [3, null],
    ]);
  });

  test('zero rows give an empty column', () => {
    const ev: ScalarEvaluator = {
      inputTypes: [],
      resultType: HiveTypes.double,
      deterministic: true,
      evaluate: () => 1,
    };
    expect(evaluateBatchByRows(ev, [], 0).length).toBe(0);
  });
});
