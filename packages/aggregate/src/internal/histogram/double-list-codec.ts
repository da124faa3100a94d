import { HiveBatchError } from '@hive-batch/core';
import type { JsonValue } from '../../contract';
import { PartialReader, PartialWriter, valueFromJson, valueToJson } from '../partial-codec';

/**
 * Codec for partials that are Hive `array<double>` values (NumericHistogram serializations, with or without
 * percentile_approx's quantile header): a length then raw little-endian doubles, so NaN payloads and -0.0
 * survive bit-exactly.
 */
export function encodeDoubleList(partial: readonly number[] | null): Uint8Array {
  const w = new PartialWriter();
  if (partial == null) return w.u8(0).finish();
  w.u8(1).uvarint(partial.length);
  for (const v of partial) w.f64(v);
  return w.finish();
}

export function decodeDoubleList(bytes: Uint8Array): number[] | null {
  const r = new PartialReader(bytes);
  if (r.u8() === 0) {
    r.end();
    return null;
  }
  const n = r.uvarint();
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = r.f64();
  r.end();
  return out;
}

export function doubleListToJson(partial: readonly number[] | null): JsonValue {
  return valueToJson(partial);
}

export function doubleListFromJson(json: JsonValue): number[] | null {
  const v = valueFromJson(json);
  if (v == null) return null;
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'number')) {
    throw new HiveBatchError(
      'INVALID_AGGREGATE_STATE',
      'Corrupt aggregate partial: expected an array of doubles',
    );
  }
  return v;
}
