import { HiveBatchError, HiveDecimal } from '@hive-batch/core';
import type { HiveDecimalValue } from '@hive-batch/core';
import type { JsonValue } from '../contract';

/**
 * Compact binary encoding shared by every `encodePartial`/`decodePartial`:
 * unsigned LEB128 varints, zigzag varints for signed integers and bigints, little-endian f64,
 * length-prefixed UTF-8 strings and byte arrays, and a tagged generic value form for partials whose shape
 * depends on the argument type (min/max of a struct, DISTINCT tuples, collections).
 */
const TEXT_ENCODER = new TextEncoder();
const TEXT_DECODER = new TextDecoder('utf-8', { fatal: true });

const TAG_NULL = 0;
const TAG_FALSE = 1;
const TAG_TRUE = 2;
const TAG_F64 = 3;
const TAG_BIGINT = 4;
const TAG_STRING = 5;
const TAG_DECIMAL = 6;
const TAG_BINARY = 7;
const TAG_ARRAY = 8;
const TAG_OBJECT = 9;
const TAG_MAP = 10;

/** Appends primitive fields to a growing byte buffer. */
export class PartialWriter {
  private buf: Uint8Array = new Uint8Array(64);
  private view: DataView = new DataView(this.buf.buffer);
  private pos = 0;

  private ensure(extra: number): void {
    if (this.pos + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  u8(v: number): this {
    this.ensure(1);
    this.buf[this.pos++] = v & 0xff;
    return this;
  }

  bool(v: boolean): this {
    return this.u8(v ? 1 : 0);
  }

  /** Unsigned varint of a non-negative safe integer. */
  uvarint(v: number): this {
    if (!Number.isSafeInteger(v) || v < 0)
      throw new HiveBatchError('INVALID_AGGREGATE_STATE', `Not a uvarint: ${v}`);
    let n = v;
    while (n >= 0x80) {
      this.u8((n % 0x80) | 0x80);
      n = Math.floor(n / 0x80);
    }
    return this.u8(n);
  }

  /** Signed (zigzag) varint of an arbitrary-size bigint. */
  bigint(v: bigint): this {
    let z = v >= 0n ? v << 1n : (-v << 1n) - 1n;
    while (z >= 0x80n) {
      this.u8(Number(z & 0x7fn) | 0x80);
      z >>= 7n;
    }
    return this.u8(Number(z));
  }

  /** Signed safe integer as a zigzag varint. */
  varint(v: number): this {
    return this.bigint(BigInt(v));
  }

  f64(v: number): this {
    this.ensure(8);
    this.view.setFloat64(this.pos, v, true);
    this.pos += 8;
    return this;
  }

  bytes(v: Uint8Array): this {
    this.uvarint(v.length);
    this.ensure(v.length);
    this.buf.set(v, this.pos);
    this.pos += v.length;
    return this;
  }

  string(v: string): this {
    return this.bytes(TEXT_ENCODER.encode(v));
  }

  /** Any core value (null, boolean, number, bigint, string, decimal, binary, arrays, plain objects). */
  value(v: unknown): this {
    if (v == null) return this.u8(TAG_NULL);
    switch (typeof v) {
      case 'boolean':
        return this.u8(v ? TAG_TRUE : TAG_FALSE);
      case 'number':
        return this.u8(TAG_F64).f64(v);
      case 'bigint':
        return this.u8(TAG_BIGINT).bigint(v);
      case 'string':
        return this.u8(TAG_STRING).string(v);
      default:
        break;
    }
    if (HiveDecimal.isDecimal(v)) return this.u8(TAG_DECIMAL).string(v.toFixed());
    if (v instanceof Uint8Array) return this.u8(TAG_BINARY).bytes(v);
    if (Array.isArray(v)) {
      this.u8(TAG_ARRAY).uvarint(v.length);
      for (const e of v as unknown[]) this.value(e);
      return this;
    }
    if (v instanceof Map) {
      this.u8(TAG_MAP).uvarint(v.size);
      for (const [k, e] of v as Map<unknown, unknown>) this.value(k).value(e);
      return this;
    }
    if (typeof v === 'object') {
      const entries = Object.entries(v);
      this.u8(TAG_OBJECT).uvarint(entries.length);
      for (const [k, e] of entries) this.string(k).value(e);
      return this;
    }
    throw new HiveBatchError('INVALID_AGGREGATE_STATE', `Cannot encode a partial value of type ${typeof v}`);
  }

  /** The bytes written so far (a copy). */
  finish(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }
}

function corrupt(what: string): HiveBatchError {
  return new HiveBatchError('INVALID_AGGREGATE_STATE', `Corrupt aggregate partial: ${what}`);
}

/** Reads what {@link PartialWriter} wrote, in the same order. Throws `INVALID_AGGREGATE_STATE` on bad input. */
export class PartialReader {
  private readonly buf: Uint8Array;
  private readonly view: DataView;
  private pos = 0;

  constructor(bytes: Uint8Array) {
    this.buf = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  u8(): number {
    const b = this.buf[this.pos];
    if (b == null) throw corrupt('unexpected end of input');
    this.pos++;
    return b;
  }

  bool(): boolean {
    const b = this.u8();
    if (b > 1) throw corrupt(`bad boolean ${b}`);
    return b === 1;
  }

  uvarint(): number {
    let result = 0;
    let mul = 1;
    for (;;) {
      const b = this.u8();
      result += (b & 0x7f) * mul;
      if (b < 0x80) break;
      mul *= 0x80;
      if (mul > 2 ** 56) throw corrupt('varint too long');
    }
    if (!Number.isSafeInteger(result)) throw corrupt('varint out of range');
    return result;
  }

  bigint(): bigint {
    let z = 0n;
    let shift = 0n;
    for (;;) {
      const b = this.u8();
      z |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) break;
      shift += 7n;
      if (shift > 7n * 64n) throw corrupt('bigint too long');
    }
    return (z & 1n) === 0n ? z >> 1n : -((z + 1n) >> 1n);
  }

  varint(): number {
    const v = this.bigint();
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER))
      throw corrupt('int out of range');
    return Number(v);
  }

