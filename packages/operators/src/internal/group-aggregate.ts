import type { AggregateEvaluator } from '@hive-batch/aggregate';
import type { Column, ColumnBatch, ColumnBuilder, DataType } from '@hive-batch/core';
import type { AggregateCall } from '../aggregate-call';

/**
 * The per-operator face of one aggregate: grows and initialises group state, runs the batch kernel over a
 * group-id column, merges encoded partials, and produces partial bytes or results per group.
 */
export interface GroupAggregate {
  /** Output type (binary in partial modes). */
  readonly outputType: DataType;
  /**
   * False when accumulating only appends (no per-group random access), so reordering rows by group first would
   * not pay. Defaults to true.
   */
  readonly benefitsFromClustering?: boolean;
  /** True when rows should reach it in long runs per group (see AggregateEvaluator.prefersLongGroupRuns). */
  readonly prefersLongGroupRuns?: boolean;
  /** Makes groups `0..groups-1` usable (initialising new ones). */
  ensureGroups(groups: number): void;
  /** Row-consuming modes: accumulates `numRows` rows of `batch` into `groupIds`. */
  accumulate(groupIds: Int32Array, batch: ColumnBatch, numRows: number): void;
  /** Merging modes: merges the partial column of `batch` into `groupIds`. */
  merge(groupIds: Int32Array, batch: ColumnBatch, numRows: number): void;
  /** Appends the output of groups `from..to-1` to `builder`. */
  emit(builder: ColumnBuilder, from: number, to: number): void;
  /** Encoded partial of one group. */
  partialBytes(group: number): Uint8Array;
  /** Estimated bytes held for `groups` groups. */
  estimateBytes(groups: number): number;
  /** Drops every group. */
  reset(): void;
  /** Moves group `from`'s state to group `to` (sort aggregation carries the open group across batches). */
  moveGroup(from: number, to: number): void;
  /** Keeps groups `0..groups-1`; later groups are re-initialised by the next `ensureGroups`. */
  retainGroups(groups: number): void;
  /** Types of the columns {@link GroupAggregate.spillColumns} writes (raw slots, or one binary partial column). */
  spillTypes(): DataType[];
  /** The state of the listed groups as spill columns (operator-internal format, not for other processes). */
  spillColumns(groups: Int32Array): Column[];
  /** Merges spill columns written by an aggregate over the same evaluator into `groupIds`. */
  mergeSpilled(groupIds: Int32Array, columns: readonly Column[], numRows: number): void;
}

/** A resolved call: evaluators plus how to read its arguments from a batch. */
export interface ResolvedCall {
  readonly call: AggregateCall;
  /** The evaluator the operator runs (DISTINCT-wrapped when the call is DISTINCT). */
  readonly evaluator: AggregateEvaluator;
  /** The evaluator without DISTINCT. */
  readonly inner: AggregateEvaluator;
  readonly argumentTypes: readonly DataType[];
}
