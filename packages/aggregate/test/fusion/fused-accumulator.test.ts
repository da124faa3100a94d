// The declarative row updates, fused into one generated loop, must leave exactly the state accumulateBatch leaves.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HiveTypes, columnFromValues } from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
import {
  FusedAccumulator,
  builtinAggregates,
  createAccumulatorState,
  isFusable,
  resolveAggregate,
} from '@hive-batch/aggregate';
import type { AggregateEvaluator, FusedNumberValues } from '@hive-batch/aggregate';
import { exactEquals, show } from '../helpers/split-invariance';

const NUMBER_TYPES: readonly DataType[] = [
  HiveTypes.tinyint,
  HiveTypes.smallint,
  HiveTypes.int,
  HiveTypes.float,
  HiveTypes.double,
];

interface Candidate {
  readonly label: string;
  readonly evaluator: AggregateEvaluator;
  readonly star: boolean;
}

/** Every built-in that resolves over one argument of type `t` (both CBO settings), plus count(*). */
function candidates(t: DataType): Candidate[] {
  const out: Candidate[] = [];
  for (const def of builtinAggregates()) {
    for (const cboEnabled of [true, false]) {
      try {
        const evaluator = resolveAggregate(def, { argumentTypes: [t], cboEnabled });
        out.push({ label: `${def.name}(${t.kind}) cbo=${cboEnabled}`, evaluator, star: false });
      } catch {
        // Not defined over one argument of this type.
      }
    }
  }
  const countDef = builtinAggregates().find((d) => d.name === 'count');
  if (countDef != null) {
    out.push({
      label: 'count(*)',
      evaluator: resolveAggregate(countDef, { argumentTypes: [], star: true }),
      star: true,
    });
  }
  return out;
}

function valueArbitrary(t: DataType): fc.Arbitrary<number | null> {
  const v =
    t.kind === 'tinyint'
      ? fc.integer({ min: -128, max: 127 })
      : t.kind === 'smallint'
        ? fc.integer({ min: -32768, max: 32767 })
        : t.kind === 'int'
          ? fc.integer()
          : t.kind === 'float'
            ? fc.float().map((x) => Math.fround(x))
            : fc.oneof(fc.double(), fc.constantFrom(0, -0, Number.NaN, Infinity, -Infinity, 1e308, -1e308));
  return fc.option(v, { freq: 5 });
}

