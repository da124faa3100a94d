import { describe, expect, it } from 'vitest';
import { builtinAggregates, createAggregateRegistry } from '@hive-batch/aggregate';
import { HiveTypes, decimalType, formatDataType } from '@hive-batch/core';
import { QueryBinder, formatPlan, parseStatement } from '@hive-batch/sql';
import type { BinderEnv, BinderTable, PlanNode } from '@hive-batch/sql';

const registry = createAggregateRegistry(builtinAggregates());
const tables: Record<string, BinderTable> = {
  t: {
    id: { database: 'default', table: 't' },
    columns: [
      { name: 'k', type: HiveTypes.int },
      { name: 's', type: HiveTypes.string },
      { name: 'd', type: decimalType(20, 10) },
    ],
    partitionKeys: [{ name: 'ds', type: HiveTypes.string }],
  },
};
const env: BinderEnv = {
  getTable: (_db, t) => {
    const table = tables[t.toLowerCase()];
    return table != null ? Promise.resolve(table) : Promise.reject(new Error(`no table ${t}`));
  },
  functions: { lookup: () => undefined },
  isAggregate: (n) => registry.lookup(n) != null,
  resolveAggregate: (n, call) => {
    const def = registry.lookup(n);
    if (def == null) throw new Error(n);
    return def.resolve(call, {});
  },
  orderByPosition: true,
  cboEnabled: true,
};

async function bind(sql: string) {
  const stmt = parseStatement(sql);
  if (stmt.kind !== 'query') throw new Error('not a query');
  return new QueryBinder(env).bindQuery(stmt.query);
}

const shape = (n: PlanNode): string => n.kind + ('input' in n ? `(${shape(n.input)})` : '');

describe('QueryBinder', () => {
  it('names columns like Hive: alias, column name, else _c<N>', async () => {
    const q = await bind('SELECT k, s AS name, k + 1, count(*) FROM t GROUP BY k, s');
    expect(q.columns.map((c) => c.name)).toEqual(['k', 'name', '_c2', '_c3']);
  });

  it('types arithmetic and aggregates the Hive way', async () => {
    const q = await bind('SELECT k / 2, k DIV 2, d / 27, sum(d), avg(k), s + 1 FROM t GROUP BY k, d, s');
    expect(q.columns.map((c) => formatDataType(c.type))).toEqual([
      'double',
      'bigint',
      'decimal(23,13)',
      'decimal(30,10)',
      'double',
      'double',
    ]);
  });

  it('plans scan → filter → aggregate → project → sort → limit, ORDER BY over a select alias', async () => {
    const q = await bind('SELECT s, count(*) AS c FROM t WHERE k > 1 GROUP BY s ORDER BY c DESC LIMIT 3');
    expect(shape(q.plan)).toBe('limit(sort(project(aggregate(filter(scan)))))');
    expect(formatPlan(q.plan)).toContain('Sort [c DESC NULLS LAST]');
  });

  it('orders by an expression that is not selected through a hidden column', async () => {
    const q = await bind('SELECT s FROM t ORDER BY k');
    expect(shape(q.plan)).toBe('project(sort(project(scan)))');
    expect(q.columns.map((c) => c.name)).toEqual(['s']);
  });

  it('rejects a column that is neither grouped nor aggregated', async () => {
    await expect(bind('SELECT s, count(*) FROM t GROUP BY k')).rejects.toMatchObject({
      code: 'SEMANTIC_ERROR',
    });
    await expect(bind('SELECT nope FROM t')).rejects.toMatchObject({ code: 'COLUMN_NOT_FOUND' });
  });

  it('expands ROLLUP into grouping sets with GROUPING__ID', async () => {
    const q = await bind('SELECT k, s, GROUPING__ID, count(1) FROM t GROUP BY k, s WITH ROLLUP');
    const agg = (q.plan as Extract<PlanNode, { kind: 'project' }>).input;
    expect(agg.kind === 'aggregate' ? agg.groupingSets : null).toEqual([[0, 1], [0], []]);
  });
});
