import { describe, expect, it } from 'vitest';
import { HiveTypes, arrayType } from '@hive-batch/core';
import type { Column } from '@hive-batch/core';
import {
  aggregateRowsGrouped,
  createAccumulatorState,
  mergePartialsGrouped,
  percentile,
  percentileCont,
  percentileDisc,
  resolveAggregate,
} from '@hive-batch/aggregate';
import type { AggregateEvaluator } from '@hive-batch/aggregate';
import { mulberry32 } from '@hive-batch/test-utils';
import { mapPercentileOfValues } from './percentile-exact-reference';

// Groups large enough to leave the shared pool, to be chunked, and to be compacted into a count table; several
// batches per group, as the operator sends them. Results must stay those of the Map-based algorithm.

const PS = [0, 0.1, 0.37, 0.5, 0.9, 0.999, 1];

function fixed(
  type: typeof HiveTypes.bigint,
  values: BigInt64Array | Float64Array,
  valid?: boolean[],
): Column {
  let validity: Uint8Array | null = null;
  let nullCount = 0;
  if (valid != null) {
    validity = new Uint8Array((values.length + 7) >> 3);
    valid.forEach((ok, i) => {
      if (ok) validity![i >> 3]! |= 1 << (i & 7);
      else nullCount++;
    });
  }
  return { type, layout: 'fixed', length: values.length, nullCount, validity, values };
}

/** The constant percentile argument as the operator passes it: one list per row. */
function percentileColumn(n: number): Column {
  const offsets = new Int32Array(n + 1);
  const child = new Float64Array(n * PS.length);
  for (let i = 0; i < n; i++) {
    offsets[i + 1] = (i + 1) * PS.length;
    child.set(PS, i * PS.length);
  }
  return {
    type: arrayType(HiveTypes.double),
    layout: 'list',
    length: n,
    nullCount: 0,
    validity: null,
    offsets,
    child: fixed(HiveTypes.double, child),
  };
}

/** Feeds `values` to `groups` groups (row i → group i % groups) in batches of `batch` rows; returns the state. */
function accumulate(
  ev: AggregateEvaluator,
  data: { readonly values: BigInt64Array | Float64Array; readonly groups: number; readonly batch: number },
): ReturnType<typeof createAccumulatorState> {
  const state = createAccumulatorState(ev.layout, data.groups);
  for (let g = 0; g < data.groups; g++) ev.init(state, g);
  const type = data.values instanceof BigInt64Array ? HiveTypes.bigint : HiveTypes.double;
  for (let s = 0; s < data.values.length; s += data.batch) {
    const n = Math.min(data.batch, data.values.length - s);
    const groupIds = Int32Array.from({ length: n }, (_, i) => (s + i) % data.groups);
    ev.accumulateBatch(
      state,
      groupIds,
      [fixed(type, data.values.subarray(s, s + n)), percentileColumn(n)],
      n,
    );
  }
  return state;
}

function groupValues<T extends bigint | number>(values: ArrayLike<T>, groups: number, g: number): T[] {
  const out: T[] = [];
  for (let i = g; i < values.length; i += groups) out.push(values[i]!);
  return out;
}

