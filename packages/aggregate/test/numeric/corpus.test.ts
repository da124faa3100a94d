import { describe, expect, it } from 'vitest';
import { decimalType, HiveDecimal, HiveTypes, structType } from '@hive-batch/core';
import type { HiveDecimalValue } from '@hive-batch/core';
import {
  avg,
  corr,
  count,
  covarPop,
  covarSamp,
  max,
  min,
  regrAvgx,
  regrAvgy,
  regrCount,
  regrIntercept,
  regrR2,
  regrSlope,
  regrSxx,
  regrSxy,
  regrSyy,
  resolveAggregate,
  aggregateRows,
  stddev,
  stddevSamp,
  sum,
  varSamp,
  variance,
} from '@hive-batch/aggregate';
import { selectBlocks } from '../functions/qtest-corpus';
import {
  decimalField,
  groupedPrinted,
  hivePrint,
  intField,
  javaDouble,
  readDataRows,
  readDelimited,
  roundDouble,
  runPrinted,
  runTwoPhasePrinted,
} from './corpus-helpers';

// src: key STRING, value STRING from kv1.txt, in file order.
const src = readDataRows('kv1.txt').map(([key = '', value = '']) => ({ key, value }));
const substrValue = src.map((r) => [r.value.slice(4)]);
// With a DISTINCT and hive.groupby.skewindata the first stage's reducer receives the rows sorted by the distinct
// key (the string substr(value,5)), so every aggregate of that stage iterates in that order.
const byDistinctKey = [...substrValue].sort((a, b) =>
  (a[0] ?? '') < (b[0] ?? '') ? -1 : (a[0] ?? '') > (b[0] ?? '') ? 1 : 0,
);

describe('groupby3 (CBO off, skew plan = PARTIAL1 over the rows in distinct-key order, then FINAL)', () => {
  const expected = selectBlocks('groupby3').at(-1)?.lines[0]?.split('\t');
  const str = { argumentTypes: [HiveTypes.string], cboEnabled: false };

  it('has the expected row', () => {
    expect(expected).toHaveLength(9);
  });

  it.each([
    [0, sum, false],
    [1, avg, false],
    [2, avg, true],
    [5, stddev, false],
    [6, stddevSamp, false],
    [7, variance, false],
    [8, varSamp, false],
  ] as const)('column %i', (col, def, distinct) => {
    const printed = runTwoPhasePrinted(def, { ...str, distinct }, byDistinctKey);
    expect(printed).toBe(expected?.[col]);
  });

  it('max/min of the strings, stored into DOUBLE columns', () => {
    const mx = resolveAggregate(max, str);
    const mn = resolveAggregate(min, str);
    expect(javaDouble(Number(aggregateRows(mx, substrValue, 'complete')))).toBe(expected?.[3]);
    expect(javaDouble(Number(aggregateRows(mn, substrValue, 'complete')))).toBe(expected?.[4]);
  });
});

// covar_tab: a INT, b INT, c INT, tab-separated, empty = NULL.
const covarTab = readDelimited('covar_tab.txt', '\t').map(([a, b, c]) => ({
  a: intField(a),
  b: intField(b),
  c: intField(c),
}));
const ints = { argumentTypes: [HiveTypes.int, HiveTypes.int] };

describe('udaf_corr', () => {
  const blocks = selectBlocks('udaf_corr');
  const run = (rows: typeof covarTab): string =>
    runPrinted(
      corr,
      ints,
      rows.map((r) => [r.b, r.c]),
    );

  it('WHERE a < 1, a < 3, a = 3 and the whole table', () => {
    expect(blocks.map((b) => b.lines.join('\n'))).toEqual([
      run(covarTab.filter((r) => r.a != null && r.a < 1)),
      run(covarTab.filter((r) => r.a != null && r.a < 3)),
      run(covarTab.filter((r) => r.a === 3)),
      [
        ...groupedPrinted(
          corr,
          ints,
          covarTab.map((r) => ({ key: r.a, args: [r.b, r.c] })),
        ),
      ]
        .map(([k, v]) => `${String(k)}\t${v}`)
        .join('\n'),
      run(covarTab),
    ]);
  });

  it('reproduces 0.6633880657639326 exactly', () => {
    expect(run(covarTab)).toBe('0.6633880657639326');
  });
});

