import type { Column, DataType } from '@hive-batch/core';

/**
 * The declarative aggregate contract shared by built-ins, plugin UDAFs (via the functions SDK) and the
 * hash/sort aggregation operators. Names mirror Hive's GenericUDAFEvaluator lifecycle.
 */

/** Hive's GenericUDAFEvaluator.Mode: which input an evaluator consumes and which output it produces. */
export type AggregationMode = 'partial1' | 'partial2' | 'final' | 'complete';

/** Physical type of one fixed-width accumulator slot; the operator stores one typed array per slot. */
export type SlotType = 'f64' | 'i64' | 'i32' | 'u8';

/** Typed array backing a slot of the given {@link SlotType}. */
export type SlotArray = Float64Array | BigInt64Array | Int32Array | Uint8Array;

/** One fixed-width field of the per-group accumulator. */
export interface SlotDescriptor {
  readonly name: string;
  readonly type: SlotType;
}

/**
 * Per-group accumulator layout: fixed-width slots stored column-wise in parallel typed arrays, plus an
 * optional side-table entry per group for variable-size state (collections, histograms, sketches).
 */
export interface AccumulatorLayout {
  readonly slots: readonly SlotDescriptor[];
  /** True when the function keeps variable-size state in {@link AccumulatorState.side}. */
  readonly usesSideState: boolean;
}

/**
 * Storage for the accumulators of many groups, addressed by group id (0-based, dense).
 * The operator owns it and grows it (replacing the arrays); evaluators only read and write entries.
 */
export interface AccumulatorState {
  /** One typed array per slot, in layout order; index = group id. */
  slots: SlotArray[];
  /** Variable-size state per group (index = group id); `undefined` until `init`. Empty when unused. */
  side: unknown[];
  /** Number of groups the arrays can hold. */
  capacity: number;
}

/** A JSON-safe value (what `partialToJson` produces). */
export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [k: string]: JsonValue };

/** What the resolver knows about the call site, like Hive's GenericUDAFParameterInfo. */
export interface AggregateCallInfo {
  /** Argument types after the SQL layer typed the expressions (before any implicit cast). */
  readonly argumentTypes: readonly DataType[];
  /**
   * Constant value of each argument when it is a literal (value representation of core), else `undefined`.
   * Used for constant-argument checks (percentile's p, percentile_approx's nb …).
   */
  readonly constantArguments: readonly unknown[];
  /** `f(DISTINCT …)`. */
  readonly distinct: boolean;
  /** `f(*)` (only count accepts it). */
  readonly star: boolean;
}

/** Session settings that change aggregate semantics. */
export interface AggregateResolveOptions {
  /**
   * Hive's `hive.cbo.enable`. When true (Hive 3.1.3's default) avg/variance/stddev give exactly the digits
   * of Hive's HiveAggregateReduceFunctionsRule rewrite; when false, the UDAFs' streaming algorithms.
   * Defaults to `true`.
   */
  readonly cboEnabled?: boolean;
}

/**
 * A per-row update written declaratively, as JS statements over `$v` (the argument's value, a number, never
 * NULL) and the group's slots `$<slot name>` (f64 and u8 slots only, read and written as numbers) — Flink's
 * declarative aggregates in miniature. Hash aggregation fuses the updates of several aggregates into one generated
 * loop over an interleaved state (one cache line per group instead of one per slot array, one pass over the rows).
 * A statement whose slots no other statement of its aggregate touches is shared with every identical statement
 * of other aggregates over the same argument (avg's sum and count are then sum's and count's).
 *
 * Declare it only when the input type reads as numbers (tinyint, smallint, int, float, double) and the statements
 * together do exactly what `accumulateBatch` does for such a column. Local names must be declared with
 * `const`/`let` (each statement runs in a block of its own).
 */
export interface RowUpdate {
  /** Argument whose non-NULL rows are updated (its value is `$v`), or `null` for every row (count(*)). */
  readonly argument: number | null;
  /** The statements in order, e.g. `['$sumNonEmpty = 1; $sum += $v;', '$count += 1;']`. */
  readonly statements: readonly string[];
}

/**
 * A resolved aggregate for one call site: fixed input types, layout, kernels and partial codec.
 * Values passed in and out use core's value representation (NULL = `null`).
 */
