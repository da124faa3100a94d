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
  keys: fc.array(fc.option(keyArb, { nil: null, freq: 6 }), { maxLength: 80, size: 'max' }),
  nullable: fc.boolean(),
  // Keys of a run of batches often stay in one range; `narrow` keeps this batch in the small one.
  narrow: fc.boolean(),
});

/**
 * Runs the batches through one table and checks every id against a first-appearance numbering (throws on the
 * first difference).
 */
function checkFirstAppearance(
  batches: readonly { rows: readonly (number | null)[]; nullable: boolean }[],
): void {
  const table = new IntGroupTable();
  const reference = new Map<number | null, number>();
  for (const { rows, nullable } of batches) {
    const n = rows.length;
    const values = Int32Array.from(rows, (k) => k ?? 0);
    let validity: Uint8Array | null = null;
    if (nullable) {
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
}

describe('IntGroupTable', () => {
  it('numbers keys by first appearance (NULL its own group) for any batch sizes, key ranges and NULL keys', () => {
    expect(() =>
      fc.assert(
        fc.property(fc.array(batchArb, { maxLength: 6 }), (batches) => {
          checkFirstAppearance(
            batches.map((b) => {
              const keys = b.keys.map((k) => (b.narrow && k != null ? ((k % 7) + 7) % 7 : k));
              // A column without a bitmap has no NULLs: its NULL rows become key 0.
              return { rows: b.nullable ? keys : keys.map((k) => k ?? 0), nullable: b.nullable };
            }),
          );
        }),
        { numRuns: 300 },
      ),
    ).not.toThrow();
  });

  it('finds the first new or out-of-map key at any row of an 8-row block (keys drifting batch by batch)', () => {
    // Each batch draws from a window shifted from the previous one, so new keys (and keys outside the map built
    // so far) turn up at every position among rows whose keys already have groups.
    const drift = fc.array(
      fc.record({
        shift: fc.integer({ min: -12, max: 12 }),
        keys: fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 120, size: 'max' }),
      }),
      { maxLength: 6 },
    );
    expect(() =>
      fc.assert(
        fc.property(drift, (batches) => {
          let offset = 0;
          checkFirstAppearance(
            batches.map((b) => {
              offset += b.shift;
              return { rows: b.keys.map((k) => k + offset), nullable: false };
            }),
          );
        }),
        { numRuns: 300 },
      ),
    ).not.toThrow();
  });
});
