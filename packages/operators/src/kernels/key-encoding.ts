import type { Column, DataType } from '@hive-batch/core';
import { HiveBatchError } from '@hive-batch/core';

/**
 * Normalized key encoding: every row's group key becomes one byte string, equal exactly when the keys are equal
 * under Hive's group-by rule (binary-serialization equality: -0.0 and 0.0 differ, every NaN is the same key).
 * Per column: one flag byte (0 = NULL, 1 = value), then the value — fixed-width types as little-endian bytes,
 * decimals as their unscaled 64-bit words, strings/binary as a 4-byte length plus the bytes. Decodable, so
 * the operator stores keys only in this form.
 */
export interface EncodedKeys {
  bytes: Uint8Array;
  /** Row r's key is `bytes[offsets[r] .. offsets[r + 1])`. */
  offsets: Int32Array;
}

/** Fixed byte width of a key type's value part, or -1 for variable width. */
export function keyValueWidth(type: DataType): number {
  switch (type.kind) {
    case 'void':
      return 0;
    case 'boolean':
    case 'tinyint':
      return 1;
    case 'smallint':
      return 2;
    case 'int':
    case 'date':
    case 'float':
      return 4;
    case 'bigint':
    case 'timestamp':
    case 'double':
      return 8;
    case 'decimal':
      return type.precision > 18 ? 16 : 8;
    case 'string':
    case 'varchar':
    case 'char':
    case 'binary':
      return -1;
    default:
      throw new HiveBatchError('UNSUPPORTED_TYPE', `Group-by keys must be primitive, got ${type.kind}`);
  }
}

function isValid(c: Column, i: number): boolean {
  if (c.layout === 'null') return false;
  const v = c.validity;
  return v == null || (v[i >> 3]! & (1 << (i & 7))) !== 0;
}

/** Encodes rows `0..numRows-1` of the key columns, reusing `into` when it is large enough. */
export function encodeKeys(columns: readonly Column[], numRows: number, into?: EncodedKeys): EncodedKeys {
  const offsets =
    into !== undefined && into.offsets.length > numRows ? into.offsets : new Int32Array(numRows + 1);
  // Pass 1: row lengths.
  const widths = columns.map((c) => keyValueWidth(c.type));
  let fixed = 0;
  for (const w of widths) fixed += 1 + Math.max(w, 0);
  for (let i = 0; i <= numRows; i++) offsets[i] = i * fixed;
  columns.forEach((c, k) => {
    if (widths[k] !== -1 || c.layout !== 'varbinary') return;
    let extra = 0;
    for (let i = 0; i < numRows; i++) {
      if (isValid(c, i)) extra += 4 + c.offsets[i + 1]! - c.offsets[i]!;
      offsets[i + 1] = offsets[i + 1]! + extra;
    }
  });
  const total = offsets[numRows]!;
  const bytes =
    into !== undefined && into.bytes.length >= total ? into.bytes : new Uint8Array(total * 2 + 16);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Pass 2: column by column, each row's cursor advancing.
  const cursor = offsets.slice(0, numRows);
  columns.forEach((c, k) => {
    const w = widths[k]!;
    for (let i = 0; i < numRows; i++) {
      let p = cursor[i]!;
      if (!isValid(c, i)) {
        // NULL: flag 0 and zero padding, so equal NULL keys encode equally.
        bytes.fill(0, p, p + 1 + Math.max(w, 0));
        cursor[i] = p + 1 + Math.max(w, 0);
        continue;
      }
      bytes[p++] = 1;
      switch (c.layout) {
        case 'bool':
          bytes[p++] = (c.values[i >> 3]! >> (i & 7)) & 1;
          break;
        case 'fixed': {
          const vals = c.values;
          if (vals instanceof Float64Array) {
            const d = vals[i]!;
            // Java's doubleToLongBits: every NaN is the canonical NaN.
            view.setFloat64(p, Number.isNaN(d) ? Number.NaN : d, true);
          } else if (vals instanceof Float32Array) {
            const f = vals[i]!;
            view.setFloat32(p, Number.isNaN(f) ? Number.NaN : f, true);
          } else if (vals instanceof BigInt64Array) {
            view.setBigInt64(p, vals[i]!, true);
          } else if (vals instanceof Int32Array) {
            view.setInt32(p, vals[i]!, true);
          } else if (vals instanceof Int16Array) {
            view.setInt16(p, vals[i]!, true);
          } else {
            view.setInt8(p, vals[i]!);
          }
          p += w;
          break;
        }
        case 'decimal':
          view.setBigInt64(p, c.values[i * c.width]!, true);
          if (c.width === 2) view.setBigInt64(p + 8, c.values[i * 2 + 1]!, true);
          p += w;
          break;
        case 'varbinary': {
          const s = c.offsets[i]!;
          const e = c.offsets[i + 1]!;
          view.setInt32(p, e - s, true);
          bytes.set(c.data.subarray(s, e), p + 4);
          p += 4 + e - s;
          break;
        }
        default:
          throw new HiveBatchError('UNSUPPORTED_TYPE', `Group-by keys must be primitive, got ${c.layout}`);
      }
      cursor[i] = p;
    }
  });
  return { bytes, offsets };
}

/** FNV-1a over 32-bit little-endian words (bytes at the tail), finished with a murmur3 mix. */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = -2128831035;
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const w = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    h = Math.imul(h ^ w, 16777619);
  }
  for (; i < end; i++) h = Math.imul(h ^ bytes[i]!, 16777619);
  h ^= h >>> 16;
  h = Math.imul(h, -2048144789);
  h ^= h >>> 13;
  h = Math.imul(h, -1028477387);
  return (h ^ (h >>> 16)) | 0;
}