describe('FusedAccumulator', () => {
  it('covers the fixed-width numeric built-ins (count, sum, avg, min, max, the variance family)', () => {
    const fusable = candidates(HiveTypes.double).filter((c) => isFusable(c.evaluator));
    const names = new Set(fusable.map((c) => c.label.replace(/\(.*$/, '')));
    for (const n of ['count', 'sum', 'avg', 'min', 'max', 'variance', 'var_samp', 'stddev', 'stddev_samp']) {
      expect([...names]).toContain(n);
    }
    // Variable-size state never declares a row update.
    expect(names.has('collect_set')).toBe(false);
    expect(names.has('percentile_approx')).toBe(false);
  });

  for (const t of NUMBER_TYPES) {
    it(`fused updates over ${t.kind} leave the state accumulateBatch leaves (every fusable built-in at once)`, () => {
      const members = candidates(t).filter((c) => isFusable(c.evaluator));
      expect(members.length).toBeGreaterThan(5);
      const groups = 5;
      fc.assert(
        fc.property(
          fc.array(fc.array(fc.tuple(valueArbitrary(t), fc.nat(groups - 1)), { maxLength: 30 }), {
            maxLength: 4,
          }),
          (batches) => {
            const fused = new FusedAccumulator(
              members.map((m) => ({ evaluator: m.evaluator, column: m.star ? null : 0 })),
              1,
            );
            const interleaved = new Float64Array(groups * fused.stride);
            for (let g = 0; g < groups; g++) interleaved.set(fused.template, g * fused.stride);
            const states = members.map((m) => {
              const s = createAccumulatorState(m.evaluator.layout, groups);
              for (let g = 0; g < groups; g++) m.evaluator.init(s, g);
              return s;
            });
            for (const batch of batches) {
              const column = columnFromValues(
                t,
                batch.map(([v]) => v),
              );
              const groupIds = Int32Array.from(batch.map(([, g]) => g));
              members.forEach((m, k) => {
                m.evaluator.accumulateBatch(states[k]!, groupIds, m.star ? [] : [column], batch.length);
              });
              if (column.layout !== 'fixed') throw new Error('expected a fixed-width column');
              const mask = column.validity == null ? 0 : 1;
              fused.kernel(mask)(
                interleaved,
                groupIds,
                batch.length,
                [column.values as FusedNumberValues],
                [column.validity],
              );
            }
            members.forEach((m, k) => {
              const fromFused = fused.memberState(interleaved, k, [0, 1, 2, 3, 4]);
              for (let g = 0; g < groups; g++) {
                const want = [
                  m.evaluator.terminatePartial(states[k]!, g),
                  m.evaluator.terminate(states[k]!, g),
                ];
                const got = [m.evaluator.terminatePartial(fromFused, g), m.evaluator.terminate(fromFused, g)];
                if (!exactEquals(got, want))
                  throw new Error(`${m.label} group ${g}: ${show(got)} vs ${show(want)}`);
              }
            });
          },
        ),
        { numRuns: 60 },
      );
    });
  }

  it('shares the slots of identical updates (var_samp and stddev_samp of one column accumulate once)', () => {
    const byName = (n: string) => builtinAggregates().find((d) => d.name === n)!;
    const varSamp = resolveAggregate(byName('var_samp'), { argumentTypes: [HiveTypes.double] });
    const stddevSamp = resolveAggregate(byName('stddev_samp'), { argumentTypes: [HiveTypes.double] });
    const shared = new FusedAccumulator(
      [
        { evaluator: varSamp, column: 0 },
        { evaluator: stddevSamp, column: 0 },
      ],
      1,
    );
    expect(shared.stride).toBe(varSamp.layout.slots.length);
    const apart = new FusedAccumulator(
      [
        { evaluator: varSamp, column: 0 },
        { evaluator: stddevSamp, column: 1 },
      ],
      2,
    );
    expect(apart.stride).toBe(2 * varSamp.layout.slots.length);
    // avg's sum and count statements are sum's and count's; count(*) counts other rows and stays apart.
    const ev = (n: string, star = false) =>
      resolveAggregate(byName(n), { argumentTypes: star ? [] : [HiveTypes.double], star });
    const avg = ev('avg');
    const withAvg = new FusedAccumulator(
      [
        { evaluator: ev('sum'), column: 0 },
        { evaluator: ev('count'), column: 0 },
        { evaluator: avg, column: 0 },
        { evaluator: ev('count', true), column: null },
      ],
      1,
    );
    expect(withAvg.stride).toBe(avg.layout.slots.length + 1);
  });

  it('does not fuse an update whose $v would read a column that does not hold plain numbers', () => {
    const sum = builtinAggregates().find((d) => d.name === 'sum')!;
    const ev = resolveAggregate(sum, { argumentTypes: [HiveTypes.double] });
    expect(isFusable(ev)).toBe(true);
    expect(isFusable({ ...ev, inputTypes: [HiveTypes.bigint] })).toBe(false);
    expect(isFusable({ ...ev, inputTypes: [HiveTypes.string] })).toBe(false);
  });

  it('rejects an update that names an unknown slot', () => {
    const sum = builtinAggregates().find((d) => d.name === 'sum')!;
    const ev = resolveAggregate(sum, { argumentTypes: [HiveTypes.double] });
    const broken: AggregateEvaluator = { ...ev, rowUpdate: { argument: 0, statements: ['$nope += $v;'] } };
    expect(() => new FusedAccumulator([{ evaluator: broken, column: 0 }], 1).kernel(0)).toThrow(
      /unknown slot/,
    );
  });
});
