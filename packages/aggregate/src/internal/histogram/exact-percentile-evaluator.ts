import { HiveTypes, arrayType, mapType, structType } from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
import type { AggregateEvaluator } from '../../contract';
import { rowWiseBatch } from '../column-value';
import { toDouble } from '../udaf-support';
import {
  checkPercentiles,
  decodeExactPartial,
  encodeExactPartial,
  exactPartialFromJson,
  exactPartialOf,
  exactPartialToJson,
  incrementCount,
  mergeExactPartial,
  newExactPercentileState,
  percentileAt,
  sortedCumulative,
} from './exact-counts';
import type { CountKey, ExactPercentilePartial, ExactPercentileState } from './exact-counts';

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

function toKey(v: unknown, keyType: DataType): CountKey {
  if (keyType.kind === 'bigint') return typeof v === 'bigint' ? v : BigInt(v as number);
  return toDouble(v) as number;
}

function percentilesOf(p: unknown, multiple: boolean): number[] {
  if (multiple) return (p as unknown[]).map((x) => toDouble(x) ?? Number.NaN);
  return [toDouble(p) ?? Number.NaN];
}

/**
 * Evaluator shared by `percentile`, `percentile_cont` and `percentile_disc`: exact value → count table,
 * percentiles from the first row whose state has none yet (validated to lie in [0, 1], as Hive does at that
 * point), NULL result when no non-NULL value arrived.
 */
export function exactPercentileEvaluator(
  spec: ExactPercentileSpec,
): AggregateEvaluator<ExactPercentilePartial> {
  const multiple = spec.percentileType.kind === 'array';
  const get = (side: unknown[], g: number): ExactPercentileState => side[g] as ExactPercentileState;
  const accumulate = (s: ExactPercentileState, args: readonly unknown[]): void => {
    if (s.percentiles == null && args[1] != null) {
      const ps = percentilesOf(args[1], multiple);
      checkPercentiles(ps);
      s.percentiles = ps;
    }
    const v = args[0];
    if (v != null) incrementCount(s, toKey(v, spec.keyType), 1);
  };
  return {
    inputTypes: [spec.keyType, spec.percentileType, ...spec.extraTypes],
    partialType: structType([
      { name: 'counts', type: mapType(spec.keyType, HiveTypes.bigint) },
      { name: 'percentiles', type: arrayType(HiveTypes.double) },
    ]),
    resultType: multiple ? arrayType(HiveTypes.double) : HiveTypes.double,
    layout: { slots: [], usesSideState: true },
    init(state, group) {
      state.side[group] = newExactPercentileState();
    },
    accumulate(state, group, args) {
      accumulate(get(state.side, group), args);
    },
    accumulateBatch: rowWiseBatch((state, g, a) => accumulate(get(state.side, g), a)),
    merge(state, group, partial) {
      mergeExactPartial(get(state.side, group), partial);
    },
    terminatePartial(state, group) {
      return exactPartialOf(get(state.side, group));
    },
    terminate(state, group) {
      const s = get(state.side, group);
      if (s.counts.size === 0 || s.percentiles == null) return null;
      const sorted = sortedCumulative(s, spec.ascending);
      const maxPosition = sorted.total - 1;
      const results = s.percentiles.map((p) => percentileAt(sorted, maxPosition * p, spec.kind));
      return multiple ? results : (results[0] ?? null);
    },
    partialToJson: exactPartialToJson,
    partialFromJson: exactPartialFromJson,
    encodePartial: encodeExactPartial,
    decodePartial: decodeExactPartial,
  };
}
