import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JavaRandom } from '../../src/internal/java-random';
import { FastNumericHistogram } from '../../src/internal/histogram/fast-numeric-histogram';
import { NumericHistogram } from '../../src/internal/histogram/numeric-histogram';
import { readDataRows } from './qtest-corpus';

/** Runs both structures on the same values; returns [fast, faithful] serializations plus the next PRNG draws. */
function both(values: readonly number[], nbins: number): [unknown, unknown] {
  const rf = new JavaRandom(31183);
  const rs = new JavaRandom(31183);
  const fast = new FastNumericHistogram(rf);
  const slow = new NumericHistogram(0, rs);
  fast.allocate(nbins);
  slow.allocate(nbins);
  for (const v of values) {
    fast.add(v);
    slow.add(v);
  }
  return [
    [fast.serialize(), rf.nextDouble()],
    [slow.serialize(), rs.nextDouble()],
  ];
}

describe('FastNumericHistogram ≡ faithful NumericHistogram (bins, centres and PRNG state)', () => {
  it('on integer data full of tied gaps', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 300 }),
        fc.integer({ min: 1, max: 40 }),
        (values, nb) => {
          const [a, b] = both(values, nb);
          expect(a).toEqual(b);
        },
      ),
      { numRuns: 150 },
    );
  });
  it('on doubles, including ±Infinity and NaN (which switch to the faithful structure)', () => {
    const v = fc.oneof(
      { weight: 20, arbitrary: fc.double({ min: -1e3, max: 1e3, noNaN: true }) },
      { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Infinity, -Infinity, 0, -0) },
    );
    fc.assert(
      fc.property(fc.array(v, { maxLength: 300 }), fc.integer({ min: 1, max: 50 }), (values, nb) => {
        const [a, b] = both(values, nb);
        expect(a).toEqual(b);
      }),
      { numRuns: 150 },
    );
  });
  it('on the corpus column with many bins (chunk splits)', () => {
    const values = readDataRows('kv1.txt').map((r) => Number((r[1] ?? '').slice(4)));
    for (const nb of [2, 20, 100, 200]) {
      const [a, b] = both([...values, ...values.map((x) => x / 7)], nb);
      expect(a).toEqual(b);
    }
  });
});
