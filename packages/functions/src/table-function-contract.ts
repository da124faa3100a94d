import type { Column, ColumnBatch, DataType } from '@hive-batch/core';
import type { ScalarCallInfo } from './scalar-contract';

/** What a table function produced for a batch of input rows. */
export interface TableFunctionOutput {
  /** For each output row, the input row it came from (ascending). */
  readonly rowIndex: Int32Array;
  /** The produced rows, in the evaluator's output schema. */
  readonly batch: ColumnBatch;
}

/** A resolved table function (Hive's GenericUDTF after `initialize`). */
export interface TableFunctionEvaluator {
  /** Types the caller converts each argument to. */
  readonly inputTypes: readonly DataType[];
  /** Output columns. */
  readonly outputSchema: ColumnBatch['schema'];
  /** Runs rows `0..numRows-1` of `args`. */
  evaluateBatch(args: readonly Column[], numRows: number): TableFunctionOutput;
}

/** A table-generating function (UDTF) as registered. */
export interface TableFunctionDefinition {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly description: string;
  readonly extendedDescription: string;
  /** @throws {HiveBatchError} `INVALID_FUNCTION_ARGUMENTS` */
  resolve(call: ScalarCallInfo): TableFunctionEvaluator;
}
