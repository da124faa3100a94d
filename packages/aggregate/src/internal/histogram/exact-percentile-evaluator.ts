import { HiveTypes, arrayType, getValue, mapType, structType } from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
import type { AccumulatorState, AggregateEvaluator } from '../../contract';
import { rowWiseBatch } from '../column-value';
import { toDouble } from '../udaf-support';
import {
  LITTLE_ENDIAN,
  accumulateDoubleColumn,
  accumulateDoubleDirect,
  accumulateLongColumn,
  accumulateLongDirect,
} from '../percentile/percentile-batch-kernels';
import { groupPendingRows } from '../percentile/grouped-runs';
import { MAX_PENDING, PendingRows, flushPending } from '../percentile/pending-rows';
import { BatchPercentileArgument } from '../percentile/percentile-argument';
import { isExactAsDouble } from '../percentile/percentile-group';
import { mergePartialInto, partialOfGroup } from '../percentile/percentile-partial';
import { terminateGroup, terminateSingleColumn } from '../percentile/percentile-terminate';
import {
  PERCENTILE_SLOTS,
  PercentileLists,
  PercentileStore,
  ValuePool,
} from '../percentile/percentile-store';
import {
  decodeExactPartial,
  encodeExactPartial,
  exactPartialFromJson,
  exactPartialToJson,
} from './exact-counts';
import type { ExactPercentilePartial } from './exact-counts';

/**
 * Up to this many groups (slot capacity), rows go straight to their groups; beyond, their storage no longer
 * fits in cache and the pending log is faster. Measured (CPU ms to accumulate 10M rows): direct 316 / 340 /
 * 695 / 1936 at 300 / 1k / 4k / 16k groups, through the log 470 / 427 / 464 / 685 (17k); 1M groups: direct
 * ~2500-3800, log ~550.
 */
const DIRECT_MAX_GROUPS = 2048;

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
  const order = { kind: spec.kind, ascending: spec.ascending, mayBeNaN: !longKeys };
  const lists = new PercentileLists();
  const percentileArgument = new BatchPercentileArgument();
  // Each accumulator state has its pool of raw values and its pending rows; they live and die with the state.
  const storages = new WeakMap<AccumulatorState, { pool: ValuePool; pending: PendingRows }>();
  // The last view is reused: terminate and init run once per group, often a million times in a row.
  let last: PercentileStore | null = null;
  const storeOf = (state: AccumulatorState): PercentileStore => {
    if (last?.matches(state) === true) return last;
    let storage = storages.get(state);
    if (storage === undefined) {
      storage = { pool: new ValuePool(), pending: new PendingRows() };
      storages.set(state, storage);
    }
    return (last = new PercentileStore(state, storage));
  };
  /** The store with every pending row given to its group: what any per-group read or write needs first. */
  const flushed = (state: AccumulatorState): PercentileStore => {
    const store = storeOf(state);
    if (!store.pending.isEmpty) flushPending(store, store.pending, lists);
    return store;
  };
  /**
   * The store as terminate reads it: logged rows that share one percentile are laid out group by group (a
   * group holding nothing else is answered from its run), others are given to their groups.
   */
  const forTerminate = (state: AccumulatorState): PercentileStore => {
    const store = storeOf(state);
    const pending = store.pending;
    if (pending.rows === 0) return store;
    if (pending.ref != null && pending.grouped == null)
      pending.grouped = groupPendingRows(store, pending, lists);
    else flushPending(store, pending, lists);
    return store;
  };
  const terminateDoubles: NonNullable<AggregateEvaluator['terminateDoubles']> = (state, range, out) =>
    terminateSingleColumn(forTerminate(state), { ...range, ...out }, { lists, order });
  const refOf = (p: unknown): number => (p == null ? 0 : lists.intern(percentilesOf(p, multiple)));
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
    const store = flushed(state);
    if (store.percentiles[group] === 0 && args[1] != null) {
      store.percentiles[group] = lists.checked(refOf(args[1]));
    }
    const v = args[0];
    if (v != null) addValue(store, group, v);
  };
  const rowWise = rowWiseBatch(accumulate);
  // eslint-disable-next-line max-params -- the signature is AggregateEvaluator.accumulateBatch
  const accumulateBatch: AggregateEvaluator['accumulateBatch'] = (state, groupIds, args, numRows) => {
    const column = args[0];
    const percentileColumn = args[1];
    const values = column?.layout === 'fixed' ? column.values : null;
    const typed =
      (longKeys && values instanceof BigInt64Array && LITTLE_ENDIAN) ||
      (!longKeys && values instanceof Float64Array);
    if (column != null && values != null && typed && percentileColumn != null) {
      const store = storeOf(state);
      const same = percentileArgument.of(percentileColumn, numRows);
      const ref = same === undefined ? null : refOf(same);
      const batch = {
        validity: column.nullCount === 0 ? null : column.validity,
        numRows,
        refAt: (row: number): number => refOf(getValue(percentileColumn, row)),
        checked: (r: number): number => lists.checked(r),
      };
      // Few groups stay in cache: rows go straight to them. Many groups: through the pending log.
      const direct = store.size.length <= DIRECT_MAX_GROUPS;
      // The pending rows share one percentile ref or keep one each: a change places them first.
      // Rows grouped for terminate go first too (then accumulating goes on as before).
      const pending = store.pending;
      if (pending.grouped != null || (pending.rows > 0 && (direct || pending.ref !== ref))) {
        flushPending(store, store.pending, lists);
      }
      if (direct) {
        if (values instanceof BigInt64Array)
          accumulateLongDirect(store, groupIds, { ...batch, values, constantRef: ref });
        else
          accumulateDoubleDirect(store, groupIds, {
            ...batch,
            values: values,
            constantRef: ref,
          });
        return;
      }
      store.pending.ref = ref;
      if (values instanceof BigInt64Array) accumulateLongColumn(store, groupIds, { ...batch, values });
      else accumulateDoubleColumn(store, groupIds, { ...batch, values: values });
      if (store.pending.rows >= MAX_PENDING) flushPending(store, store.pending, lists);
      return;
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
      // Re-initialising a group that exists (the operators move groups) needs its pending rows placed first.
      const store = state.side[group] === undefined ? storeOf(state) : flushed(state);
      store.reset(group);
    },
    accumulate,
    accumulateBatch,
    merge(state, group, partial) {
      mergePartialInto(flushed(state), group, { lists, partial });
    },
    terminatePartial(state, group) {
      return partialOfGroup(flushed(state), group, { lists, longKeys });
    },
    terminate(state, group) {
      const results = terminateGroup(forTerminate(state), group, { lists, order });
      if (results == null) return null;
      return multiple ? results : (results[0] ?? null);
    },
    ...(multiple ? {} : { terminateDoubles }),
    estimateSideBytes(state, group) {
      // Without placing pending rows (that is the expensive part): their 16 bytes each, spread over the groups,
      // and 8 per grouped value plus a run's start and count.
      const store = storeOf(state);
      const grouped = store.pending.grouped;
      const waiting = store.pending.rows * 16 + (grouped == null ? 0 : grouped.values.length * 8);
      return store.estimateBytes(group) + waiting / Math.max(1, state.capacity) + (grouped == null ? 0 : 8);
    },
    partialToJson: exactPartialToJson,
    partialFromJson: exactPartialFromJson,
    encodePartial: encodeExactPartial,
    decodePartial: decodeExactPartial,
  };
}
