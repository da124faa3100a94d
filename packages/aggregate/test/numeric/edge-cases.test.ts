import { describe, expect, it } from 'vitest';
import {
  decimalType,
  HiveDecimal,
  HiveTypes,
  isHiveBatchError,
  structType,
  arrayType,
  mapType,
} from '@hive-batch/core';
import type { HiveDecimalValue } from '@hive-batch/core';
import {
  aggregateRows,
  avg,
  builtinAggregates,
  corr,
  count,
  covarPop,
  covarSamp,
  createAggregateRegistry,
  max,
  mergePartials,
  min,
  regrAvgx,
  regrCount,
  regrIntercept,
  regrR2,
  regrSlope,
  regrSxx,
  regrSxy,
  regrSyy,
  resolveAggregate,
  stddev,
  stddevSamp,
  sum,
  sum0,
  variance,
  varSamp,
} from '@hive-batch/aggregate';
import { runComplete as run } from '../helpers/run-aggregate';

const d = (s: string): HiveDecimalValue => new HiveDecimal(s);

function codeOf(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return isHiveBatchError(e) ? e.code : e;
  }
  return 'no error';
}

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return '';
}

const col = (vs: readonly unknown[]): unknown[][] => vs.map((v) => [v]);

describe('count', () => {
  it('count(*) counts every row, count(x) non-NULL ones, empty = 0', () => {
    expect(run(count, { argumentTypes: [], star: true }, [[], [], []])).toBe(3n);
    expect(run(count, HiveTypes.int, col([1, null, 3]))).toBe(2n);
    expect(run(count, HiveTypes.int, [])).toBe(0n);
    expect(run(count, HiveTypes.int, col([null, null]))).toBe(0n);
  });
  it('count(DISTINCT a, b) skips tuples with a NULL and counts -0.0 and 0.0 apart', () => {
    const call = { argumentTypes: [HiveTypes.int, HiveTypes.int], distinct: true };
    expect(
      run(count, call, [
        [1, 2],
        [1, 2],
        [1, null],
        [null, 2],
        [2, 2],
      ]),
    ).toBe(2n);
    expect(run(count, { argumentTypes: [HiveTypes.double], distinct: true }, col([0, -0, 0, NaN, NaN]))).toBe(
      3n,
    );
  });
  it('rejects count() and count(a, b) without DISTINCT', () => {
    expect(messageOf(() => resolveAggregate(count, { argumentTypes: [] }))).toBe('Argument expected');
    expect(messageOf(() => resolveAggregate(count, { argumentTypes: [HiveTypes.int, HiveTypes.int] }))).toBe(
      'DISTINCT keyword must be specified',
    );
    expect(codeOf(() => resolveAggregate(count, { argumentTypes: [] }))).toBe('INVALID_FUNCTION_ARGUMENTS');
  });
});

