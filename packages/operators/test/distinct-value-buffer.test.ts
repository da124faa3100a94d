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

/** The raw bit pattern of a double (NaN payload included). */
function rawBits(v: number): string {
  return new BigUint64Array(Float64Array.of(v).buffer)[0]!.toString(16);
}

/** A NaN with a payload other than the canonical one (the buffer must treat it as the canonical NaN). */
const otherNaN = new Float64Array(new BigUint64Array([0x7ff8_0000_dead_beefn]).buffer)[0]!;

describe('DistinctValueBuffer (internal), unordered against ordered', () => {
  it('keeps the same distinct values per group (by bits, with ±0 and NaN), however often it compacts', () => {
    const valueArb = fc.oneof(
      fc.constantFrom(0, -0, Number.NaN, otherNaN, Number.NEGATIVE_INFINITY, 5e-324, -5e-324),
      // 121 values: groups with more than 32 take the hash set, not the scan.
      fc.integer({ min: -60, max: 60 }).map((x) => x / 4),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.array(fc.tuple(fc.nat(), fc.option(valueArb, { nil: null })), { maxLength: 200 }), {
          maxLength: 5,
        }),
        fc.integer({ min: 1, max: 8 }),
        (numGroups, batches, threshold) => {
          const ordered = new DistinctValueBuffer(threshold, true);
          const unordered = new DistinctValueBuffer(threshold, false);
          for (const rows of batches) {
            const col = doubleColumn(rows.map((r) => r[1]));
            const gids = Int32Array.from(rows.map((r) => r[0] % numGroups));
            for (const buf of [ordered, unordered]) {
              buf.ensureGroups(numGroups);
              buf.addColumn(gids, col, rows.length);
            }
          }
          const a = ordered.segments();
          const b = unordered.segments();
          for (let g = 0; g < numGroups; g++) {
            const want = Array.from(a.values.subarray(a.starts[g], a.starts[g + 1]), rawBits);
            const got = Array.from(
              b.values
                .subarray(b.starts[g], b.starts[g + 1])
                .slice()
                .sort(),
              rawBits,
            );
            expect(got).toEqual(want);
            expect(unordered.hasNull(g)).toBe(ordered.hasNull(g));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

function doubleColumn(values: readonly (number | null)[]): FixedColumn {
  const validity = new Uint8Array((values.length + 7) >> 3);
  values.forEach((v, i) => {
    if (v != null) validity[i >> 3]! |= 1 << (i & 7);
  });
  return {
    type: HiveTypes.double,
    layout: 'fixed',
    length: values.length,
    nullCount: values.filter((v) => v == null).length,
    validity,
    values: Float64Array.from(values, (v) => v ?? 0),
  };
}
