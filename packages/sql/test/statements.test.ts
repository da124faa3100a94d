import { describe, expect, it } from 'vitest';
import { HiveTypes, arrayType, decimalType, mapType, structType, varcharType } from '@hive-batch/core';
import { formatStatement, parseStatement } from '@hive-batch/sql';
import type { Expression, Query, SelectCore, Statement } from '@hive-batch/sql';
import { stripPositions } from './helpers';

function parse(sql: string): Statement {
  const stmt = parseStatement(sql);
  // Every statement here must also survive format → parse unchanged.
  expect(stripPositions(parseStatement(formatStatement(stmt)))).toEqual(stripPositions(stmt));
  return stmt;
}

function query(sql: string): Query {
  const stmt = parse(sql);
  if (stmt.kind !== 'query') throw new Error(`not a query: ${stmt.kind}`);
  return stmt.query;
}

function select(sql: string): SelectCore {
  const q = query(sql);
  if (q.body.kind !== 'select') throw new Error('not a select');
  return q.body;
}

function expr(text: string): unknown {
  const item = select(`SELECT ${text}`).items[0];
  return stripPositions(item?.expr);
}

const col = (...parts: string[]): unknown => ({ kind: 'column', parts });
const num = (text: string): unknown => ({ kind: 'number', text, suffix: 'none' });
const callOf = (name: string, args: unknown[]): object => ({
  kind: 'call',
  name: [name],
  args,
  distinct: false,
  star: false,
  withinGroup: null,
  over: null,
});

