import { HiveBatchError } from '@hive-batch/core';
import { JavaRandom } from '../java-random';

/** Bits per FM bit vector (Hive's BIT_VECTOR_SIZE). */
const BIT_VECTOR_SIZE = 31;
const MOD = 2147483647n; // (1 << 31) - 1
const PHI = 0.77351;
const MAGIC = [0x46, 0x4d]; // "FM"

/**
 * Hive's Flajolet–Martin sketch (`FMSketch`, PCSA-style with `numBitVectors` hash functions
 * `(a·v + b) mod (2^31 − 1)` whose odd coefficients come from `java.util.Random(99397)` and
 * `java.util.Random(9876413)`), with Hive's byte layout: `"FM"`, the vector count as 2 little-endian bytes, then
 * each 31-bit vector as a little-endian int.
 */
export class FMSketch {
  readonly numBitVectors: number;
  /** One 31-bit vector per hash function, bit i = some value's hash had i trailing zeros. */
  readonly bitVectors: Int32Array;
  private readonly a: bigint[];
  private readonly b: bigint[];

  constructor(numBitVectors: number) {
    if (!Number.isInteger(numBitVectors) || numBitVectors < 1 || numBitVectors > 1024) {
      throw new HiveBatchError(
        'INVALID_FUNCTION_ARGUMENTS',
        `The number of bit vectors must be between 1 and 1024, but ${numBitVectors} was passed.`,
      );
    }
    this.numBitVectors = numBitVectors;
    this.bitVectors = new Int32Array(numBitVectors);
    const aValue = new JavaRandom(99397);
    const bValue = new JavaRandom(9876413);
    this.a = [];
    this.b = [];
    for (let i = 0; i < numBitVectors; i++) {
      let ra: number;
      do ra = aValue.nextInt();
      while (ra % 2 === 0);
      let rb: number;
      do rb = bValue.nextInt();
      while (rb % 2 === 0);
      // Hive adds 1 << 30 to negative coefficients (its `1 << BIT_VECTOR_SIZE - 1`).
      if (ra < 0) ra = ra + (1 << 30);
      if (rb < 0) rb = rb + (1 << 30);
      this.a.push(BigInt(ra));
      this.b.push(BigInt(rb));
    }
  }

  /** `addToEstimator(long)`. */
  addLong(v: bigint): void {
    for (let i = 0; i < this.numBitVectors; i++) {
      // Java long arithmetic: the product wraps at 64 bits, `%` keeps the dividend's sign.
      const temp = BigInt.asIntN(64, (this.a[i] as bigint) * v + (this.b[i] as bigint)) % MOD;
      let hash = Number(temp);
      if (hash < 0) hash += Number(MOD);
      let index = 0;
      for (; index < BIT_VECTOR_SIZE; index++) {
        if (hash % 2 !== 0) break;
        hash = Math.floor(hash / 2);
      }
      this.bitVectors[i] = (this.bitVectors[i] as number) | (index < 32 ? 1 << index : 0);
    }
  }

  /** `addToEstimator(double)`: hashes `Double.hashCode(d)`. */
  addDouble(d: number): void {
    this.addLong(BigInt(javaDoubleHashCode(d)));
  }

  /** `addToEstimator(String)`: hashes `String.hashCode()`. */
  addString(s: string): void {
    this.addLong(BigInt(javaStringHashCode(s)));
  }

  /** Bitwise OR of another sketch with the same number of vectors (`mergeEstimators`). */
  merge(other: FMSketch): void {
    if (other.numBitVectors !== this.numBitVectors) {
      throw new HiveBatchError(
        'INVALID_AGGREGATE_STATE',
        `Cannot merge FM sketches of ${this.numBitVectors} and ${other.numBitVectors} bit vectors`,
      );
    }
    for (let i = 0; i < this.numBitVectors; i++) {
      this.bitVectors[i] = (this.bitVectors[i] as number) | (other.bitVectors[i] as number);
    }
  }

  /** `estimateNumDistinctValues()`: 2^(mean lowest clear bit − log2 φ), truncated to a long. */
  estimate(): number {
    let sum = 0;
    for (let i = 0; i < this.numBitVectors; i++) {
      const v = this.bitVectors[i] as number;
      let z = 0;
      while (z < 32 && (v & (1 << z)) !== 0) z++;
      sum += z;
    }
    const avg = sum / (this.numBitVectors * 1.0) - Math.log(PHI) / Math.log(2.0);
    return Math.trunc(Math.pow(2.0, avg));
  }

  /** Hive's `FMSketchUtils.serializeFM` bytes. */
  serialize(): Uint8Array {
    const out = new Uint8Array(4 + 4 * this.numBitVectors);
    out[0] = MAGIC[0] as number;
    out[1] = MAGIC[1] as number;
    out[2] = this.numBitVectors & 0xff;
    out[3] = (this.numBitVectors >>> 8) & 0xff;
    for (let i = 0; i < this.numBitVectors; i++) {
      // Only the 31 positions of a vector are written (a hash of 0 sets an unwritten 32nd bit, as in Hive).
      const v = (this.bitVectors[i] as number) & 0x7fffffff;
      for (let k = 0; k < 4; k++) out[4 + 4 * i + k] = (v >>> (8 * k)) & 0xff;
    }
    return out;
  }

  /** Inverse of {@link serialize}. */
  static deserialize(bytes: Uint8Array): FMSketch {
    if (bytes.length < 4 || bytes[0] !== MAGIC[0] || bytes[1] !== MAGIC[1]) {
      throw new HiveBatchError('INVALID_AGGREGATE_STATE', 'Corrupt FM sketch: bad magic');
    }
    const n = (bytes[2] as number) | ((bytes[3] as number) << 8);
    if (bytes.length !== 4 + 4 * n)
      throw new HiveBatchError('INVALID_AGGREGATE_STATE', 'Corrupt FM sketch: bad size');
    const fm = new FMSketch(n);
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let k = 0; k < 4; k++) v |= (bytes[4 + 4 * i + k] as number) << (8 * k);
      fm.bitVectors[i] = v;
    }
    return fm;
  }
}

/** Java's `Double.hashCode(d)`: `(int)(bits ^ (bits >>> 32))` of `doubleToLongBits` (canonical NaN). */
export function javaDoubleHashCode(d: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Number.isNaN(d) ? Number.NaN : d);
  const hi = view.getInt32(0);
  const lo = view.getInt32(4);
  return (hi ^ lo) | 0;
}

/** Java's `String.hashCode()` over UTF-16 code units. */
export function javaStringHashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}
