import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HiveTypes, arrayType, columnFromValues } from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
import {
  aggregateBatchGrouped,
  aggregateRowsGrouped,
  mergePartialsGrouped,
  percentile,
  percentileCont,
  percentileDisc,
  resolveAggregate,
} from '@hive-batch/aggregate';
import type { AggregateEvaluator, AggregateFunctionDefinition, JsonValue } from '@hive-batch/aggregate';
import { exactEquals, show } from '../helpers/split-invariance';
import { checkBatchEquivalence } from './batch-equivalence';
import { countValue, mapPercentiles } from './percentile-exact-reference';
import type { CountTable, MapPercentileOptions } from './percentile-exact-reference';

// The raw-value evaluator against the old value → count Map algorithm (percentile-exact-reference.ts), bit for
// bit (Object.is: -0.0 vs 0.0 and NaN count), through every path: rows, the batch kernels, and partials.

/** Group ids 0..3 are spread this far apart to give the state a capacity beyond the direct-write limit. */
const SPREAD = 1_000;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const TWO_53 = 2n ** 53n;

/** Longs with many duplicates, the ±2^53 edges, Long.MIN/MAX and arbitrary 64-bit values. */
const longValue = fc.oneof(
  { weight: 4, arbitrary: fc.bigInt({ min: -20n, max: 20n }) },
  { weight: 2, arbitrary: fc.bigInt({ min: TWO_53 - 3n, max: TWO_53 + 3n }) },
  { weight: 2, arbitrary: fc.bigInt({ min: -TWO_53 - 3n, max: -TWO_53 + 3n }) },
  { weight: 1, arbitrary: fc.constantFrom(LONG_MIN, LONG_MAX, LONG_MIN + 1n, LONG_MAX - 1n, 0n) },
  { weight: 2, arbitrary: fc.bigInt({ min: LONG_MIN, max: LONG_MAX }) },
);
/** Doubles with -0.0, 0.0, NaN, ±Infinity, duplicates and arbitrary bit patterns. */
const doubleValue = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -5, max: 5 }).map((x) => x / 2) },
  { weight: 2, arbitrary: fc.constantFrom(-0, 0, Number.NaN, Infinity, -Infinity, Number.MAX_VALUE) },
  { weight: 2, arbitrary: fc.double() },
);
const pc = fc.oneof(fc.constantFrom(0, 1, 0.5, 0.25, 0.99, 0.3), fc.double({ min: 0, max: 1, noNaN: true }));
/** 0..8 percentiles: up to 4 are answered by selection, more by one sort. */
const pcList = fc.array(pc, { maxLength: 8 });

interface Site {
  readonly fn: AggregateFunctionDefinition;
  readonly valueType: DataType;
  readonly multiple: boolean;
  readonly order: MapPercentileOptions;
  /** The WITHIN GROUP order argument, if the call has one. */
  readonly ascendingArg?: boolean;
}

function evaluatorOf(site: Site, constantPc: unknown): AggregateEvaluator {
  const pcType = site.multiple ? arrayType(HiveTypes.double) : HiveTypes.double;
  const extra = site.ascendingArg === undefined ? [] : [site.ascendingArg];
  return resolveAggregate(site.fn, {
    argumentTypes: [site.valueType, pcType, ...extra.map(() => HiveTypes.boolean)],
    constantArguments: [undefined, constantPc, ...extra],
  });
}

/** The old evaluator, group by group: percentiles from the first row that has them, Map counts, old walk. */
function reference(
  site: Site,
  rows: readonly (readonly unknown[])[],
  groupIds: readonly number[],
  numGroups: number,
): unknown[] {
  const tables: CountTable[] = [];
  const pss: (number[] | null)[] = [];
  for (let g = 0; g < numGroups; g++) {
    tables.push(new Map());
    pss.push(null);
  }
  rows.forEach((row, i) => {
    const g = groupIds[i] ?? 0;
    const p = row[1];
    if (pss[g] == null && p != null) pss[g] = site.multiple ? [...(p as number[])] : [p as number];
    const v = row[0] as bigint | number | null;
    if (v != null) countValue(tables[g]!, v, site.order.longKeys);
  });
  return tables.map((t, g) => {
    const ps = pss[g];
    if (ps == null) return null;
    const r = mapPercentiles(t, ps, site.order);
    if (r == null) return null;
    return site.multiple ? r : r[0];
  });
}

function rowsOf(site: Site, values: readonly (bigint | number | null)[], ps: readonly number[]): unknown[][] {
  const p = site.multiple ? ps : (ps[0] ?? 0.5);
  const extra = site.ascendingArg === undefined ? [] : [site.ascendingArg];
  return values.map((v) => [v, p, ...extra]);
}

