import type { Column, DataType, VarBinaryColumn } from '@hive-batch/core';
import { combinedValidity } from './columns';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Growable UTF-8 output for a varbinary column. */
class VarBinaryWriter {
  readonly offsets: Int32Array;
  data: Uint8Array;
  size = 0;
  row = 0;

  constructor(numRows: number, bytesHint: number) {
    this.offsets = new Int32Array(numRows + 1);
    this.data = new Uint8Array(Math.max(16, bytesHint));
  }

  private reserve(n: number): void {
    if (this.size + n <= this.data.length) return;
    let cap = this.data.length * 2;
    while (cap < this.size + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.data.subarray(0, this.size));
    this.data = next;
  }

  appendBytes(src: Uint8Array, start: number, end: number): void {
    const n = end - start;
    this.reserve(n);
    this.data.set(src.subarray(start, end), this.size);
    this.size += n;
  }

  appendString(s: string): void {
    this.reserve(s.length * 3);
    const { written } = encoder.encodeInto(s, this.data.subarray(this.size));
    this.size += written;
  }

  endRow(): void {
    this.row++;
    this.offsets[this.row] = this.size;
  }

  finish(type: DataType, validity: Uint8Array | null): VarBinaryColumn {
    let nullCount = 0;
    if (validity != null) {
      for (let i = 0; i < this.row; i++) if (((validity[i >> 3] ?? 0) & (1 << (i & 7))) === 0) nullCount++;
    }
    return {
      type,
      layout: 'varbinary',
      length: this.row,
      nullCount,
      validity,
      offsets: this.offsets,
      data: this.data.subarray(0, this.size),
    };
  }
}

function isValid(validity: Uint8Array | null, i: number): boolean {
  return validity == null || ((validity[i >> 3] ?? 0) & (1 << (i & 7))) !== 0;
}

/** `start`/`end` of Hive's substr in UTF-16 units, or null for the empty result (UDFSubstr.makeIndex). */
export function substrRange(pos: number, len: number, inputLen: number): readonly [number, number] | null {
  if (len <= 0 || Math.abs(pos) > inputLen) return null;
  const start = pos > 0 ? pos - 1 : pos < 0 ? inputLen + pos : 0;
  const end = inputLen - start < len ? inputLen : start + len;
  return [start, end];
}

function isAscii(data: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if ((data[i] ?? 0) >= 0x80) return false;
  return true;
}

function intAt(c: Column | undefined, i: number, fallback: number): number | null {
  if (c == null) return fallback;
  if (c.layout !== 'fixed' || !isValid(c.validity, i)) return null;
  return Number(c.values[i] ?? 0);
}

/**
 * Vectorized substr(string, int[, int]): ASCII rows are sliced as bytes without decoding; other rows decode
 * to UTF-16 (Hive counts Java chars). Returns null when the inputs are not the expected layouts.
 */
export function substrBatch(args: readonly Column[], numRows: number, resultType: DataType): Column | null {
  const s = args[0];
  if (s == null || s.layout !== 'varbinary') return null;
  for (const a of args.slice(1)) if (a.layout !== 'fixed') return null;
  const validity = combinedValidity(args, numRows);
  const out = new VarBinaryWriter(numRows, s.data.length);
  const { offsets, data } = s;
  for (let i = 0; i < numRows; i++) {
    if (isValid(validity, i)) {
      const pos = intAt(args[1], i, 1) ?? 1;
      const len = intAt(args[2], i, 0x7fffffff) ?? 0;
      const a = offsets[i] ?? 0;
      const b = offsets[i + 1] ?? a;
      if (isAscii(data, a, b)) {
        const r = substrRange(pos, len, b - a);
        if (r != null) out.appendBytes(data, a + r[0], a + r[1]);
      } else {
        const str = decoder.decode(data.subarray(a, b));
        const r = substrRange(pos, len, str.length);
        if (r != null) out.appendString(str.slice(r[0], r[1]));
      }
    }
    out.endRow();
  }
  return out.finish(resultType, validity);
}

/** Vectorized concat over string columns: byte copies, NULL when any input is NULL. */
export function concatBatch(args: readonly Column[], numRows: number, resultType: DataType): Column | null {
  const cols: VarBinaryColumn[] = [];
  let bytes = 0;
  for (const a of args) {
    if (a.layout !== 'varbinary') return null;
    cols.push(a);
    bytes += a.data.length;
  }
  const validity = combinedValidity(args, numRows);
  const out = new VarBinaryWriter(numRows, bytes);
  for (let i = 0; i < numRows; i++) {
    if (isValid(validity, i)) {
      for (const c of cols) out.appendBytes(c.data, c.offsets[i] ?? 0, c.offsets[i + 1] ?? 0);
    }
    out.endRow();
  }
  return out.finish(resultType, validity);
}
