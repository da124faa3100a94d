import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Session, formatResultLines } from '@hive-batch/runtime';

let dir: string;
let session: Session;

async function lines(sql: string): Promise<string[]> {
  return formatResultLines(await session.execute(sql));
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'runtime-test-'));
  session = await Session.open({ warehouse: path.join(dir, 'warehouse') });
  const data = path.join(dir, 'data.txt');
  writeFileSync(data, ['1\ta\t1.5', '2\tb\t2.5', '2\tc\t\\N', '\\N\td\t4.0', ''].join('\n'));
  await session.execute(
    "CREATE TABLE t (k INT, s STRING, d DOUBLE) ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\t'",
  );
  await session.execute(`LOAD DATA LOCAL INPATH '${data}' INTO TABLE t`);
});

afterEach(async () => {
  await session.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Session', () => {
  it('runs a grouped, ordered query (ASC puts NULLs first)', async () => {
    expect(await lines('SELECT k, count(*), sum(d) FROM t GROUP BY k ORDER BY k')).toEqual([
      'NULL\t1\t4.0',
      '1\t1\t1.5',
      '2\t2\t2.5',
    ]);
  });

  it('orders by select aliases and positions, and names unnamed columns _c<N>', async () => {
    expect(await lines('SELECT s AS x, k FROM t ORDER BY x DESC LIMIT 2')).toEqual(['d\tNULL', 'c\t2']);
    expect(await lines('SELECT k, s FROM t ORDER BY 2 DESC LIMIT 1')).toEqual(['NULL\td']);
    const r = await session.execute('SELECT k + 1, s FROM t');
    expect(r.columns.map((c) => c.name)).toEqual(['_c0', 's']);
  });

  it('applies Hive implicit casts and result types', async () => {
    expect(
      await lines("SELECT 7 / 2, 7 DIV 2, '3' + 1, CAST(1.5 AS DECIMAL(5,2)) * 2 FROM t LIMIT 1"),
    ).toEqual(['3.5\t3\t4.0\t3.00']);
  });

  it('inserts, runs CTAS with aggregates, and joins', async () => {
    await session.execute('CREATE TABLE u (k INT, n BIGINT)');
    await session.execute(
      'INSERT INTO TABLE u SELECT k, count(DISTINCT s) FROM t WHERE k IS NOT NULL GROUP BY k',
    );
    await session.execute('INSERT INTO u VALUES (3, 9)');
    expect(await lines('SELECT * FROM u ORDER BY k')).toEqual(['1\t1', '2\t2', '3\t9']);
    await session.execute('CREATE TABLE c AS SELECT collect_set(s) AS ss, stddev_samp(d) FROM t');
    expect(await lines('SELECT * FROM c')).toEqual(['["a","b","c","d"]\t1.2583057392117918']);
    expect(await lines('SELECT t.s, u.n FROM t JOIN u ON t.k = u.k ORDER BY t.s')).toEqual([
      'a\t1',
      'b\t2',
      'c\t2',
    ]);
  });

  it('reports missing tables and columns with codes', async () => {
    await expect(session.execute('SELECT * FROM nope')).rejects.toMatchObject({ code: 'TABLE_NOT_FOUND' });
    await expect(session.execute('SELECT nope FROM t')).rejects.toMatchObject({ code: 'COLUMN_NOT_FOUND' });
    await expect(session.execute('SELECT k, count(*) FROM t')).rejects.toMatchObject({
      code: 'SEMANTIC_ERROR',
    });
    await expect(session.execute('SELEC 1')).rejects.toMatchObject({ code: 'PARSE_ERROR' });
  });
});

describe('window functions', () => {
  it('aggregates over a partition, cumulatively with ORDER BY, and ranks', async () => {
    expect(await lines('SELECT s, count(*) OVER (PARTITION BY k) FROM t ORDER BY s')).toEqual([
      'a\t1',
      'b\t2',
      'c\t2',
      'd\t1',
    ]);
    expect(
      await lines(
        'SELECT s, sum(d) OVER (ORDER BY s), row_number() OVER (ORDER BY s DESC) FROM t ORDER BY s',
      ),
    ).toEqual(['a\t1.5\t4', 'b\t4.0\t3', 'c\t4.0\t2', 'd\t8.0\t1']);
  });
});