describe('expressions and precedence (Hive 3.1)', () => {
  it('binds * over + over comparison over NOT over AND over OR', () => {
    expect(expr('a OR b AND NOT c = d + e * f')).toEqual({
      kind: 'binary',
      op: 'or',
      left: col('a'),
      right: {
        kind: 'binary',
        op: 'and',
        left: col('b'),
        right: {
          kind: 'unary',
          op: 'not',
          operand: {
            kind: 'binary',
            op: '=',
            left: col('c'),
            right: {
              kind: 'binary',
              op: '+',
              left: col('d'),
              right: { kind: 'binary', op: '*', left: col('e'), right: col('f') },
            },
          },
        },
      },
    });
  });

  it('binds IS NULL tighter than arithmetic, as Hive 3 does', () => {
    expect(expr('a + b IS NOT NULL')).toEqual({
      kind: 'binary',
      op: '+',
      left: col('a'),
      right: { kind: 'is', operand: col('b'), test: 'null', negated: true },
    });
    expect(expr('x IS FALSE')).toMatchObject({ kind: 'is', test: 'false', negated: false });
  });

  it('reads DIV, %, ||, &, |, ^, ~, <=>, ==, !=, !', () => {
    expect(expr('a DIV 10')).toMatchObject({ kind: 'binary', op: 'div' });
    expect(expr('a % 2')).toMatchObject({ kind: 'binary', op: '%' });
    expect(expr("a || 'x'")).toMatchObject({ kind: 'binary', op: '||' });
    expect(expr('a & b | c')).toMatchObject({ kind: 'binary', op: '|', left: { op: '&' } });
    expect(expr('a ^ b * c')).toMatchObject({ kind: 'binary', op: '*', left: { op: '^' } });
    expect(expr('~a')).toMatchObject({ kind: 'unary', op: '~' });
    expect(expr('a <=> b')).toMatchObject({ kind: 'binary', op: '<=>' });
    expect(expr('a == b')).toMatchObject({ kind: 'binary', op: '=' });
    expect(expr('a != b')).toMatchObject({ kind: 'binary', op: '<>' });
    expect(expr('!a')).toMatchObject({ kind: 'unary', op: 'not' });
    expect(expr('-a * b')).toMatchObject({ kind: 'binary', op: '*', left: { kind: 'unary', op: '-' } });
  });

  it('reads IS [NOT] DISTINCT FROM as Hive rewrites it (<=>)', () => {
    expect(expr('a IS NOT DISTINCT FROM b')).toEqual({
      kind: 'binary',
      op: '<=>',
      left: col('a'),
      right: col('b'),
    });
    expect(expr('a IS DISTINCT FROM b + 1')).toMatchObject({
      kind: 'unary',
      op: 'not',
      operand: { kind: 'binary', op: '<=>', right: { op: '+' } },
    });
  });

  it('reads [NOT] BETWEEN, [NOT] IN, [NOT] LIKE/RLIKE/REGEXP, EXISTS', () => {
    expect(expr('a NOT BETWEEN 1 AND 2 + 3')).toEqual({
      kind: 'between',
      operand: col('a'),
      low: num('1'),
      high: { kind: 'binary', op: '+', left: num('2'), right: num('3') },
      negated: true,
    });
    expect(expr('a IN (1, 2)')).toEqual({
      kind: 'inList',
      operand: col('a'),
      list: [num('1'), num('2')],
      negated: false,
    });
    expect(expr('a NOT IN (SELECT k FROM t)')).toMatchObject({ kind: 'inSubquery', negated: true });
    expect(expr("a NOT LIKE 'x%'")).toMatchObject({ kind: 'like', op: 'like', negated: true });
    expect(expr("a RLIKE 'x'")).toMatchObject({ kind: 'like', op: 'rlike', negated: false });
    expect(expr("a REGEXP 'x'")).toMatchObject({ kind: 'like', op: 'regexp' });
    expect(expr('NOT EXISTS (SELECT 1 FROM t)')).toMatchObject({
      kind: 'unary',
      op: 'not',
      operand: { kind: 'exists' },
    });
  });

  it('reads CASE in both forms and CAST to Hive types', () => {
    expect(expr("CASE a WHEN 1 THEN 'x' ELSE 'y' END")).toMatchObject({ kind: 'case', operand: col('a') });
    expect(expr('CASE WHEN a > 1 THEN 1 END')).toMatchObject({ kind: 'case', operand: null, else: null });
    expect(expr('CAST(a AS DECIMAL(20,10))')).toEqual({
      kind: 'cast',
      operand: col('a'),
      type: decimalType(20, 10),
    });
    expect(expr('CAST(a AS decimal)')).toMatchObject({ type: decimalType(10, 0) });
    expect(expr('CAST(a AS varchar(10))')).toMatchObject({ type: varcharType(10) });
    expect(expr('CAST(a AS map<string,array<int>>)')).toMatchObject({
      type: mapType(HiveTypes.string, arrayType(HiveTypes.int)),
    });
  });

  it('reads function calls: DISTINCT, ALL, *, WITHIN GROUP, OVER', () => {
    expect(expr('count(*)')).toMatchObject({ kind: 'call', name: ['count'], star: true, args: [] });
    expect(expr('count(DISTINCT a, b)')).toMatchObject({ distinct: true, args: [col('a'), col('b')] });
    expect(expr('sum(ALL a)')).toMatchObject({ distinct: false, args: [col('a')] });
    expect(expr('percentile_cont(0.5) WITHIN GROUP (ORDER BY x DESC NULLS LAST)')).toMatchObject({
      withinGroup: [{ expr: col('x'), direction: 'desc', nulls: 'last' }],
    });
    expect(
      expr('sum(a) OVER (PARTITION BY b ORDER BY c ROWS BETWEEN UNBOUNDED PRECEDING AND 2 FOLLOWING)'),
    ).toMatchObject({
      over: {
        partitionBy: [col('b')],
        orderBy: [{ expr: col('c') }],
        frame: {
          unit: 'rows',
          start: { kind: 'unboundedPreceding' },
          end: { kind: 'following', offset: num('2') },
        },
      },
    });
    expect(expr('if(a, 1, 2)')).toMatchObject({ kind: 'call', name: ['if'] });
    expect(expr('array(1, 2)')).toMatchObject({ kind: 'call', name: ['array'] });
    expect(expr('mydb.f(1)')).toMatchObject({ kind: 'call', name: ['mydb', 'f'] });
    expect(expr('current_date')).toMatchObject({ kind: 'call', name: ['current_date'], args: [] });
  });

  it('reads EXTRACT, FLOOR … TO and LIKE ANY/ALL as the calls Hive rewrites them to', () => {
    expect(expr('EXTRACT(MONTH FROM d)')).toEqual({ ...callOf('month', [col('d')]) });
    expect(expr('extract(week from d)')).toMatchObject({ name: ['weekofyear'] });
    expect(expr('FLOOR(ts TO HOUR)')).toMatchObject({
      kind: 'call',
      name: ['floor_hour'],
      args: [col('ts')],
    });
    expect(expr('floor(x)')).toMatchObject({ kind: 'call', name: ['floor'], args: [col('x')] });
    expect(expr("a LIKE ANY ('x%', 'y%')")).toMatchObject({
      kind: 'call',
      name: ['likeany'],
      args: [col('a'), {}, {}],
    });
    expect(expr("a NOT LIKE ALL ('x%')")).toMatchObject({
      kind: 'unary',
      op: 'not',
      operand: { name: ['likeall'] },
    });
  });

  it('reads index, map access, struct fields, qualified columns and stars', () => {
    expect(expr('a[0]')).toEqual({ kind: 'index', base: col('a'), index: num('0') });
    expect(expr("m['k']")).toMatchObject({ kind: 'index', index: { kind: 'string', value: 'k' } });
    expect(expr('s.f.g')).toEqual(col('s', 'f', 'g'));
    expect(expr('a[0].f')).toMatchObject({ kind: 'field', field: 'f', base: { kind: 'index' } });
    expect(expr('t.*')).toEqual({ kind: 'star', qualifier: ['t'] });
    expect(expr('*')).toEqual({ kind: 'star', qualifier: [] });
  });
});

