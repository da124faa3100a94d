import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JavaRandom } from '../../src/internal/java-random';
import { FastNumericHistogram } from '../../src/internal/histogram/fast-numeric-histogram';
import { NumericHistogram } from '../../src/internal/histogram/numeric-histogram';
import { readDataRows } from './qtest-corpus';

/** The next draw of a copy of `rng`: equal for two generators exactly when their 48-bit states are equal. */
function peek(rng: JavaRandom): number {
  return Object.assign(Object.create(JavaRandom.prototype) as JavaRandom, rng).nextDouble();
}

/** Bins as Float64 bit patterns (so -0/0 and every rounding difference show). */
function bits(values: readonly number[]): string {
  return Buffer.from(new Float64Array(values).buffer).toString('hex');
}

type Op = { add: number } | { merge: readonly number[] } | { serialize: true };

/**
 * Runs the same operations on the fast structure (with `chunkBins` bins per chunk) and the faithful one and
 * returns, for each, one line per operation (bins bit for bit and the PRNG state) plus the final quantiles.
 */
function traces(ops: readonly Op[], nbins: number, chunkBins?: number): [string[], string[]] {
  const rf = new JavaRandom(31183);
  const rs = new JavaRandom(31183);
  const fast = new FastNumericHistogram(rf, chunkBins);
  const slow = new NumericHistogram(0, rs);
  fast.allocate(nbins);
  slow.allocate(nbins);
  const tf: string[] = [];
  const ts: string[] = [];
  ops.forEach((op, i) => {
    if ('add' in op) {
      fast.add(op.add);
      slow.add(op.add);
    } else if ('merge' in op) {
      fast.faithful().merge(op.merge);
      slow.merge(op.merge);
    }
    tf.push(`${i} ${bits(fast.serialize())} ${peek(rf)}`);
    ts.push(`${i} ${bits(slow.serialize())} ${peek(rs)}`);
  });
  const qs = [0.001, 0.25, 0.5, 0.75, 0.999];
  // Quantiles read in place, then after converting to the faithful structure.
  tf.push(bits(fast.binCount() > 0 ? fast.quantiles(qs) : []));
  ts.push(bits(slow.used > 0 ? qs.map((q) => slow.quantile(q)) : []));
  const f = fast.faithful();
  tf.push(bits(f.used > 0 ? qs.map((q) => f.quantile(q)) : []));
  ts.push(bits(slow.used > 0 ? qs.map((q) => slow.quantile(q)) : []));
  return [tf, ts];
}

const adds = (values: readonly number[]): Op[] => values.map((v) => ({ add: v }));
const nbinsArb = fc.oneof(fc.constantFrom(1, 2, 3), fc.integer({ min: 1, max: 40 }));
const chunkArb = fc.oneof(fc.constant(undefined), fc.integer({ min: 1, max: 5 }));

