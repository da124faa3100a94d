import {
  avgResultType as coreAvgResultType,
  decimalArithmeticResultType,
  decimalType,
  getValue,
  HiveTypes,
  structType,
} from '@hive-batch/core';
import type { DataType, DecimalType, HiveDecimalValue } from '@hive-batch/core';
import type { AccumulatorState, AggregateEvaluator } from '../contract';
import { countNonNullKernel } from '../kernels/count-kernels';
import { numberValuesOf } from '../kernels/numeric-column';
import { avgDoubleKernel } from '../kernels/avg-kernels';
import type { ScaledDecimal } from './decimal-math';
import { divideHiveDecimal, enforcePrecisionScale, fromHiveDecimal, toHiveDecimal } from './decimal-math';
import {
  addToDecimalSum,
  DECIMAL_SUM_SLOTS,
  decimalSumView,
  FLAG_OVERFLOW,
  initDecimalSum,
  readDecimalSum,
} from './decimal-sum-state';
import { argColumn, slotF64, VALUE_PARTIAL_CODEC, readsAsNumbers } from './evaluator-kit';
import { doubleReaderFor } from './hive-convert';
import { createSumPart, decimalSumValue } from './sum-evaluators';

/** avg's decimal result type (GenericUDAFAverage 298-308), from core. */
export function avgDecimalResultType(t: DecimalType): DecimalType {
  return coreAvgResultType(t);
}

/** avg's UDAF intermediate sum type: ip' = min(p − s + 10, 38 − s), decimal(ip' + s, s). */
function avgDecimalSumType(t: DecimalType): DecimalType {
  const intPart = Math.min(t.precision - t.scale + 10, 38 - t.scale);
  return decimalType(intPart + t.scale, t.scale);
}

/** Result type of GenericUDFOPDivide for a decimal sum divided by a bigint count (core's rule). */
function decimalDivideType(a: DecimalType): DecimalType {
  return decimalArithmeticResultType('/', a, HiveTypes.bigint);
}

/** avg's result type for any accepted input. */
export function avgResultType(t: DataType): DataType {
  return t.kind === 'decimal' ? avgDecimalResultType(t) : HiveTypes.double;
}

/**
 * Hive 3.1.3 with CBO: `SUM(x) / COUNT(x)` (for decimals typed as the division, e.g. decimal(38,18) for
 * decimal(20,10); the CAST to avg's UDAF type is Hive 4). The sum keeps sum's semantics (bigint wraps, strings
 * that do not parse still make it non-NULL, decimal overflow → NULL), the count counts non-NULL inputs.
 * Partial: struct {sum, count}.
 */
