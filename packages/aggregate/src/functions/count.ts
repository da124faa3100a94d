import type { AccumulatorState, AggregateEvaluator, AggregateFunctionDefinition } from '../contract';
import { countNonNullKernel, countStarKernel } from '../kernels/count-kernels';
import { HiveTypes } from '@hive-batch/core';
import { invalidArguments } from '../internal/hive-convert';
import { slotF64, VALUE_PARTIAL_CODEC } from '../internal/evaluator-kit';
import { withDistinct } from '../with-distinct';

function counts(state: AccumulatorState): Float64Array {
  return slotF64(state, 0);
}

/** count(*) when `star`, else count(e1, …, en): rows whose arguments are all non-NULL. */
function createCountEvaluator(call: {
  readonly star: boolean;
  readonly argumentTypes: AggregateEvaluator['inputTypes'];
}): AggregateEvaluator {
  const star = call.star;
  return {
    inputTypes: call.argumentTypes,
    partialType: HiveTypes.bigint,
    resultType: HiveTypes.bigint,
    // A count fits a double exactly up to 2^53 rows, and f64 slots keep the kernel free of BigInt arithmetic.
    layout: { slots: [{ name: 'count', type: 'f64' }], usesSideState: false },
    ignoresInputOrder: true,
    ...(star
      ? { rowUpdate: { argument: null, statements: ['$count += 1;'] } }
      : call.argumentTypes.length === 1
        ? { rowUpdate: { argument: 0, statements: ['$count += 1;'] } }
        : {}),
    init(state, g) {
      counts(state)[g] = 0;
    },
    accumulate(state, g, args) {
      if (!star) {
        for (const a of args) if (a == null) return;
      }
      const c = counts(state);
      c[g] = (c[g] ?? 0) + 1;
    },
    // eslint-disable-next-line max-params -- the signature is AggregateEvaluator.accumulateBatch
    accumulateBatch(state, groupIds, args, numRows) {
      if (star) countStarKernel(counts(state), groupIds, numRows);
      else countNonNullKernel(counts(state), groupIds, { columns: args, numRows });
    },
    merge(state, g, partial) {
      if (partial == null) return;
      const c = counts(state);
      c[g] = (c[g] ?? 0) + Number(partial);
    },
    terminatePartial: (state, g) => BigInt(counts(state)[g] ?? 0),
    terminate: (state, g) => BigInt(counts(state)[g] ?? 0),
    ...VALUE_PARTIAL_CODEC,
  };
}

/**
 * `count(*)`, `count(e1, …)` (a row counts only when every argument is non-NULL), `count(DISTINCT e1, …)`
 * (distinct tuples without NULL components). Always bigint, never NULL (0 for an empty group).
 * @example
 * ```ts
 * aggregateRows(resolveAggregate(count, { argumentTypes: [HiveTypes.int] }), [[1], [null], [3]], 'complete'); // 2n
 * ```
 */
export const count: AggregateFunctionDefinition = {
  name: 'count',
  aliases: [],
  description:
    'count(*) - Returns the total number of retrieved rows, including rows containing NULL values.\n' +
    'count(expr) - Returns the number of rows for which the supplied expression is non-NULL.\n' +
    'count(DISTINCT expr[, expr...]) - Returns the number of rows for which the supplied expression(s) are unique and non-NULL.',
  resolve(call) {
    if (call.star) {
      if (call.distinct) throw invalidArguments('The specified syntax for UDAF invocation is invalid.');
      return createCountEvaluator({ star: true, argumentTypes: [] });
    }
    if (call.argumentTypes.length === 0) throw invalidArguments('Argument expected');
    if (call.argumentTypes.length > 1 && !call.distinct) {
      throw invalidArguments('DISTINCT keyword must be specified');
    }
    const ev = createCountEvaluator({ star: false, argumentTypes: call.argumentTypes });
    return call.distinct ? withDistinct(ev) : ev;
  },
};