describe('udaf_covar_pop', () => {
  const blocks = selectBlocks('udaf_covar_pop');
  const run = (rows: typeof covarTab): string =>
    runPrinted(
      covarPop,
      ints,
      rows.map((r) => [r.b, r.c]),
    );
  it('matches every block (the last one rounded to 5 digits)', () => {
    const ev = resolveAggregate(covarPop, ints);
    const all = aggregateRows(
      ev,
      covarTab.map((r) => [r.b, r.c]),
      'complete',
    ) as number;
    expect(blocks.map((b) => b.lines.join('\n'))).toEqual([
      run(covarTab.filter((r) => r.a != null && r.a < 1)),
      run(covarTab.filter((r) => r.a != null && r.a < 3)),
      run(covarTab.filter((r) => r.a === 3)),
      [
        ...groupedPrinted(
          covarPop,
          ints,
          covarTab.map((r) => ({ key: r.a, args: [r.b, r.c] })),
        ),
      ]
        .map(([k, v]) => `${String(k)}\t${v}`)
        .join('\n'),
      javaDouble(roundDouble(all, 5)),
    ]);
  });
  it('covar_samp agrees with covar_pop·n/(n−1) on the table', () => {
    const pairs = covarTab.map((r) => [r.b, r.c]);
    const pop = aggregateRows(resolveAggregate(covarPop, ints), pairs, 'complete') as number;
    const samp = aggregateRows(resolveAggregate(covarSamp, ints), pairs, 'complete') as number;
    expect(samp).toBeCloseTo((pop * 4) / 3, 12);
  });
});

describe('udaf_binarysetfunctions (CBO on)', () => {
  // t_n21 (id int, px int, y decimal, x decimal) from the INSERT statements of the .q, in order.
  const rows: { px: number; y: number | null; x: number | null }[] = [];
  const q = readDelimited('../queries/udaf_binarysetfunctions.q', '\n').map((l) => l[0] ?? '');
  for (const line of q) {
    const m = /^insert into t_n21 values \((\d+),(\d+),(\w+),(\w+)\);$/.exec(line);
    if (m == null) continue;
    const num = (s: string | undefined): number | null => (s == null || s === 'null' ? null : Number(s));
    rows.push({ px: Number(m[2]), y: num(m[3]), x: num(m[4]) });
  }
  const dec = decimalType(10, 0);
  const asDec = (v: number | null): HiveDecimalValue | null => (v == null ? null : new HiveDecimal(v));
  const expected = selectBlocks('udaf_binarysetfunctions').find((b) => b.query.includes('round('))?.lines;

  it('has the 7 groups', () => {
    expect(rows).toHaveLength(29);
    expect(expected).toHaveLength(7);
  });

  it('every column of every group', () => {
    const pxs = [...new Set(rows.map((r) => r.px))].sort((a, b) => a - b);
    const cell = (
      def: Parameters<typeof runPrinted>[0],
      args: readonly ('x' | 'y')[],
      group: typeof rows,
      round: boolean,
    ): string => {
      const ev = resolveAggregate(def, { argumentTypes: args.map(() => dec) });
      const v = aggregateRows(
        ev,
        group.map((r) => args.map((a) => asDec(r[a]))),
        'complete',
      );
      if (v == null || !round) return hivePrint(v, ev.resultType);
      if (ev.resultType.kind === 'decimal') {
        // round(decimal, 5) keeps a decimal of scale 5.
        return (v as HiveDecimalValue).toDecimalPlaces(5, HiveDecimal.ROUND_HALF_UP).toFixed(5);
      }
      return javaDouble(roundDouble(v as number, 5));
    };
    const actual = pxs.map((px) => {
      const g = rows.filter((r) => r.px === px);
      return [
        String(px),
        cell(variance, ['x'], g, true),
        cell(variance, ['y'], g, true),
        cell(corr, ['y', 'x'], g, true),
        cell(covarSamp, ['y', 'x'], g, true),
        cell(covarPop, ['y', 'x'], g, true),
        cell(regrCount, ['y', 'x'], g, false),
        cell(regrSlope, ['y', 'x'], g, true),
        cell(regrIntercept, ['y', 'x'], g, true),
        cell(regrR2, ['y', 'x'], g, true),
        cell(regrSxx, ['y', 'x'], g, true),
        cell(regrSyy, ['y', 'x'], g, true),
        cell(regrSxy, ['y', 'x'], g, true),
        cell(regrAvgx, ['y', 'x'], g, true),
        cell(regrAvgy, ['y', 'x'], g, true),
        cell(regrCount, ['y', 'x'], g, false),
      ].join('\t');
    });
    expect(actual).toEqual(expected);
  });
});

