import { HiveBatchError, HiveTypes, commonTypeForUnion, formatDataType } from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
import type { ScalarCallInfo, ScalarEvaluator, ScalarFunctionDefinition } from '../scalar-contract';
import { comparisonType } from './comparison-operators';
import {
  argType,
  argumentError,
  checkArity,
  defineScalar,
  makeEvaluator,
  typeError,
} from './internal/define';
import { comparatorFor } from './internal/hive-compare';

/**
 * The type several branches are returned as (GenericUDFUtils.ReturnObjectInspectorResolver with conversion:
 * FunctionRegistry.getCommonClass), NULL literals taking the other branches' type.
 * @throws {HiveBatchError} `INVALID_FUNCTION_ARGUMENTS` when two branches have no common type
 */
export function branchType(name: string, types: readonly DataType[], first: number): DataType {
  let t: DataType = HiveTypes.void;
  types.forEach((u, i) => {
    const next = commonTypeForUnion(t, u);
    if (next == null) {
      throw argumentError(
        `Argument type mismatch in ${name.toUpperCase()} (argument ${first + i + 1}): ` +
          `"${formatDataType(t)}" and "${formatDataType(u)}" have no common type`,
      );
    }
    t = next;
  });
  return t;
}

function checkBoolean(name: string, call: ScalarCallInfo, i: number): void {
  const t = argType(call, i);
  if (t.kind !== 'boolean' && t.kind !== 'void')
    throw typeError(name, i, { expected: '"boolean"', found: t });
}

function resolveIf(call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, 'if', [3, 3]);
  checkBoolean('if', call, 0);
  const t = branchType('if', [argType(call, 1), argType(call, 2)], 1);
  return makeEvaluator({ inputTypes: [HiveTypes.boolean, t, t], resultType: t }, (args) =>
    args[0] === true ? (args[1] ?? null) : (args[2] ?? null),
  );
}

function resolveCoalesce(name: string, call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, name, name === 'nvl' ? [2, 2] : [1, Infinity]);
  const t = branchType(name, call.argumentTypes, 0);
  return makeEvaluator({ inputTypes: call.argumentTypes.map(() => t), resultType: t }, (args) => {
    for (const v of args) if (v != null) return v;
    return null;
  });
}

// GenericUDFNullif: NULL when a = b (compared in their comparison type), else a; the result has a's type.
function resolveNullif(call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, 'nullif', [2, 2]);
  const a = argType(call, 0);
  const b = argType(call, 1);
  const t = branchType('nullif', [a, b], 0);
  const cmp = comparatorFor(t);
  return makeEvaluator({ inputTypes: [t, t], resultType: t }, (args) => {
    const x = args[0] ?? null;
    const y = args[1] ?? null;
    if (x == null) return null;
    if (y != null && cmp(x, y) === 0) return null;
    return x;
  });
}

// GenericUDFWhen: CASE WHEN c1 THEN v1 [WHEN c2 THEN v2 …] [ELSE e] END as when(c1, v1, c2, v2, …, [e]).
function resolveWhen(call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, 'when', [2, Infinity]);
  const n = call.argumentTypes.length;
  const values: DataType[] = [];
  for (let i = 0; i + 1 < n; i += 2) {
    checkBoolean('when', call, i);
    values.push(argType(call, i + 1));
  }
  if (n % 2 === 1) values.push(argType(call, n - 1));
  const t = branchType('when', values, 1);
  const inputTypes = call.argumentTypes.map((_, i) => (i % 2 === 0 && i + 1 < n ? HiveTypes.boolean : t));
  return makeEvaluator({ inputTypes, resultType: t }, (args) => {
    for (let i = 0; i + 1 < n; i += 2) if (args[i] === true) return args[i + 1] ?? null;
    return n % 2 === 1 ? (args[n - 1] ?? null) : null;
  });
}

