import type { AggregateFunctionDefinition } from '../contract';
import { rejectStar } from './evaluator-kit';
import { invalidArguments } from './hive-convert';
import { checkSumArgument } from './numeric-arguments';
import type { VarianceStat } from './variance-evaluators';
import {
  createVarianceCboDistinctEvaluator,
  createVarianceCboEvaluator,
  createVarianceUdafEvaluator,
} from './variance-evaluators';
import { withDistinct } from '../with-distinct';

/** Builds one of the four variance-family definitions (they differ only in names, text and terminate). */
export function defineVarianceFunction(spec: {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly description: string;
  readonly stat: VarianceStat;
}): AggregateFunctionDefinition {
  return {
    name: spec.name,
    aliases: spec.aliases,
    description: spec.description,
    resolve(call, options) {
      rejectStar(call);
      if (call.argumentTypes.length !== 1) throw invalidArguments('Exactly one argument is expected.');
      const t = checkSumArgument(call.argumentTypes[0]);
      const cbo = options.cboEnabled ?? true;
      if (cbo && call.distinct) return createVarianceCboDistinctEvaluator(t, spec.stat, withDistinct);
      const ev = cbo ? createVarianceCboEvaluator(t, spec.stat) : createVarianceUdafEvaluator(t, spec.stat);
      return call.distinct ? withDistinct(ev) : ev;
    },
  };
}