describe('sum', () => {
  it('int family → bigint, wrapping silently like Java long', () => {
    const ev = resolveAggregate(sum, { argumentTypes: [HiveTypes.bigint] });
    expect(ev.resultType).toEqual(HiveTypes.bigint);
    expect(run(sum, HiveTypes.bigint, col([2n ** 63n - 1n, 1n]))).toBe(-(2n ** 63n));
    expect(run(sum, HiveTypes.int, col([2147483647, 2147483647, null]))).toBe(4294967294n);
    expect(run(sum, HiveTypes.tinyint, [])).toBeNull();
    expect(run(sum, HiveTypes.int, col([null]))).toBeNull();
  });
  it('float widens exactly; double keeps NaN/Infinity', () => {
    expect(run(sum, HiveTypes.float, col([Math.fround(1.1)]))).toBe(1.100000023841858);
    expect(run(sum, HiveTypes.double, col([1, Infinity]))).toBe(Infinity);
    expect(run(sum, HiveTypes.double, col([Infinity, -Infinity]))).toBeNaN();
    expect(run(sum, HiveTypes.double, col([1, NaN]))).toBeNaN();
  });
  it('strings: Java Double.parseDouble, unparseable strings count as present (0.0)', () => {
    expect(run(sum, HiveTypes.string, col(['a', 'b']))).toBe(0);
    expect(run(sum, HiveTypes.string, col(['2', 'b', ' 4 ', null]))).toBe(6);
    expect(run(sum, HiveTypes.string, col(['1e3', '1d', '0x1p4', 'Infinity']))).toBe(Infinity);
    expect(run(sum, HiveTypes.string, col(['1e3', '1d', '0x1p4']))).toBe(1017);
    expect(run(sum, HiveTypes.string, col(['', '0x10', '1_0']))).toBe(0);
  });
  it('decimal(p,s) → decimal(min(38,p+10),s), exact', () => {
    const ev = resolveAggregate(sum, { argumentTypes: [decimalType(10, 2)] });
    expect(ev.resultType).toEqual(decimalType(20, 2));
    expect(resolveAggregate(sum, { argumentTypes: [decimalType(35, 5)] }).resultType).toEqual(
      decimalType(38, 5),
    );
    const r = run(sum, decimalType(10, 2), col([d('0.10'), d('0.20'), null])) as HiveDecimalValue;
    expect(r.toFixed()).toBe('0.3');
  });
  it('decimal overflow beyond 38 digits is NULL and stays NULL', () => {
    const t = decimalType(38, 0);
    const big = d('9'.repeat(38));
    expect(run(sum, t, col([big, big]))).toBeNull();
    expect(run(sum, t, col([big, big, d(`-${'9'.repeat(38)}`)]))).toBeNull();
    expect((run(sum, t, col([big, d('-1')])) as HiveDecimalValue).toFixed()).toBe('9'.repeat(37) + '8');
  });
  it("Hive's quirk: an overflowed partial is NULL and FINAL silently drops it", () => {
    const t = decimalType(38, 0);
    const ev = resolveAggregate(sum, { argumentTypes: [t] });
    const big = d('9'.repeat(38));
    const p1 = aggregateRows(ev, col([big, big]), 'partial1');
    const p2 = aggregateRows(ev, col([d('5')]), 'partial1');
    expect(p1).toBeNull();
    expect((mergePartials(ev, [p1, p2], 'final') as HiveDecimalValue).toFixed()).toBe('5');
  });
  it('errors with Hive wording', () => {
    expect(messageOf(() => resolveAggregate(sum, { argumentTypes: [], star: true }))).toBe(
      'Exactly one argument is expected.',
    );
    expect(messageOf(() => resolveAggregate(sum, { argumentTypes: [HiveTypes.boolean] }))).toBe(
      'Only numeric or string type arguments are accepted but boolean is passed.',
    );
    expect(messageOf(() => resolveAggregate(sum, { argumentTypes: [HiveTypes.date] }))).toBe(
      'Only numeric or string type arguments are accepted but date is passed.',
    );
    expect(messageOf(() => resolveAggregate(sum, { argumentTypes: [arrayType(HiveTypes.int)] }))).toBe(
      'Only primitive type arguments are accepted but array<int> is passed.',
    );
    expect(codeOf(() => resolveAggregate(sum, { argumentTypes: [HiveTypes.boolean] }))).toBe(
      'INVALID_FUNCTION_ARGUMENTS',
    );
  });
  it('$sum0 gives zero for an empty group', () => {
    expect(run(sum0, HiveTypes.int, [])).toBe(0n);
    expect(run(sum0, HiveTypes.double, col([null]))).toBe(0);
    expect((run(sum0, decimalType(5, 2), []) as HiveDecimalValue).toFixed()).toBe('0');
    expect(run(sum0, HiveTypes.int, col([1, 2]))).toBe(3n);
  });
  it('sum(DISTINCT x)', () => {
    expect(run(sum, { argumentTypes: [HiveTypes.int], distinct: true }, col([1, 1, 2, null, 2]))).toBe(3n);
  });
});