describe('queries', () => {
  it('reads every select clause', () => {
    const q = query(
      'SELECT DISTINCT a, b AS x, c y FROM db.t AS u WHERE a > 1 GROUP BY a, b HAVING count(*) > 1 ORDER BY a ASC NULLS LAST, b DESC LIMIT 5, 10',
    );
    expect(q).toMatchObject({
      limit: 10,
      offset: 5,
      orderBy: [{ direction: 'asc', nulls: 'last' }, { direction: 'desc' }],
    });
    expect(q.body).toMatchObject({
      kind: 'select',
      distinct: true,
      items: [{ aliases: [] }, { aliases: ['x'] }, { aliases: ['y'] }],
      from: { kind: 'table', name: { database: 'db', table: 't' }, alias: 'u' },
      groupBy: { mode: 'plain' },
    });
  });

  it('reads SORT BY, DISTRIBUTE BY, CLUSTER BY', () => {
    expect(query('SELECT a FROM t DISTRIBUTE BY a SORT BY b DESC')).toMatchObject({
      distributeBy: [col('a')],
      sortBy: [{ direction: 'desc' }],
    });
    expect(query('SELECT a FROM t CLUSTER BY a')).toMatchObject({ clusterBy: [col('a')] });
  });

  it('reads WITH ROLLUP, WITH CUBE, ROLLUP(), CUBE(), GROUPING SETS', () => {
    expect(select('SELECT a FROM t GROUP BY a, b WITH ROLLUP').groupBy).toMatchObject({ mode: 'rollup' });
    expect(select('SELECT a FROM t GROUP BY a, b WITH CUBE').groupBy).toMatchObject({ mode: 'cube' });
    expect(select('SELECT a FROM t GROUP BY ROLLUP(a, b)').groupBy).toMatchObject({ mode: 'rollup' });
    expect(select('SELECT a FROM t GROUP BY CUBE(a, b)').groupBy).toMatchObject({ mode: 'cube' });
    const g = select('SELECT a FROM t GROUP BY a, b GROUPING SETS ((a, b), a, ())').groupBy;
    expect(stripPositions(g)).toEqual({
      mode: 'groupingSets',
      exprs: [col('a'), col('b')],
      sets: [[col('a'), col('b')], [col('a')], []],
    });
  });

  it('reads joins of every kind', () => {
    const from = select(
      'SELECT * FROM a JOIN b ON a.k = b.k LEFT OUTER JOIN c ON a.k = c.k LEFT SEMI JOIN d ON a.k = d.k CROSS JOIN e RIGHT JOIN f USING (k) FULL OUTER JOIN g ON true, h',
    ).from;
    const types: string[] = [];
    let f = from;
    while (f?.kind === 'join') {
      types.unshift(f.type);
      f = f.left;
    }
    expect(types).toEqual(['inner', 'left', 'leftSemi', 'cross', 'right', 'full', 'cross']);
  });

  it('reads subqueries in FROM and LATERAL VIEW', () => {
    expect(select('SELECT * FROM (SELECT a FROM t) s').from).toMatchObject({ kind: 'subquery', alias: 's' });
    expect(select('SELECT c FROM t LATERAL VIEW OUTER explode(arr) x AS c').from).toMatchObject({
      kind: 'lateralView',
      outer: true,
      call: { name: ['explode'] },
      tableAlias: 'x',
      columnAliases: ['c'],
    });
  });

  it('reads UNION [ALL|DISTINCT], CTEs and parenthesised queries', () => {
    const q = query(
      'WITH x AS (SELECT 1 a), y AS (SELECT 2 a) SELECT a FROM x UNION ALL (SELECT a FROM y) ORDER BY a',
    );
    expect(q.with.map((c) => c.name)).toEqual(['x', 'y']);
    expect(q.body).toMatchObject({ kind: 'setOp', op: 'union', all: true, right: { kind: 'query' } });
    expect(q.orderBy).toHaveLength(1);
    expect(query('SELECT 1 UNION SELECT 2').body).toMatchObject({ kind: 'setOp', all: false });
  });

  it('reads FROM-first selects', () => {
    expect(select('FROM t SELECT a WHERE a > 1')).toMatchObject({
      from: { kind: 'table' },
      where: { op: '>' },
    });
  });
});

