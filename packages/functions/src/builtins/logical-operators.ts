import { HiveTypes, formatDataType } from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
import type { ScalarCallInfo, ScalarEvaluator, ScalarFunctionDefinition } from '../scalar-contract';
import { argumentError, checkArity, defineScalar, makeEvaluator } from './internal/define';

// Operands are converted to boolean (Hive's BooleanConverter); complex types are rejected.
function booleanInputs(name: string, call: ScalarCallInfo): DataType[] {
  return call.argumentTypes.map((t, i) => {
    if (t.kind === 'array' || t.kind === 'map' || t.kind === 'struct') {
      throw argumentError(
        `Argument ${i + 1} of function ${name.toUpperCase()} must be boolean, but "${formatDataType(t)}" was found.`,
      );
    }
    return HiveTypes.boolean;
  });
}

function resolveAnd(call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, 'and', [2, Infinity]);
  const types = { inputTypes: booleanInputs('and', call), resultType: HiveTypes.boolean };
  // Three-valued: any FALSE → FALSE, else any NULL → NULL, else TRUE.
  return makeEvaluator(types, (args) => {
    let sawNull = false;
    for (const v of args) {
      if (v === false) return false;
      if (v == null) sawNull = true;
    }
    return sawNull ? null : true;
  });
}

function resolveOr(call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, 'or', [2, Infinity]);
  const types = { inputTypes: booleanInputs('or', call), resultType: HiveTypes.boolean };
  // Three-valued: any TRUE → TRUE, else any NULL → NULL, else FALSE.
  return makeEvaluator(types, (args) => {
    let sawNull = false;
    for (const v of args) {
      if (v === true) return true;
      if (v == null) sawNull = true;
    }
    return sawNull ? null : false;
  });
}

function resolveNot(call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, 'not', [1, 1]);
  const types = { inputTypes: booleanInputs('not', call), resultType: HiveTypes.boolean };
  return makeEvaluator(types, (args) => {
    const v = args[0];
    return v == null ? null : !(v as boolean);
  });
}

/**
 * `and`, `or` (n-ary since Hive 2.2, three-valued, lazy: the runtime short-circuits) and `not` (alias `!`).
 */
export function logicalOperators(): readonly ScalarFunctionDefinition[] {
  return [
    defineScalar({
      name: 'and',
      description: 'a1 and a2 and ... and an - Logical and',
      lazy: true,
      resolve: resolveAnd,
    }),
    defineScalar({
      name: 'or',
      description: 'a1 or a2 or ... or an - Logical or',
      lazy: true,
      resolve: resolveOr,
    }),
    defineScalar({ name: 'not', aliases: ['!'], description: 'not a - Logical not', resolve: resolveNot }),
  ];
}
