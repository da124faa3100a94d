import { HiveBatchError } from '@hive-batch/core';
import { PartialReader, PartialWriter } from '../partial-codec';

const M64 = (1n << 64n) - 1n;
const C1 = 0x87c37b91114253d5n;
const C2 = 0x4cf5ad432745937fn;
/** Register index bits: compute_stats builds its HLL size-optimized (p = 10). */
const P = 10;
const P_PRIME = 25;
const Q_PRIME = 6;
const M = 1 << P;
const M_PRIME = 1 << P_PRIME;
/** Hive switches to dense registers past 3/4 of `m` sparse entries. */
const SPARSE_LIMIT = (M * 6) / 8;
const MAGIC = [0x48, 0x4c, 0x4c]; // "HLL"

function rotl64(x: bigint, r: bigint): bigint {
  return ((x << r) | (x >> (64n - r))) & M64;
}

function fmix64(k0: bigint): bigint {
  let k = k0;
  k ^= k >> 33n;
  k = (k * 0xff51afd7ed558ccdn) & M64;
  k ^= k >> 33n;
  k = (k * 0xc4ceb9fe1a85ec53n) & M64;
  k ^= k >> 33n;
  return k;
}

function reverseBytes64(v: bigint): bigint {
  let out = 0n;
  let x = v;
  for (let i = 0; i < 8; i++) {
    out = (out << 8n) | (x & 0xffn);
    x >>= 8n;
  }
  return out;
}

/** Hive's `Murmur3.hash64(long)` (seed 104729) as an unsigned 64-bit bigint. */
export function murmur3Hash64Long(data: bigint): bigint {
  let hash = 104729n;
  let k = reverseBytes64(BigInt.asUintN(64, data));
  k = (k * C1) & M64;
  k = rotl64(k, 31n);
  k = (k * C2) & M64;
  hash ^= k;
  hash = (rotl64(hash, 27n) * 5n + 0x52dce729n) & M64;
  hash ^= 8n;
  return fmix64(hash);
}

/** Hive's `Murmur3.hash64(byte[])` (seed 104729): little-endian 8-byte blocks, then the tail. */
export function murmur3Hash64Bytes(data: Uint8Array): bigint {
  let hash = 104729n;
  const nblocks = data.length >> 3;
  for (let i = 0; i < nblocks; i++) {
    let k = 0n;
    for (let b = 7; b >= 0; b--) k = (k << 8n) | BigInt(data[i * 8 + b] as number);
    k = (k * C1) & M64;
    k = rotl64(k, 31n);
    k = (k * C2) & M64;
    hash ^= k;
    hash = (rotl64(hash, 27n) * 5n + 0x52dce729n) & M64;
  }
  const tail = nblocks << 3;
  if (data.length > tail) {
    let k1 = 0n;
    for (let b = data.length - 1; b >= tail; b--) k1 = (k1 << 8n) | BigInt(data[b] as number);
    k1 = (k1 * C1) & M64;
    k1 = rotl64(k1, 31n);
    k1 = (k1 * C2) & M64;
    hash ^= k1;
  }
  hash ^= BigInt(data.length);
  return fmix64(hash);
}

function trailingZeros64(x: bigint): number {
  if (x === 0n) return 64;
  let n = 0;
  let v = x;
  while ((v & 1n) === 0n) {
    v >>= 1n;
    n++;
  }
  return n;
}

/** Unsigned LEB128 of a Java long's 64 bits. */
function writeVarLong(w: PartialWriter, v: bigint): void {
  let x = BigInt.asUintN(64, v);
  while (x >= 0x80n) {
    w.u8(Number(x & 0x7fn) | 0x80);
    x >>= 7n;
  }
  w.u8(Number(x));
}

