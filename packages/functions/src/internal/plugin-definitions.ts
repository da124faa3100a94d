import { deserialize, serialize } from 'node:v8';
import { createSchema, formatDataType, HiveBatchError, implicitlyConvertible } from '@hive-batch/core';
import type { Column, DataType, HiveDecimalValue } from '@hive-batch/core';
import type {
  AccumulatorState,
  AggregateCallInfo,
  AggregateEvaluator,
  AggregateFunctionDefinition,
  JsonValue,
} from '@hive-batch/aggregate';
import type { ScalarCallInfo, ScalarEvaluator, ScalarFunctionDefinition } from '../scalar-contract';
import type { TableFunctionDefinition, TableFunctionEvaluator } from '../table-function-contract';
import { columnFromWire, columnToWire, valueFromWire } from './wire-values';

/** The host's view of a plugin function's signature (types parsed and checked). */
export interface FunctionShape {
  readonly name: string;
  readonly argumentTypes: readonly DataType[];
  readonly description: string;
  readonly deterministic: boolean;
}

/** How a scalar UDF is invoked (in-process or through a realm). */
export type ScalarInvoke = (columns: unknown[][], numRows: number) => unknown;

/** How a UDTF is invoked: per input row, the output rows, flattened with their input row index. */
export type TableInvoke = (
  columns: unknown[][],
  numRows: number,
) => { rowIndex: number[]; rows: unknown[][] };

/** One batch of UDAF input: the touched groups' states and, per row, the index of its state. */
export interface AccumulateBatch {
  readonly states: unknown[];
  readonly slots: number[];
  readonly columns: unknown[][];
  readonly numRows: number;
}

/** How a UDAF's lifecycle methods are invoked. */
export interface AggregateInvoke {
  init(): unknown;
  /** Row `i` goes into `states[slots[i]]`; returns the updated states. */
  accumulate(batch: AccumulateBatch): unknown[];
  merge(state: unknown, partial: unknown): unknown;
  terminatePartial(state: unknown): unknown;
  terminate(state: unknown): unknown;
}

function checkArguments(shape: FunctionShape, argumentTypes: readonly DataType[]): void {
  const expected = shape.argumentTypes;
  const signature = `${shape.name}(${expected.map(formatDataType).join(', ')})`;
  if (argumentTypes.length !== expected.length) {
    throw new HiveBatchError(
      'INVALID_FUNCTION_ARGUMENTS',
      `${signature} takes ${expected.length} argument(s), got ${argumentTypes.length}`,
    );
  }
  for (const [i, actual] of argumentTypes.entries()) {
    const want = expected[i];
    if (want == null || !implicitlyConvertible(actual, want)) {
      throw new HiveBatchError(
        'INVALID_FUNCTION_ARGUMENTS',
        `Argument ${i + 1} of ${signature} is ${formatDataType(actual)}, which does not convert to ${want == null ? '?' : formatDataType(want)}`,
      );
    }
  }
}

function toWireValue(v: unknown, type: DataType | undefined): unknown {
  return type?.kind === 'decimal' && v != null ? (v as HiveDecimalValue).toFixed() : v;
}

function wireColumns(args: readonly Column[], types: readonly DataType[], numRows: number): unknown[][] {
  return types.map((type, a) => {
    const column = args[a];
    if (column == null)
      throw new HiveBatchError('INVALID_FUNCTION_ARGUMENTS', `Argument column ${a + 1} is missing`);
    return columnToWire(column, type, numRows);
  });
}

function checkLength(out: unknown, numRows: number, fn: string): unknown[] {
  if (!Array.isArray(out) || out.length !== numRows) {
    throw new HiveBatchError('FUNCTION_CALL_FAILED', `Function ${fn} must return ${numRows} values`);
  }
  return out as unknown[];
}

/** A scalar function definition (the shared contract) over a vectorized invoke. */
export function scalarDefinition(
  shape: FunctionShape,
  resultType: DataType,
  invoke: ScalarInvoke,
): ScalarFunctionDefinition {
  const evaluator: ScalarEvaluator = {
    inputTypes: shape.argumentTypes,
    resultType,
    deterministic: shape.deterministic,
    evaluate(args) {
      const columns = shape.argumentTypes.map((t, a) => [toWireValue(args[a], t)]);
      const out = checkLength(invoke(columns, 1), 1, shape.name);
      return valueFromWire(out[0], resultType, shape.name);
    },
    evaluateBatch(args, numRows) {
      const out = checkLength(
        invoke(wireColumns(args, shape.argumentTypes, numRows), numRows),
        numRows,
        shape.name,
      );
      return columnFromWire(out, resultType, shape.name);
    },
  };
  return {
    name: shape.name,
    aliases: [],
    description: shape.description,
    extendedDescription: '',
    resolve(call: ScalarCallInfo) {
      checkArguments(shape, call.argumentTypes);
      return evaluator;
    },
  };
}