export function createAvgCboEvaluator(input: DataType): AggregateEvaluator {
  const part = createSumPart(input, 0);
  const countSlot = part.slots.length;
  const divideType = part.resultType.kind === 'decimal' ? decimalDivideType(part.resultType) : null;
  // Hive 3.1.3 returns the division's type as is (decimal_precision.q.out: avg(decimal(20,10)) is
  // `(_col0 / _col1) (type: decimal(38,18))`), not avg's UDAF type.
  const resultType: DataType = divideType ?? HiveTypes.double;
  const partialType = structType([
    { name: 'sum', type: part.resultType },
    { name: 'count', type: HiveTypes.bigint },
  ]);
  const counts = (state: AccumulatorState): Float64Array => slotF64(state, countSlot);
  return {
    inputTypes: [input],
    partialType,
    resultType,
    layout: { slots: [...part.slots, { name: 'count', type: 'f64' }], usesSideState: false },
    ...(part.rowUpdate == null
      ? {}
      : { rowUpdate: { argument: 0, statements: [part.rowUpdate, '$count += 1;'] } }),
    init(state, g) {
      part.init(state, g);
      counts(state)[g] = 0;
    },
    accumulate(state, g, args) {
      const v = args[0];
      if (v == null) return;
      part.add(state, g, v);
      const c = counts(state);
      c[g] = (c[g] ?? 0) + 1;
    },
    // eslint-disable-next-line max-params -- the signature is AggregateEvaluator.accumulateBatch
    accumulateBatch(state, groupIds, args, numRows) {
      const col = argColumn(args, 0);
      part.addBatch(state, groupIds, { col, numRows });
      countNonNullKernel(counts(state), groupIds, { columns: [col], numRows });
    },
    merge(state, g, partial) {
      if (partial == null) return;
      const p = partial as { readonly sum: unknown; readonly count: bigint };
      part.merge(state, g, p.sum);
      const c = counts(state);
      c[g] = (c[g] ?? 0) + Number(p.count);
    },
    terminatePartial(state, g) {
      return { sum: part.value(state, g), count: BigInt(counts(state)[g] ?? 0) };
    },
    terminate(state, g) {
      const n = counts(state)[g] ?? 0;
      if (divideType == null) {
        const s = part.value(state, g);
        if (s == null || n === 0) return null;
        // The rewrite casts SUM to double first (a bigint sum rounds once), then divides by the count.
        return (typeof s === 'bigint' ? Number(s) : (s as number)) / n;
      }
      const s = decimalSumValue(part, state, g);
      if (s == null || n === 0) return null;
      // Two HALF_UP roundings as in Hive: the 38-digit quotient, then the division's result type.
      const q = divideHiveDecimal(s, { unscaled: BigInt(n), scale: 0 });
      const typed = q == null ? null : enforcePrecisionScale(q, divideType.precision, divideType.scale);
      return typed == null ? null : toHiveDecimal(typed);
    },
    ...VALUE_PARTIAL_CODEC,
  };
}

/**
 * GenericUDAFAverage's AvgDouble (CBO off): unparseable strings are skipped entirely (not counted),
 * the sum is a double in input order. Partial: struct {count, sum, input} (input always NULL).
 */
export function createAvgDoubleEvaluator(input: DataType): AggregateEvaluator {
  const read = doubleReaderFor(input);
  const partialType = structType([
    { name: 'count', type: HiveTypes.bigint },
    { name: 'sum', type: HiveTypes.double },
    { name: 'input', type: input },
  ]);
  const count = (s: AccumulatorState): Float64Array => slotF64(s, 0);
  const sum = (s: AccumulatorState): Float64Array => slotF64(s, 1);
  const ev: AggregateEvaluator = {
    inputTypes: [input],
    partialType,
    resultType: HiveTypes.double,
    layout: {
      slots: [
        { name: 'count', type: 'f64' },
        { name: 'sum', type: 'f64' },
      ],
      usesSideState: false,
    },
    ...(readsAsNumbers(input)
      ? { rowUpdate: { argument: 0, statements: ['$count += 1;', '$sum += $v;'] } }
      : {}),
    init(state, g) {
      count(state)[g] = 0;
      sum(state)[g] = 0;
    },
    accumulate(state, g, args) {
      const v = args[0];
      if (v == null) return;
      const d = read(v);
      if (d == null) return;
      const c = count(state);
      const s = sum(state);
      c[g] = (c[g] ?? 0) + 1;
      s[g] = (s[g] ?? 0) + d;
    },
    // eslint-disable-next-line max-params -- the signature is AggregateEvaluator.accumulateBatch
    accumulateBatch(state, groupIds, args, numRows) {
      const col = argColumn(args, 0);
      const values = numberValuesOf(col, numRows);
      if (values == null) {
        for (let i = 0; i < numRows; i++) ev.accumulate(state, groupIds[i] ?? 0, [getValue(col, i)]);
        return;
      }
      avgDoubleKernel({ count: count(state), sum: sum(state) }, groupIds, {
        values,
        validity: col.validity,
        numRows,
      });
    },
    merge(state, g, partial) {
      if (partial == null) return;
      const p = partial as { readonly count: bigint; readonly sum: number };
      const c = count(state);
      const s = sum(state);
      c[g] = (c[g] ?? 0) + Number(p.count);
      s[g] = (s[g] ?? 0) + p.sum;
    },
    terminatePartial(state, g) {
      return { count: BigInt(count(state)[g] ?? 0), sum: sum(state)[g] ?? 0, input: null };
    },
    terminate(state, g) {
      const n = count(state)[g] ?? 0;
      return n === 0 ? null : (sum(state)[g] ?? 0) / n;
    },
    ...VALUE_PARTIAL_CODEC,
  };
  return ev;
}