describe('exact percentile on large groups', () => {
  const longEv = resolveAggregate(percentile, {
    argumentTypes: [HiveTypes.bigint, arrayType(HiveTypes.double)],
    constantArguments: [undefined, PS],
  });

  it('groups of 30k longs (pool, own buffer, chunks; some beyond 2^53) equal the Map-based result', () => {
    const rnd = mulberry32(7);
    const values = BigInt64Array.from({ length: 90_000 }, (_, i) =>
      i % 997 === 0 ? 2n ** 60n + BigInt(i) : BigInt(Math.floor(rnd() * 5000) - 2500),
    );
    const state = accumulate(longEv, { values, groups: 3, batch: 4096 });
    for (let g = 0; g < 3; g++) {
      const want = mapPercentileOfValues(groupValues(values, 3, g), PS, {
        longKeys: true,
        kind: 'cont',
        ascending: true,
      });
      expect(longEv.terminate(state, g)).toStrictEqual(want);
    }
  });

  it('a group of few distinct values is compacted into counts (memory) and still gives the same digits', () => {
    const rnd = mulberry32(11);
    const n = 600_000;
    const values = Float64Array.from({ length: n }, (_, i) =>
      i % 5000 === 0 ? Number.NaN : i % 777 === 0 ? -0 : Math.floor(rnd() * 10) / 4,
    );
    const ev = resolveAggregate(percentileCont, {
      argumentTypes: [HiveTypes.double, arrayType(HiveTypes.double), HiveTypes.boolean],
      constantArguments: [undefined, PS, false],
    });
    const state = accumulate(ev, { values, groups: 1, batch: 65536 });
    // Any partial or result places pending rows first (there are none with so few groups).
    ev.terminatePartial(state, 0);
    // 600k raw doubles would be 4.8 MB; the count table of ~12 keys plus the refilling buffer is far less.
    expect(ev.estimateSideBytes!(state, 0)).toBeLessThan(n * 2);
    const want = mapPercentileOfValues(Array.from(values), PS, {
      longKeys: false,
      kind: 'cont',
      ascending: false,
    });
    expect(ev.terminate(state, 0)).toStrictEqual(want);
  });

  it('many distinct values are not compacted, and the size estimate says so', () => {
    const n = 300_000;
    const values = BigInt64Array.from({ length: n }, (_, i) => BigInt((i * 7919) % n));
    const state = accumulate(longEv, { values, groups: 1, batch: 65536 });
    longEv.terminatePartial(state, 0);
    expect(longEv.estimateSideBytes!(state, 0)).toBeGreaterThanOrEqual(n * 8);
    const small = accumulate(longEv, { values: values.subarray(0, 10), groups: 1, batch: 10 });
    expect(longEv.estimateSideBytes!(small, 0)).toBeLessThan(1000);
  });

  it('50k groups (pending rows, bucketed distribution) equal the Map-based result group by group', () => {
    const rnd = mulberry32(5);
    const groups = 50_000;
    const n = 400_000;
    const values = BigInt64Array.from({ length: n }, (_, i) =>
      i % 4099 === 0 ? -(2n ** 62n) - BigInt(i) : BigInt(Math.floor(rnd() * 1000)),
    );
    const valid = Array.from({ length: n }, (_, i) => i % 13 !== 5);
    const ids = Int32Array.from({ length: n }, () => Math.floor(rnd() ** 2 * groups));
    const state = createAccumulatorState(longEv.layout, groups);
    for (let g = 0; g < groups; g++) longEv.init(state, g);
    for (let s = 0; s < n; s += 65_536) {
      const m = Math.min(65_536, n - s);
      longEv.accumulateBatch(
        state,
        ids.subarray(s, s + m),
        [fixed(HiveTypes.bigint, values.subarray(s, s + m), valid.slice(s, s + m)), percentileColumn(m)],
        m,
      );
    }
    const perGroup: (bigint | null)[][] = Array.from({ length: groups }, () => []);
    ids.forEach((g, i) => perGroup[g]!.push(valid[i] ? values[i]! : null));
    const options = { longKeys: true, kind: 'cont', ascending: true } as const;
    for (let g = 0; g < groups; g += 7) {
      const want = perGroup[g]!.length === 0 ? null : mapPercentileOfValues(perGroup[g]!, PS, options);
      expect(longEv.terminate(state, g)).toStrictEqual(want);
    }
  });

  it('one or two percentiles of large long groups, ASC and DESC, equal the Map-based result', () => {
    const rnd = mulberry32(13);
    const values = BigInt64Array.from({ length: 30_000 }, (_, i) =>
      i % 3 === 0 ? BigInt(Math.floor(rnd() * 40) - 20) : BigInt(Math.floor((rnd() - 0.5) * 2 ** 52)),
    );
    const list = [[0.5], [0.25, 0.999], [0, 1], [0.37]];
    for (const [fn, kind, ascending] of [
      [percentile, 'cont', true],
      [percentileCont, 'cont', false],
      [percentileDisc, 'disc', false],
      [percentileDisc, 'disc', true],
    ] as const) {
      for (const ps of list) {
        const extra = fn === percentile ? [] : [ascending];
        const ev = resolveAggregate(fn, {
          argumentTypes: [
            HiveTypes.bigint,
            arrayType(HiveTypes.double),
            ...extra.map(() => HiveTypes.boolean),
          ],
          constantArguments: [undefined, ps, ...extra],
        });
        const rows = Array.from(values, (v) => [v, ps, ...extra]);
        const got = aggregateRowsGrouped(ev, rows, { mode: 'complete', numGroups: 1 })[0];
        expect(got).toStrictEqual(
          mapPercentileOfValues(Array.from(values), ps, { longKeys: true, kind, ascending }),
        );
      }
    }
  });

  it('data whose every k-th value is the same (a sample that misleads) still gives the exact result', () => {
    const n = 40_000;
    const step = Math.floor(n / 2048);
    const values = BigInt64Array.from({ length: n }, (_, i) =>
      i % step === 0 ? 7n : BigInt((i * 7919) % 10_007),
    );
    for (const p of [0.5, 0.01]) {
      const ev = resolveAggregate(percentile, {
        argumentTypes: [HiveTypes.bigint, HiveTypes.double],
        constantArguments: [undefined, p],
      });
      const got = aggregateRowsGrouped(
        ev,
        Array.from(values, (v) => [v, p]),
        { mode: 'complete', numGroups: 1 },
      )[0];
      const want = mapPercentileOfValues(Array.from(values), [p], {
        longKeys: true,
        kind: 'cont',
        ascending: true,
      });
      expect([got]).toStrictEqual(want);
    }
  });

  it('merging partials of large groups (counts, not raw values) matches COMPLETE', () => {
    const rnd = mulberry32(3);
    const values = BigInt64Array.from({ length: 40_000 }, () => BigInt(Math.floor(rnd() * 300)));
    const halves = [values.subarray(0, 25_000), values.subarray(25_000)];
    const partials = halves.map((h) => {
      const s = accumulate(longEv, { values: h, groups: 1, batch: 8192 });
      return longEv.decodePartial(longEv.encodePartial(longEv.terminatePartial(s, 0)));
    });
    const final = mergePartialsGrouped(longEv, partials, { mode: 'final', numGroups: 1 })[0];
    const complete = longEv.terminate(accumulate(longEv, { values, groups: 1, batch: 8192 }), 0);
    expect(final).toStrictEqual(complete);
    expect(final).toStrictEqual(
      mapPercentileOfValues(Array.from(values), PS, { longKeys: true, kind: 'cont', ascending: true }),
    );
  });
});
