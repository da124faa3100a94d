import { compareHiveDoubles, getValue, hiveValueComparator } from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
import type { AccumulatorState, AggregateCallInfo, AggregateEvaluator } from '../contract';
import { extremeBigintKernel, maxNumberKernel, minNumberKernel } from '../kernels/min-max-kernels';
import {
  argColumn,
  rejectStar,
  slotF64,
  slotI64,
  slotU8,
  VALUE_PARTIAL_CODEC,
  readsAsNumbers,
} from './evaluator-kit';
import { containsMap } from './contains-map';
import { invalidArguments } from './hive-convert';

/** GenericUDAFMax/Min resolver checks; returns the argument type. */
export function checkMinMaxCall(call: AggregateCallInfo): DataType {
  rejectStar(call);
  const t = call.argumentTypes[0];
  if (call.argumentTypes.length !== 1 || t == null)
    throw invalidArguments('Exactly one argument is expected.');
  if (containsMap(t)) {
    throw invalidArguments('Cannot support comparison of map<> type or complex type containing map<>.');
  }
  return t;
}

function isNumberKind(t: DataType): boolean {
  switch (t.kind) {
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'float':
    case 'double':
    case 'date':
      return true;
    default:
      return false;
  }
}

/** max (`isMax`) or min of one type: f64 slots for number types, i64 for bigint/timestamp, side state otherwise. */
export function createMinMaxEvaluator(t: DataType, isMax: boolean): AggregateEvaluator {
  if (isNumberKind(t)) return numberExtreme(t, isMax);
  if (t.kind === 'bigint' || t.kind === 'timestamp') return bigintExtreme(t, isMax);
  return genericExtreme(t, isMax);
}

function numberExtreme(t: DataType, isMax: boolean): AggregateEvaluator {
  const value = (s: AccumulatorState): Float64Array => slotF64(s, 0);
  const has = (s: AccumulatorState): Uint8Array => slotU8(s, 1);
  const offer = (state: AccumulatorState, g: number, v: number): void => {
    const h = has(state);
    const val = value(state);
    if (h[g] === 0) {
      val[g] = v;
      h[g] = 1;
      return;
    }
    const c = compareHiveDoubles(val[g] ?? 0, v);
    if (isMax ? c < 0 : c > 0) val[g] = v;
  };
  const out = (state: AccumulatorState, g: number): number | null =>
    has(state)[g] === 1 ? (value(state)[g] ?? 0) : null;
  return {
    inputTypes: [t],
    partialType: t,
    resultType: t,
    layout: {
      slots: [
        { name: 'value', type: 'f64' },
        { name: 'has', type: 'u8' },
      ],
      usesSideState: false,
    },
    // The kernels' comparisons: NaN is greatest (Double.compare), -0.0 equals 0.0, ties keep the first value.
    ...(readsAsNumbers(t)
      ? {
          rowUpdate: {
            argument: 0,
            statements: [
              `if ($has === 0) { $value = $v; $has = 1; } else { const b = $value; if (${
                isMax ? 'b < $v || ($v !== $v && b === b)' : 'b > $v || (b !== b && $v === $v)'
              }) $value = $v; }`,
            ],
          },
        }
      : {}),
    init(state, g) {
      value(state)[g] = 0;
      has(state)[g] = 0;
    },
    accumulate(state, g, args) {
      const v = args[0];
      if (v != null) offer(state, g, t.kind === 'float' ? Math.fround(v as number) : (v as number));
    },
    // eslint-disable-next-line max-params -- the signature is AggregateEvaluator.accumulateBatch
    accumulateBatch(state, groupIds, args, numRows) {
      const col = argColumn(args, 0);
      if (col.layout !== 'fixed' || col.values instanceof BigInt64Array) {
        for (let i = 0; i < numRows; i++) {
          const v = getValue(col, i);
          if (v != null) offer(state, groupIds[i] ?? 0, v as number);
        }
        return;
      }
      const slots = { value: value(state), has: has(state) };
      const column = { values: col.values, validity: col.validity, numRows };
      if (isMax) maxNumberKernel(slots, groupIds, column);
      else minNumberKernel(slots, groupIds, column);
    },
    merge(state, g, partial) {
      if (partial != null) offer(state, g, partial as number);
    },
    terminatePartial: out,
    terminate: out,
    ...VALUE_PARTIAL_CODEC,
  };
}

