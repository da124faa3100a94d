import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortByGroupAndValue } from '../src/kernels/sort-by-group-and-value';

/** A double's bit pattern as hex (distinguishes -0 from 0). */
function bits(v: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v);
  return view.getBigUint64(0).toString(16);
}

/** Reference: each group's values sorted by the typed-array sort (Double.compare order). */
function reference(groups: Int32Array, values: Float64Array, numGroups: number): string[][] {
  const byGroup: number[][] = Array.from({ length: numGroups }, () => []);
  groups.forEach((g, i) => byGroup[g]!.push(values[i]!));
  return byGroup.map((vs) => Array.from(Float64Array.from(vs).sort()).map(bits));
}

describe('sortByGroupAndValue (internal)', () => {
  // Tiny groups take the insertion sort, bigger ones the typed-array sort.
  for (const rows of [200, 5_000]) {
    it(`sorts ${rows} rows by group, then in Double.compare order`, () => {
      const special = fc.constantFrom(0, -0, Number.NaN, Infinity, -Infinity, 5e-324, -5e-324, 1.5, -1.5);
      const value = fc.oneof(
        special,
        fc.double({ noNaN: true }),
        fc.integer({ min: -300, max: 300 }).map((x) => x / 8),
      );
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 50 }),
          fc.array(value, { minLength: 1, maxLength: 64 }),
          fc.integer(),
          (numGroups, palette, seed) => {
            // Spread a small palette over many rows (repeats like real data), deterministically from the seed.
            let s = seed >>> 0;
            const next = (): number => {
              s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
              return s;
            };
            const groups = new Int32Array(rows);
            const values = new Float64Array(rows);
            for (let i = 0; i < rows; i++) {
              groups[i] = next() % numGroups;
              values[i] = palette[next() % palette.length]!;
            }
            const got = sortByGroupAndValue(groups, values, { numRows: rows, numGroups });
            const want = reference(groups, values, numGroups);
            for (let g = 0; g < numGroups; g++) {
              const seg = Array.from(got.values.subarray(got.starts[g], got.starts[g + 1])).map(bits);
              expect(seg).toEqual(want[g]);
            }
          },
        ),
        { numRuns: 60 },
      );
    });
  }
});
