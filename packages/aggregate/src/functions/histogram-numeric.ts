import { HiveTypes, arrayType, isPrimitiveType, structType } from '@hive-batch/core';
import type { AggregateEvaluator, AggregateFunctionDefinition } from '../contract';
import { rowWiseBatch } from '../internal/column-value';
import {
  decodeDoubleList,
  doubleListFromJson,
  doubleListToJson,
  encodeDoubleList,
} from '../internal/histogram/double-list-codec';
import { FastNumericHistogram } from '../internal/histogram/fast-numeric-histogram';
import { forEachGroupRun } from '../internal/histogram/histogram-batch';
import {
  argumentError,
  hiveTypeName,
  isApproxNumericKind,
  rejectStar,
  doubleReader,
} from '../internal/udaf-support';

const resultType = arrayType(
  structType([
    { name: 'x', type: HiveTypes.double },
    { name: 'y', type: HiveTypes.double },
  ]),
);

/**
 * `histogram_numeric(expr, nb)`: Hive's NumericHistogram with `nb` bins (read from the first row with non-NULL
 * arguments, ≥ 2) as `array<struct<x:double,y:double>>` ascending in x; NULL for an empty group. Each group
 * has its own histogram and tie-break generator (Hive resets with a fresh histogram per group).
 */
export const histogramNumeric: AggregateFunctionDefinition = {
  name: 'histogram_numeric',
  aliases: [],
  description: "histogram_numeric(expr, nb) - Computes a histogram on numeric 'expr' using nb bins.",
  resolve(call): AggregateEvaluator<number[]> {
    rejectStar(call);
    const types = call.argumentTypes;
    if (types.length !== 2) throw argumentError('Please specify exactly two arguments.');
    const [valueType, nbType] = types as [NonNullable<(typeof types)[0]>, NonNullable<(typeof types)[1]>];
    if (!isPrimitiveType(valueType)) {
      throw argumentError(
        `Only primitive type arguments are accepted but ${hiveTypeName(valueType)} was passed as parameter 1.`,
      );
    }
    if (!isApproxNumericKind(valueType) || valueType.kind === 'void') {
      throw argumentError(
        `Only numeric type arguments are accepted but ${hiveTypeName(valueType)} was passed as parameter 1.`,
      );
    }
    if (nbType.kind !== 'int') {
      throw argumentError(
        `Only an integer argument is accepted as parameter 2, but ${hiveTypeName(nbType)} was passed instead.`,
      );
    }
    const readValue = doubleReader(valueType);
    const hist = (side: unknown[], g: number): FastNumericHistogram => side[g] as FastNumericHistogram;
    const allocate = (h: FastNumericHistogram, nb: unknown): void => {
      const n = Number(nb);
      if (n < 2) {
        throw argumentError(
          `GenericUDAFHistogramNumericEvaluator needs nbins to be at least 2, but you supplied ${n}.`,
        );
      }
      h.allocate(n);
    };
    const accumulate = (h: FastNumericHistogram, args: readonly unknown[]): void => {
      const v = args[0];
      const nb = args[1];
      if (v == null || nb == null) return;
      if (!h.isReady()) allocate(h, nb);
      h.add(readValue(v) as number);
    };
    const genericBatch = rowWiseBatch((state, g, a) => accumulate(hist(state.side, g), a));
    return {
      inputTypes: [valueType, nbType],
      partialType: arrayType(HiveTypes.double),
      resultType,
      layout: { slots: [], usesSideState: true },
      // Up to nb bins per group, searched on every row.
      prefersLongGroupRuns: true,
      init(state, group) {
        state.side[group] = new FastNumericHistogram();
      },
      accumulate(state, group, args) {
        accumulate(hist(state.side, group), args);
      },
      // eslint-disable-next-line max-params -- the signature is AggregateEvaluator.accumulateBatch
      accumulateBatch(state, groupIds, columns, numRows) {
        const side = state.side;
        const nbColumn = columns[1];
        // The bin count is read (from its int column) only when a group allocates, as in `accumulate`.
        const typed =
          nbColumn?.layout === 'fixed' &&
          forEachGroupRun(columns, groupIds, {
            numRows,
            required: [1],
            run: (run) => {
              const h = hist(side, run.group);
              if (!h.isReady()) allocate(h, nbColumn.values[run.firstRow]);
              h.addRange(run.values, run.from, run.to);
            },
          });
        if (!typed) genericBatch(state, groupIds, columns, numRows);
      },
      estimateSideBytes(state, group) {
        return hist(state.side, group).estimateBytes();
      },
      merge(state, group, partial) {
        if (partial == null) return;
        hist(state.side, group).faithful().merge(partial);
      },
      terminatePartial(state, group) {
        return hist(state.side, group).serialize();
      },
      terminate(state, group) {
        // Read the bins in place: converting to the faithful structure would allocate nbins slots per group.
        const { x, y, used } = hist(state.side, group).bins();
        if (used < 1) return null;
        const out: { x: number; y: number }[] = [];
        for (let i = 0; i < used; i++) out.push({ x: x[i] as number, y: y[i] as number });
        return out;
      },
      partialToJson: doubleListToJson,
      partialFromJson: doubleListFromJson,
      encodePartial: encodeDoubleList,
      decodePartial: decodeDoubleList,
    };
  },
};