describe('decimal_precision (CBO on)', () => {
  const blocks = selectBlocks('decimal_precision');
  const t = decimalType(20, 10);
  const values = readDataRows('kv8.txt').map(([s]) => [decimalField(s, 20, 10)]);

  it('avg(dec), sum(dec) over decimal(20,10)', () => {
    const block = blocks.find((b) => b.query.startsWith('SELECT avg(`dec`), sum(`dec`)'));
    expect(block?.lines).toEqual([
      `${runPrinted(avg, { argumentTypes: [t] }, values)}\t${runPrinted(sum, { argumentTypes: [t] }, values)}`,
    ]);
  });

  it('MIN and COUNT of a decimal(38,18) constant over the table', () => {
    const t38 = decimalType(38, 18);
    const c = new HiveDecimal('12345678901234567890.12345678');
    const rows = values.map(() => [c]);
    const minBlock = blocks.find((b) => b.query.startsWith('SELECT MIN(cast'));
    const countBlock = blocks.find((b) => b.query.startsWith('SELECT COUNT(cast'));
    expect(minBlock?.lines).toEqual([runPrinted(min, { argumentTypes: [t38] }, rows)]);
    expect(countBlock?.lines).toEqual([runPrinted(count, { argumentTypes: [t38] }, rows)]);
  });

  it('SUM over decimal(38,18) that overflows is NULL', () => {
    const t38 = decimalType(38, 18);
    const v = new HiveDecimal('98765432109876543210.12345');
    const block = blocks.find((b) => b.query.startsWith('SELECT SUM(`dec`)') && blocks.indexOf(b) > 10);
    expect(block?.lines).toEqual([runPrinted(sum, { argumentTypes: [t38] }, [[v], [v]])]);
  });
});

