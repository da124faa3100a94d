import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HiveTypes } from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
import {
  aggregateRows,
  builtinAggregates,
  computeStats,
  createAggregateRegistry,
  mergePartials,
  resolveAggregate,
} from '@hive-batch/aggregate';
import { referenceNumericStats, referenceStringStats } from '@hive-batch/test-utils';
import { HyperLogLog } from '../../src/internal/sketches/hyper-log-log';
import { checkSplitInvariance } from '../helpers/split-invariance';
import { checkBatchEquivalence } from './batch-equivalence';
import { corpusDir, javaDouble, readDataRows } from './qtest-corpus';

/** The last result line of a compute_stats .q.out, read as UTF-8 like Hive wrote it. */
function lastStatsLine(name: string): string {
  const text = readFileSync(path.join(corpusDir(), 'results', `${name}.q.out`), 'utf8');
  const lines = text.split('\n').filter((l) => l.startsWith('{"columntype"'));
  return lines[lines.length - 1] ?? '';
}

/**
 * Hive prints the struct as JSON; the binary sketch goes through `new String(bytes)` (UTF-8, invalid bytes
 * become U+FFFD), which is what a replacing TextDecoder does.
 */
function showStats(v: Record<string, unknown>): string {
  const parts = Object.entries(v).map(([k, x]) => {
    let s: string;
    if (x == null) s = 'null';
    else if (typeof x === 'string') s = JSON.stringify(x);
    else if (typeof x === 'number') s = javaDouble(x);
    else if (x instanceof Uint8Array) s = new TextDecoder('utf-8').decode(x);
    else s = typeof x === 'bigint' ? x.toString() : JSON.stringify(x);
    return `"${k}":${s}`;
  });
  return `{${parts.join(',')}}`;
}

function stats(type: DataType, values: unknown[], args: unknown[]): Record<string, unknown> {
  const ev = resolveAggregate(computeStats, {
    argumentTypes: [type, ...args.map((a) => (typeof a === 'number' ? HiveTypes.int : HiveTypes.string))],
    constantArguments: [undefined, ...args],
  });
  // Hive runs map-side PARTIAL1 then FINAL with one mapper; check that path.
  const partial = aggregateRows(
    ev,
    values.map((v) => [v, ...args]),
    'partial1',
  );
  return mergePartials(ev, [partial], 'final') as Record<string, unknown>;
}

const col = (file: string): string[] => readDataRows(file).map((r) => r[0] ?? '');

describe('compute_stats against compute_stats_*.q.out', () => {
  it('long with FM, 16 bit vectors (int.txt)', () => {
    const values = col('int.txt').map((s) => (s === '' ? null : Number(s)));
    expect(showStats(stats(HiveTypes.int, values, ['fm', 16]))).toBe(lastStatsLine('compute_stats_long'));
  });
  it('double with FM (double.txt)', () => {
    const values = col('double.txt').map((s) => (s === '' ? null : Number(s)));
    expect(showStats(stats(HiveTypes.double, values, ['fm', 16]))).toBe(
      lastStatsLine('compute_stats_double'),
    );
  });
  it('string with FM (string.txt)', () => {
    const values = col('string.txt');
    expect(showStats(stats(HiveTypes.string, values, ['fm', 16]))).toBe(
      lastStatsLine('compute_stats_string'),
    );
  });
  it('boolean (bool.txt)', () => {
    const values = col('bool.txt').map((s) => (s === 'true' ? true : s === 'false' ? false : null));
    expect(showStats(stats(HiveTypes.boolean, values, [16]))).toBe(lastStatsLine('compute_stats_boolean'));
  });
  it('date with HLL (flights_join.txt), sketch bytes included', () => {
    const days = readDataRows('flights_join.txt').map((r) => Date.parse(`${r[2]}T00:00:00Z`) / 86400000);
    const result = stats(HiveTypes.date, days, ['hll']);
    const show = (d: unknown): string => new Date((d as number) * 86400000).toISOString().slice(0, 10);
    const printed = showStats({ ...result, min: show(result['min']), max: show(result['max']) });
    expect(printed).toBe(lastStatsLine('compute_stats_date'));
  });
  it('HLL: dense registers (bit-packed) round-trip and estimate within 10% (p = 10: σ ≈ 3.3%)', () => {
    const a = new HyperLogLog();
    const b = new HyperLogLog();
    for (let i = 0n; i < 20000n; i++) (i % 3n === 0n ? a : b).addLong(i);
    const all = HyperLogLog.deserialize(a.serialize());
    all.merge(HyperLogLog.deserialize(b.serialize()));
    expect(Math.abs(all.estimate() - 20000) / 20000).toBeLessThan(0.1);
    expect(HyperLogLog.deserialize(all.serialize()).serialize()).toEqual(all.serialize());
  });
  it('empty table: one line per type (compute_stats_empty_table)', () => {
    const text = readFileSync(path.join(corpusDir(), 'results', 'compute_stats_empty_table.q.out'), 'utf8');
    const expected = text.split('\n').filter((l) => l.startsWith('{"columntype"'));
    const types = [HiveTypes.boolean, HiveTypes.int, HiveTypes.double, HiveTypes.string, HiveTypes.binary];
    expect(types.map((t) => showStats(stats(t, [], [16])))).toEqual(expected);
  });
  it('rejects complex and unsupported types and bad sketch names', () => {
    for (const t of [{ kind: 'array', element: HiveTypes.int } as DataType, HiveTypes.void]) {
      expect(() => resolveAggregate(computeStats, { argumentTypes: [t, HiveTypes.string] })).toThrow(
        expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
      );
    }
    expect(() => stats(HiveTypes.int, [1], ['xyz'])).toThrow(
      expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
    );
  });
});

