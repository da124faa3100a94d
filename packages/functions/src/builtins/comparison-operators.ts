import {
  HiveTypes,
  castValue,
  compareHiveDoubles,
  commonTypeForComparison,
  dataTypeEquals,
  isPrimitiveType,
} from '@hive-batch/core';
import type { Column, DataType, FixedColumn, HiveValue } from '@hive-batch/core';
import type { ScalarCallInfo, ScalarEvaluator, ScalarFunctionDefinition } from '../scalar-contract';
import { evaluateBatchByRows } from '../scalar-contract';
import { boolColumn, combinedValidity } from './internal/columns';
import { argType, argumentError, checkArity, defineScalar, makeEvaluator } from './internal/define';
import { comparatorFor } from './internal/hive-compare';

/** Hive's comparison operators by registered symbol. */
export type ComparisonOperator = '=' | '<>' | '<' | '<=' | '>' | '>=' | '<=>';

const TESTS: Readonly<Record<ComparisonOperator, (c: number) => boolean>> = {
  '=': (c) => c === 0,
  '<>': (c) => c !== 0,
  '<': (c) => c < 0,
  '<=': (c) => c <= 0,
  '>': (c) => c > 0,
  '>=': (c) => c >= 0,
  '<=>': (c) => c === 0,
};

const NAMES: Readonly<Record<ComparisonOperator, string>> = {
  '=': 'EQUAL',
  '<>': 'NOT EQUAL',
  '<': 'LESS THAN',
  '<=': 'EQUAL OR LESS THAN',
  '>': 'GREATER THAN',
  '>=': 'EQUAL OR GREATER THAN',
  '<=>': 'EQUAL_NS',
};

/**
 * The type two operands are compared in (GenericUDFBaseCompare): equal types as they are (complex types only
 * then); otherwise core's comparison common type, and double when Hive finds none for two primitives.
 * @throws {HiveBatchError} `INVALID_FUNCTION_ARGUMENTS` for complex operands of different types
 */
export function comparisonType(a: DataType, b: DataType, opName: string): DataType {
  if (dataTypeEquals(a, b)) return a;
  const common = commonTypeForComparison(a, b);
  if (common != null) return common;
  if (isPrimitiveType(a) && isPrimitiveType(b)) return HiveTypes.double;
  throw argumentError(`Type mismatch in ${opName}: cannot compare values of different complex types`);
}

function resolveComparison(op: ComparisonOperator, call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, op, [2, 2]);
  const a = argType(call, 0);
  const b = argType(call, 1);
  const t = comparisonType(a, b, NAMES[op]);
  const cmp = comparatorFor(t);
  const test = TESTS[op];
  const types = { inputTypes: [t, t], resultType: HiveTypes.boolean };
  if (op === '<=>') {
    // GenericUDFOPEqualNS: NULL <=> NULL is true, NULL <=> x is false; never NULL.
    return makeEvaluator(types, (args) => {
      const x = args[0] ?? null;
      const y = args[1] ?? null;
      if (x == null || y == null) return x == null && y == null;
      return cmp(x, y) === 0;
    });
  }
  const row = (args: readonly unknown[]): unknown => {
    const x = args[0] ?? null;
    const y = args[1] ?? null;
    if (x == null || y == null) return null;
    return test(cmp(x, y));
  };
  return makeEvaluator(types, row, { evaluateBatch: numericBatch(t, test, row) });
}

/** Vectorized comparison for fixed-width numeric columns; other layouts go row by row. */
function numericBatch(
  t: DataType,
  test: (c: number) => boolean,
  row: (args: readonly unknown[]) => unknown,
): (args: readonly Column[], numRows: number) => Column {
  const evaluator: ScalarEvaluator = {
    inputTypes: [t, t],
    resultType: HiveTypes.boolean,
    deterministic: true,
    evaluate: row,
  };
  const isFloat = t.kind === 'float' || t.kind === 'double';
  return (args, numRows) => {
    const a = args[0];
    const b = args[1];
    if (a == null || b == null || a.layout !== 'fixed' || b.layout !== 'fixed') {
      return evaluateBatchByRows(evaluator, args, numRows);
    }
    const bits = new Uint8Array((numRows + 7) >> 3);
    if (a.values instanceof BigInt64Array) {
      const x = a.values;
      const y = (b as FixedColumn<BigInt64Array>).values;
      for (let i = 0; i < numRows; i++) {
        const p = x[i] ?? 0n;
        const q = y[i] ?? 0n;
        if (test(p < q ? -1 : p > q ? 1 : 0)) bits[i >> 3] = (bits[i >> 3] ?? 0) | (1 << (i & 7));
      }
    } else {
      const x = a.values;
      const y = b.values as Exclude<FixedColumn['values'], BigInt64Array>;
      for (let i = 0; i < numRows; i++) {
        const p = x[i] ?? 0;
        const q = y[i] ?? 0;
        const c = isFloat ? compareHiveDoubles(p, q) : p < q ? -1 : p > q ? 1 : 0;
        if (test(c)) bits[i >> 3] = (bits[i >> 3] ?? 0) | (1 << (i & 7));
      }
    }
    return boolColumn(HiveTypes.boolean, bits, {
      length: numRows,
      validity: combinedValidity(args, numRows),
    });
  };
}

/** Converts a value of `from` to `to` for comparison (identity when the types are equal). */
export function converterTo(from: DataType, to: DataType): (v: unknown) => unknown {
  if (dataTypeEquals(from, to)) return (v) => v ?? null;
  return (v) => (v == null ? null : castValue(v as HiveValue, from, to));
}

/**
 * Hive's comparison operators: `=` (alias `==`), `<>` (alias `!=`), `<`, `<=`, `>`, `>=` and the NULL-safe
 * `<=>`. Operands are compared in the comparison common type (a string against a number compares as double);
 * strings compare by UTF-8 bytes, doubles with -0.0 = 0.0 and NaN greatest.
 */
export function comparisonOperators(): readonly ScalarFunctionDefinition[] {
  const spec = (
    op: ComparisonOperator,
    aliases: readonly string[],
    description: string,
  ): ScalarFunctionDefinition =>
    defineScalar({ name: op, aliases, description, resolve: (c) => resolveComparison(op, c) });
  return [
    spec('=', ['=='], 'a = b - Returns TRUE if a equals b and false otherwise'),
    spec('<>', ['!='], 'a <> b - Returns TRUE if a is not equal to b'),
    spec('<', [], 'a < b - Returns TRUE if a is less than b'),
    spec('<=', [], 'a <= b - Returns TRUE if a is not greater than b'),
    spec('>', [], 'a > b - Returns TRUE if a is greater than b'),
    spec('>=', [], 'a >= b - Returns TRUE if a is not smaller than b'),
    spec(
      '<=>',
      [],
      'a <=> b - Returns same result with EQUAL(=) operator for non-null operands, but returns TRUE if both are NULL, FALSE if one of the them is NULL',
    ),
  ];
}
