import { InternalError, isNullAt } from '@hive-batch/core';
import type { Column, DataType } from '@hive-batch/core';
import type { AccumulatorState, AggregateCallInfo, AggregateEvaluator, JsonValue } from '../contract';
import { hiveTypeName, invalidArguments } from './hive-convert';
import { decodeValue, encodeValue, valueFromJson, valueToJson } from './partial-codec';

/** The four partial-codec members for partials that are plain core values (the common case). */
export const VALUE_PARTIAL_CODEC: Pick<
  AggregateEvaluator,
  'partialToJson' | 'partialFromJson' | 'encodePartial' | 'decodePartial'
> = {
  partialToJson: (p: unknown): JsonValue => valueToJson(p),
  partialFromJson: (j: JsonValue): unknown => valueFromJson(j),
  encodePartial: (p: unknown): Uint8Array => encodeValue(p),
  decodePartial: (b: Uint8Array): unknown => decodeValue(b),
};

export function slotF64(state: AccumulatorState, k: number): Float64Array {
  const s = state.slots[k];
  if (!(s instanceof Float64Array)) throw new InternalError(`slot ${k} is not f64`);
  return s;
}

export function slotI64(state: AccumulatorState, k: number): BigInt64Array {
  const s = state.slots[k];
  if (!(s instanceof BigInt64Array)) throw new InternalError(`slot ${k} is not i64`);
  return s;
}

export function slotI32(state: AccumulatorState, k: number): Int32Array {
  const s = state.slots[k];
  if (!(s instanceof Int32Array)) throw new InternalError(`slot ${k} is not i32`);
  return s;
}

export function slotU8(state: AccumulatorState, k: number): Uint8Array {
  const s = state.slots[k];
  if (!(s instanceof Uint8Array)) throw new InternalError(`slot ${k} is not u8`);
  return s;
}

/** True for input types whose columns hold plain JS numbers (what a row update may read as `$v`). */
export function readsAsNumbers(t: DataType): boolean {
  const k = t.kind;
  return k === 'tinyint' || k === 'smallint' || k === 'int' || k === 'float' || k === 'double';
}

/** Column at position `k`, or an internal error (the operator passes one column per input type). */
export function argColumn(args: readonly Column[], k: number): Column {
  const c = args[k];
  if (c == null) throw new InternalError(`missing argument column ${k}`);
  return c;
}

/** Hive's AbstractGenericUDAFResolver: `f(*)` is only valid for count. */
export function rejectStar(call: AggregateCallInfo): void {
  if (call.star) throw invalidArguments('The specified syntax for UDAF invocation is invalid.');
}

/** "Only primitive type arguments are accepted but X is passed." for a complex argument. */
export function requirePrimitive(t: DataType): void {
  if (t.kind === 'array' || t.kind === 'map' || t.kind === 'struct') {
    throw invalidArguments(`Only primitive type arguments are accepted but ${hiveTypeName(t)} is passed.`);
  }
}

/** Argument `k` of the call (the resolver checked the arity). */
export function argType(call: AggregateCallInfo, k: number): DataType {
  const t = call.argumentTypes[k];
  if (t == null) throw new InternalError(`missing argument type ${k}`);
  return t;
}

/**
 * Generic fallback of `accumulateBatch`: reads each row through `read` and calls `accumulate`.
 * Used for types without a typed-array kernel (strings, decimals in row-wise paths, complex types).
 */
export function accumulateRowWise(
  evaluator: Pick<AggregateEvaluator, 'accumulate'>,
  read: (column: Column, row: number) => unknown,
): AggregateEvaluator['accumulateBatch'] {
  // eslint-disable-next-line max-params -- the signature is AggregateEvaluator.accumulateBatch
  return (state, groupIds, args, numRows) => {
    const row: unknown[] = new Array<unknown>(args.length).fill(null);
    for (let i = 0; i < numRows; i++) {
      for (let k = 0; k < args.length; k++) {
        const c = args[k];
        row[k] = c == null || isNullAt(c, i) ? null : read(c, i);
      }
      evaluator.accumulate(state, groupIds[i] ?? 0, row);
    }
  };
}