function readVarLong(r: PartialReader): bigint {
  let out = 0n;
  let shift = 0n;
  for (;;) {
    const b = r.u8();
    out |= BigInt(b & 0x7f) << shift;
    if (b < 0x80) return BigInt.asIntN(64, out);
    shift += 7n;
    if (shift > 63n)
      throw new HiveBatchError('INVALID_AGGREGATE_STATE', 'Corrupt HLL sketch: varint too long');
  }
}

/**
 * HyperLogLog as Hive's `compute_stats(col, 'hll')` builds it (size-optimized): p = 10, Murmur3 64-bit hashing
 * of the long value, a sparse map keyed by the low 25 bits (p' = 25) holding the run length above bit p, then
 * 2^10 dense registers past 3/4 of 2^p sparse entries.
 *
 * Serialization is Hive's: `"HLL"`, `p << 4 | packing width`, the estimate as a varint, then the sparse entry
 * count and `(key << 6 | value)` deltas computed in Java int arithmetic, or the bit-packed dense registers. It
 * reproduces the corpus sketch byte for byte. Estimates: linear counting over 2^25 while sparse (exactly Hive's);
 * in dense mode the classic HLL estimate with small-range linear counting — Hive's HLL++ bias correction is not
 * replicated, so estimates of large columns may differ slightly.
 */
export class HyperLogLog {
  private sparse: Map<number, number> | null = new Map();
  private dense: Uint8Array | null = null;

  /** `addLong(v)`. */
  addLong(v: bigint): void {
    this.addHash(murmur3Hash64Long(v));
  }

  /** `addString`: Murmur3 of the string's UTF-8 bytes. */
  addString(v: string): void {
    this.addHash(murmur3Hash64Bytes(new TextEncoder().encode(v)));
  }

