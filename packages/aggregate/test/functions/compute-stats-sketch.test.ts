import { describe, expect, it } from 'vitest';
import { FMSketch, javaDoubleHashCode, javaStringHashCode } from '../../src/internal/sketches/fm-sketch';
import { murmur3Hash64Bytes, murmur3Hash64Long } from '../../src/internal/sketches/hyper-log-log';

// Hash codes printed by a JDK.
describe('Java hash codes', () => {
  it('matches String.hashCode and Double.hashCode', () => {
    expect(javaStringHashCode('hello')).toBe(99162322);
    expect(javaStringHashCode('val_1')).toBe(111971987);
    expect(javaDoubleHashCode(-87.2)).toBe(211353601);
    expect(javaDoubleHashCode(0.1)).toBe(-1507852285);
    expect(javaDoubleHashCode(435.33)).toBe(-294695002);
  });
});

describe('FMSketch', () => {
  it('round-trips its serialization and merges by OR', () => {
    const a = new FMSketch(16);
    const b = new FMSketch(16);
    for (let i = 0n; i < 50n; i++) (i % 2n === 0n ? a : b).addLong(i);
    const all = new FMSketch(16);
    for (let i = 0n; i < 50n; i++) all.addLong(i);
    a.merge(FMSketch.deserialize(b.serialize()));
    expect(a.serialize()).toEqual(all.serialize());
    expect(all.estimate()).toBeGreaterThan(20);
  });
});

describe('Murmur3 hash64', () => {
  it('of a long equals that of its 8 big-endian bytes (Hive derives one from the other)', () => {
    for (const v of [0n, 1n, -1n, 11287n, 123456789012345n, -(2n ** 63n)]) {
      const bytes = new Uint8Array(8);
      new DataView(bytes.buffer).setBigInt64(0, v);
      expect(murmur3Hash64Bytes(bytes)).toBe(murmur3Hash64Long(v));
    }
  });
});