describe('count (in4.txt)', () => {
  const abcd = readDataRows('in4.txt').map((r) => r.map(intField));
  const blocks = selectBlocks('count');
  const pick = (row: (number | null)[], cols: string): (number | null)[] =>
    [...cols].map((c) => row['abcd'.indexOf(c)] ?? null);

  it('the 21 global counts', () => {
    const ii = (n: number) => ({ argumentTypes: new Array(n).fill(HiveTypes.int) });
    const cols = [
      'a',
      'b',
      'c',
      'd',
      'a',
      'b',
      'c',
      'd',
      'ab',
      'bc',
      'cd',
      'ad',
      'ac',
      'bd',
      'abc',
      'bcd',
      'acd',
      'abd',
      'abcd',
    ];
    const line = [
      runPrinted(count, { argumentTypes: [], star: true }, abcd),
      runPrinted(count, { argumentTypes: [], star: true }, abcd),
      ...cols.map((c, i) =>
        runPrinted(
          count,
          { ...ii(c.length), distinct: i >= 4 },
          abcd.map((r) => pick(r, c)),
        ),
      ),
    ].join('\t');
    const block = blocks.find((b) => b.query.startsWith('select count(1), count(*)'));
    expect(block?.lines).toEqual([line]);
  });

  it('group by a: count(distinct b), count(distinct c), sum(d)', () => {
    const rowsBy = abcd.map((r) => ({ key: r[0], r }));
    const cd = (c: string) =>
      groupedPrinted(
        count,
        { argumentTypes: [HiveTypes.int], distinct: true },
        rowsBy.map(({ key, r }) => ({ key, args: pick(r, c) })),
      );
    const b = cd('b');
    const c = cd('c');
    const d = groupedPrinted(
      sum,
      { argumentTypes: [HiveTypes.int] },
      rowsBy.map(({ key, r }) => ({ key, args: pick(r, 'd') })),
    );
    const lines = [...b.keys()].map(
      (k) => `${k == null ? 'NULL' : String(k as number)}\t${b.get(k)}\t${c.get(k)}\t${d.get(k)}`,
    );
    const block = blocks.find((x) =>
      x.query.startsWith('select a, count(distinct b), count(distinct c), sum(d)'),
    );
    expect([...lines].sort()).toEqual([...(block?.lines ?? [])].sort());
  });
});

describe('groupby3_noskew and groupby3_map_multi_distinct (CBO on: the rewrite formulas)', () => {
  const cbo = { argumentTypes: [HiveTypes.string] };
  const columns = (rows: readonly (readonly unknown[])[]): string[] => [
    runPrinted(sum, cbo, rows),
    runPrinted(avg, cbo, rows),
    runPrinted(avg, { ...cbo, distinct: true }, rows),
    javaDouble(Number(aggregateRows(resolveAggregate(max, cbo), rows, 'complete'))),
    javaDouble(Number(aggregateRows(resolveAggregate(min, cbo), rows, 'complete'))),
    runPrinted(stddev, cbo, rows),
    runPrinted(stddevSamp, cbo, rows),
    runPrinted(variance, cbo, rows),
    runPrinted(varSamp, cbo, rows),
  ];

  it('groupby3_noskew', () => {
    expect(columns(byDistinctKey).join('\t')).toBe(selectBlocks('groupby3_noskew').at(-1)?.lines[0]);
  });

  it('groupby3_map_multi_distinct, incl. sum(DISTINCT) and count(DISTINCT)', () => {
    const line = [
      ...columns(substrValue),
      runPrinted(sum, { ...cbo, distinct: true }, substrValue),
      // The DOUBLE column of the destination table prints the bigint count as a double.
      javaDouble(
        Number(aggregateRows(resolveAggregate(count, { ...cbo, distinct: true }), substrValue, 'complete')),
      ),
    ].join('\t');
    expect(line).toBe(selectBlocks('groupby3_map_multi_distinct').at(-1)?.lines[0]);
  });

  it('groupby3_map_skew (CBO off, values rounded to 5 digits by the query)', () => {
    const off = { argumentTypes: [HiveTypes.string], cboEnabled: false };
    const r5 = (def: Parameters<typeof runPrinted>[0], distinct = false): string =>
      javaDouble(
        roundDouble(
          aggregateRows(resolveAggregate(def, { ...off, distinct }), byDistinctKey, 'complete') as number,
          5,
        ),
      );
    const line = [
      runPrinted(sum, off, byDistinctKey),
      r5(avg),
      r5(avg, true),
      javaDouble(Number(aggregateRows(resolveAggregate(max, off), byDistinctKey, 'complete'))),
      javaDouble(Number(aggregateRows(resolveAggregate(min, off), byDistinctKey, 'complete'))),
      r5(stddev),
      r5(stddevSamp),
      r5(variance),
      r5(varSamp),
    ].join('\t');
    expect(line).toBe(selectBlocks('groupby3_map_skew').at(-1)?.lines[0]);
  });
});