  /** Hive hashes doubles through `Double.doubleToLongBits`. */
  addDouble(d: number): void {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, Number.isNaN(d) ? Number.NaN : d);
    this.addLong(view.getBigInt64(0));
  }

  /** Adds a 64-bit hash. */
  addHash(hash: bigint): void {
    if (this.sparse != null) {
      const key = Number(hash & BigInt(M_PRIME - 1));
      // The run length is counted above the p (not p') index bits, so it converts to a dense register as is.
      const value = trailingZeros64(hash >> BigInt(P)) + 1;
      if ((this.sparse.get(key) ?? 0) < value) this.sparse.set(key, value);
      if (this.sparse.size > SPARSE_LIMIT) this.toDense();
      return;
    }
    const dense = this.dense as Uint8Array;
    const idx = Number(hash & BigInt(M - 1));
    const lr = trailingZeros64(hash >> BigInt(P)) + 1;
    if ((dense[idx] as number) < lr) dense[idx] = lr;
  }

  private toDense(): void {
    const dense = new Uint8Array(M);
    for (const [key, value] of this.sparse ?? []) {
      const idx = key & (M - 1);
      if ((dense[idx] as number) < value) dense[idx] = value;
    }
    this.sparse = null;
    this.dense = dense;
  }

  merge(other: HyperLogLog): void {
    if (other.sparse != null) {
      for (const [key, value] of other.sparse) {
        if (this.sparse != null) {
          if ((this.sparse.get(key) ?? 0) < value) this.sparse.set(key, value);
        } else {
          const idx = key & (M - 1);
          const dense = this.dense as Uint8Array;
          if ((dense[idx] as number) < value) dense[idx] = value;
        }
      }
      if (this.sparse != null && this.sparse.size > SPARSE_LIMIT) this.toDense();
      return;
    }
    if (this.sparse != null) this.toDense();
    const dense = this.dense as Uint8Array;
    const od = other.dense as Uint8Array;
    for (let i = 0; i < M; i++) if ((od[i] as number) > (dense[i] as number)) dense[i] = od[i] as number;
  }

  estimate(): number {
    if (this.sparse != null) {
      const zeros = M_PRIME - this.sparse.size;
      return Math.round(M_PRIME * Math.log(M_PRIME / zeros));
    }
    const dense = this.dense as Uint8Array;
    let sum = 0;
    let zeros = 0;
    for (let i = 0; i < M; i++) {
      const r = dense[i] as number;
      sum += 2 ** -r;
      if (r === 0) zeros++;
    }
    const alpha = 0.7213 / (1 + 1.079 / M);
    const raw = (alpha * M * M) / sum;
    if (raw <= 2.5 * M && zeros > 0) return Math.round(M * Math.log(M / zeros));
    return Math.round(raw);
  }

  serialize(): Uint8Array {
    const w = new PartialWriter();
    for (const b of MAGIC) w.u8(b);
    const dense = this.sparse == null;
    // Header: p in the high nibble; for dense registers the bit-packing width (7 = one byte per register).
    let width = 0;
    if (dense) {
      let max = 0;
      for (const r of this.dense as Uint8Array) if (r > max) max = r;
      width = 32 - Math.clz32(max);
    }
    w.u8((P << 4) | (width > 6 ? 7 : width));
    w.uvarint(this.estimate());
    if (!dense) {
      const keys = [...(this.sparse ?? new Map<number, number>()).entries()].sort((a, b) => a[0] - b[0]);
      w.uvarint(keys.length);
      // Hive computes `(key << qPrime) | value` and the deltas in Java int arithmetic (wrapping) and writes
      // them as unsigned varints of the sign-extended long, so large indices produce 10-byte varints.
      let prev = 0;
      for (const [key, value] of keys) {
        const cur = (key << Q_PRIME) | value;
        writeVarLong(w, BigInt((cur - prev) | 0));
        prev = cur;
      }
    } else if (width > 6) {
      for (const r of this.dense as Uint8Array) w.u8(r);
    } else {
      // Registers packed MSB-first, `width` bits each (2^p · width is a multiple of 8).
      let current = 0;
      let bitsLeft = 8;
      for (const value of this.dense as Uint8Array) {
        let bits = width;
        let v = value;
        while (bits > bitsLeft) {
          current |= v >>> (bits - bitsLeft);
          bits -= bitsLeft;
          v &= (1 << bits) - 1;
          w.u8(current);
          current = 0;
          bitsLeft = 8;
        }
        bitsLeft -= bits;
        current |= v << bitsLeft;
        if (bitsLeft === 0) {
          w.u8(current);
          current = 0;
          bitsLeft = 8;
        }
      }
    }
    return w.finish();
  }

  static deserialize(bytes: Uint8Array): HyperLogLog {
    const r = new PartialReader(bytes);
    if (r.u8() !== MAGIC[0] || r.u8() !== MAGIC[1] || r.u8() !== MAGIC[2]) {
      throw new HiveBatchError('INVALID_AGGREGATE_STATE', 'Corrupt HLL sketch: bad magic');
    }
    const header = r.u8();
    r.uvarint();
    const h = new HyperLogLog();
    const width = header & 7;
    if (width === 0) {
      const n = r.uvarint();
      let prev = 0;
      const sparse = h.sparse as Map<number, number>;
      for (let i = 0; i < n; i++) {
        prev = (prev + Number(BigInt.asIntN(32, readVarLong(r)))) | 0;
        sparse.set(prev >>> Q_PRIME, prev & ((1 << Q_PRIME) - 1));
      }
    } else {
      const dense = new Uint8Array(M);
      if (width === 7) {
        for (let i = 0; i < M; i++) dense[i] = r.u8();
      } else {
        let byte = 0;
        let avail = 0;
        for (let i = 0; i < M; i++) {
          let v = 0;
          for (let b = 0; b < width; b++) {
            if (avail === 0) {
              byte = r.u8();
              avail = 8;
            }
            avail--;
            v = (v << 1) | ((byte >>> avail) & 1);
          }
          dense[i] = v;
        }
      }
      h.sparse = null;
      h.dense = dense;
    }
    r.end();
    return h;
  }
}