  f64(): number {
    if (this.pos + 8 > this.buf.length) throw corrupt('unexpected end of input');
    const v = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }

  bytes(): Uint8Array {
    const n = this.uvarint();
    if (this.pos + n > this.buf.length) throw corrupt('unexpected end of input');
    const out = this.buf.slice(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  string(): string {
    try {
      return TEXT_DECODER.decode(this.bytes());
    } catch (cause) {
      throw new HiveBatchError('INVALID_AGGREGATE_STATE', 'Corrupt aggregate partial: bad UTF-8', { cause });
    }
  }

  value(): unknown {
    const tag = this.u8();
    switch (tag) {
      case TAG_NULL:
        return null;
      case TAG_FALSE:
        return false;
      case TAG_TRUE:
        return true;
      case TAG_F64:
        return this.f64();
      case TAG_BIGINT:
        return this.bigint();
      case TAG_STRING:
        return this.string();
      case TAG_DECIMAL:
        return parseDecimal(this.string());
      case TAG_BINARY:
        return this.bytes();
      case TAG_ARRAY: {
        const n = this.uvarint();
        const out: unknown[] = [];
        for (let i = 0; i < n; i++) out.push(this.value());
        return out;
      }
      case TAG_OBJECT: {
        const n = this.uvarint();
        const out: Record<string, unknown> = {};
        for (let i = 0; i < n; i++) {
          const k = this.string();
          out[k] = this.value();
        }
        return out;
      }
      case TAG_MAP: {
        const n = this.uvarint();
        const out = new Map<unknown, unknown>();
        for (let i = 0; i < n; i++) {
          const k = this.value();
          out.set(k, this.value());
        }
        return out;
      }
      default:
        throw corrupt(`unknown value tag ${tag}`);
    }
  }

  /** Throws unless every byte was consumed (catches truncated or mismatched codecs). */
  end(): void {
    if (this.pos !== this.buf.length) throw corrupt(`${this.buf.length - this.pos} trailing bytes`);
  }
}

function parseDecimal(s: string): HiveDecimalValue {
  try {
    return new HiveDecimal(s);
  } catch (cause) {
    throw new HiveBatchError('INVALID_AGGREGATE_STATE', `Corrupt aggregate partial: bad decimal ${s}`, {
      cause,
    });
  }
}

/** Encodes one generic value as a whole partial. */
export function encodeValue(v: unknown): Uint8Array {
  return new PartialWriter().value(v).finish();
}

/** Decodes a whole partial written by {@link encodeValue}. */
export function decodeValue(bytes: Uint8Array): unknown {
  const r = new PartialReader(bytes);
  const v = r.value();
  r.end();
  return v;
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/**
 * Core value → JSON-safe value. Tags what JSON cannot carry exactly: bigint `{"$bigint":"12"}`, non-finite and
 * negative-zero doubles `{"$f64":"NaN"}`, decimals `{"$decimal":"1.50"}`, binary `{"$binary":base64}`,
 * maps `{"$map":[[k,v],…]}`, plain objects `{"$object":{…}}` (so a user object can never be mistaken for a tag).
 */
export function valueToJson(v: unknown): JsonValue {
  if (v == null) return null;
  switch (typeof v) {
    case 'boolean':
    case 'string':
      return v;
    case 'number':
      if (Number.isFinite(v) && !Object.is(v, -0)) return v;
      return { $f64: Object.is(v, -0) ? '-0' : String(v) };
    case 'bigint':
      return { $bigint: v.toString() };
    default:
      break;
  }
  if (HiveDecimal.isDecimal(v)) return { $decimal: v.toFixed() };
  if (v instanceof Uint8Array) return { $binary: toBase64(v) };
  if (Array.isArray(v)) return (v as unknown[]).map(valueToJson);
  if (v instanceof Map) {
    return { $map: Array.from(v as Map<unknown, unknown>, ([k, e]) => [valueToJson(k), valueToJson(e)]) };
  }
  if (typeof v === 'object') {
    const out: Record<string, JsonValue> = {};
    for (const [k, e] of Object.entries(v)) out[k] = valueToJson(e);
    return { $object: out };
  }
  throw new HiveBatchError(
    'INVALID_AGGREGATE_STATE',
    `Cannot convert a partial value of type ${typeof v} to JSON`,
  );
}

/** Inverse of {@link valueToJson}. Throws `INVALID_AGGREGATE_STATE` on anything it did not produce. */
export function valueFromJson(j: JsonValue): unknown {
  if (j == null || typeof j === 'boolean' || typeof j === 'string' || typeof j === 'number') return j;
  if (Array.isArray(j)) return (j as readonly JsonValue[]).map(valueFromJson);
  const o = j as { readonly [k: string]: JsonValue };
  const keys = Object.keys(o);
  const key = keys[0];
  const payload = key == null ? undefined : o[key];
  if (keys.length !== 1 || key == null || payload === undefined) throw corrupt('bad JSON tag');
  if (key === '$object') {
    if (payload == null || typeof payload !== 'object' || Array.isArray(payload))
      throw corrupt('bad $object');
    const out: Record<string, unknown> = {};
    for (const [k, e] of Object.entries(payload as { readonly [k: string]: JsonValue }))
      out[k] = valueFromJson(e);
    return out;
  }
  if (key === '$map') {
    if (!Array.isArray(payload)) throw corrupt('bad $map');
    const out = new Map<unknown, unknown>();
    for (const entry of payload as readonly JsonValue[]) {
      if (!Array.isArray(entry) || entry.length !== 2) throw corrupt('bad $map entry');
      const [k, e] = entry as readonly JsonValue[];
      out.set(valueFromJson(k ?? null), valueFromJson(e ?? null));
    }
    return out;
  }
  if (typeof payload !== 'string') throw corrupt(`bad ${key}`);
  switch (key) {
    case '$f64':
      if (payload === '-0') return -0;
      if (payload === 'NaN' || payload === 'Infinity' || payload === '-Infinity') return Number(payload);
      throw corrupt(`bad $f64 ${payload}`);
    case '$bigint':
      try {
        return BigInt(payload);
      } catch (cause) {
        throw new HiveBatchError('INVALID_AGGREGATE_STATE', `Corrupt aggregate partial: bad bigint`, {
          cause,
        });
      }
    case '$decimal':
      return parseDecimal(payload);
    case '$binary':
      return new Uint8Array(Buffer.from(payload, 'base64'));
    default:
      throw corrupt(`unknown JSON tag ${key}`);
  }
}
