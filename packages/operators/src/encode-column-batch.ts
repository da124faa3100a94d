import { HiveBatchError, createSchema, formatDataType, parseDataType } from '@hive-batch/core';
import type { Column, ColumnBatch, DataType, FixedValues } from '@hive-batch/core';

const MAGIC = 0x48425042; // "HBPB"
const VERSION = 1;
const UTF8_ENCODER = new TextEncoder();
const UTF8_DECODER = new TextDecoder('utf-8', { fatal: true });

/** Growable little-endian byte writer. */
class Writer {
  buf: Uint8Array = new Uint8Array(1024);
  view: DataView = new DataView(this.buf.buffer);
  pos = 0;

  ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.pos + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  u32(v: number): void {
    this.ensure(4);
    this.view.setUint32(this.pos, v, true);
    this.pos += 4;
  }

  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  text(s: string): void {
    const b = UTF8_ENCODER.encode(s);
    this.u32(b.length);
    this.bytes(b);
  }
}

function elementBytes(values: FixedValues, length: number): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, length * values.BYTES_PER_ELEMENT);
}

function writeColumn(w: Writer, c: Column, n: number): void {
  const bitmapBytes = (n + 7) >> 3;
  const hasValidity = c.layout !== 'null' && c.validity != null && c.nullCount > 0;
  w.u32(hasValidity ? 1 : 0);
  if (hasValidity && c.validity != null) w.bytes(c.validity.subarray(0, bitmapBytes));
  switch (c.layout) {
    case 'null':
      return;
    case 'bool':
      w.bytes(c.values.subarray(0, bitmapBytes));
      return;
    case 'fixed':
      w.bytes(elementBytes(c.values, n));
      return;
    case 'decimal':
      w.bytes(elementBytes(c.values, n * c.width));
      return;
    case 'varbinary': {
      const base = c.offsets[0] ?? 0;
      const offs = new Int32Array(n + 1);
      for (let i = 0; i <= n; i++) offs[i] = (c.offsets[i] ?? base) - base;
      w.bytes(new Uint8Array(offs.buffer));
      w.bytes(c.data.subarray(base, c.offsets[n] ?? base));
      return;
    }
    default:
      throw new HiveBatchError(
        'UNSUPPORTED_TYPE',
        `Only primitive columns can be encoded, got ${formatDataType(c.type)}`,
      );
  }
}

/**
 * Serializes a batch of primitive columns (keys and binary partials: what the partial aggregation modes emit) into
 * one self-describing byte string, so partial and final aggregation can run in different workers or processes.
 *
 * @param batch - a batch whose columns are all primitive (no array/map/struct).
 * @returns the encoded bytes (a new buffer).
 * @throws {HiveBatchError} `UNSUPPORTED_TYPE` for a complex column.
 * @example
 * ```ts
 * const bytes = encodeColumnBatch(partialBatch);
 * const again = decodeColumnBatch(bytes); // same schema and values
 * ```
 */
export function encodeColumnBatch(batch: ColumnBatch): Uint8Array {
  const w = new Writer();
  w.u32(MAGIC);
  w.u32(VERSION);
  w.u32(batch.numRows);
  w.u32(batch.schema.fields.length);
  for (const f of batch.schema.fields) {
    w.text(f.name);
    w.text(formatDataType(f.type));
  }
  batch.columns.forEach((c) => writeColumn(w, c, batch.numRows));
  return w.buf.slice(0, w.pos);
}

