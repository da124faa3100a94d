import {
  sumResultType as coreSumResultType,
  getValue,
  HiveDecimal,
  HiveTypes,
  InternalError,
} from '@hive-batch/core';
import type { Column, DataType, DecimalType, HiveDecimalValue } from '@hive-batch/core';
import type { AccumulatorLayout, AccumulatorState, AggregateEvaluator } from '../contract';
import { sumDecimalKernel } from '../kernels/decimal-sum-kernel';
import { numberValuesOf } from '../kernels/numeric-column';
import type { LongSumSlots } from '../kernels/sum-kernels';
import { longSumOf, sumBigintKernel, sumDoubleKernel, sumIntKernel } from '../kernels/sum-kernels';
import type { ScaledDecimal } from './decimal-math';
import { enforcePrecisionScale, fromHiveDecimal, toHiveDecimal } from './decimal-math';
import type { DecimalSumView } from './decimal-sum-state';
import {
  addToDecimalSum,
  DECIMAL_SUM_SLOTS,
  decimalSumView,
  FLAG_NON_EMPTY,
  FLAG_OVERFLOW,
  initDecimalSum,
  readDecimalSum,
} from './decimal-sum-state';
import { argColumn, slotF64, slotI64, slotU8, VALUE_PARTIAL_CODEC, readsAsNumbers } from './evaluator-kit';
import { doubleReaderFor } from './hive-convert';

/** Which of GenericUDAFSum's evaluators a type selects. */
export type SumKind = 'long' | 'double' | 'decimal';

/** GenericUDAFSum's type dispatch; `null` for types sum rejects. */
export function sumKindOf(t: DataType): SumKind | null {
  switch (t.kind) {
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'bigint':
      return 'long';
    case 'float':
    case 'double':
    case 'string':
    case 'varchar':
    case 'char':
    case 'timestamp':
      return 'double';
    case 'decimal':
      return 'decimal';
    default:
      return null;
  }
}

/** sum's result type: bigint, double, or decimal(min(38, p + 10), s). */
export function sumResultType(t: DataType): DataType {
  const kind = sumKindOf(t);
  if (kind === 'long') return HiveTypes.bigint;
  if (kind === 'double') return HiveTypes.double;
  if (t.kind !== 'decimal') throw new InternalError(`sum of ${t.kind}`);
  return coreSumResultType(t);
}

/**
 * A running sum embedded at slot offset `first` of a larger layout (sum, $sum0, and avg's CBO rewrite).
 * `value` is `null` for an empty group.
 */
export interface SumPart {
  readonly slots: AccumulatorLayout['slots'];
  readonly resultType: DataType;
  init(state: AccumulatorState, g: number): void;
  /** One non-NULL input value. */
  add(state: AccumulatorState, g: number, v: unknown): void;
  /** Batch kernel over argument column `col` (NULLs skipped). */
  addBatch(state: AccumulatorState, groupIds: Int32Array, args: { col: Column; numRows: number }): void;
  /** One partial value of `resultType` (NULL = empty / overflowed, ignored as Hive does). */
  merge(state: AccumulatorState, g: number, partial: unknown): void;
  /** The sum (value of `resultType`) or `null`. */
  value(state: AccumulatorState, g: number): unknown;
  /** Declarative per-row update over the part's slot names (`$v` = a non-NULL input), when the input allows it. */
  readonly rowUpdate?: string;
}

export function createSumPart(input: DataType, first: number): SumPart {
  const kind = sumKindOf(input);
  if (kind === 'long') return longSumPart(input, first);
  if (kind === 'double') return doubleSumPart(input, first);
  if (input.kind === 'decimal') return decimalSumPart(input, first);
  throw new InternalError(`sum of ${input.kind}`);
}

function longSumPart(input: DataType, first: number): SumPart {
  const view = (state: AccumulatorState): LongSumSlots => ({
    wrapped: slotI64(state, first),
    pending: slotF64(state, first + 1),
    nonEmpty: slotU8(state, first + 2),
  });
  const isBig = input.kind === 'bigint';
  return {
    slots: [
      { name: 'sumWrapped', type: 'i64' },
      { name: 'sumPending', type: 'f64' },
      { name: 'sumNonEmpty', type: 'u8' },
    ],
    resultType: HiveTypes.bigint,
    init(state, g) {
      const s = view(state);
      s.wrapped[g] = 0n;
      s.pending[g] = 0;
      s.nonEmpty[g] = 0;
    },
    add(state, g, v) {
      const s = view(state);
      s.wrapped[g] = (s.wrapped[g] ?? 0n) + (isBig ? (v as bigint) : BigInt(v as number));
      s.nonEmpty[g] = 1;
    },
    addBatch(state, groupIds, { col, numRows }) {
      const s = view(state);
      if (col.layout === 'null') return;
      if (col.layout === 'fixed' && col.values instanceof BigInt64Array) {
        sumBigintKernel(s, groupIds, { values: col.values, validity: col.validity, numRows });
        return;
      }
      if (col.layout === 'fixed' && !(col.values instanceof BigInt64Array)) {
        sumIntKernel(s, groupIds, { values: col.values, validity: col.validity, numRows });
        return;
      }
      throw new InternalError(`sum(${input.kind}) got a ${col.layout} column`);
    },
    merge(state, g, partial) {
      if (partial == null) return;
      const s = view(state);
      s.wrapped[g] = (s.wrapped[g] ?? 0n) + (partial as bigint);
      s.nonEmpty[g] = 1;
    },
    value(state, g) {
      const s = view(state);
      return s.nonEmpty[g] === 1 ? longSumOf(s, g) : null;
    },
  };
}