describe('DML', () => {
  it('reads INSERT OVERWRITE TABLE with a static/dynamic partition spec', () => {
    expect(parse("INSERT OVERWRITE TABLE t PARTITION (ds='1', hr) SELECT a, b FROM s")).toMatchObject({
      kind: 'insert',
      from: null,
      branches: [
        {
          target: {
            kind: 'table',
            overwrite: true,
            partition: {
              entries: [
                { column: 'ds', value: { kind: 'string', value: '1' } },
                { column: 'hr', value: null },
              ],
            },
          },
          source: { kind: 'query' },
        },
      ],
    });
  });

  it('reads INSERT INTO … VALUES and a column list', () => {
    expect(parse('INSERT INTO t (a, b) VALUES (1, NULL), (-2, 3)')).toMatchObject({
      branches: [
        {
          target: { overwrite: false, columns: ['a', 'b'] },
          source: {
            kind: 'values',
            rows: [
              [{}, {}],
              [{}, {}],
            ],
          },
        },
      ],
    });
  });

  it('reads the multi-insert form', () => {
    const stmt = parse(
      'FROM src INSERT OVERWRITE TABLE d1 SELECT key, count(1) WHERE key > 1 GROUP BY key INSERT INTO TABLE d2 SELECT value GROUP BY value LIMIT 3',
    );
    expect(stmt).toMatchObject({ kind: 'insert', from: { kind: 'table', name: { table: 'src' } } });
    if (stmt.kind !== 'insert') throw new Error('not insert');
    expect(stmt.branches).toHaveLength(2);
    expect(stmt.branches[1]?.source).toMatchObject({
      limit: 3,
      body: { from: null, groupBy: { mode: 'plain' } },
    });
  });

  it('reads WITH … INSERT and INSERT OVERWRITE LOCAL DIRECTORY', () => {
    expect(parse('WITH c AS (SELECT 1 a) INSERT INTO TABLE t SELECT a FROM c')).toMatchObject({
      kind: 'insert',
      with: [{ name: 'c' }],
    });
    expect(
      parse(
        "INSERT OVERWRITE LOCAL DIRECTORY '/tmp/x' ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' SELECT 1",
      ),
    ).toMatchObject({
      branches: [{ target: { kind: 'directory', local: true, path: '/tmp/x' } }],
    });
  });

  it('reads LOAD DATA', () => {
    expect(
      parse("LOAD DATA LOCAL INPATH '../x.txt' OVERWRITE INTO TABLE t PARTITION (ds='a')"),
    ).toMatchObject({
      kind: 'loadData',
      local: true,
      path: '../x.txt',
      overwrite: true,
      table: { table: 't' },
      partition: { entries: [{ column: 'ds' }] },
    });
  });
});