class Reader {
  pos = 0;
  readonly view: DataView;
  readonly buf: Uint8Array;
  constructor(buf: Uint8Array) {
    this.buf = buf;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  u32(): number {
    if (this.pos + 4 > this.buf.length) throw truncated();
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }

  /** A copy (aligned, independent of the input buffer). */
  bytes(n: number): Uint8Array {
    if (this.pos + n > this.buf.length) throw truncated();
    const out = this.buf.slice(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  text(): string {
    return UTF8_DECODER.decode(this.bytes(this.u32()));
  }
}

function truncated(): HiveBatchError {
  return new HiveBatchError('MALFORMED_DATA', 'Encoded column batch is truncated');
}

function countNulls(validity: Uint8Array | null, n: number): number {
  if (validity == null) return 0;
  let nulls = 0;
  for (let i = 0; i < n; i++) if (((validity[i >> 3] ?? 0) & (1 << (i & 7))) === 0) nulls++;
  return nulls;
}

function readColumn(r: Reader, type: DataType, n: number): Column {
  const bitmapBytes = (n + 7) >> 3;
  const validity = r.u32() === 1 ? r.bytes(bitmapBytes) : null;
  const nullCount = countNulls(validity, n);
  const base = { type, length: n, nullCount, validity };
  switch (type.kind) {
    case 'void':
      return { ...base, layout: 'null', nullCount: n, validity: null };
    case 'boolean':
      return { ...base, layout: 'bool', values: r.bytes(bitmapBytes) };
    case 'tinyint':
      return { ...base, layout: 'fixed', values: new Int8Array(r.bytes(n).buffer) };
    case 'smallint':
      return { ...base, layout: 'fixed', values: new Int16Array(r.bytes(n * 2).buffer) };
    case 'int':
    case 'date':
      return { ...base, layout: 'fixed', values: new Int32Array(r.bytes(n * 4).buffer) };
    case 'float':
      return { ...base, layout: 'fixed', values: new Float32Array(r.bytes(n * 4).buffer) };
    case 'double':
      return { ...base, layout: 'fixed', values: new Float64Array(r.bytes(n * 8).buffer) };
    case 'bigint':
    case 'timestamp':
      return { ...base, layout: 'fixed', values: new BigInt64Array(r.bytes(n * 8).buffer) };
    case 'decimal': {
      const width = type.precision > 18 ? 2 : 1;
      return { ...base, layout: 'decimal', width, values: new BigInt64Array(r.bytes(n * 8 * width).buffer) };
    }
    case 'string':
    case 'varchar':
    case 'char':
    case 'binary': {
      const offsets = new Int32Array(r.bytes((n + 1) * 4).buffer);
      const data = r.bytes(offsets[n] ?? 0);
      return { ...base, layout: 'varbinary', offsets, data };
    }
    default:
      throw new HiveBatchError('MALFORMED_DATA', `Encoded column batch has a complex column ${type.kind}`);
  }
}

/**
 * Reads a batch written by {@link encodeColumnBatch}. The result owns its buffers (no views into `bytes`).
 *
 * @param bytes - output of {@link encodeColumnBatch}.
 * @returns the batch.
 * @throws {HiveBatchError} `MALFORMED_DATA` when the bytes are not an encoded batch or are truncated.
 * @example
 * ```ts
 * decodeColumnBatch(encodeColumnBatch(batch)).numRows === batch.numRows; // true
 * ```
 */
export function decodeColumnBatch(bytes: Uint8Array): ColumnBatch {
  const r = new Reader(bytes);
  if (r.u32() !== MAGIC) throw new HiveBatchError('MALFORMED_DATA', 'Not an encoded column batch');
  const version = r.u32();
  if (version !== VERSION) {
    throw new HiveBatchError('MALFORMED_DATA', `Unsupported encoded column batch version ${version}`);
  }
  const numRows = r.u32();
  const nFields = r.u32();
  const fields: { name: string; type: DataType }[] = [];
  for (let k = 0; k < nFields; k++) {
    const name = r.text();
    const typeText = r.text();
    let type: DataType;
    try {
      type = parseDataType(typeText);
    } catch (cause) {
      throw new HiveBatchError('MALFORMED_DATA', `Bad column type \`${typeText}\``, { cause });
    }
    fields.push({ name, type });
  }
  const columns = fields.map((f) => readColumn(r, f.type, numRows));
  return { schema: createSchema(fields), columns, numRows };
}
