import { HiveTypes, arrayType, getValue, mapType, structType } from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
import type { AccumulatorState, AggregateEvaluator } from '../../contract';
import { rowWiseBatch } from '../column-value';
import { toDouble } from '../udaf-support';
import {
  LITTLE_ENDIAN,
  accumulateDoubleColumn,
  accumulateLongColumn,
} from '../percentile/percentile-batch-kernels';
import type { TakePercentiles } from '../percentile/percentile-batch-kernels';
import { isExactAsDouble } from '../percentile/percentile-group';
import { mergePartialInto, partialOfGroup } from '../percentile/percentile-partial';
import { groupPercentiles } from '../percentile/percentile-result';
import {
  PERCENTILE_SLOTS,
  PercentileLists,
  PercentileStore,
  ValuePool,
} from '../percentile/percentile-store';
import {
  checkPercentiles,
  decodeExactPartial,
  encodeExactPartial,
  exactPartialFromJson,
  exactPartialToJson,
} from './exact-counts';
import type { ExactPercentilePartial } from './exact-counts';

/** How one exact-percentile call site behaves. */
export interface ExactPercentileSpec {
  /** Type the value argument is passed as: `bigint` (keys are Java longs) or `double`. */
  readonly keyType: DataType;
  /** Type of the percentile argument as passed (`double` or `array<double>`). */
  readonly percentileType: DataType;
  /** Extra trailing argument types (e.g. the WITHIN GROUP order flag), passed through unused. */
  readonly extraTypes: readonly DataType[];
  /** `'cont'` interpolates (also Hive 3's `percentile`), `'disc'` takes the higher key. */
  readonly kind: 'cont' | 'disc';
  /** Sort direction of the keys (WITHIN GROUP … DESC reverses it). */
  readonly ascending: boolean;
}

function percentilesOf(p: unknown, multiple: boolean): number[] {
  if (multiple) return (p as unknown[]).map((x) => toDouble(x) ?? Number.NaN);
  return [toDouble(p) ?? Number.NaN];
}

/**
 * Evaluator shared by `percentile`, `percentile_cont` and `percentile_disc`. Hive keeps a value → count map
 * and walks its sorted keys; the key at index k of that walk is the k-th order statistic of the values, so
 * groups keep their raw values (see {@link PercentileStore}) and select at the end — the same results to the
 * bit. Percentiles come from the first row whose group has none yet (validated to lie in [0, 1], as Hive does
 * at that point); the result is NULL when no non-NULL value arrived.
 */
export function exactPercentileEvaluator(
  spec: ExactPercentileSpec,
): AggregateEvaluator<ExactPercentilePartial> {
  const multiple = spec.percentileType.kind === 'array';
  const longKeys = spec.keyType.kind === 'bigint';
  const order = { kind: spec.kind, ascending: spec.ascending };
  const lists = new PercentileLists();
  // Each accumulator state has its pool of raw values; it lives and dies with the state.
  const pools = new WeakMap<AccumulatorState, ValuePool>();
  // The last view is reused: terminate and init run once per group, often a million times in a row.
  let last: PercentileStore | null = null;
  const storeOf = (state: AccumulatorState): PercentileStore => {
    if (last?.matches(state) === true) return last;
    let pool = pools.get(state);
    if (pool === undefined) pools.set(state, (pool = new ValuePool()));
    return (last = new PercentileStore(state, pool));
  };
  const percentileRef = (p: unknown): number => {
    const ps = percentilesOf(p, multiple);
    checkPercentiles(ps);
    return lists.intern(ps);
  };
  /** Adds one non-NULL value the way the batch kernels do (exact doubles, wide longs, -0.0 as 0.0). */
  const addValue = (store: PercentileStore, g: number, v: unknown): void => {
    if (longKeys) {
      const b = typeof v === 'bigint' ? v : BigInt(v as number);
      if (isExactAsDouble(b)) store.append(g, Number(b));
      else store.groupObject(g).pushWide(b);
    } else {
      store.append(g, (toDouble(v) as number) + 0);
    }
  };
  const accumulate = (state: AccumulatorState, group: number, args: readonly unknown[]): void => {
    const store = storeOf(state);
    if (store.percentiles[group] === 0 && args[1] != null) store.percentiles[group] = percentileRef(args[1]);
    const v = args[0];
    if (v != null) addValue(store, group, v);
  };
  const rowWise = rowWiseBatch(accumulate);
  // eslint-disable-next-line max-params -- the signature is AggregateEvaluator.accumulateBatch
  const accumulateBatch: AggregateEvaluator['accumulateBatch'] = (state, groupIds, args, numRows) => {
    const column = args[0];
    const percentileColumn = args[1];
    if (column?.layout === 'fixed' && percentileColumn != null) {
      const store = storeOf(state);
      const takePercentiles: TakePercentiles = (g, pc, row) => {
        const p = getValue(pc, row);
        if (p != null) store.percentiles[g] = percentileRef(p);
      };
      const { values, validity } = column;
      const batch = { validity, numRows, percentileColumn, takePercentiles };
      if (longKeys && values instanceof BigInt64Array && LITTLE_ENDIAN) {
        accumulateLongColumn(store, groupIds, { ...batch, values });
        return;
      }
      if (!longKeys && values instanceof Float64Array) {
        accumulateDoubleColumn(store, groupIds, { ...batch, values });
        return;
      }
    }
    rowWise(state, groupIds, args, numRows);
  };
  return {
    inputTypes: [spec.keyType, spec.percentileType, ...spec.extraTypes],
    partialType: structType([
      { name: 'counts', type: mapType(spec.keyType, HiveTypes.bigint) },
      { name: 'percentiles', type: arrayType(HiveTypes.double) },
    ]),
    resultType: multiple ? arrayType(HiveTypes.double) : HiveTypes.double,
    layout: { slots: PERCENTILE_SLOTS, usesSideState: true },
    init(state, group) {
      storeOf(state).reset(group);
    },
    accumulate,
    accumulateBatch,
    merge(state, group, partial) {
      mergePartialInto(storeOf(state), group, { lists, partial });
    },
    terminatePartial(state, group) {
      return partialOfGroup(storeOf(state), group, { lists, longKeys });
    },
    terminate(state, group) {
      const results = groupPercentiles(storeOf(state), group, { lists, order });
      if (results == null) return null;
      return multiple ? results : (results[0] ?? null);
    },
    estimateSideBytes(state, group) {
      return storeOf(state).estimateBytes(group);
    },
    partialToJson: exactPartialToJson,
    partialFromJson: exactPartialFromJson,
    encodePartial: encodeExactPartial,
    decodePartial: decodeExactPartial,
  };
}
