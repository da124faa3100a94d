import { createColumnBuilder, getValue } from '@hive-batch/core';
import type { Column, DataType } from '@hive-batch/core';

/**
 * The scalar function contract shared by the built-ins, plugin UDFs (the SDK's `defineUdf`) and the expression
 * evaluator. It mirrors Hive's GenericUDF lifecycle: `resolve` is `initialize` (argument types in, result type
 * out, argument checks with Hive's wording) and `evaluate` is `evaluate` (one row of already-converted values).
 */

/** What the resolver knows about the call site. */
export interface ScalarCallInfo {
  /** Argument types after the SQL layer typed the expressions (before any implicit cast). */
  readonly argumentTypes: readonly DataType[];
  /**
   * Constant value of each argument when it is a literal (core value representation), else `undefined`.
   * A NULL literal is `null`.
   */
  readonly constantArguments: readonly unknown[];
}

/** A resolved scalar function: fixed input and result types, ready to evaluate rows or batches. */
export interface ScalarEvaluator {
  /**
   * Types the caller converts each argument to before calling `evaluate` (Hive's implicit conversions are
   * resolved here, at resolve time). Same length as the call's arguments.
   */
  readonly inputTypes: readonly DataType[];
  /** Type of every value `evaluate` returns. */
  readonly resultType: DataType;
  /** False for functions whose result may differ between calls with equal arguments (rand …). */
  readonly deterministic: boolean;
  /**
   * Evaluates one row. `args` are values of {@link ScalarEvaluator.inputTypes} in core's value representation,
   * NULL as `null`. Returns a value of {@link ScalarEvaluator.resultType} or `null`.
   */
  evaluate(args: readonly unknown[]): unknown;
  /**
   * Optional vectorized form: one column per argument (of the input types), each with at least `numRows` rows.
   * Returns a new column of the result type with `numRows` rows. Must agree with `evaluate` row by row.
   */
  evaluateBatch?(args: readonly Column[], numRows: number): Column;
}

/** A scalar function as registered: name, DESCRIBE text, and the resolver. */
export interface ScalarFunctionDefinition {
  /** Hive's registered name: lower_snake (`substr`) or the operator symbol (`+`, `=`, `and`). */
  readonly name: string;
  /** Other names Hive registers for the same function (`substring` for `substr`). */
  readonly aliases: readonly string[];
  /** First line of Hive's `DESCRIBE FUNCTION` text. */
  readonly description: string;
  /** The extra lines `DESCRIBE FUNCTION EXTENDED` prints (examples); empty when Hive has none. */
  readonly extendedDescription: string;
  /**
   * True for conditional forms whose arguments must be evaluated lazily (if, case, coalesce, nvl, and, or,
   * when): the runtime evaluates them specially; `evaluate` still gives the right answer for already
   * evaluated arguments.
   */
  readonly lazy?: boolean;
  /**
   * Checks the call and fixes the types.
   * @throws {HiveBatchError} `INVALID_FUNCTION_ARGUMENTS` with Hive's wording on bad arguments
   */
  resolve(call: ScalarCallInfo): ScalarEvaluator;
}

/**
 * Evaluates a batch one row at a time through `evaluator.evaluate`: the fallback when an evaluator has no
 * `evaluateBatch`. Reads with core's `getValue` and writes with a column builder of the result type.
 */
export function evaluateBatchByRows(
  evaluator: ScalarEvaluator,
  args: readonly Column[],
  numRows: number,
): Column {
  const builder = createColumnBuilder(evaluator.resultType, { initialCapacity: Math.max(1, numRows) });
  const row: unknown[] = new Array<unknown>(args.length);
  for (let i = 0; i < numRows; i++) {
    for (let a = 0; a < args.length; a++) {
      const column = args[a];
      row[a] = column == null ? null : getValue(column, i);
    }
    builder.append(evaluator.evaluate(row));
  }
  return builder.finish();
}
