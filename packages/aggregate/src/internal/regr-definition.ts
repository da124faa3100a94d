import type { DataType } from '@hive-batch/core';
import type { AggregateCallInfo, AggregateEvaluator, AggregateFunctionDefinition } from '../contract';
import { rejectStar } from './evaluator-kit';
import { invalidArguments } from './hive-convert';
import { checkPairArgument } from './numeric-arguments';
import { withDistinct } from '../with-distinct';

/** Checks a two-argument numeric call (covar/corr/regr) and returns its argument types. */
export function checkPairCall(call: AggregateCallInfo, message: string): readonly [DataType, DataType] {
  rejectStar(call);
  if (call.argumentTypes.length !== 2) throw invalidArguments('Exactly two arguments are expected.');
  return [
    checkPairArgument(call.argumentTypes[0], message),
    checkPairArgument(call.argumentTypes[1], message),
  ];
}

/** A two-argument function over numeric (y, x) or (x, y) arguments. */
export function definePairFunction(spec: {
  readonly name: string;
  readonly description: string;
  /** Hive's type-error wording up to " but <type> is passed." */
  readonly typeMessage: string;
  readonly create: (types: readonly [DataType, DataType]) => AggregateEvaluator;
}): AggregateFunctionDefinition {
  return {
    name: spec.name,
    aliases: [],
    description: spec.description,
    resolve(call) {
      const ev = spec.create(checkPairCall(call, spec.typeMessage));
      return call.distinct ? withDistinct(ev) : ev;
    },
  };
}

export const NUMERIC_ONLY = 'Only numeric type arguments are accepted';
export const NUMERIC_OR_STRING = 'Only numeric or string type arguments are accepted';
