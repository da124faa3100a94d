import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dedupeByGroup } from '../src/kernels/dedupe-by-group';
import type { GroupedSets } from '../src/kernels/dedupe-by-group';

/** Bit pattern of a double (every NaN here is the canonical one). */
function bitsKey(v: number): string {
  const b = new DataView(new ArrayBuffer(8));
  b.setFloat64(0, v);
  return b.getBigUint64(0).toString(16);
}

const valueArb = fc.oneof(
  fc.constantFrom(0, -0, Number.NaN, Number.POSITIVE_INFINITY, 5e-324, 1.5),
  fc.integer({ min: -60, max: 60 }).map((x) => x / 4),
);

describe('dedupeByGroup', () => {
  it('keeps each group its old values in place, then its new distinct values in row order (by bits)', () => {
    fc.assert(
      fc.property(
        // Rounds of rows; up to 3 groups take ~100 values each (hash set), 40 groups a few each (scan).
        fc.array(
          fc.array(fc.tuple(fc.integer({ min: 0, max: 39 }), valueArb), { maxLength: 300, size: 'max' }),
          { minLength: 1, maxLength: 4 },
        ),
        fc.boolean(),
        (rounds, few) => {
          const numGroups = few ? 3 : 40;
          let sets: GroupedSets = { starts: new Int32Array(1), values: new Float64Array(0) };
          const want: string[][] = Array.from({ length: numGroups }, () => []);
          for (const rows of rounds) {
            const groups = Int32Array.from(rows.map(([g]) => g % numGroups));
            const values = Float64Array.from(rows.map(([, v]) => v));
            sets = dedupeByGroup({ groups, values, numRows: rows.length }, sets, numGroups);
            rows.forEach(([g, v]) => {
              const seen = want[g % numGroups]!;
              if (!seen.includes(bitsKey(v))) seen.push(bitsKey(v));
            });
            for (let g = 0; g < numGroups; g++) {
              const got = Array.from(sets.values.subarray(sets.starts[g], sets.starts[g + 1]), bitsKey);
              expect(got).toEqual(want[g]);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