/** A table function definition over an invoke that maps input rows to output rows. */
export function tableDefinition(
  shape: FunctionShape,
  outputColumns: readonly { readonly name: string; readonly type: DataType }[],
  invoke: TableInvoke,
): TableFunctionDefinition {
  const schema = createSchema(outputColumns.map((c) => ({ name: c.name, type: c.type })));
  const evaluator: TableFunctionEvaluator = {
    inputTypes: shape.argumentTypes,
    outputSchema: schema,
    evaluateBatch(args, numRows) {
      const { rowIndex, rows } = invoke(wireColumns(args, shape.argumentTypes, numRows), numRows);
      if (!Array.isArray(rowIndex) || !Array.isArray(rows) || rowIndex.length !== rows.length) {
        throw new HiveBatchError(
          'FUNCTION_CALL_FAILED',
          `Table function ${shape.name} returned a malformed result`,
        );
      }
      const columns = outputColumns.map((c, k) =>
        columnFromWire(
          rows.map((row) => {
            if (!Array.isArray(row) || row.length !== outputColumns.length) {
              throw new HiveBatchError(
                'FUNCTION_CALL_FAILED',
                `Table function ${shape.name} produced a row without ${outputColumns.length} values`,
              );
            }
            return row[k];
          }),
          c.type,
          shape.name,
        ),
      );
      return { rowIndex: Int32Array.from(rowIndex), batch: { schema, columns, numRows: rows.length } };
    },
  };
  return {
    name: shape.name,
    aliases: [],
    description: shape.description,
    extendedDescription: '',
    resolve(call: ScalarCallInfo) {
      checkArguments(shape, call.argumentTypes);
      return evaluator;
    },
  };
}

function toBytes(partial: unknown): Uint8Array {
  return new Uint8Array(serialize(partial));
}

function fromBytes(bytes: Uint8Array): unknown {
  return deserialize(bytes) as unknown;
}

/**
 * An aggregate definition (the aggregate package's contract) whose per-group state is the plugin's plain-data
 * state, kept in the operator's side table, so it runs in the hash-aggregation operator unchanged. Batches
 * cross once per `accumulateBatch`; partials are encoded with structured-clone serialization.
 */
export function aggregateDefinition(
  shape: FunctionShape,
  types: { readonly resultType: DataType; readonly partialType: DataType },
  invoke: AggregateInvoke,
): AggregateFunctionDefinition {
  const { resultType, partialType } = types;
  return {
    name: shape.name,
    aliases: [],
    description: shape.description,
    resolve(call: AggregateCallInfo): AggregateEvaluator {
      checkArguments(shape, call.argumentTypes);
      if (call.distinct || call.star) {
        throw new HiveBatchError(
          'INVALID_FUNCTION_ARGUMENTS',
          `${shape.name} does not support DISTINCT or *`,
        );
      }
      const initial = invoke.init();
      const side = (state: AccumulatorState, group: number): unknown => state.side[group];
      const evaluator: AggregateEvaluator = {
        inputTypes: shape.argumentTypes,
        partialType,
        resultType,
        layout: { slots: [], usesSideState: true },
        init(state, group) {
          state.side[group] = structuredClone(initial);
        },
        accumulate(state, group, args) {
          const columns = shape.argumentTypes.map((t, a) => [toWireValue(args[a], t)]);
          const [next] = invoke.accumulate({ states: [side(state, group)], slots: [0], columns, numRows: 1 });
          state.side[group] = next;
        },
        // eslint-disable-next-line max-params -- the aggregate contract fixes this signature
        accumulateBatch(state, groupIds, args, numRows) {
          const slotOf = new Map<number, number>();
          const groups: number[] = [];
          const slots = new Array<number>(numRows);
          for (let i = 0; i < numRows; i++) {
            const g = groupIds[i] ?? 0;
            let slot = slotOf.get(g);
            if (slot == null) {
              slot = groups.length;
              slotOf.set(g, slot);
              groups.push(g);
            }
            slots[i] = slot;
          }
          const states = groups.map((g) => side(state, g));
          const columns = wireColumns(args, shape.argumentTypes, numRows);
          const next = invoke.accumulate({ states, slots, columns, numRows });
          if (!Array.isArray(next) || next.length !== groups.length) {
            throw new HiveBatchError(
              'FUNCTION_CALL_FAILED',
              `Aggregate ${shape.name} lost states in a batch`,
            );
          }
          for (const [slot, g] of groups.entries()) state.side[g] = next[slot];
        },
        merge(state, group, partial) {
          if (partial == null) return;
          state.side[group] = invoke.merge(side(state, group), partial);
        },
        terminatePartial(state, group) {
          return invoke.terminatePartial(side(state, group));
        },
        terminate(state, group) {
          return valueFromWire(invoke.terminate(side(state, group)), resultType, shape.name);
        },
        partialToJson(partial): JsonValue {
          return partial == null ? null : Buffer.from(toBytes(partial)).toString('base64');
        },
        partialFromJson(json) {
          return typeof json === 'string' ? fromBytes(Buffer.from(json, 'base64')) : null;
        },
        encodePartial(partial) {
          return toBytes(partial);
        },
        decodePartial(bytes) {
          return fromBytes(bytes);
        },
      };
      return evaluator;
    },
  };
}
