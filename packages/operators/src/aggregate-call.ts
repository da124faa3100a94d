import type { AggregateFunctionDefinition } from '@hive-batch/aggregate';
import type { DataType } from '@hive-batch/core';

/** A literal argument of an aggregate call (percentile's `p`, percentile_approx's `nb` …). */
export interface ConstantArgument {
  /** The value, in core's value representation (`null` for NULL). */
  readonly constant: unknown;
  /** Its Hive type. */
  readonly type: DataType;
}

/** One argument of an aggregate call: an input column index or a constant. */
export type AggregateArgument = number | ConstantArgument;

/**
 * One aggregate of a {@link HashAggregateOptions} / {@link SortAggregateOptions} list, e.g. `sum(DISTINCT v)`.
 */
export interface AggregateCall {
  /** The Hive aggregate (e.g. `sum` from `@hive-batch/aggregate`, or a registry lookup). */
  readonly function: AggregateFunctionDefinition;
  /**
   * Arguments. In the row-consuming modes (`complete`, `partial1`): input column indices or constants. In the
   * merging modes (`partial2`, `final`): exactly one column index, the binary partial column of this aggregate.
   * Defaults to `[]` (`count(*)` with {@link AggregateCall.star}).
   */
  readonly args?: readonly AggregateArgument[];
  /**
   * Hive types of the original arguments. Required in the merging modes (the input holds partials); in the
   * row-consuming modes defaults to the input column and constant types.
   */
  readonly argumentTypes?: readonly DataType[];
  /**
   * Merging modes only: the literal arguments of the original call (e.g. percentile_approx's `pc`), which some
   * resolvers require; `undefined` entries for non-constants. Defaults to all `undefined`.
   */
  readonly constantArguments?: readonly unknown[];
  /** `f(DISTINCT …)`. Defaults to `false`. */
  readonly distinct?: boolean;
  /** `f(*)`. Defaults to `false`. */
  readonly star?: boolean;
  /** Hive's `hive.cbo.enable` for this call. Defaults to `true`. */
  readonly cboEnabled?: boolean;
  /** Output column name. Defaults to `_c<i>` with `i` = position after the group-by keys (Hive's naming). */
  readonly name?: string;
}
