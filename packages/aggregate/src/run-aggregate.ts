import { HiveBatchError } from '@hive-batch/core';
import type { Column, DataType } from '@hive-batch/core';
import type {
  AccumulatorState,
  AggregateEvaluator,
  AggregateFunctionDefinition,
  AggregateResolveOptions,
  AggregationMode,
} from './contract';
import { createAccumulatorState } from './state';

/** A call site for {@link resolveAggregate}: like `AggregateCallInfo`, with defaults. */
export interface ResolveAggregateOptions {
  /** Argument types. Required. */
  readonly argumentTypes: readonly DataType[];
  /** Literal value per argument, `undefined` for non-constants. Defaults to all `undefined`. */
  readonly constantArguments?: readonly unknown[];
  /** `f(DISTINCT …)`. Defaults to `false`. */
  readonly distinct?: boolean;
  /** `f(*)`. Defaults to `false`. */
  readonly star?: boolean;
  /** Hive's `hive.cbo.enable`. Defaults to `true`. */
  readonly cboEnabled?: boolean;
}

/**
 * Resolves a definition for a call site with defaults filled in (no constants, not DISTINCT, not `*`, CBO on).
 *
 * @throws {HiveBatchError} `INVALID_FUNCTION_ARGUMENTS` from the definition's resolver.
 * @example
 * ```ts
 * const ev = resolveAggregate(sum, { argumentTypes: [HiveTypes.int] });
 * ```
 */
export function resolveAggregate(
  definition: AggregateFunctionDefinition,
  options: ResolveAggregateOptions,
): AggregateEvaluator {
  const resolveOptions: AggregateResolveOptions =
    options.cboEnabled === undefined ? {} : { cboEnabled: options.cboEnabled };
  return definition.resolve(
    {
      argumentTypes: options.argumentTypes,
      constantArguments: options.constantArguments ?? options.argumentTypes.map(() => undefined),
      distinct: options.distinct ?? false,
      star: options.star ?? false,
    },
    resolveOptions,
  );
}

function checkGroupIds(groupIds: ArrayLike<number>, numGroups: number): void {
  for (let i = 0; i < groupIds.length; i++) {
    const g = groupIds[i];
    if (g == null || !Number.isInteger(g) || g < 0 || g >= numGroups) {
      throw new HiveBatchError(
        'INVALID_ARGUMENT',
        `Group id ${String(g)} at row ${i} is outside 0..${numGroups - 1}`,
      );
    }
  }
}

function finishGroups(
  evaluator: AggregateEvaluator,
  state: AccumulatorState,
  partialOutput: boolean,
): unknown[] {
  const out: unknown[] = [];
  for (let g = 0; g < state.capacity; g++) {
    out.push(partialOutput ? evaluator.terminatePartial(state, g) : evaluator.terminate(state, g));
  }
  return out;
}

/**
 * Rows → one value per group, row at a time: PARTIAL1 (`terminatePartial`) or COMPLETE (`terminate`).
 *
 * @param evaluator - resolved aggregate.
 * @param rows - argument tuples (values of `evaluator.inputTypes`).
 * @param options - `mode` (`'complete'` or `'partial1'`), `groupIds` (one per row, default all 0), and
 *   `numGroups` (default `max(groupIds)+1`, at least 1).
 * @returns one result (or partial) per group, index = group id.
 * @throws {HiveBatchError} `INVALID_ARGUMENT` for a group id out of range.
 * @example
 * ```ts
 * aggregateRowsGrouped(ev, [[1], [2], [3]], { mode: 'complete', groupIds: [0, 1, 0] }); // [4n, 2n] for sum(int)
 * ```
 */
export function aggregateRowsGrouped(
  evaluator: AggregateEvaluator,
  rows: readonly (readonly unknown[])[],
  options: GroupedRunOptions<'complete' | 'partial1'>,
): unknown[] {
  const groupIds = options.groupIds ?? rows.map(() => 0);
  if (groupIds.length !== rows.length)
    throw new HiveBatchError('INVALID_ARGUMENT', 'One group id per row is required');
  const numGroups = options.numGroups ?? Math.max(0, ...Array.from(groupIds)) + 1;
  checkGroupIds(groupIds, numGroups);
  const state = createAccumulatorState(evaluator.layout, numGroups);
  for (let g = 0; g < numGroups; g++) evaluator.init(state, g);
  rows.forEach((row, i) => evaluator.accumulate(state, groupIds[i] ?? 0, row));
  return finishGroups(evaluator, state, options.mode === 'partial1');
}

/** Options of the grouped runners. */
export interface GroupedRunOptions<TMode extends AggregationMode> {
  /** Which Hive mode to run. */
  readonly mode: TMode;
  /** Group id per input (dense, 0-based). Defaults to all `0`. */
  readonly groupIds?: ArrayLike<number>;
  /** Number of groups (groups without input give the empty result). Defaults to `max(groupIds) + 1`. */
  readonly numGroups?: number;
}