describe('FastNumericHistogram ≡ faithful NumericHistogram (bins bit for bit, PRNG state after every op)', () => {
  it('on integer data full of duplicates and tied gaps', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -30, max: 60 }), { maxLength: 300, size: 'max' }),
        nbinsArb,
        chunkArb,
        (v, nb, cb) => {
          const [f, s] = traces(adds(v), nb, cb);
          expect(f).toEqual(s);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('on grid values (multiples of 0.01: floating-point ties between different gaps)', () => {
    const grid = fc.integer({ min: -2000, max: 2000 }).map((k) => k / 100);
    fc.assert(
      fc.property(fc.array(grid, { maxLength: 400, size: 'max' }), nbinsArb, chunkArb, (v, nb, cb) => {
        const [f, s] = traces(adds(v), nb, cb);
        expect(f).toEqual(s);
      }),
      { numRuns: 150 },
    );
  });

  it('on doubles with -0/0, NaN, ±Infinity (fallback) and huge magnitudes (infinite gaps)', () => {
    const v = fc.oneof(
      { weight: 20, arbitrary: fc.double({ min: -1e3, max: 1e3, noNaN: true }) },
      {
        weight: 2,
        arbitrary: fc.constantFrom(0, -0, 1e308, -1e308, Number.MAX_VALUE, -Number.MAX_VALUE, 5e-324),
      },
      { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Infinity, -Infinity) },
    );
    fc.assert(
      fc.property(fc.array(v, { maxLength: 300, size: 'max' }), nbinsArb, chunkArb, (values, nb, cb) => {
        const [f, s] = traces(adds(values), nb, cb);
        expect(f).toEqual(s);
      }),
      { numRuns: 150 },
    );
  });

  it('with huge counts (long runs of one value) between spread values', () => {
    const op = fc.oneof(
      fc.integer({ min: 0, max: 200 }).map((k) => [k / 10]),
      fc
        .tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 50, max: 400 }))
        .map(([k, n]) => Array<number>(n).fill(k)),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60, size: 'max' }), nbinsArb, chunkArb, (runs, nb, cb) => {
        const [f, s] = traces(adds(runs.flat()), nb, cb);
        expect(f).toEqual(s);
      }),
      { numRuns: 60 },
    );
  });

  it('with serialize and merges of partials interleaved (merges switch to the faithful structure)', () => {
    const partial = fc
      .array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 9 })), { maxLength: 12 })
      .map((bins) => {
        const sorted = [...new Map(bins.map(([x, y]) => [x / 4, y])).entries()].sort((a, b) => a[0] - b[0]);
        return [12, ...sorted.flat()];
      });
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 12, arbitrary: fc.integer({ min: -40, max: 40 }).map((k) => ({ add: k / 4 })) },
      { weight: 2, arbitrary: fc.constant({ serialize: true as const }) },
      { weight: 1, arbitrary: partial.map((p) => ({ merge: p })) },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200, size: 'max' }), nbinsArb, chunkArb, (ops, nb, cb) => {
        const [f, s] = traces(ops, nb, cb);
        expect(f).toEqual(s);
      }),
      { numRuns: 100 },
    );
  });

  it('on long grid streams (many prefix-minimum levels per trim, so many skipped draws)', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 8, max: 300 }),
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom(100, 1000, 100_000),
        (seed, nb, cb, grid) => {
          const rng = new JavaRandom(seed);
          const values = Array.from({ length: 2500 }, () => Math.floor(rng.nextDouble() * grid) / 100);
          const rf = new JavaRandom(31183);
          const rs = new JavaRandom(31183);
          const fast = new FastNumericHistogram(rf, cb);
          const slow = new NumericHistogram(0, rs);
          fast.allocate(nb);
          slow.allocate(nb);
          const states: [number, number][] = [];
          values.forEach((v, i) => {
            fast.add(v);
            slow.add(v);
            if (i % 97 === 0) states.push([peek(rf), peek(rs)]);
          });
          expect(bits(fast.serialize())).toBe(bits(slow.serialize()));
          expect(peek(rf)).toBe(peek(rs));
          expect(states.map(([f]) => f)).toEqual(states.map(([, s]) => s));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('on steadily shrinking gaps (more scan records than the chain keeps: the faithful fallback)', () => {
    // log(i) for ascending i: every gap is below all gaps before it, so each one is a record of Hive's scan.
    const rising = Array.from({ length: 3000 }, (_, i) => Math.log(i + 2));
    for (const values of [rising, [...rising].reverse(), rising.map((v, i) => (i % 2 === 0 ? v : -v))]) {
      const [f, s] = traces(adds(values), 2000);
      expect(f).toEqual(s);
    }
  });

  it('on the corpus column with many bins (chunk splits)', () => {
    const values = readDataRows('kv1.txt').map((r) => Number((r[1] ?? '').slice(4)));
    expect(values.length).toBeGreaterThan(400);
    for (const nb of [2, 20, 100, 200]) {
      const [f, s] = traces(adds([...values, ...values.map((x) => x / 7)]), nb);
      expect(f).toEqual(s);
    }
  });

  it('on the benchmark distribution (floor(u·100000)/100) with many chunks and deep trims', () => {
    const rng = new JavaRandom(7);
    const values = Array.from({ length: 6000 }, () => Math.floor(rng.nextDouble() * 100_000) / 100);
    for (const [nb, cb] of [
      [500, undefined],
      [300, 2],
      [64, 1],
    ] as const) {
      const rf = new JavaRandom(31183);
      const rs = new JavaRandom(31183);
      const fast = new FastNumericHistogram(rf, cb);
      const slow = new NumericHistogram(0, rs);
      fast.allocate(nb);
      slow.allocate(nb);
      for (const v of values) {
        fast.add(v);
        slow.add(v);
      }
      expect(bits(fast.serialize())).toBe(bits(slow.serialize()));
      expect(peek(rf)).toBe(peek(rs));
    }
  });
});

describe('FastNumericHistogram.addRange ≡ add of each value in turn', () => {
  /**
   * The faithful structure fed value by value and the fast one in ranges cut at `cuts`: one line per range for
   * each (bins bit for bit and the PRNG state).
   */
  function rangeTraces(
    values: readonly number[],
    cuts: readonly number[],
    nbins: number,
  ): [string[], string[]] {
    const rf = new JavaRandom(31183);
    const rs = new JavaRandom(31183);
    const fast = new FastNumericHistogram(rf, 1 + (cuts.length % 8));
    const slow = new NumericHistogram(0, rs);
    fast.allocate(nbins);
    slow.allocate(nbins);
    const data = Float64Array.from(values);
    const ends = [...new Set([...cuts.map((c) => c % (data.length + 1)), data.length])].sort((a, b) => a - b);
    const tf: string[] = [];
    const ts: string[] = [];
    let from = 0;
    for (const to of ends) {
      fast.addRange(data, from, to);
      for (let i = from; i < to; i++) slow.add(data[i] as number);
      tf.push(`${to} ${bits(fast.serialize())} ${peek(rf)}`);
      ts.push(`${to} ${bits(slow.serialize())} ${peek(rs)}`);
      from = to;
    }
    return [tf, ts];
  }

  it('on grid and spread data, in ranges longer than the interleaved search (slots moving between searches)', () => {
    const value = fc.oneof(
      fc.integer({ min: -3000, max: 3000 }).map((k) => k / 100),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 1500, size: 'max' }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.integer({ min: 1, max: 120 }),
        (values, cuts, nb) => {
          const [f, t] = rangeTraces(values, cuts, nb);
          expect(f).toEqual(t);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('with non-finite values and a faithful fallback in the middle of a range', () => {
    const value = fc.oneof(
      { weight: 20, arbitrary: fc.integer({ min: -500, max: 500 }).map((k) => k / 10) },
      { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 0, 1e308, -1e308) },
    );
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 600, size: 'max' }),
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.integer({ min: 1, max: 50 }),
        (values, cuts, nb) => {
          const [f, t] = rangeTraces(values, cuts, nb);
          expect(f).toEqual(t);
        },
      ),
      { numRuns: 60 },
    );
    // Shrinking gaps switch to the faithful structure partway (more scan records than the chain keeps).
    const rising = Array.from({ length: 3000 }, (_, i) => Math.log(i + 2));
    const [f, t] = rangeTraces(rising, [700, 1900], 2000);
    expect(f).toEqual(t);
  });
});