describe('CREATE FUNCTION … USING JAR', () => {
  it('loads a JavaScript plugin as a temporary function and drops it', async () => {
    const plugin = path.join(dir, 'toy.mjs');
    writeFileSync(
      plugin,
      `export function plugin(api) {
  return api.definePlugin({
    name: 'toy',
    apiVersion: 1,
    functions: {
      plusOne: api.defineUdf({ argumentTypes: ['int'], resultType: 'int', evaluate: ([xs]) => xs.map((x) => (x == null ? null : x + 1)) }),
    },
  });
}
`,
    );
    await session.execute(`CREATE TEMPORARY FUNCTION plus_one AS 'plusOne' USING JAR '${plugin}'`);
    expect(await lines('SELECT plus_one(k) FROM t ORDER BY 1')).toEqual(['NULL', '2', '3', '3']);
    await session.execute('DROP TEMPORARY FUNCTION plus_one');
    await expect(session.execute('SELECT plus_one(k) FROM t')).rejects.toMatchObject({
      code: 'UNKNOWN_FUNCTION',
    });
  });
});

describe('partitioned tables', () => {
  it('prunes partitions from WHERE and shows it in EXPLAIN', async () => {
    await session.execute('CREATE TABLE p (k INT) PARTITIONED BY (ds STRING)');
    await session.execute("INSERT INTO p PARTITION (ds = '2024-01-01') VALUES (1), (2)");
    await session.execute("INSERT INTO p PARTITION (ds = '2024-01-02') VALUES (3)");
    expect(await lines("SELECT k, ds FROM p WHERE ds >= '2024-01-02' AND k > 0")).toEqual(['3\t2024-01-02']);
    expect(await lines('SELECT ds, count(*) FROM p GROUP BY ds ORDER BY ds')).toEqual([
      '2024-01-01\t2',
      '2024-01-02\t1',
    ]);
    const plan = (await session.execute("EXPLAIN SELECT k FROM p WHERE ds = '2024-01-01'")).lines.join('\n');
    expect(plan).toContain('partitions:');
    expect(await lines('SHOW PARTITIONS p')).toEqual(['ds=2024-01-01', 'ds=2024-01-02']);
  });
});

describe('subqueries', () => {
  it('runs uncorrelated IN / NOT IN subqueries as semi and anti joins', async () => {
    expect(await lines('SELECT s FROM t WHERE k IN (SELECT k FROM t WHERE s = "a") ORDER BY s')).toEqual([
      'a',
    ]);
    expect(
      await lines(
        'SELECT s FROM t WHERE k NOT IN (SELECT k FROM t WHERE s = "a") AND k IS NOT NULL ORDER BY s',
      ),
    ).toEqual(['b', 'c']);
    expect(await lines('SELECT x.s FROM (SELECT s, k FROM t) x WHERE x.k > 1 ORDER BY x.s')).toEqual([
      'b',
      'c',
    ]);
  });
});

describe('LATERAL VIEW', () => {
  it('explodes arrays and maps, with OUTER keeping empty inputs', async () => {
    expect(
      await lines(
        "SELECT s, x FROM t LATERAL VIEW explode(array(k, k * 10)) v AS x WHERE s IN ('a', 'b') ORDER BY s, x",
      ),
    ).toEqual(['a\t1', 'a\t10', 'b\t2', 'b\t20']);
    expect(
      await lines("SELECT v.key, v.value FROM t LATERAL VIEW explode(map(s, k)) v WHERE s = 'a'"),
    ).toEqual(['a\t1']);
    expect(
      await lines(
        "SELECT s, p, x FROM t LATERAL VIEW posexplode(array(s, s)) v AS p, x WHERE s = 'd' ORDER BY p",
      ),
    ).toEqual(['d\t0\td', 'd\t1\td']);
  });
});

describe('scalar subqueries', () => {
  it('compares with an uncorrelated scalar subquery and selects it', async () => {
    expect(await lines('SELECT * FROM t WHERE d > (SELECT avg(d) FROM t) ORDER BY s')).toEqual([
      'NULL\td\t4.0',
    ]);
    expect(await lines("SELECT s, (SELECT max(k) FROM t) FROM t WHERE s = 'a'")).toEqual(['a\t2']);
  });
});
