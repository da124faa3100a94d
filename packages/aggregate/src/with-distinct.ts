import { arrayType, getValue, HiveBatchError, hiveValueComparator, structType } from '@hive-batch/core';
import type { AccumulatorState, AggregateEvaluator } from './contract';
import { createAccumulatorState } from './state';
import { VALUE_PARTIAL_CODEC } from './internal/evaluator-kit';
import { valueToJson } from './internal/partial-codec';
import { containsMap } from './internal/contains-map';

/** Distinct argument tuples of one group, in first-seen order, keyed by their canonical form. */
type DistinctSet = Map<string, readonly unknown[]>;

function tupleKey(args: readonly unknown[]): string {
  // valueToJson tags -0.0, NaN, bigints and decimals (normalised digits), so equal keys = equal group-by keys.
  return JSON.stringify(valueToJson(args));
}

/**
 * `f(DISTINCT …)` for any evaluator. In Hive the GroupBy operator does DISTINCT (the distinct columns become
 * reduce keys) and the UDAF then sees each distinct tuple once; here the wrapper keeps the distinct argument
 * tuples of each group in side state, and its partial carries those tuples, so PARTIAL1 → PARTIAL2 → FINAL gives
 * the same result as COMPLETE for any split. The inner evaluator runs once per group at `terminate`, over the
 * tuples in Hive's reduce-key order (ascending, NULLs first). Tuples containing NULL are kept as keys (Hive keeps them too); the inner function
 * decides whether they count (count skips them, sum ignores NULL).
 *
 * @param inner - the evaluator of the function without DISTINCT.
 * @returns an evaluator with the same input and result types; its partial is `array<struct<…inputs>>`.
 * @example
 * ```ts
 * const countDistinct = withDistinct(resolveAggregate(count, { argumentTypes: [HiveTypes.int] }));
 * ```
 */
export function withDistinct(inner: AggregateEvaluator): AggregateEvaluator {
  const side = (state: AccumulatorState, g: number): DistinctSet => {
    let set = state.side[g] as DistinctSet | undefined;
    if (set == null) {
      set = new Map();
      state.side[g] = set;
    }
    return set;
  };
  const add = (set: DistinctSet, args: readonly unknown[]): void => {
    const key = tupleKey(args);
    // Copy: callers may reuse the argument array for the next row.
    if (!set.has(key)) set.set(key, args.slice());
  };
  const comparators = inner.inputTypes.map((t) => (containsMap(t) ? () => 0 : hiveValueComparator(t, false)));
  const compareTuples = (a: readonly unknown[], b: readonly unknown[]): number => {
    for (let k = 0; k < comparators.length; k++) {
      const x = a[k] ?? null;
      const y = b[k] ?? null;
      if (x == null || y == null) {
        if (x == null && y == null) continue;
        return x == null ? -1 : 1;
      }
      const c = (comparators[k] ?? (() => 0))(x, y);
      if (c !== 0) return c;
      // Distinct keys that compare equal (-0.0 and 0.0): Hive's binary-sortable keys put -0.0 first.
      if (typeof x === 'number' && typeof y === 'number' && x === 0 && y === 0 && !Object.is(x, y)) {
        return Object.is(x, -0) ? -1 : 1;
      }
    }
    return 0;
  };
  const runInner = (set: DistinctSet, partialOutput: boolean): unknown => {
    const st = createAccumulatorState(inner.layout, 1);
    inner.init(st, 0);
    // Hive's reducer receives the distinct keys sorted, so the inner function sees them in key order; sorting
    // also makes the result independent of how the rows were split.
    const tuples = [...set.values()].sort(compareTuples);
    for (const tuple of tuples) inner.accumulate(st, 0, tuple);
    return partialOutput ? inner.terminatePartial(st, 0) : inner.terminate(st, 0);
  };
  const partialType = arrayType(
    structType(inner.inputTypes.map((type, i) => ({ name: `col${i + 1}`, type }))),
  );
  return {
    inputTypes: inner.inputTypes,
    partialType,
    resultType: inner.resultType,
    layout: { slots: [], usesSideState: true },
    init(state, g) {
      state.side[g] = new Map();
    },
    accumulate(state, g, args) {
      add(side(state, g), args);
    },
    // eslint-disable-next-line max-params -- the signature is AggregateEvaluator.accumulateBatch
    accumulateBatch(state, groupIds, args, numRows) {
      const row: unknown[] = new Array<unknown>(args.length).fill(null);
      for (let i = 0; i < numRows; i++) {
        args.forEach((c, k) => (row[k] = getValue(c, i)));
        add(side(state, groupIds[i] ?? 0), row);
      }
    },
    merge(state, g, partial) {
      if (partial == null) return;
      if (!Array.isArray(partial)) {
        throw new HiveBatchError('INVALID_AGGREGATE_STATE', 'A DISTINCT partial must be an array of tuples');
      }
      const set = side(state, g);
      for (const t of partial as unknown[]) {
        if (!Array.isArray(t)) {
          throw new HiveBatchError(
            'INVALID_AGGREGATE_STATE',
            'A DISTINCT partial must be an array of tuples',
          );
        }
        add(set, t as unknown[]);
      }
    },
    terminatePartial(state, g) {
      return [...side(state, g).values()].map((t) => t.slice());
    },
    terminate(state, g) {
      return runInner(side(state, g), false);
    },
    ...VALUE_PARTIAL_CODEC,
  };
}