describe('compute_stats properties', () => {
  const longs = fc.option(fc.bigInt({ min: -1000n, max: 1000n }), { nil: null });
  const strings = fc.option(fc.string({ maxLength: 6 }), { nil: null });
  it('plain fields ≡ naive references', () => {
    fc.assert(
      fc.property(fc.array(longs, { maxLength: 40 }), fc.array(strings, { maxLength: 40 }), (ls, ss) => {
        const l = stats(HiveTypes.bigint, ls, ['fm', 8]);
        const ref = referenceNumericStats(ls);
        expect([l['min'], l['max'], l['countnulls']]).toEqual([ref.min, ref.max, ref.countnulls]);
        const s = stats(HiveTypes.string, ss, ['hll']);
        const sref = referenceStringStats(ss);
        expect([s['maxlength'], s['avglength'], s['countnulls']]).toEqual([
          sref.maxlength,
          sref.avglength,
          sref.countnulls,
        ]);
      }),
      { numRuns: 50 },
    );
  });
  it.each([
    ['bigint, fm', HiveTypes.bigint, longs, ['fm', 8]],
    ['string, hll', HiveTypes.string, strings, ['hll']],
    ['string, fm', HiveTypes.string, strings, ['fm', 4]],
    ['boolean', HiveTypes.boolean, fc.option(fc.boolean(), { nil: null }), ['hll']],
  ] as const)('%s: split invariant (sketches merge exactly) and batch ≡ rows', (_n, type, value, args) => {
    const call = {
      argumentTypes: [type, ...args.map((a) => (typeof a === 'number' ? HiveTypes.int : HiveTypes.string))],
      constantArguments: [undefined, ...args],
    };
    const row = (value as fc.Arbitrary<unknown>).map((v) => [v, ...args]);
    expect(() => checkSplitInvariance({ definition: computeStats, call, row, numRuns: 30 })).not.toThrow();
    expect(() => checkBatchEquivalence(resolveAggregate(computeStats, call), row)).not.toThrow();
  });
});

describe('registry', () => {
  it('compute_stats and the other collection/percentile/sketch aggregates are built-ins (Hive 3.1.3 registers them)', () => {
    const r = createAggregateRegistry(builtinAggregates());
    for (const name of [
      'collect_set',
      'collect_list',
      'percentile',
      'percentile_approx',
      'histogram_numeric',
      'percentile_cont',
      'percentile_disc',
      'ngrams',
      'context_ngrams',
      'compute_stats',
    ]) {
      expect(r.lookup(name.toUpperCase())?.name).toBe(name);
    }
  });
});