function bigintExtreme(t: DataType, isMax: boolean): AggregateEvaluator {
  const value = (s: AccumulatorState): BigInt64Array => slotI64(s, 0);
  const has = (s: AccumulatorState): Uint8Array => slotU8(s, 1);
  const offer = (state: AccumulatorState, g: number, v: bigint): void => {
    const h = has(state);
    const val = value(state);
    const b = val[g] ?? 0n;
    if (h[g] === 0 || (isMax ? b < v : b > v)) {
      val[g] = v;
      h[g] = 1;
    }
  };
  const out = (state: AccumulatorState, g: number): bigint | null =>
    has(state)[g] === 1 ? (value(state)[g] ?? 0n) : null;
  return {
    inputTypes: [t],
    partialType: t,
    resultType: t,
    layout: {
      slots: [
        { name: 'value', type: 'i64' },
        { name: 'has', type: 'u8' },
      ],
      usesSideState: false,
    },
    init(state, g) {
      value(state)[g] = 0n;
      has(state)[g] = 0;
    },
    accumulate(state, g, args) {
      const v = args[0];
      if (v != null) offer(state, g, v as bigint);
    },
    // eslint-disable-next-line max-params -- the signature is AggregateEvaluator.accumulateBatch
    accumulateBatch(state, groupIds, args, numRows) {
      const col = argColumn(args, 0);
      if (col.layout !== 'fixed' || !(col.values instanceof BigInt64Array)) {
        for (let i = 0; i < numRows; i++) {
          const v = getValue(col, i);
          if (v != null) offer(state, groupIds[i] ?? 0, v as bigint);
        }
        return;
      }
      extremeBigintKernel({ value: value(state), has: has(state), max: isMax }, groupIds, {
        values: col.values,
        validity: col.validity,
        numRows,
      });
    },
    merge(state, g, partial) {
      if (partial != null) offer(state, g, partial as bigint);
    },
    terminatePartial: out,
    terminate: out,
    ...VALUE_PARTIAL_CODEC,
  };
}

function genericExtreme(t: DataType, isMax: boolean): AggregateEvaluator {
  // max orders NULL fields inside structs/arrays lowest, min highest (NullValueOption.MAXVALUE).
  const cmp = hiveValueComparator(t, !isMax);
  const offer = (state: AccumulatorState, g: number, v: unknown): void => {
    const b = state.side[g];
    if (b == null) {
      state.side[g] = v;
      return;
    }
    const c = cmp(b, v);
    if (isMax ? c < 0 : c > 0) state.side[g] = v;
  };
  const out = (state: AccumulatorState, g: number): unknown => state.side[g] ?? null;
  return {
    inputTypes: [t],
    partialType: t,
    resultType: t,
    layout: { slots: [], usesSideState: true },
    init(state, g) {
      state.side[g] = null;
    },
    accumulate(state, g, args) {
      const v = args[0];
      if (v != null) offer(state, g, v);
    },
    // eslint-disable-next-line max-params -- the signature is AggregateEvaluator.accumulateBatch
    accumulateBatch(state, groupIds, args, numRows) {
      const col = argColumn(args, 0);
      for (let i = 0; i < numRows; i++) {
        const v = getValue(col, i);
        if (v != null) offer(state, groupIds[i] ?? 0, v);
      }
    },
    merge(state, g, partial) {
      if (partial != null) offer(state, g, partial);
    },
    terminatePartial: out,
    terminate: out,
    ...VALUE_PARTIAL_CODEC,
  };
}