function columnsOf(
  ev: AggregateEvaluator,
  rows: readonly (readonly unknown[])[],
): ReturnType<typeof columnFromValues>[] {
  return ev.inputTypes.map((t, k) =>
    columnFromValues(
      t,
      rows.map((r) => r[k] ?? null),
    ),
  );
}

function expectSame(actual: unknown, expected: unknown): void {
  if (!exactEquals(actual, expected)) throw new Error(`got ${show(actual)}, want ${show(expected)}`);
}

const longSites: Site[] = [false, true].map((multiple) => ({
  fn: percentile,
  valueType: HiveTypes.bigint,
  multiple,
  order: { longKeys: true, kind: 'cont', ascending: true },
}));
const orderedSites: Site[] = [percentileCont, percentileDisc].flatMap((fn) =>
  [true, false].flatMap((ascending) =>
    [false, true].map((multiple) => ({
      fn,
      valueType: HiveTypes.double,
      multiple,
      order: { longKeys: false, kind: fn === percentileCont ? 'cont' : 'disc', ascending } as const,
      ascendingArg: ascending,
    })),
  ),
);
/** percentile_cont/disc over integers take long keys (and a double interpolation), like Hive's resolver. */
const orderedLongSites: Site[] = [percentileCont, percentileDisc].map((fn) => ({
  fn,
  valueType: HiveTypes.bigint,
  multiple: true,
  order: { longKeys: true, kind: fn === percentileCont ? 'cont' : 'disc', ascending: false },
  ascendingArg: false,
}));

const cases: readonly (readonly [string, Site, fc.Arbitrary<bigint | number>])[] = [
  ...longSites.map((s) => [`percentile ${s.multiple ? 'array' : 'scalar'}`, s, longValue] as const),
  ...orderedSites.map(
    (s) =>
      [
        `${s.fn.name} ${s.order.ascending ? 'ASC' : 'DESC'} ${s.multiple ? 'array' : 'scalar'}`,
        s,
        doubleValue,
      ] as const,
  ),
  ...orderedLongSites.map((s) => [`${s.fn.name} bigint DESC`, s, longValue] as const),
];

describe.each(cases)('%s ≡ the Map-based algorithm', (_name, site, value) => {
  const values = fc.array(fc.option(value, { nil: null, freq: 8 }), { maxLength: 120 });
  const grouped = fc.array(fc.tuple(fc.option(value, { nil: null, freq: 8 }), fc.nat(3)), { maxLength: 150 });

  it('COMPLETE row by row and through the batch kernel, several groups', () => {
    const run = (): void =>
      fc.assert(
        fc.property(grouped, pcList, fc.boolean(), (rowsWithGroups, ps, manyGroups) => {
          const rows = rowsOf(
            site,
            rowsWithGroups.map(([v]) => v),
            ps,
          );
          const groupIds = rowsWithGroups.map(([, g]) => g);
          const ev = evaluatorOf(site, site.multiple ? ps : ps[0]);
          const want = reference(site, rows, groupIds, 4);
          expectSame(aggregateRowsGrouped(ev, rows, { mode: 'complete', groupIds, numGroups: 4 }), want);
          // With many groups (capacity) the kernel goes through the pending log; with few, straight to them.
          const spread = manyGroups ? SPREAD : 1;
          const viaBatch = aggregateBatchGrouped(ev, columnsOf(ev, rows), {
            mode: 'complete',
            groupIds: groupIds.map((g) => g * spread),
            numGroups: 3 * spread + 1,
            numRows: rows.length,
          });
          expectSame(
            [0, 1, 2, 3].map((g) => viaBatch[g * spread]),
            want,
          );
        }),
        { numRuns: 150 },
      );
    expect(run).not.toThrow();
  });

  it('percentile arguments that are NULL or change between rows: the first one per group counts', () => {
    const perRowPc = fc.option((site.multiple ? pcList : pc) as fc.Arbitrary<number | number[]>, {
      nil: null,
      freq: 3,
    });
    const row = fc.tuple(fc.option(value, { nil: null, freq: 8 }), perRowPc, fc.nat(3));
    const run = (): void =>
      fc.assert(
        fc.property(fc.array(row, { maxLength: 120 }), fc.boolean(), (generated, manyGroups) => {
          const extra = site.ascendingArg === undefined ? [] : [site.ascendingArg];
          const rows = generated.map(([v, p]) => [v, p, ...extra]);
          const groupIds = generated.map(([, , g]) => g);
          const ev = evaluatorOf(site, undefined);
          const want = reference(site, rows, groupIds, 4);
          expectSame(aggregateRowsGrouped(ev, rows, { mode: 'complete', groupIds, numGroups: 4 }), want);
          const spread = manyGroups ? SPREAD : 1;
          const viaBatch = aggregateBatchGrouped(ev, columnsOf(ev, rows), {
            mode: 'complete',
            groupIds: groupIds.map((g) => g * spread),
            numGroups: 3 * spread + 1,
            numRows: rows.length,
          });
          expectSame(
            [0, 1, 2, 3].map((g) => viaBatch[g * spread]),
            want,
          );
        }),
        { numRuns: 60 },
      );
    expect(run).not.toThrow();
  });

  it('PARTIAL1 per chunk → binary/JSON partial → merge → FINAL', () => {
    const run = (): void =>
      fc.assert(
        fc.property(values, pcList, fc.array(fc.nat(200), { maxLength: 5 }), (vs, ps, cuts) => {
          const rows = rowsOf(site, vs, ps);
          const ev = evaluatorOf(site, site.multiple ? ps : ps[0]);
          const bounds = [0, ...cuts.map((c) => c % (rows.length + 1)).sort((a, b) => a - b), rows.length];
          const partials = bounds.slice(1).map((end, i) => {
            const chunk = rows.slice(bounds[i], Math.max(bounds[i]!, end));
            const p = aggregateBatchGrouped(ev, columnsOf(ev, chunk), {
              mode: 'partial1',
              numGroups: 1,
              numRows: chunk.length,
            })[0];
            return i % 2 === 0
              ? ev.decodePartial(ev.encodePartial(p))
              : ev.partialFromJson(JSON.parse(JSON.stringify(ev.partialToJson(p))) as JsonValue);
          });
          // A PARTIAL2 step in the middle: merge the first half, re-emit it, then FINAL over everything.
          const half = Math.ceil(partials.length / 2);
          const mid = mergePartialsGrouped(ev, partials.slice(0, half), {
            mode: 'partial2',
            numGroups: 1,
          })[0];
          const final = mergePartialsGrouped(ev, [mid, ...partials.slice(half)], {
            mode: 'final',
            numGroups: 1,
          });
          expectSame(final[0], reference(site, rows, [], 1)[0]);
        }),
        { numRuns: 100 },
      );
    expect(run).not.toThrow();
  });

  it('the batch kernel gives the same partials as row-at-a-time accumulate', () => {
    const ps = [0, 0.5, 1];
    const ev = evaluatorOf(site, site.multiple ? ps : 0.5);
    const row = fc.option(value, { nil: null }).map((v) => rowsOf(site, [v], ps)[0]!);
    expect(() => checkBatchEquivalence(ev, row, 60)).not.toThrow();
  });
});