describe('DDL and utility statements', () => {
  it('reads CREATE TABLE with every clause', () => {
    const stmt = parse(
      "CREATE TEMPORARY EXTERNAL TABLE IF NOT EXISTS db.t (a INT COMMENT 'x', b array<string>, c struct<f:double,g:map<string,int>>) " +
        "COMMENT 'tbl' PARTITIONED BY (ds STRING) CLUSTERED BY (a) SORTED BY (a DESC) INTO 4 BUCKETS " +
        "ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' COLLECTION ITEMS TERMINATED BY '\\002' " +
        "MAP KEYS TERMINATED BY ':' LINES TERMINATED BY '\\n' NULL DEFINED AS 'NIL' STORED AS PARQUET LOCATION '/w/t' " +
        "TBLPROPERTIES ('k'='v')",
    );
    expect(stmt).toMatchObject({
      kind: 'createTable',
      temporary: true,
      external: true,
      ifNotExists: true,
      name: { database: 'db', table: 't' },
      comment: 'tbl',
      clusteredBy: { columns: ['a'], sortedBy: [{ column: 'a', direction: 'desc' }], buckets: 4 },
      rowFormat: {
        kind: 'delimited',
        fieldsTerminatedBy: '\t',
        escapedBy: '\\',
        collectionItemsTerminatedBy: '\u0002',
        mapKeysTerminatedBy: ':',
        linesTerminatedBy: '\n',
        nullDefinedAs: 'NIL',
      },
      storedAs: { kind: 'named', format: 'PARQUET' },
      location: '/w/t',
      tblProperties: [{ key: 'k', value: 'v' }],
    });
    if (stmt.kind !== 'createTable') throw new Error('not create');
    expect(stmt.columns.map((c) => c.type)).toEqual([
      HiveTypes.int,
      arrayType(HiveTypes.string),
      structType([
        { name: 'f', type: HiveTypes.double },
        { name: 'g', type: mapType(HiveTypes.string, HiveTypes.int) },
      ]),
    ]);
    expect(stmt.partitionedBy.map((c) => c.name)).toEqual(['ds']);
  });

  it('reads SERDE row formats, INPUTFORMAT/OUTPUTFORMAT, CTAS and LIKE', () => {
    expect(
      parse("CREATE TABLE t ROW FORMAT SERDE 'S' WITH SERDEPROPERTIES ('a'='b') STORED AS SEQUENCEFILE"),
    ).toMatchObject({
      rowFormat: { kind: 'serde', className: 'S', properties: [{ key: 'a', value: 'b' }] },
      storedAs: { kind: 'named', format: 'SEQUENCEFILE' },
    });
    expect(parse("CREATE TABLE t (a INT) STORED AS INPUTFORMAT 'I' OUTPUTFORMAT 'O'")).toMatchObject({
      storedAs: { kind: 'inputOutput', inputFormat: 'I', outputFormat: 'O' },
    });
    expect(parse('CREATE TABLE t STORED AS ORC AS SELECT a FROM s')).toMatchObject({
      storedAs: { format: 'ORC' },
      asSelect: { kind: 'query' },
    });
    expect(parse('CREATE TABLE t LIKE s')).toMatchObject({ like: { table: 's' }, columns: [] });
  });

  it('reads DROP TABLE, databases, USE, TRUNCATE', () => {
    expect(parse('DROP TABLE IF EXISTS t PURGE')).toMatchObject({
      kind: 'dropTable',
      ifExists: true,
      purge: true,
    });
    expect(
      parse("CREATE DATABASE IF NOT EXISTS d COMMENT 'c' LOCATION '/l' WITH DBPROPERTIES ('a'='b')"),
    ).toMatchObject({
      kind: 'createDatabase',
      ifNotExists: true,
      name: 'd',
      comment: 'c',
      location: '/l',
    });
    expect(parse('DROP SCHEMA IF EXISTS d CASCADE')).toMatchObject({
      kind: 'dropDatabase',
      ifExists: true,
      cascade: true,
    });
    expect(parse('USE d')).toMatchObject({ kind: 'use', database: 'd' });
    expect(parse("TRUNCATE TABLE t PARTITION (ds='x')")).toMatchObject({ kind: 'truncateTable' });
  });

  it('reads ALTER TABLE forms', () => {
    expect(parse("ALTER TABLE t ADD PARTITION (ds='1',hr='12')")).toMatchObject({
      kind: 'alterTable',
      action: {
        kind: 'addPartitions',
        partitions: [{ spec: { entries: [{ column: 'ds' }, { column: 'hr' }] } }],
      },
    });
    expect(parse("alter table t update statistics for column c set ('numDVs'='19')")).toMatchObject({
      action: { kind: 'updateColumnStatistics', column: 'c', properties: [{ key: 'numDVs', value: '19' }] },
    });
    expect(parse('ALTER TABLE t RENAME TO u')).toMatchObject({ action: { kind: 'renameTo' } });
    expect(parse('ALTER TABLE t ADD COLUMNS (x INT)')).toMatchObject({
      action: { kind: 'addColumns', replace: false },
    });
    expect(parse("ALTER TABLE t DROP IF EXISTS PARTITION (ds='1')")).toMatchObject({
      action: { kind: 'dropPartitions', ifExists: true },
    });
  });

  it('reads EXPLAIN, DESCRIBE and SHOW', () => {
    expect(parse('EXPLAIN VECTORIZATION DETAIL SELECT 1')).toMatchObject({
      kind: 'explain',
      options: ['vectorization', 'detail'],
      statement: { kind: 'query' },
    });
    expect(parse('explain analyze table t compute statistics for columns c')).toMatchObject({
      options: [],
      statement: { kind: 'analyzeTable', columns: ['c'] },
    });
    expect(parse('DESCRIBE FORMATTED t c')).toMatchObject({
      kind: 'describeTable',
      detail: 'formatted',
      column: ['c'],
    });
    expect(parse('DESC db.t')).toMatchObject({
      kind: 'describeTable',
      table: { database: 'db', table: 't' },
    });
    expect(parse('DESCRIBE FUNCTION EXTENDED percentile_cont')).toMatchObject({
      kind: 'describeFunction',
      extended: true,
      name: 'percentile_cont',
    });
    expect(parse("SHOW TABLES IN d LIKE 'a*'")).toMatchObject({
      kind: 'showTables',
      database: 'd',
      pattern: 'a*',
    });
    expect(parse('SHOW DATABASES')).toMatchObject({ kind: 'showDatabases', pattern: null });
    expect(parse("SHOW PARTITIONS t PARTITION (ds='1')")).toMatchObject({ kind: 'showPartitions' });
    expect(parse("SHOW FUNCTIONS LIKE 'c*'")).toMatchObject({ kind: 'showFunctions', pattern: 'c*' });
  });

  it('reads CREATE/DROP FUNCTION, RELOAD FUNCTIONS, ANALYZE', () => {
    expect(parse("CREATE TEMPORARY FUNCTION db.f AS 'a.B' USING JAR 'x.jar', FILE 'y'")).toMatchObject({
      kind: 'createFunction',
      temporary: true,
      name: ['db', 'f'],
      className: 'a.B',
      resources: [
        { type: 'jar', uri: 'x.jar' },
        { type: 'file', uri: 'y' },
      ],
    });
    expect(parse('DROP TEMPORARY FUNCTION IF EXISTS f')).toMatchObject({
      kind: 'dropFunction',
      temporary: true,
      ifExists: true,
    });
    expect(parse('RELOAD FUNCTIONS')).toMatchObject({ kind: 'reloadFunctions' });
    expect(parse('ANALYZE TABLE t PARTITION (ds, hr) COMPUTE STATISTICS FOR COLUMNS')).toMatchObject({
      kind: 'analyzeTable',
      partition: { entries: [{ value: null }, { value: null }] },
      columns: [],
    });
    expect(parse('ANALYZE TABLE t COMPUTE STATISTICS')).toMatchObject({ columns: null });
  });
});

describe('formatStatement', () => {
  it('prints operators with explicit parentheses and quotes names only when needed', () => {
    expect(formatStatement(parseStatement('select a+b*c x, `select`, `a b` from t'))).toBe(
      'SELECT a + (b * c) AS x, `select`, `a b` FROM t',
    );
  });

  it('escapes strings so they read back the same', () => {
    const e: Expression = { kind: 'string', pos: { line: 1, column: 1, offset: 0 }, value: "a'b\\c\n\u0001" };
    const text = formatStatement({
      kind: 'query',
      pos: e.pos,
      query: {
        kind: 'query',
        pos: e.pos,
        with: [],
        body: {
          kind: 'select',
          pos: e.pos,
          distinct: false,
          items: [{ pos: e.pos, expr: e, aliases: [] }],
          from: null,
          where: null,
          groupBy: null,
          having: null,
          windows: [],
        },
        orderBy: [],
        clusterBy: [],
        distributeBy: [],
        sortBy: [],
        limit: null,
        offset: null,
      },
    });
    expect(expr(text.slice('SELECT '.length))).toEqual({ kind: 'string', value: "a'b\\c\n\u0001" });
  });
});
