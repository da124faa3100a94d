import { HiveBatchError, compareHiveDoubles } from '@hive-batch/core';
import type { JsonValue } from '../../contract';
import { PartialReader, PartialWriter, valueFromJson, valueToJson } from '../partial-codec';

/** A key of the exact frequency table: a Java long (bigint) or double (number). */
export type CountKey = bigint | number;

/** The partial: Hive's `struct<counts:map<K,bigint>, percentiles:array<double>>` in core's representation. */
export interface ExactPercentilePartial {
  readonly counts: ReadonlyMap<CountKey, bigint>;
  readonly percentiles: readonly number[] | null;
}

/** Hive's range check of every requested percentile. */
export function checkPercentiles(ps: readonly number[]): void {
  for (const p of ps) {
    if (!(p >= 0 && p <= 1)) {
      throw new HiveBatchError(
        'INVALID_FUNCTION_ARGUMENTS',
        'Percentile value must be within the range of 0 to 1.',
      );
    }
  }
}

/**
 * Java order of two table keys. Long keys are numbers while exact as doubles and bigints beyond ±2^53, so a
 * mixed pair is ordered by the bigint's sign alone. Double keys follow `Double.compare` (NaN greatest; a Map
 * key is never -0.0).
 */
function compareKeys(a: CountKey, b: CountKey): number {
  if (typeof a === 'number' && typeof b === 'number') return compareHiveDoubles(a, b);
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'bigint') return a < 0n ? -1 : 1;
  return (b as bigint) < 0n ? 1 : -1;
}

/** Distinct keys in the requested order with cumulative counts (what Hive builds before interpolating). */
export function sortedCumulative(
  counts: ReadonlyMap<CountKey, number>,
  ascending: boolean,
): { keys: CountKey[]; cumulative: number[]; total: number } {
  const entries = [...counts.entries()].sort((a, b) =>
    ascending ? compareKeys(a[0], b[0]) : compareKeys(b[0], a[0]),
  );
  const keys: CountKey[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [k, c] of entries) {
    total += c;
    keys.push(k);
    cumulative.push(total);
  }
  return { keys, cumulative, total };
}

/**
 * Hive's `getPercentile(entries, position)` with `position = (total − 1) · p`: the key at floor(position),
 * then either linear interpolation to the key at ceil(position) (`'cont'`, also legacy `percentile`) or that
 * higher key itself (`'disc'`).
 */
export function percentileAt(
  sorted: { keys: readonly CountKey[]; cumulative: readonly number[] },
  position: number,
  kind: 'cont' | 'disc',
): number {
  const lower = Math.floor(position);
  const higher = Math.ceil(position);
  let i = 0;
  while ((sorted.cumulative[i] ?? Infinity) < lower + 1) i++;
  const lowerKey = Number(sorted.keys[i]);
  if (higher === lower) return lowerKey;
  if ((sorted.cumulative[i] ?? Infinity) < higher + 1) i++;
  const higherKey = Number(sorted.keys[i]);
  if (kind === 'disc') return higherKey;
  if (higherKey === lowerKey) return lowerKey;
  return (higher - position) * lowerKey + (position - lower) * higherKey;
}

/** Binary form: flag, percentiles, entry count, then (tagged key, count) pairs. */
export function encodeExactPartial(partial: ExactPercentilePartial | null): Uint8Array {
  const w = new PartialWriter();
  if (partial == null) return w.u8(0).finish();
  w.u8(1);
  w.bool(partial.percentiles != null);
  if (partial.percentiles != null) {
    w.uvarint(partial.percentiles.length);
    for (const p of partial.percentiles) w.f64(p);
  }
  w.uvarint(partial.counts.size);
  for (const [k, c] of partial.counts) {
    if (typeof k === 'bigint') w.u8(0).bigint(k);
    else w.u8(1).f64(k);
    w.uvarint(Number(c));
  }
  return w.finish();
}

export function decodeExactPartial(bytes: Uint8Array): ExactPercentilePartial | null {
  const r = new PartialReader(bytes);
  if (r.u8() === 0) {
    r.end();
    return null;
  }
  let percentiles: number[] | null = null;
  if (r.bool()) {
    const n = r.uvarint();
    percentiles = [];
    for (let i = 0; i < n; i++) percentiles.push(r.f64());
  }
  const n = r.uvarint();
  const counts = new Map<CountKey, bigint>();
  for (let i = 0; i < n; i++) {
    const tag = r.u8();
    const k = tag === 0 ? r.bigint() : r.f64();
    counts.set(k, BigInt(r.uvarint()));
  }
  r.end();
  return { counts, percentiles };
}

export function exactPartialToJson(partial: ExactPercentilePartial | null): JsonValue {
  if (partial == null) return null;
  return {
    counts: [...partial.counts].map(([k, c]) => [valueToJson(k), Number(c)]),
    percentiles: partial.percentiles == null ? null : valueToJson(partial.percentiles),
  };
}

export function exactPartialFromJson(json: JsonValue): ExactPercentilePartial | null {
  if (json == null) return null;
  const bad = (): HiveBatchError =>
    new HiveBatchError('INVALID_AGGREGATE_STATE', 'Corrupt aggregate partial: bad percentile state');
  if (typeof json !== 'object' || Array.isArray(json)) throw bad();
  const o = json as { readonly [k: string]: JsonValue };
  const countsJson = o['counts'];
  if (!Array.isArray(countsJson)) throw bad();
  const pairs = (countsJson as readonly JsonValue[]).map((e): [CountKey, bigint] => {
    if (!Array.isArray(e) || e.length !== 2) throw bad();
    const k = valueFromJson((e as readonly JsonValue[])[0] ?? null);
    const c = (e as readonly JsonValue[])[1];
    if (
      (typeof k !== 'bigint' && typeof k !== 'number') ||
      typeof c !== 'number' ||
      !Number.isSafeInteger(c)
    ) {
      throw bad();
    }
    return [k, BigInt(c)];
  });
  const pj = o['percentiles'];
  const ps = pj == null ? null : valueFromJson(pj);
  if (ps != null && (!Array.isArray(ps) || !ps.every((p) => typeof p === 'number'))) throw bad();
  return { counts: new Map(pairs), percentiles: ps as number[] | null };
}