describe('avg', () => {
  it('CBO on: SUM/COUNT with bigint sum; strings that do not parse give 0.0', () => {
    expect(run(avg, HiveTypes.int, col([1, 2, null, 4]))).toBe(7 / 3);
    expect(run(avg, HiveTypes.string, col(['a', 'b']))).toBe(0);
    expect(run(avg, HiveTypes.int, [])).toBeNull();
    // bigint sum wraps before the division (Hive's rewrite sums in bigint).
    expect(run(avg, HiveTypes.bigint, col([2n ** 63n - 1n, 1n]))).toBe(-(2 ** 63) / 2);
  });
  it('CBO off: AvgDouble skips unparseable strings entirely', () => {
    const off = { argumentTypes: [HiveTypes.string], cboEnabled: false };
    expect(run(avg, off, col(['a', 'b']))).toBeNull();
    expect(run(avg, off, col(['a', '3']))).toBe(3);
    expect(
      run(avg, { argumentTypes: [HiveTypes.bigint], cboEnabled: false }, col([2n ** 63n - 1n, 1n])),
    ).toBe(2 ** 62);
  });
  it('decimal: UDAF type rule off-CBO, division type with CBO (Hive 3.1.3)', () => {
    const t = decimalType(10, 2);
    expect(resolveAggregate(avg, { argumentTypes: [t], cboEnabled: false }).resultType).toEqual(
      decimalType(14, 6),
    );
    expect(
      resolveAggregate(avg, { argumentTypes: [decimalType(38, 18)], cboEnabled: false }).resultType,
    ).toEqual(decimalType(38, 18));
    expect(resolveAggregate(avg, { argumentTypes: [decimalType(20, 10)] }).resultType).toEqual(
      decimalType(38, 18),
    );
    const r = run(
      avg,
      { argumentTypes: [t], cboEnabled: false },
      col([d('1'), d('2'), d('2')]),
    ) as HiveDecimalValue;
    expect(r.toFixed(6)).toBe('1.666667');
  });
  it('avg(*) is invalid syntax; booleans are rejected', () => {
    expect(messageOf(() => resolveAggregate(avg, { argumentTypes: [], star: true }))).toBe(
      'The specified syntax for UDAF invocation is invalid.',
    );
    expect(codeOf(() => resolveAggregate(avg, { argumentTypes: [HiveTypes.boolean] }))).toBe(
      'INVALID_FUNCTION_ARGUMENTS',
    );
  });
  it('avg(DISTINCT x)', () => {
    expect(run(avg, { argumentTypes: [HiveTypes.int], distinct: true }, col([1, 1, 1, 4]))).toBe(2.5);
  });
});

describe('min / max', () => {
  it('NaN is greatest (Double.compare); min ignores NaN unless all are NaN', () => {
    expect(run(max, HiveTypes.double, col([1, NaN, 3]))).toBeNaN();
    expect(run(min, HiveTypes.double, col([NaN, 1, 3]))).toBe(1);
    expect(run(min, HiveTypes.double, col([NaN, NaN]))).toBeNaN();
    expect(run(max, HiveTypes.double, col([-Infinity, Infinity]))).toBe(Infinity);
  });
  it('-0.0 equals 0.0 and the first one seen is kept', () => {
    expect(Object.is(run(max, HiveTypes.double, col([-0, 0])), -0)).toBe(true);
    expect(Object.is(run(min, HiveTypes.double, col([0, -0])), 0)).toBe(true);
  });
  it('empty and all-NULL → NULL', () => {
    expect(run(max, HiveTypes.int, [])).toBeNull();
    expect(run(min, HiveTypes.string, col([null]))).toBeNull();
  });
  it('strings order by UTF-8 bytes; bigint, decimal, date, boolean, binary', () => {
    expect(run(max, HiveTypes.string, col(['\uFF61', '😀']))).toBe('😀');
    expect(run(max, HiveTypes.string, col(['b', 'abc', 'B']))).toBe('b');
    expect(run(min, HiveTypes.bigint, col([5n, -(2n ** 63n), 7n]))).toBe(-(2n ** 63n));
    expect(
      (run(max, decimalType(5, 2), col([d('1.5'), d('10.25'), d('-3')])) as HiveDecimalValue).toFixed(),
    ).toBe('10.25');
    expect(run(max, HiveTypes.date, col([18000, 19000, null]))).toBe(19000);
    expect(run(min, HiveTypes.boolean, col([true, false]))).toBe(false);
    expect(
      run(
        max,
        HiveTypes.binary,
        col([new Uint8Array([1, 2]), new Uint8Array([0xff]), new Uint8Array([1, 2, 0])]),
      ),
    ).toEqual(new Uint8Array([0xff]));
  });
  it('structs compare field by field, arrays element-wise then by length', () => {
    const st = structType([
      { name: 'a', type: HiveTypes.int },
      { name: 'b', type: HiveTypes.string },
    ]);
    expect(
      run(
        max,
        st,
        col([
          { a: 1, b: 'z' },
          { a: 2, b: 'a' },
          { a: 2, b: null },
        ]),
      ),
    ).toEqual({ a: 2, b: 'a' });
    expect(
      run(
        min,
        st,
        col([
          { a: 1, b: 'z' },
          { a: 1, b: null },
        ]),
      ),
    ).toEqual({ a: 1, b: 'z' });
    const ar = arrayType(HiveTypes.int);
    expect(
      run(
        max,
        ar,
        col([
          [1, 2],
          [1, 2, 0],
          [0, 9],
        ]),
      ),
    ).toEqual([1, 2, 0]);
    expect(
      run(
        min,
        ar,
        col([
          [1, 2],
          [1, 2, 0],
          [0, 9],
        ]),
      ),
    ).toEqual([0, 9]);
  });
  it('rejects maps (also nested) and max(*)', () => {
    const m = mapType(HiveTypes.string, HiveTypes.int);
    expect(messageOf(() => resolveAggregate(max, { argumentTypes: [m] }))).toBe(
      'Cannot support comparison of map<> type or complex type containing map<>.',
    );
    expect(codeOf(() => resolveAggregate(min, { argumentTypes: [arrayType(m)] }))).toBe(
      'INVALID_FUNCTION_ARGUMENTS',
    );
    expect(messageOf(() => resolveAggregate(max, { argumentTypes: [], star: true }))).toBe(
      'The specified syntax for UDAF invocation is invalid.',
    );
  });
});