export interface AggregateEvaluator<TPartial = unknown> {
  /** Types the argument columns/values must have when passed to `accumulate*` (the caller casts). */
  readonly inputTypes: readonly DataType[];
  /** Hive type of the partial result (terminatePartial). */
  readonly partialType: DataType;
  /** Hive type of the final result (terminate). */
  readonly resultType: DataType;
  readonly layout: AccumulatorLayout;
  /** Optional declarative per-row update the hash aggregation may fuse with other aggregates' (see {@link RowUpdate}). */
  readonly rowUpdate?: RowUpdate;
  /**
   * True when a group's state is large and read at random places on every row (percentile_approx's 10,000-bin
   * histogram): a hash aggregation then hands the kernel many rows per group at once, so that each group's state
   * comes into cache once per run of rows instead of once per input batch. A hint; results do not depend on it.
   */
  readonly prefersLongGroupRuns?: boolean;
  /**
   * True when the result depends only on which rows were accumulated, not on their order (count). A hash
   * aggregation may then feed `f(DISTINCT x)` its distinct values in any order instead of Hive's key order.
   * Set it only where that is exact: the flag is trusted, so on `sum` of doubles (rounding depends on order) or
   * `min`/`max` of doubles (which of -0.0 and 0.0, or which NaN, comes first) it would change results. Defaults
   * to false.
   */
  readonly ignoresInputOrder?: boolean;

  /** Resets group `group` to the empty aggregation. */
  init(state: AccumulatorState, group: number): void;
  /** PARTIAL1/COMPLETE: one input row (arguments may be `null`). */
  accumulate(state: AccumulatorState, group: number, args: readonly unknown[]): void;
  /**
   * PARTIAL1/COMPLETE batch kernel: accumulates rows `0..numRows-1` of `args` (columns of `inputTypes`)
   * into groups `groupIds[row]`. Must be equivalent to calling `accumulate` row by row, in row order.
   */
  accumulateBatch(
    state: AccumulatorState,
    groupIds: Int32Array,
    args: readonly Column[],
    numRows: number,
  ): void;
  /** PARTIAL2/FINAL: merges one partial (as produced by `terminatePartial`, possibly `null`) into a group. */
  merge(state: AccumulatorState, group: number, partial: TPartial | null): void;
  /** PARTIAL1/PARTIAL2 output. */
  terminatePartial(state: AccumulatorState, group: number): TPartial | null;
  /** FINAL/COMPLETE output (a value of `resultType`, or `null`). */
  terminate(state: AccumulatorState, group: number): unknown;
  /**
   * Optional column-wise {@link terminate} for a `double` result: writes the result of each group `g` of
   * `range.from..range.to-1` to `out.values[g - range.from]` and sets `out.valid[g - range.from]` to 1 when it is
   * not NULL (NULL entries are left alone); returns the number of NULL results. Must give exactly what `terminate`
   * gives group by group; it saves a call and a result object per group where there are millions of groups.
   */
  terminateDoubles?(
    state: AccumulatorState,
    range: { readonly from: number; readonly to: number },
    out: { readonly values: Float64Array; readonly valid: Uint8Array },
  ): number;
  /**
   * Approximate bytes held by group `group`'s side state, in O(1). Optional: without it the operator samples
   * encoded partials, which costs as much as encoding them. Only meaningful when `layout.usesSideState`.
   */
  estimateSideBytes?(state: AccumulatorState, group: number): number;

  /** Partial → JSON-safe value (for plans, logs, crossing processes as JSON). */
  partialToJson(partial: TPartial | null): JsonValue;
  partialFromJson(json: JsonValue): TPartial | null;
  /** Partial → compact binary form (spill files, worker transfer). */
  encodePartial(partial: TPartial | null): Uint8Array;
  decodePartial(bytes: Uint8Array): TPartial | null;
}

/**
 * A Hive aggregate function as a value: names, documentation and a resolver like Hive's
 * `GenericUDAFResolver.getEvaluator(types)`.
 */
export interface AggregateFunctionDefinition {
  /** Hive name, lower_snake (e.g. `percentile_approx`). */
  readonly name: string;
  /** Other Hive names for the same function (`std`, `stddev_pop` for `stddev`). Lookups ignore case. */
  readonly aliases: readonly string[];
  /** DESCRIBE FUNCTION text, as Hive prints it. */
  readonly description: string;
  /** Extended DESCRIBE FUNCTION text, or the same as `description`. */
  readonly extendedDescription?: string;
  /**
   * Checks the call and returns its evaluator.
   * @throws {HiveBatchError} `INVALID_FUNCTION_ARGUMENTS` (Hive's wording where Hive has one)
   */
  resolve(call: AggregateCallInfo, options: AggregateResolveOptions): AggregateEvaluator;
}
