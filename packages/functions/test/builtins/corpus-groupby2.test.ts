import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { HiveTypes, castValue, columnFromValues, getValue } from '@hive-batch/core';
import { qtestsDir } from '@hive-batch/test-utils';
import { run, resolve } from './harness';

// groupby2.q: SELECT substr(key,1,1), count(DISTINCT substr(value,5)), concat(substr(key,1,1), sum(substr(value,5)))
// FROM src GROUP BY substr(key,1,1); the sum is done here, the scalar functions by the built-ins.
test('substr and concat reproduce groupby2.q.out', () => {
  const lines = readFileSync(join(qtestsDir(), 'data', 'kv1.txt'), 'utf8')
    .split('\n')
    .filter((l) => l !== '');
  const keys = lines.map((l) => l.split('\u0001')[0] ?? null);
  const values = lines.map((l) => l.split('\u0001')[1] ?? null);
  const substr = resolve('substr', ['string', 'int', 'int']);
  const substr2 = resolve('substr', ['string', 'int']);
  const n = lines.length;
  // Vectorized path for the grouping key, row path for the value, as the runtime may mix them.
  const keyCol = substr.evaluateBatch!(
    [
      columnFromValues(HiveTypes.string, keys),
      columnFromValues(HiveTypes.int, new Array<number>(n).fill(1)),
      columnFromValues(HiveTypes.int, new Array<number>(n).fill(1)),
    ],
    n,
  );
  const groups = new Map<string, { sum: number; distinct: Set<string> }>();
  for (let i = 0; i < n; i++) {
    const k = getValue(keyCol, i) as string;
    const v = substr2.evaluate([values[i], 5]) as string;
    const g = groups.get(k) ?? { sum: 0, distinct: new Set<string>() };
    g.sum += castValue(v, HiveTypes.string, HiveTypes.double) as number;
    g.distinct.add(v);
    groups.set(k, g);
  }
  const rows = [...groups.entries()].map(
    ([k, g]) => `${k}\t${g.distinct.size}\t${run('concat', ['string', 'double'], [k, g.sum]) as string}`,
  );
  rows.sort();
  const out = readFileSync(join(qtestsDir(), 'results', 'groupby2.q.out'), 'utf8').split('\n');
  const start = out.findIndex((l) => l.startsWith('POSTHOOK: query: SELECT dest_g2_n2.*'));
  const expected = out.slice(start + 4).filter((l) => l !== '');
  expect(rows).toEqual(expected);
});
