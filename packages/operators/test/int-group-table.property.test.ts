// IntGroupTable's group ids must be a first-appearance numbering of the keys (NULL its own group) whatever path
// serves a batch: the NULL-free direct-map loop (which stops at each new key), the direct map with NULL keys, the
// map widened mid-batch, or the hash table it switches to when keys span too wide a range.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntGroupTable } from '../src/kernels/int-group-table';

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/** Keys from a few ranges: small, negative, near the int32 edges, and wide enough to force hashing. */
const keyArb = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -3, max: 6 }) },
  { weight: 2, arbitrary: fc.integer({ min: -1010, max: -990 }) },
  { weight: 1, arbitrary: fc.integer({ min: INT_MAX - 3, max: INT_MAX }) },
  { weight: 1, arbitrary: fc.integer({ min: INT_MIN, max: INT_MIN + 3 }) },
  { weight: 1, arbitrary: fc.integer() },
);

/** One batch: keys (NULL = null) and whether the column carries a validity bitmap. */
const batchArb = fc.record({
  keys: fc.array(fc.option(keyArb, { nil: null, freq: 6 }), { maxLength: 80 }),
  nullable: fc.boolean(),
  // Keys of a run of batches often stay in one range; `narrow` keeps this batch in the small one.
  narrow: fc.boolean(),
});

describe('IntGroupTable', () => {
  it('numbers keys by first appearance (NULL its own group) for any batch sizes, key ranges and NULL keys', () => {
    fc.assert(
      fc.property(fc.array(batchArb, { maxLength: 6 }), (batches) => {
        const table = new IntGroupTable();
        const reference = new Map<number | null, number>();
        for (const b of batches) {
          // A column without a bitmap has no NULLs: its NULL rows become key 0.
          const keys = b.keys.map((k) => (b.narrow && k != null ? ((k % 7) + 7) % 7 : k));
          const rows = b.nullable ? keys : keys.map((k) => k ?? 0);
          const n = rows.length;
          const values = Int32Array.from(rows, (k) => k ?? 0);
          let validity: Uint8Array | null = null;
          if (b.nullable) {
            validity = new Uint8Array((n + 7) >> 3);
            rows.forEach((k, i) => {
              if (k != null) validity![i >> 3]! |= 1 << (i & 7);
            });
          }
          const out = new Int32Array(n);
          table.groupIds(values, validity, n, out);
          const want = rows.map((k) => {
            let g = reference.get(k);
            if (g === undefined) {
              g = reference.size;
              reference.set(k, g);
            }
            return g;
          });
          expect(Array.from(out)).toEqual(want);
        }
        expect(table.size).toBe(reference.size);
        expect(table.nullGroup).toBe(reference.get(null) ?? -1);
        const keyed = [...reference].filter(([k]) => k != null);
        expect(keyed.map(([, g]) => table.groupKeys[g])).toEqual(keyed.map(([k]) => k));
      }),
      { numRuns: 300 },
    );
  });
});
