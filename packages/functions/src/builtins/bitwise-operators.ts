import { HiveTypes, commonNumericType, formatDataType, isIntegralType } from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
import type { ScalarCallInfo, ScalarEvaluator, ScalarFunctionDefinition } from '../scalar-contract';
import { argType, argumentError, checkArity, defineScalar, makeEvaluator } from './internal/define';
import { wrapInt } from './internal/numeric-ops';

type BitOp = '&' | '|' | '^';

function integralOperand(name: string, t: DataType): DataType {
  if (t.kind === 'void') return HiveTypes.tinyint;
  if (!isIntegralType(t)) {
    throw argumentError(`No matching method for ${name} with (${formatDataType(t)}): integral types only`);
  }
  return t;
}

function resolveBinary(op: BitOp, call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, op, [2, 2]);
  const a = integralOperand(op, argType(call, 0));
  const b = integralOperand(op, argType(call, 1));
  const t = commonNumericType(a, b) ?? HiveTypes.bigint;
  const types = { inputTypes: [t, t], resultType: t };
  if (t.kind === 'bigint') {
    return makeEvaluator(types, (args) => {
      const x = args[0] as bigint | null;
      const y = args[1] as bigint | null;
      if (x == null || y == null) return null;
      return op === '&' ? x & y : op === '|' ? x | y : x ^ y;
    });
  }
  return makeEvaluator(types, (args) => {
    const x = args[0] as number | null;
    const y = args[1] as number | null;
    if (x == null || y == null) return null;
    return wrapInt(t.kind, op === '&' ? x & y : op === '|' ? x | y : x ^ y);
  });
}

function resolveNot(call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, '~', [1, 1]);
  const t = integralOperand('~', argType(call, 0));
  return makeEvaluator({ inputTypes: [t], resultType: t }, (args) => {
    const x = args[0];
    if (x == null) return null;
    return typeof x === 'bigint' ? ~x : wrapInt(t.kind, ~(x as number));
  });
}

/** Bitwise `&`, `|`, `^`, `~` on the integral types (result in the wider operand type). */
export function bitwiseOperators(): readonly ScalarFunctionDefinition[] {
  return [
    defineScalar({
      name: '&',
      description: 'a & b - Bitwise and',
      extendedDescription: 'Example:\n  > SELECT 3 & 5 FROM src LIMIT 1;\n  1',
      resolve: (c) => resolveBinary('&', c),
    }),
    defineScalar({
      name: '|',
      description: 'a | b - Bitwise or',
      extendedDescription: 'Example:\n  > SELECT 3 | 5 FROM src LIMIT 1;\n  7',
      resolve: (c) => resolveBinary('|', c),
    }),
    defineScalar({
      name: '^',
      description: 'a ^ b - Bitwise exclusive or',
      extendedDescription: 'Example:\n  > SELECT 3 ^ 5 FROM src LIMIT 1;\n  6',
      resolve: (c) => resolveBinary('^', c),
    }),
    defineScalar({
      name: '~',
      description: '~ n - Bitwise not',
      extendedDescription: 'Example:\n  > SELECT ~ 0 FROM src LIMIT 1;\n  -1',
      resolve: resolveNot,
    }),
  ];
}
