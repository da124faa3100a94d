import { HiveTypes, arrayType } from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
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
  toDouble,
  doubleReader,
} from '../internal/udaf-support';

/** Hive's default number of histogram bins for percentile_approx. */
const DEFAULT_BINS = 10000;

/**
 * A group's histogram together with the percentiles it answers (the call's, or a merged partial's). One object
 * rather than a wrapper around the histogram: with a million groups every row's state is a cache miss, and a
 * wrapper made it two.
 */
class ApproxState extends FastNumericHistogram {
  percentiles: number[] | null = null;
}

function isFloatingOrDecimal(t: DataType): boolean {
  return t.kind === 'float' || t.kind === 'double' || t.kind === 'decimal';
}

function constantQuantiles(value: unknown, multiple: boolean): number[] | null {
  if (value === undefined) return null;
  const list = multiple ? (Array.isArray(value) ? (value as unknown[]) : null) : [value];
  if (list == null) return null;
  return list.map((v) => toDouble(v) ?? Number.NaN);
}

/**
 * `percentile_approx(expr, pc [, nb])`: approximate percentile(s) from Hive's NumericHistogram with `nb` bins
 * (constant, default 10000). `pc` is a constant double/decimal or array of them, each strictly inside (0, 1).
 * Result `double` or `array<double>` in request order; NULL for an empty group. Partial = Hive's
 * `array<double>` `[nQuantiles, q…, nbins, x1, y1, …]`.
 */
export const percentileApprox: AggregateFunctionDefinition = {
  name: 'percentile_approx',
  aliases: [],
  description:
    'percentile_approx(expr, pc, [nb]) - For very large data, computes an approximate percentile value from a histogram, using the optional argument [nb] as the number of histogram bins to use. A higher value of nb results in a more accurate approximation, at the cost of higher memory usage.',
  resolve(call): AggregateEvaluator<number[]> {
    rejectStar(call);
    const types = call.argumentTypes;
    if (types.length !== 2 && types.length !== 3)
      throw argumentError('Please specify either two or three arguments.');
    const valueType = types[0] as DataType;
    const pcType = types[1] as DataType;
    const nbType = types[2];
    if (!isApproxNumericKind(valueType) || valueType.kind === 'void') {
      throw argumentError(
        `Only numeric type arguments are accepted but ${hiveTypeName(valueType)} was passed as parameter 1.`,
      );
    }
    const multiple = pcType.kind === 'array';
    const pcOk = multiple ? isFloatingOrDecimal(pcType.element) : isFloatingOrDecimal(pcType);
    if (!pcOk) {
      throw argumentError(
        `Only a floating point or decimal, or floating point or decimal array argument is accepted as parameter 2, but ${hiveTypeName(pcType)} was passed instead.`,
      );
    }
    const pcConst = call.constantArguments[1];
    if (pcConst === undefined) {
      throw argumentError(
        `The second argument must be a constant, but ${hiveTypeName(pcType)} was passed instead.`,
      );
    }
    let nbins = DEFAULT_BINS;
    if (nbType != null) {
      if (!['tinyint', 'smallint', 'int', 'bigint', 'timestamp'].includes(nbType.kind)) {
        throw argumentError(
          `Only an integer argument is accepted as parameter 3, but ${hiveTypeName(nbType)} was passed instead.`,
        );
      }
      const nbConst = call.constantArguments[2];
      if (nbConst === undefined) {
        throw argumentError(
          `The third argument must be a constant, but ${hiveTypeName(nbType)} was passed instead.`,
        );
      }
      // Hive's getInt: a long or a timestamp's seconds narrowed to an int.
      if (nbConst != null)
        nbins = Number(BigInt.asIntN(32, BigInt(Math.trunc(toDouble(nbConst, nbType) ?? 0))));
      if (nbins < 1)
        throw argumentError(`The number of histogram bins must be at least 1, but ${nbins} was passed.`);
    }
    const quantiles = constantQuantiles(pcConst, multiple);
    const evaluatorName = multiple
      ? 'GenericUDAFMultiplePercentileApproxEvaluator'
      : 'GenericUDAFSinglePercentileApproxEvaluator';
    // Hive validates when the first row arrives; the constant is known here, so fail at resolve time.
    for (const q of quantiles ?? []) {
      if (!(q > 0 && q < 1)) {
        throw argumentError(
          `${evaluatorName} requires percentile values to lie strictly between 0 and 1, but you supplied ${q}`,
        );
      }
    }
    const readValue = doubleReader(valueType);
    const get = (side: unknown[], g: number): ApproxState => side[g] as ApproxState;
    const accumulate = (s: ApproxState, args: readonly unknown[]): void => {
      const v = args[0];
      if (v == null || args[1] == null) return;
      if (!s.isReady()) s.allocate(nbins);
      s.percentiles ??= quantiles;
      s.add(readValue(v) as number);
    };
    const genericBatch = rowWiseBatch((state, g, a) => accumulate(get(state.side, g), a));
    return {
      inputTypes: nbType == null ? [valueType, pcType] : [valueType, pcType, nbType],
      partialType: arrayType(HiveTypes.double),
      resultType: multiple ? arrayType(HiveTypes.double) : HiveTypes.double,
      layout: { slots: [], usesSideState: true },
      // Up to nb bins per group, searched on every row.
      prefersLongGroupRuns: true,
      init(state, group) {
        state.side[group] = new ApproxState();
      },
      accumulate(state, group, args) {
        accumulate(get(state.side, group), args);
      },
      // eslint-disable-next-line max-params -- the signature is AggregateEvaluator.accumulateBatch
      accumulateBatch(state, groupIds, columns, numRows) {
        const side = state.side;
        // A row counts when the value and the percentile argument are non-NULL (as in `accumulate`).
        const typed = forEachGroupRun(columns, groupIds, {
          numRows,
          required: [1],
          run: (run) => {
            const s = get(side, run.group);
            if (!s.isReady()) s.allocate(nbins);
            s.percentiles ??= quantiles;
            s.addRange(run.values, run.from, run.to);
          },
        });
        if (!typed) genericBatch(state, groupIds, columns, numRows);
      },
      estimateSideBytes(state, group) {
        return get(state.side, group).estimateBytes();
      },
      merge(state, group, partial) {
        if (partial == null) return;
        const s = get(state.side, group);
        const nq = partial[0] ?? 0;
        if (nq > 0) s.percentiles = partial.slice(1, 1 + nq);
        // The histogram follows the quantile header (`[nq, q…]`, just `[0]` without quantiles).
        s.faithful().merge(partial, nq + 1);
      },
      terminatePartial(state, group) {
        const s = get(state.side, group);
        const head = s.percentiles == null ? [0] : [s.percentiles.length, ...s.percentiles];
        return [...head, ...s.serialize()];
      },
      terminate(state, group) {
        const s = get(state.side, group);
        // Read the bins in place: converting to the faithful structure would allocate nbins slots per group.
        if (s.binCount() < 1) return null;
        const qs = s.percentiles ?? quantiles ?? [];
        const values = s.quantiles(multiple ? qs : [qs[0] ?? Number.NaN]);
        return multiple ? values : values[0];
      },
      partialToJson: doubleListToJson,
      partialFromJson: doubleListFromJson,
      encodePartial: encodeDoubleList,
      decodePartial: decodeDoubleList,
    };
  },
};