function doubleSumPart(input: DataType, first: number): SumPart {
  const read = doubleReaderFor(input);
  return {
    slots: [
      { name: 'sum', type: 'f64' },
      { name: 'sumNonEmpty', type: 'u8' },
    ],
    resultType: HiveTypes.double,
    // Same order as `add`: the group is non-empty before the value is added.
    ...(readsAsNumbers(input) ? { rowUpdate: '$sumNonEmpty = 1; $sum += $v;' } : {}),
    init(state, g) {
      slotF64(state, first)[g] = 0;
      slotU8(state, first + 1)[g] = 0;
    },
    add(state, g, v) {
      // Hive marks the group non-empty before parsing, so unparseable strings still give 0.0.
      slotU8(state, first + 1)[g] = 1;
      const d = read(v);
      if (d != null) {
        const sum = slotF64(state, first);
        sum[g] = (sum[g] ?? 0) + d;
      }
    },
    addBatch(state, groupIds, { col, numRows }) {
      const values = numberValuesOf(col, numRows);
      if (values == null) {
        rowWise(this, state, { groupIds, col, numRows });
        return;
      }
      sumDoubleKernel({ sum: slotF64(state, first), nonEmpty: slotU8(state, first + 1) }, groupIds, {
        values,
        validity: col.validity,
        numRows,
      });
    },
    merge(state, g, partial) {
      if (partial == null) return;
      const sum = slotF64(state, first);
      sum[g] = (sum[g] ?? 0) + (partial as number);
      slotU8(state, first + 1)[g] = 1;
    },
    value(state, g) {
      return slotU8(state, first + 1)[g] === 1 ? (slotF64(state, first)[g] ?? 0) : null;
    },
  };
}

function rowWise(
  part: SumPart,
  state: AccumulatorState,
  args: { groupIds: Int32Array; col: Column; numRows: number },
): void {
  for (let i = 0; i < args.numRows; i++) {
    const v = getValue(args.col, i);
    if (v != null) part.add(state, args.groupIds[i] ?? 0, v);
  }
}

function decimalSumPart(input: DecimalType, first: number): SumPart {
  const resultType = coreSumResultType(input);
  const view = (state: AccumulatorState): DecimalSumView => decimalSumView(state, first);
  return {
    slots: DECIMAL_SUM_SLOTS,
    resultType,
    init(state, g) {
      initDecimalSum(view(state), g, input.scale);
    },
    add(state, g, v) {
      addToDecimalSum(view(state), g, fromHiveDecimal(v as HiveDecimalValue));
    },
    addBatch(state, groupIds, { col, numRows }) {
      if (col.layout === 'null') return;
      if (col.layout !== 'decimal') {
        rowWise(this, state, { groupIds, col, numRows });
        return;
      }
      sumDecimalKernel(view(state), groupIds, { column: col, scale: input.scale, numRows });
    },
    merge(state, g, partial) {
      // Hive's merge skips a NULL partial, including one that is NULL because that partial overflowed.
      if (partial == null) return;
      addToDecimalSum(view(state), g, fromHiveDecimal(partial as HiveDecimalValue));
    },
    value(state, g) {
      const v = view(state);
      const flags = v.flags[g] ?? 0;
      if ((flags & FLAG_NON_EMPTY) === 0 || (flags & FLAG_OVERFLOW) !== 0) return null;
      const fitted = enforcePrecisionScale(readDecimalSum(v, g), resultType.precision, resultType.scale);
      return fitted == null ? null : toHiveDecimal(fitted);
    },
  };
}

/** The sum as a scaled decimal (for avg's CBO division), or `null`. */
export function decimalSumValue(part: SumPart, state: AccumulatorState, g: number): ScaledDecimal | null {
  const v = part.value(state, g);
  return v == null ? null : fromHiveDecimal(v as HiveDecimalValue);
}

/** GenericUDAFSum / GenericUDAFSumEmptyIsZero evaluator for one input type. */
export function createSumEvaluator(
  input: DataType,
  options: { readonly emptyIsZero: boolean },
): AggregateEvaluator {
  const part = createSumPart(input, 0);
  const zero: unknown =
    part.resultType.kind === 'bigint' ? 0n : part.resultType.kind === 'double' ? 0 : new HiveDecimal(0);
  const finish = (state: AccumulatorState, g: number): unknown => {
    const v = part.value(state, g);
    return v == null && options.emptyIsZero ? zero : v;
  };
  const evaluator: AggregateEvaluator = {
    inputTypes: [input],
    partialType: part.resultType,
    resultType: part.resultType,
    layout: { slots: part.slots, usesSideState: false },
    ...(part.rowUpdate == null ? {} : { rowUpdate: { argument: 0, statements: [part.rowUpdate] } }),
    init: (state, g) => part.init(state, g),
    accumulate(state, g, args) {
      const v = args[0];
      if (v != null) part.add(state, g, v);
    },
    // eslint-disable-next-line max-params -- the signature is AggregateEvaluator.accumulateBatch
    accumulateBatch(state, groupIds, args, numRows) {
      part.addBatch(state, groupIds, { col: argColumn(args, 0), numRows });
    },
    merge: (state, g, partial) => part.merge(state, g, partial),
    terminatePartial: (state, g) => part.value(state, g),
    terminate: finish,
    ...VALUE_PARTIAL_CODEC,
  };
  return evaluator;
}