describe('variance family', () => {
  const xs = col([1, 2, 3, 4]);
  it.each([true, false])('population/sample statistics agree with the definitions (cbo %s)', (cboEnabled) => {
    const c = { argumentTypes: [HiveTypes.int], cboEnabled };
    expect(run(variance, c, xs)).toBe(1.25);
    expect(run(varSamp, c, xs)).toBeCloseTo(5 / 3, 14);
    expect(run(stddev, c, xs)).toBeCloseTo(Math.sqrt(1.25), 14);
    expect(run(stddevSamp, c, xs)).toBeCloseTo(Math.sqrt(5 / 3), 14);
  });
  it.each([true, false])('empty → NULL; one row → 0.0 (pop) / NULL (samp) (cbo %s)', (cboEnabled) => {
    const c = { argumentTypes: [HiveTypes.double], cboEnabled };
    expect(run(variance, c, [])).toBeNull();
    expect(run(stddevSamp, c, [])).toBeNull();
    expect(run(variance, c, col([5]))).toBe(0);
    expect(run(stddev, c, col([5]))).toBe(0);
    expect(run(varSamp, c, col([5]))).toBeNull();
    expect(run(stddevSamp, c, col([5, null]))).toBeNull();
  });
  it('CBO rewrite shows the textbook formula cancellation; the UDAF does not', () => {
    const rows = col([1e9 + 1, 1e9 + 2, 1e9 + 3]);
    const cbo = run(variance, HiveTypes.double, rows) as number;
    const udaf = run(variance, { argumentTypes: [HiveTypes.double], cboEnabled: false }, rows) as number;
    expect(udaf).toBeCloseTo(2 / 3, 9);
    expect(cbo).not.toBe(udaf);
  });
  it('strings: CBO counts unparseable strings but sums only parsed ones', () => {
    expect(run(variance, HiveTypes.string, col(['a', 'b']))).toBeNull();
    // n = 2 (both strings counted), Σx = 2, Σx² = 4: (4 − 4/2)/2.
    expect(run(variance, HiveTypes.string, col(['2', 'x']))).toBe(1);
    expect(run(variance, { argumentTypes: [HiveTypes.string], cboEnabled: false }, col(['2', 'x']))).toBe(0);
  });
  it("DISTINCT with CBO: Σx² over DISTINCT x² (x and −x collapse), as Hive's rewrite; CBO off: distinct x", () => {
    const rows = col([1, -1, 1, 2]);
    // CBO: n = |{1,-1,2}| = 3, Σx = 1 − 1 + 2 = 2, Σx² = 1 + 4 = 5 → (5 − 4/3)/3.
    expect(run(variance, { argumentTypes: [HiveTypes.int], distinct: true }, rows)).toBe((5 - 4 / 3) / 3);
    // UDAF over the distinct values {−1, 1, 2}: population variance 14/9.
    expect(
      run(variance, { argumentTypes: [HiveTypes.int], distinct: true, cboEnabled: false }, rows),
    ).toBeCloseTo(14 / 9, 14);
    expect(run(stddevSamp, { argumentTypes: [HiveTypes.int], distinct: true }, col([3, 3]))).toBeNull();
  });
  it('aliases resolve through the registry', () => {
    const r = createAggregateRegistry(builtinAggregates());
    expect(r.lookup('STD')).toBe(stddev);
    expect(r.lookup('stddev_pop')).toBe(stddev);
    expect(r.lookup('var_pop')).toBe(variance);
    expect(r.lookup('$SUM0')).toBe(sum0);
  });
});