/**
 * GenericUDAFAverage's AvgDecimal (CBO off, and regr_avgx/avgy): exact HiveDecimal sum (overflow → NULL, sticky,
 * also through merge), count; terminate = HiveDecimal divide then enforce to avg's result type.
 */
export function createAvgDecimalEvaluator(input: DecimalType): AggregateEvaluator {
  const resultType = avgDecimalResultType(input);
  const partialType = structType([
    { name: 'count', type: HiveTypes.bigint },
    { name: 'sum', type: avgDecimalSumType(input) },
    { name: 'input', type: input },
  ]);
  const countSlot = DECIMAL_SUM_SLOTS.length;
  const count = (s: AccumulatorState): Float64Array => slotF64(s, countSlot);
  const sumOf = (state: AccumulatorState, g: number): ScaledDecimal | null => {
    const v = decimalSumView(state, 0);
    return ((v.flags[g] ?? 0) & FLAG_OVERFLOW) !== 0 ? null : readDecimalSum(v, g);
  };
  const ev: AggregateEvaluator = {
    inputTypes: [input],
    partialType,
    resultType,
    layout: { slots: [...DECIMAL_SUM_SLOTS, { name: 'count', type: 'f64' }], usesSideState: false },
    init(state, g) {
      initDecimalSum(decimalSumView(state, 0), g, input.scale);
      count(state)[g] = 0;
    },
    accumulate(state, g, args) {
      const v = args[0];
      if (v == null) return;
      addToDecimalSum(decimalSumView(state, 0), g, fromHiveDecimal(v as HiveDecimalValue));
      const c = count(state);
      c[g] = (c[g] ?? 0) + 1;
    },
    // eslint-disable-next-line max-params -- the signature is AggregateEvaluator.accumulateBatch
    accumulateBatch(state, groupIds, args, numRows) {
      const col = argColumn(args, 0);
      for (let i = 0; i < numRows; i++) ev.accumulate(state, groupIds[i] ?? 0, [getValue(col, i)]);
    },
    merge(state, g, partial) {
      if (partial == null) return;
      const p = partial as { readonly count: bigint; readonly sum: HiveDecimalValue | null };
      const view = decimalSumView(state, 0);
      if (p.sum == null) {
        // A NULL partial sum (overflow upstream) poisons the group's sum, unlike sum().
        view.flags[g] = (view.flags[g] ?? 0) | FLAG_OVERFLOW;
      } else {
        addToDecimalSum(view, g, fromHiveDecimal(p.sum));
      }
      const c = count(state);
      c[g] = (c[g] ?? 0) + Number(p.count);
    },
    terminatePartial(state, g) {
      const s = sumOf(state, g);
      return { count: BigInt(count(state)[g] ?? 0), sum: s == null ? null : toHiveDecimal(s), input: null };
    },
    terminate(state, g) {
      const n = count(state)[g] ?? 0;
      const s = sumOf(state, g);
      if (n === 0 || s == null) return null;
      const q = divideHiveDecimal(s, { unscaled: BigInt(n), scale: 0 });
      const r = q == null ? null : enforcePrecisionScale(q, resultType.precision, resultType.scale);
      return r == null ? null : toHiveDecimal(r);
    },
    ...VALUE_PARTIAL_CODEC,
  };
  return ev;
}

/** GenericUDAFAverage's UDAF evaluator for a type (AvgDecimal for decimals, AvgDouble otherwise). */
export function createUdafAvgEvaluator(input: DataType): AggregateEvaluator {
  return input.kind === 'decimal' ? createAvgDecimalEvaluator(input) : createAvgDoubleEvaluator(input);
}