// GenericUDFCase: CASE e WHEN w1 THEN v1 … [ELSE x] END as case(e, w1, v1, …, [x]); e = wi compared with =,
// so a NULL e matches nothing.
function resolveCase(call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, 'case', [3, Infinity]);
  const n = call.argumentTypes.length;
  let keyType = argType(call, 0);
  const values: DataType[] = [];
  for (let i = 1; i + 1 < n; i += 2) {
    keyType = comparisonType(keyType, argType(call, i), 'CASE');
    values.push(argType(call, i + 1));
  }
  if (n % 2 === 0) values.push(argType(call, n - 1));
  const t = branchType('case', values, 2);
  const cmp = comparatorFor(keyType);
  const inputTypes = call.argumentTypes.map((_, i) => (i === 0 || (i % 2 === 1 && i + 1 < n) ? keyType : t));
  return makeEvaluator({ inputTypes, resultType: t }, (args) => {
    const key = args[0] ?? null;
    if (key != null) {
      for (let i = 1; i + 1 < n; i += 2) {
        const w = args[i] ?? null;
        if (w != null && cmp(key, w) === 0) return args[i + 1] ?? null;
      }
    }
    return n % 2 === 0 ? (args[n - 1] ?? null) : null;
  });
}

function resolveAssertTrue(call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, 'assert_true', [1, 1]);
  checkBoolean('assert_true', call, 0);
  // GenericUDFAssertTrue returns void (NULL); FALSE and NULL both fail.
  return makeEvaluator(
    { inputTypes: [HiveTypes.boolean], resultType: HiveTypes.void },
    (args) => {
      if (args[0] !== true) throw new HiveBatchError('ASSERTION_FAILED', 'ASSERT_TRUE(): assertion failed.');
      return null;
    },
    { deterministic: false },
  );
}

/**
 * Conditionals: `if`, `when` (CASE WHEN), `case` (CASE x WHEN), `coalesce`, `nvl` and `nullif` (lazy: the runtime
 * evaluates only the branches it needs), and `assert_true` (throws `ASSERTION_FAILED`).
 */
export function conditionalFunctions(): readonly ScalarFunctionDefinition[] {
  return [
    defineScalar({
      name: 'if',
      description:
        'IF(expr1,expr2,expr3) - If expr1 is TRUE (expr1 <> 0 and expr1 <> NULL) then IF() returns expr2; otherwise it returns expr3. IF() returns a numeric or string value, depending on the context in which it is used.',
      lazy: true,
      resolve: resolveIf,
    }),
    defineScalar({
      name: 'when',
      description:
        'CASE WHEN a THEN b [WHEN c THEN d]* [ELSE e] END - When a = true, returns b; when c = true, return d; else return e',
      lazy: true,
      resolve: resolveWhen,
    }),
    defineScalar({
      name: 'case',
      description:
        'CASE a WHEN b THEN c [WHEN d THEN e]* [ELSE f] END - When a = b, returns c; when a = d, return e; else return f',
      lazy: true,
      resolve: resolveCase,
    }),
    defineScalar({
      name: 'coalesce',
      description: 'coalesce(a1, a2, ...) - Returns the first non-null argument',
      extendedDescription: 'Example:\n  > SELECT coalesce(NULL, 1, NULL) FROM src LIMIT 1;\n  1',
      lazy: true,
      resolve: (c) => resolveCoalesce('coalesce', c),
    }),
    defineScalar({
      name: 'nvl',
      description: 'nvl(value,default_value) - Returns default value if value is null else returns value',
      extendedDescription: "Example:\n  > SELECT nvl(null,'bla') FROM src LIMIT 1;\n  bla",
      lazy: true,
      resolve: (c) => resolveCoalesce('nvl', c),
    }),
    defineScalar({
      name: 'nullif',
      description: 'nullif(a1, a2) - shorthand for: case when a1 = a2 then null else a1',
      resolve: resolveNullif,
    }),
    defineScalar({
      name: 'assert_true',
      description: "assert_true(condition) - Throw an exception if 'condition' is not true.",
      extendedDescription: 'Example:\n   > SELECT assert_true(x >= 0) FROM src LIMIT 1;\n  NULL',
      resolve: resolveAssertTrue,
    }),
  ];
}