describe('udaf_all_keyword (f(ALL x) = f(x))', () => {
  const keys = src.map((r) => [r.key]);
  const ones = src.map(() => [1]);
  const str = { argumentTypes: [HiveTypes.string] };
  const int = { argumentTypes: [HiveTypes.int] };
  it('count, avg, min, max, sum of 1 and of key', () => {
    const lines = selectBlocks('udaf_all_keyword')
      .filter((b) => !b.query.includes('='))
      .map((b) => b.lines.join('\n'));
    expect(lines).toEqual([
      runPrinted(count, int, ones),
      runPrinted(count, str, keys),
      runPrinted(avg, int, ones),
      runPrinted(avg, str, keys),
      runPrinted(min, int, ones),
      runPrinted(min, str, keys),
      runPrinted(max, int, ones),
      runPrinted(max, str, keys),
      runPrinted(sum, int, ones),
      runPrinted(sum, str, keys),
    ]);
  });
});

describe('count_dist_rewrite', () => {
  const keys = src.map((r) => [r.key]);
  const str = { argumentTypes: [HiveTypes.string] };
  const blocks = selectBlocks('count_dist_rewrite');
  const block = (prefix: string): string[] | undefined =>
    blocks.find((b) => b.query.startsWith(prefix))?.lines;

  it('max, count(distinct), min, avg and count over src.key', () => {
    const line = [
      runPrinted(max, str, keys),
      runPrinted(count, { ...str, distinct: true }, keys),
      runPrinted(min, str, keys),
      runPrinted(avg, str, keys),
    ].join('\t');
    expect(
      blocks.find((b) => b.query === 'select max(key), count(distinct key), min(key), avg(key) from src')
        ?.lines,
    ).toEqual([line]);
    const std = aggregateRows(resolveAggregate(stddev, str), keys, 'complete') as number;
    expect(block('select count(1), count(distinct key), cast(STDDEV(key) as int)')).toEqual([
      `${runPrinted(count, { argumentTypes: [], star: true }, keys)}\t${runPrinted(count, { ...str, distinct: true }, keys)}\t${Math.trunc(std)}`,
    ]);
  });

  it('max(key), count(distinct key), min(key), avg(key) group by value', () => {
    const rows = src.map((r) => ({ key: r.value, args: [r.key] }));
    const cols = [
      groupedPrinted(max, str, rows),
      groupedPrinted(count, { ...str, distinct: true }, rows),
      groupedPrinted(min, str, rows),
      groupedPrinted(avg, str, rows),
    ];
    const lines = [...(cols[0]?.keys() ?? [])].map((k) => cols.map((c) => c.get(k)).join('\t'));
    const expected = block(
      'select max(key), count(distinct key), min(key), avg(key) from src group by value',
    );
    expect(lines).toHaveLength(309);
    expect([...lines].sort()).toEqual([...(expected ?? [])].sort());
  });
});

describe('udf_max: max over structs', () => {
  it('max(struct(CAST(key AS INT), value)), max(struct(key, value)) in every plan', () => {
    const intStruct = structType([
      { name: 'col1', type: HiveTypes.int },
      { name: 'col2', type: HiveTypes.string },
    ]);
    const strStruct = structType([
      { name: 'col1', type: HiveTypes.string },
      { name: 'col2', type: HiveTypes.string },
    ]);
    const a = aggregateRows(
      resolveAggregate(max, { argumentTypes: [intStruct] }),
      src.map((r) => [{ col1: Number(r.key), col2: r.value }]),
      'complete',
    );
    const b = aggregateRows(
      resolveAggregate(max, { argumentTypes: [strStruct] }),
      src.map((r) => [{ col1: r.key, col2: r.value }]),
      'complete',
    );
    const line = `${JSON.stringify(a)}\t${JSON.stringify(b)}`;
    const blocks = selectBlocks('udf_max');
    expect(blocks).toHaveLength(4);
    for (const block of blocks) expect(block.lines).toEqual([line]);
  });
});