describe('covariance, correlation, regression', () => {
  const pairs = [
    [1, 2],
    [2, 4.5],
    [3, 5.5],
    [null, 1],
    [4, null],
    [5, 11],
  ];
  const c2 = { argumentTypes: [HiveTypes.double, HiveTypes.double] };
  // Naive two-pass statistics over the non-NULL pairs, as (y, x) = (args[0], args[1]).
  const ok = pairs.filter((p): p is number[] => p[0] != null && p[1] != null);
  const n = ok.length;
  const my = ok.reduce((s, p) => s + (p[0] ?? 0), 0) / n;
  const mx = ok.reduce((s, p) => s + (p[1] ?? 0), 0) / n;
  const sxy = ok.reduce((s, p) => s + ((p[0] ?? 0) - my) * ((p[1] ?? 0) - mx), 0);
  const sxx = ok.reduce((s, p) => s + ((p[1] ?? 0) - mx) ** 2, 0);
  const syy = ok.reduce((s, p) => s + ((p[0] ?? 0) - my) ** 2, 0);

  it('match two-pass formulas', () => {
    expect(run(covarPop, c2, pairs)).toBeCloseTo(sxy / n, 12);
    expect(run(covarSamp, c2, pairs)).toBeCloseTo(sxy / (n - 1), 12);
    expect(run(corr, c2, pairs)).toBeCloseTo(sxy / Math.sqrt(sxx * syy), 12);
    expect(run(regrSlope, c2, pairs)).toBeCloseTo(sxy / sxx, 12);
    expect(run(regrIntercept, c2, pairs)).toBeCloseTo(my - (sxy / sxx) * mx, 12);
    expect(run(regrR2, c2, pairs)).toBeCloseTo((sxy * sxy) / sxx / syy, 12);
    expect(run(regrSxx, c2, pairs)).toBeCloseTo(sxx, 12);
    expect(run(regrSyy, c2, pairs)).toBeCloseTo(syy, 12);
    expect(run(regrSxy, c2, pairs)).toBeCloseTo(sxy, 12);
    expect(run(regrAvgx, c2, pairs)).toBeCloseTo(mx, 12);
    expect(run(regrCount, c2, pairs)).toBe(4n);
  });
  it('empty, single pair and zero variance', () => {
    expect(run(covarPop, c2, [])).toBeNull();
    expect(run(covarPop, c2, [[1, 2]])).toBe(0);
    expect(run(covarSamp, c2, [[1, 2]])).toBeNull();
    expect(run(corr, c2, [[1, 2]])).toBeNull();
    expect(run(regrCount, c2, [])).toBe(0n);
    expect(
      run(regrR2, c2, [
        [1, 1],
        [1, 2],
      ]),
    ).toBe(1);
    expect(
      run(regrSlope, c2, [
        [1, 1],
        [2, 1],
      ]),
    ).toBeNull();
  });
  it('regr_avgx keeps decimal x decimal (avg UDAF type)', () => {
    const t = decimalType(10, 0);
    const ev = resolveAggregate(regrAvgx, { argumentTypes: [t, t] });
    expect(ev.resultType).toEqual(decimalType(14, 4));
  });
  it('errors: arity, strings for corr/regr, strings for covar with its wording', () => {
    expect(messageOf(() => resolveAggregate(corr, { argumentTypes: [HiveTypes.int] }))).toBe(
      'Exactly two arguments are expected.',
    );
    expect(
      messageOf(() => resolveAggregate(corr, { argumentTypes: [HiveTypes.int, HiveTypes.string] })),
    ).toBe('Only numeric type arguments are accepted but string is passed.');
    expect(
      messageOf(() => resolveAggregate(covarPop, { argumentTypes: [HiveTypes.string, HiveTypes.int] })),
    ).toBe('Only numeric or string type arguments are accepted but string is passed.');
    expect(codeOf(() => resolveAggregate(regrSlope, { argumentTypes: [], star: true }))).toBe(
      'INVALID_FUNCTION_ARGUMENTS',
    );
  });
});
