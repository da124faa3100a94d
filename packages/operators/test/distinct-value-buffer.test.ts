import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HiveTypes } from '@hive-batch/core';
import type { FixedColumn } from '@hive-batch/core';
import { DistinctValueBuffer } from '../src/kernels/distinct-value-buffer';

/** Canonical key of a double: its bit pattern, with every NaN the same. */
function bitsKey(v: number): string {
  const b = new DataView(new ArrayBuffer(8));
  b.setFloat64(0, Number.isNaN(v) ? Number.NaN : v);
  return b.getBigUint64(0).toString(16);
}

describe.each([
  { ordered: true, order: 'in Double.compare order' },
  { ordered: false, order: 'in any order (deduplicated by hashing)' },
])('DistinctValueBuffer (internal), ordered: $ordered', ({ ordered, order }) => {
  it(`gives each group its distinct values ${order}, across compactions`, () => {
    const valueArb = fc.oneof(
      fc.constantFrom(0, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1.5),
      fc.integer({ min: -20, max: 20 }).map((x) => x / 2),
    );
    // Up to ~40 values per group: groups past 32 old and new values take the hash set when unordered.
    const batchArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.option(valueArb, { nil: null })), {
      maxLength: 60,
    });
    fc.assert(
      fc.property(
        fc.array(batchArb, { maxLength: 6 }),
        fc.integer({ min: 1, max: 30 }),
        (batches, threshold) => {
          const buf = new DistinctValueBuffer(threshold, ordered);
          const ref = new Map<number, Map<string, number>>();
          const nulls = new Set<number>();
          for (const rows of batches) {
            const gids = Int32Array.from(rows.map((r) => r[0]));
            const values = Float64Array.from(rows.map((r) => r[1] ?? 0));
            const validity = new Uint8Array((rows.length + 7) >> 3);
            rows.forEach((r, i) => {
              if (r[1] != null) validity[i >> 3]! |= 1 << (i & 7);
            });
            const col: FixedColumn = {
              type: HiveTypes.double,
              layout: 'fixed',
              length: rows.length,
              nullCount: rows.filter((r) => r[1] == null).length,
              validity,
              values,
            };
            buf.ensureGroups(6);
            buf.addColumn(gids, col, rows.length);
            for (const [g, v] of rows) {
              if (v == null) nulls.add(g);
              else ref.set(g, (ref.get(g) ?? new Map<string, number>()).set(bitsKey(v), v));
            }
          }
          const { starts, values } = buf.segments();
          for (let g = 0; g < 6; g++) {
            const own = values.subarray(starts[g], starts[g + 1]);
            const got = Array.from(ordered ? own : own.slice().sort());
            const want = Float64Array.from([...(ref.get(g)?.values() ?? [])]).sort();
            expect(got.map(bitsKey)).toEqual(Array.from(want).map(bitsKey));
            expect(buf.hasNull(g)).toBe(nulls.has(g));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