/**
 * Partials → one value per group: PARTIAL2 (`terminatePartial`) or FINAL (`terminate`).
 *
 * @throws {HiveBatchError} `INVALID_ARGUMENT` for a group id out of range.
 * @example
 * ```ts
 * mergePartialsGrouped(ev, [3n, 4n], { mode: 'final', groupIds: [0, 0] }); // [7n]
 * ```
 */
export function mergePartialsGrouped(
  evaluator: AggregateEvaluator,
  partials: readonly unknown[],
  options: GroupedRunOptions<'partial2' | 'final'>,
): unknown[] {
  const groupIds = options.groupIds ?? partials.map(() => 0);
  if (groupIds.length !== partials.length) {
    throw new HiveBatchError('INVALID_ARGUMENT', 'One group id per partial is required');
  }
  const numGroups = options.numGroups ?? Math.max(0, ...Array.from(groupIds)) + 1;
  checkGroupIds(groupIds, numGroups);
  const state = createAccumulatorState(evaluator.layout, numGroups);
  for (let g = 0; g < numGroups; g++) evaluator.init(state, g);
  partials.forEach((p, i) => evaluator.merge(state, groupIds[i] ?? 0, p));
  return finishGroups(evaluator, state, options.mode === 'partial2');
}

/**
 * Columns → one value per group through the batch kernel (`accumulateBatch`), then PARTIAL1 or COMPLETE output.
 *
 * @param args - argument columns of `evaluator.inputTypes`, each at least `numRows` long.
 * @throws {HiveBatchError} `INVALID_ARGUMENT` for a group id out of range.
 * @example
 * ```ts
 * aggregateBatchGrouped(ev, [intColumn], { mode: 'complete', numRows: 3 });
 * ```
 */
export function aggregateBatchGrouped(
  evaluator: AggregateEvaluator,
  args: readonly Column[],
  options: GroupedRunOptions<'complete' | 'partial1'> & { readonly numRows: number },
): unknown[] {
  const groupIds = Int32Array.from(options.groupIds ?? new Array<number>(options.numRows).fill(0));
  if (groupIds.length !== options.numRows)
    throw new HiveBatchError('INVALID_ARGUMENT', 'One group id per row is required');
  const numGroups = options.numGroups ?? Math.max(0, ...Array.from(groupIds)) + 1;
  checkGroupIds(groupIds, numGroups);
  const state = createAccumulatorState(evaluator.layout, numGroups);
  for (let g = 0; g < numGroups; g++) evaluator.init(state, g);
  evaluator.accumulateBatch(state, groupIds, args, options.numRows);
  return finishGroups(evaluator, state, options.mode === 'partial1');
}

/**
 * Single-group convenience: rows → result (`'complete'`) or partial (`'partial1'`).
 *
 * @example
 * ```ts
 * aggregateRows(resolveAggregate(count, { argumentTypes: [HiveTypes.int] }), [[1], [null]], 'complete'); // 1n
 * ```
 */
export function aggregateRows(
  evaluator: AggregateEvaluator,
  rows: readonly (readonly unknown[])[],
  mode: 'complete' | 'partial1',
): unknown {
  return aggregateRowsGrouped(evaluator, rows, { mode, numGroups: 1 })[0];
}

/**
 * Single-group convenience: partials → partial (`'partial2'`) or result (`'final'`).
 *
 * @example
 * ```ts
 * mergePartials(ev, [aggregateRows(ev, a, 'partial1'), aggregateRows(ev, b, 'partial1')], 'final');
 * ```
 */
export function mergePartials(
  evaluator: AggregateEvaluator,
  partials: readonly unknown[],
  mode: 'partial2' | 'final',
): unknown {
  return mergePartialsGrouped(evaluator, partials, { mode, numGroups: 1 })[0];
}

/**
 * Runs any of Hive's four modes on a single group: `inputs` are argument rows for PARTIAL1/COMPLETE and
 * partials for PARTIAL2/FINAL.
 *
 * @throws {HiveBatchError} `INVALID_ARGUMENT` when a row is not an array in a row-consuming mode.
 * @example
 * ```ts
 * runAggregate(ev, 'final', [p1, p2]);
 * ```
 */
export function runAggregate(
  evaluator: AggregateEvaluator,
  mode: AggregationMode,
  inputs: readonly unknown[],
): unknown {
  if (mode === 'partial2' || mode === 'final') return mergePartials(evaluator, inputs, mode);
  const rows = inputs.map((r, i) => {
    if (!Array.isArray(r)) throw new HiveBatchError('INVALID_ARGUMENT', `Input ${i} is not an argument row`);
    return r as readonly unknown[];
  });
  return aggregateRows(evaluator, rows, mode);
}