describe('FastNumericHistogram small mode (sorted pairs) → chunks', () => {
  it('switches at the first trim or past the small limit, bins and PRNG identical before and after', () => {
    // nbins below the limit: the first trim switches; above it: the size limit switches before any trim.
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 260, size: 'max' }),
        fc.constantFrom(1, 2, 7, 63, 64, 65, 100, 200, 10_000),
        chunkArb,
        (ks, nb, cb) => {
          const values = ks.map((k) => k / 100);
          const fast = new FastNumericHistogram(new JavaRandom(31183), cb);
          fast.allocate(nb);
          let distinct = 0;
          const seen = new Set<number>();
          let wasSmall = true;
          for (const v of values) {
            if (!seen.has(v)) distinct++;
            seen.add(v);
            fast.add(v);
            const small = fast.isSmall();
            // Once switched, never back; still small exactly while neither a trim nor the limit was reached.
            expect(small && !wasSmall).toBe(false);
            wasSmall = small;
            expect(small).toBe(distinct <= Math.min(nb, 64));
          }
          const [f, s] = traces(adds(values), nb, cb);
          expect(f).toEqual(s);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('without a generator given, draws from one seeded like Hive (created at the first trim)', () => {
    const rng = new JavaRandom(3);
    const values = Array.from({ length: 3000 }, () => Math.floor(rng.nextDouble() * 5000) / 100);
    const fast = new FastNumericHistogram();
    const slow = new NumericHistogram();
    fast.allocate(50);
    slow.allocate(50);
    for (const v of values) {
      fast.add(v);
      slow.add(v);
    }
    expect(bits(fast.serialize())).toBe(bits(slow.serialize()));
    expect(peek(fast.faithful().rng)).toBe(peek(slow.rng));
  });

  it('reads quantiles in place while small, and converts to the faithful structure from it', () => {
    const fast = new FastNumericHistogram();
    const slow = new NumericHistogram();
    fast.allocate(10_000);
    slow.allocate(10_000);
    for (const v of [5, -0, 0, 2.5, 5, 1e-300, -7.25, 2.5, 2.5]) {
      fast.add(v);
      slow.add(v);
    }
    expect(fast.isSmall()).toBe(true);
    const qs = [0.01, 0.2, 0.5, 0.77, 0.99];
    expect(bits(fast.quantiles(qs))).toBe(bits(qs.map((q) => slow.quantile(q))));
    const { x, y, used } = fast.bins();
    // -0 and 0 share a bin (compared with < and >, as Hive does): five bins.
    expect(used).toBe(5);
    expect(bits([...x, ...y])).toBe(
      bits([...slow.x.subarray(0, slow.used), ...slow.y.subarray(0, slow.used)]),
    );
    fast.add(Number.NaN);
    slow.add(Number.NaN);
    expect(fast.isSmall()).toBe(false);
    expect(bits(fast.serialize())).toBe(bits(slow.serialize()));
  });
});

describe('JavaRandom.skip and lastReservoirPick', () => {
  it('skip(n) leaves the state n calls of next() would', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
        fc.integer({ min: 0, max: 3000 }),
        (seed, n) => {
          const a = new JavaRandom(seed);
          const b = new JavaRandom(seed);
          for (let i = 0; i < n; i++) a.next(32);
          b.skip(n);
          expect(b.nextInt()).toBe(a.nextInt());
        },
      ),
      { numRuns: 100 },
    );
  });

  it('lastReservoirPick equals the nextDouble() <= 1/ties loop', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 200 }),
        (seed, ties, n) => {
          const a = new JavaRandom(seed);
          const b = new JavaRandom(seed);
          let want = 0;
          for (let r = 1; r <= n; r++) if (a.nextDouble() <= 1.0 / (ties + r)) want = r;
          expect(b.lastReservoirPick(ties, n)).toBe(want);
          expect(b.nextDouble()).toBe(a.nextDouble());
        },
      ),
      { numRuns: 200 },
    );
  });
});