describe('exact percentile edge cases', () => {
  const [scalar, array] = longSites as [Site, Site];
  it('all NULL or no rows → NULL; a single value → that value for every p', () => {
    const ev = evaluatorOf(array, [0, 0.5, 1]);
    const run = (vs: (bigint | null)[]): unknown =>
      aggregateBatchGrouped(ev, columnsOf(ev, rowsOf(array, vs, [0, 0.5, 1])), {
        mode: 'complete',
        numGroups: 1,
        numRows: vs.length,
      })[0];
    expect(run([])).toBeNull();
    expect(run([null, null, null])).toBeNull();
    expect(run([null, LONG_MAX, null])).toEqual([2 ** 63, 2 ** 63, 2 ** 63]);
    expect(run([-7n])).toEqual([-7, -7, -7]);
  });

  it('Long.MIN/MAX and 2^53 ± 1 are ordered as longs before they are read as doubles', () => {
    const ev = evaluatorOf(scalar, 0.5);
    const vs = [TWO_53 + 1n, TWO_53, TWO_53 - 1n, LONG_MIN, LONG_MAX];
    const rows = rowsOf(scalar, vs, [0.5]);
    const want = reference(scalar, rows, [], 1);
    expect(want).toEqual([2 ** 53]);
    expectSame(aggregateRowsGrouped(ev, rows, { mode: 'complete', numGroups: 1 }), want);
  });

  it('the percentiles come from the first row that has them, per group', () => {
    const ev = evaluatorOf(scalar, undefined);
    const rows = [
      [5n, null],
      [1n, 0],
      [9n, 1],
      [3n, null],
    ];
    const groupIds = [0, 0, 1, 0];
    const want = reference(scalar, rows, groupIds, 2);
    expect(want).toEqual([1, 9]);
    const viaBatch = aggregateBatchGrouped(ev, columnsOf(ev, rows), {
      mode: 'complete',
      groupIds,
      numGroups: 2,
      numRows: rows.length,
    });
    expectSame(viaBatch, want);
  });

  it('a percentile outside [0, 1] in the batch kernel is rejected like Hive does', () => {
    const ev = evaluatorOf(scalar, undefined);
    const rows = [[1n, 1.5]];
    expect(() =>
      aggregateBatchGrouped(ev, columnsOf(ev, rows), { mode: 'complete', numGroups: 1, numRows: 1 }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }));
  });
});
