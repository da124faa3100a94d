// Binding queries: FROM (tables, CTEs, subqueries, joins), WHERE, GROUP BY/aggregates, HAVING, select list,
// DISTINCT, ORDER BY (Hive: select aliases and positions first), UNION, LIMIT → a plan.
import {
  HiveBatchError,
  HiveTypes,
  commonTypeForComparison,
  commonTypeForUnion,
  formatDataType,
} from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
import type { AggregateEvaluator } from '@hive-batch/aggregate';
import type { Expression, FromItem, FunctionCall, OrderItem, Query, QueryBody, SelectCore } from '../ast';
import type {
  BinderTable,
  BoundAggregate,
  BoundExpr,
  BoundWindow,
  PlanColumn,
  PlanNode,
  SortKey,
} from '../planner/plan';
import {
  astKey,
  bindExpr,
  cast,
  inputRef,
  literal,
  resolveColumnIndex,
  scalarCall,
  semantic,
} from './bind-expression';
import type { ExprScope, ScalarFunctionResolver } from './bind-expression';

/** What the binder needs from the session. */
export interface BinderEnv {
  /** Looks a table up (database null = current). @throws TABLE_NOT_FOUND */
  getTable(database: string | null, table: string): Promise<BinderTable>;
  /** Scalar functions. */
  readonly functions: ScalarFunctionResolver;
  /** True when `name` is an aggregate function. */
  isAggregate(name: string): boolean;
  /** Resolves an aggregate call. */
  resolveAggregate(
    name: string,
    call: {
      argumentTypes: readonly DataType[];
      constantArguments: readonly unknown[];
      distinct: boolean;
      star: boolean;
    },
  ): AggregateEvaluator;
  /** `hive.groupby.orderby.position.alias` / `hive.orderby.position.alias` (Hive 3 default true for ORDER BY). */
  readonly orderByPosition: boolean;
  /** `hive.cbo.enable`: plan rewrites that change results (multi-DISTINCT expansion). */
  readonly cboEnabled: boolean;
}

/** A bound query: its plan and output columns (names follow Hive: alias, column name, or `_c<N>`). */
export interface BoundQuery {
  readonly plan: PlanNode;
  readonly columns: readonly PlanColumn[];
}

type Ctes = ReadonlyMap<string, Query>;

function scopeOf(columns: readonly PlanColumn[], env: BinderEnv): ExprScope {
  return { columns, isAggregate: (n) => env.isAggregate(n), functions: env.functions };
}

function walkAggregates(e: Expression, env: BinderEnv, out: FunctionCall[]): void {
  if (
    e.kind === 'call' &&
    e.over == null &&
    env.isAggregate((e.name[e.name.length - 1] ?? '').toLowerCase())
  ) {
    out.push(e);
    return;
  }
  if (e.kind === 'inSubquery' || e.kind === 'exists' || e.kind === 'scalarSubquery') return;
  for (const [k, v] of Object.entries(e)) {
    if (k === 'pos') continue;
    if (Array.isArray(v)) {
      for (const x of v) {
        if (x != null && typeof x === 'object') {
          if ('kind' in x) walkAggregates(x as Expression, env, out);
          else if ('when' in x) {
            walkAggregates((x as { when: Expression }).when, env, out);
            walkAggregates((x as { then: Expression }).then, env, out);
          } else if ('expr' in x) walkAggregates((x as { expr: Expression }).expr, env, out);
        }
      }
    } else if (v != null && typeof v === 'object' && 'kind' in v && k !== 'type') {
      walkAggregates(v as Expression, env, out);
    }
  }
}

function formatAstCall(c: FunctionCall): string {
  return `${c.name.join('.')}(${c.distinct ? 'DISTINCT ' : ''}${c.star ? '*' : c.args.length} arg${c.args.length === 1 ? '' : 's'})`;
}

function columnName(ast: Expression, index: number): string {
  if (ast.kind === 'column') return ast.parts[ast.parts.length - 1] ?? `_c${index}`;
  if (ast.kind === 'field') return ast.field;
  return `_c${index}`;
}

function project(input: PlanNode, exprs: readonly BoundExpr[], columns: readonly PlanColumn[]): PlanNode {
  return { kind: 'project', input, exprs, columns };
}

function splitConjuncts(e: Expression): Expression[] {
  if (e.kind === 'binary' && e.op === 'and') return [...splitConjuncts(e.left), ...splitConjuncts(e.right)];
  return [e];
}

function tryBind(e: Expression, scope: ExprScope): BoundExpr | null {
  try {
    return bindExpr(e, scope);
  } catch {
    return null;
  }
}

/** The binder of one statement's queries. */
export class QueryBinder {
  private readonly env: BinderEnv;
  constructor(env: BinderEnv) {
    this.env = env;
  }

  async bindQuery(
    q: Query,
    outerCtes: Ctes = new Map(),
    sharedFrom: BoundQuery | null = null,
  ): Promise<BoundQuery> {
    const ctes = new Map(outerCtes);
    for (const c of q.with) ctes.set(c.name.toLowerCase(), c.query);
    const order: OrderItem[] = [
      ...q.orderBy,
      ...q.clusterBy.map((expr) => ({ pos: expr.pos, expr, direction: null, nulls: null })),
      ...q.sortBy,
    ];
    let bound: BoundQuery;
    if (q.body.kind === 'select') {
      bound = await this.bindSelect(q.body, ctes, { order, sharedFrom });
    } else {
      bound = await this.bindBody(q.body, ctes);
      if (order.length > 0) {
        const scope = scopeOf(bound.columns, this.env);
        const keys = order.map((o) => this.sortKey(o, bindExpr(o.expr, scope)));
        bound = {
          plan: { kind: 'sort', input: bound.plan, keys, columns: bound.columns },
          columns: bound.columns,
        };
      }
    }
    if (q.limit != null || (q.offset ?? 0) > 0) {
      bound = {
        plan: {
          kind: 'limit',
          input: bound.plan,
          limit: q.limit,
          offset: q.offset ?? 0,
          columns: bound.columns,
        },
        columns: bound.columns,
      };
    }
    return bound;
  }

  private sortKey(o: OrderItem, expr: BoundExpr): SortKey {
    const descending = o.direction === 'desc';
    const nullsFirst = o.nulls != null ? o.nulls === 'first' : !descending;
    return { expr, descending, nullsFirst };
  }

  async bindBody(body: QueryBody, ctes: Ctes): Promise<BoundQuery> {
    switch (body.kind) {
      case 'select':
        return this.bindSelect(body, ctes, { order: [], sharedFrom: null });
      case 'query':
        return this.bindQuery(body, ctes);
      case 'setOp': {
        if (body.op !== 'union')
          throw new HiveBatchError('NOT_IMPLEMENTED', `${body.op.toUpperCase()} is not supported yet`);
        const inputs: BoundQuery[] = [];
        const collect = async (b: QueryBody): Promise<void> => {
          if (b.kind === 'setOp' && b.op === 'union' && b.all === body.all) {
            await collect(b.left);
            await collect(b.right);
          } else inputs.push(await this.bindBody(b, ctes));
        };
        await collect(body);
        const first = inputs[0] as BoundQuery;
        const n = first.columns.length;
        for (const i of inputs) {
          if (i.columns.length !== n) throw semantic('Schema of both sides of union should match');
        }
        const types: DataType[] = first.columns.map((c, k) => {
          let t: DataType = c.type;
          for (const i of inputs) {
            const other = i.columns[k]?.type ?? HiveTypes.void;
            const u = commonTypeForUnion(t, other);
            if (u == null)
              throw semantic(
                `Union column ${k + 1} has incompatible types ${formatDataType(t)} and ${formatDataType(other)}`,
              );
            t = u;
          }
          return t.kind === 'void' ? HiveTypes.string : t;
        });
        const columns = first.columns.map((c, k) => ({
          name: c.name,
          type: types[k] as DataType,
          qualifier: null,
        }));
        const plans = inputs.map((i) =>
          project(
            i.plan,
            i.columns.map((c, k) => cast(inputRef(k, c.type, c.name), types[k] as DataType)),
            columns,
          ),
        );
        let plan: PlanNode = { kind: 'union', inputs: plans, columns };
        if (!body.all) plan = distinctOf(plan);
        return { plan, columns };
      }
    }
  }

  async bindFrom(item: FromItem, ctes: Ctes): Promise<BoundQuery> {
    switch (item.kind) {
      case 'table': {
        const name = item.name.table.toLowerCase();
        const cte = item.name.database == null ? ctes.get(name) : undefined;
        const qualifier = (item.alias ?? item.name.table).toLowerCase();
        if (cte != null) {
          const inner = new Map(ctes);
          inner.delete(name);
          const q = await this.bindQuery(cte, inner);
          const columns = q.columns.map((c) => ({ ...c, qualifier }));
          return {
            plan: project(
              q.plan,
              q.columns.map((c, i) => inputRef(i, c.type, c.name)),
              columns,
            ),
            columns,
          };
        }
        const table = await this.env.getTable(item.name.database, item.name.table);
        const columns: PlanColumn[] = [...table.columns, ...table.partitionKeys].map((f) => ({
          name: f.name.toLowerCase(),
          type: f.type,
          qualifier,
        }));
        return { plan: { kind: 'scan', table, columns, partitionFilter: null }, columns };
      }
      case 'subquery': {
        const q = await this.bindQuery(item.query, ctes);
        const qualifier = item.alias?.toLowerCase() ?? null;
        const columns = q.columns.map((c) => ({ ...c, qualifier }));
        return {
          plan: project(
            q.plan,
            q.columns.map((c, i) => inputRef(i, c.type, c.name)),
            columns,
          ),
          columns,
        };
      }
      case 'join':
        return this.bindJoin(item, ctes);
      case 'lateralView': {
        const src = await this.bindFrom(item.source, ctes);
        const fname = (item.call.name[item.call.name.length - 1] ?? '').toLowerCase();
        if (fname !== 'explode' && fname !== 'posexplode' && fname !== 'inline') {
          throw new HiveBatchError(
            'NOT_IMPLEMENTED',
            `LATERAL VIEW ${fname}(…) is not supported yet (explode, posexplode, inline are)`,
          );
        }
        const argAst = item.call.args[0];
        if (argAst == null || item.call.args.length !== 1) throw semantic(`${fname} takes one argument`);
        const arg = bindExpr(argAst, scopeOf(src.columns, this.env));
        const t = arg.type;
        let generated: { name: string; type: DataType }[];
        if (fname === 'inline') {
          if (t.kind !== 'array' || t.element.kind !== 'struct')
            throw semantic('inline takes an array of structs');
          generated = t.element.fields.map((f) => ({ name: f.name, type: f.type }));
        } else if (t.kind === 'array') {
          generated = [
            ...(fname === 'posexplode' ? [{ name: 'pos', type: HiveTypes.int }] : []),
            { name: fname === 'posexplode' ? 'val' : 'col', type: t.element },
          ];
        } else if (t.kind === 'map' && fname === 'explode') {
          generated = [
            { name: 'key', type: t.key },
            { name: 'value', type: t.value },
          ];
        } else
          throw semantic(
            `${fname} takes an array${fname === 'explode' ? ' or a map' : ''}, not ${formatDataType(t)}`,
          );
        if (item.columnAliases.length > 0 && item.columnAliases.length !== generated.length) {
          throw semantic(
            `LATERAL VIEW ${fname} produces ${generated.length} column(s), ${item.columnAliases.length} alias(es) given`,
          );
        }
        const qualifier = item.tableAlias?.toLowerCase() ?? null;
        const columns: PlanColumn[] = [
          ...src.columns,
          ...generated.map((g, i) => ({
            name: (item.columnAliases[i] ?? g.name).toLowerCase(),
            type: g.type,
            qualifier,
          })),
        ];
        return {
          plan: { kind: 'lateral', input: src.plan, generator: fname, arg, outer: item.outer, columns },
          columns,
        };
      }
    }
  }

  private async bindJoin(item: Extract<FromItem, { kind: 'join' }>, ctes: Ctes): Promise<BoundQuery> {
    const left = await this.bindFrom(item.left, ctes);
    const right = await this.bindFrom(item.right, ctes);
    const type = item.type;
    const all = [...left.columns, ...right.columns];
    const columns = type === 'leftSemi' || type === 'leftAnti' ? left.columns : all;
    const leftKeys: BoundExpr[] = [];
    const rightKeys: BoundExpr[] = [];
    const residual: Expression[] = [];
    let on = item.on;
    if (item.using != null) {
      for (const u of item.using) {
        const l = bindExpr({ kind: 'column', parts: [u], pos: item.pos }, scopeOf(left.columns, this.env));
        const r = bindExpr({ kind: 'column', parts: [u], pos: item.pos }, scopeOf(right.columns, this.env));
        leftKeys.push(l);
        rightKeys.push(r);
      }
      on = null;
    }
    const ls = scopeOf(left.columns, this.env);
    const rs = scopeOf(right.columns, this.env);
    for (const c of on == null ? [] : splitConjuncts(on)) {
      if (c.kind === 'binary' && c.op === '=') {
        let l = tryBind(c.left, ls);
        let r = tryBind(c.right, rs);
        if (l == null || r == null) {
          l = tryBind(c.right, ls);
          r = tryBind(c.left, rs);
        }
        if (l != null && r != null && l.constant == null && r.constant == null) {
          const t = commonTypeForComparison(l.type, r.type) ?? HiveTypes.double;
          leftKeys.push(cast(l, t));
          rightKeys.push(cast(r, t));
          continue;
        }
      }
      residual.push(c);
    }
    const allScope = scopeOf(all, this.env);
    const res = residual.map((e) => bindExpr(e, allScope));
    const residualExpr =
      res.length === 0
        ? null
        : res.reduce((a, b) => {
            const fa = a.eval;
            const fb = b.eval;
            return {
              type: HiveTypes.boolean,
              text: `${a.text} AND ${b.text}`,
              eval: (row) => fa(row) === true && fb(row) === true,
            };
          });
    const joinType = type === 'cross' && (leftKeys.length > 0 || residualExpr != null) ? 'inner' : type;
    return {
      plan: {
        kind: 'join',
        joinType,
        left: left.plan,
        right: right.plan,
        leftKeys,
        rightKeys,
        residual: residualExpr,
        columns,
      },
      columns,
    };
  }

  /**
   * Binds one SELECT block with the ORDER BY items of its enclosing query; `sharedFrom` is the source of a
   * multi-insert branch.
   */
  async bindSelect(
    core: SelectCore,
    ctes: Ctes,
    { order, sharedFrom }: { readonly order: readonly OrderItem[]; readonly sharedFrom: BoundQuery | null },
  ): Promise<BoundQuery> {
    const env = this.env;
    let source: BoundQuery;
    if (sharedFrom != null && core.from == null) source = sharedFrom;
    else if (core.from != null) source = await this.bindFrom(core.from, ctes);
    else {
      source = { plan: { kind: 'values', rows: [[]], columns: [] }, columns: [] };
    }
    // Uncorrelated scalar subqueries in the select list and WHERE: cross-joined as one extra column each.
    const scalarSubqueries: Expression[] = [];
    const findScalar = (x: unknown): void => {
      if (Array.isArray(x)) return x.forEach(findScalar);
      if (x == null || typeof x !== 'object') return;
      const o = x as { kind?: string };
      if (o.kind === 'scalarSubquery') {
        scalarSubqueries.push(x as Expression);
        return;
      }
      if (o.kind === 'inSubquery' || o.kind === 'exists' || o.kind === 'query') return;
      for (const [k, v] of Object.entries(x)) if (k !== 'pos' && k !== 'type') findScalar(v);
    };
    findScalar([core.items, core.where]);
    const scalarKeys: string[] = [];
    for (const e of scalarSubqueries) {
      if (e.kind !== 'scalarSubquery') continue;
      const key = astKey(e);
      if (scalarKeys.includes(key)) continue;
      const sub = await this.bindQuery(e.query, ctes);
      const sc = sub.columns[0];
      if (sub.columns.length !== 1 || sc == null)
        throw semantic('A scalar subquery must select exactly one column');
      scalarKeys.push(key);
      const columns = [
        ...source.columns,
        { name: `$sq${scalarKeys.length - 1}`, type: sc.type, qualifier: null },
      ];
      source = {
        plan: {
          kind: 'join',
          joinType: 'cross',
          left: source.plan,
          right: sub.plan,
          leftKeys: [],
          rightKeys: [],
          residual: null,
          columns,
        },
        columns,
      };
    }
    const scalarBase = source.columns.length - scalarKeys.length;
    let plan = source.plan;
    const inputColumns = source.columns;
    if (plan.kind === 'scan' && sharedFrom == null) {
      // Column pruning: the scan reads only the columns this SELECT block names.
      const used = new Set<number>();
      let all = false;
      const visit = (x: unknown): void => {
        if (all) return;
        if (Array.isArray(x)) return x.forEach(visit);
        if (x == null || typeof x !== 'object') return;
        const o = x as { kind?: string; parts?: string[] };
        if (o.kind === 'star') {
          all = true;
          return;
        }
        if (o.kind === 'column' && Array.isArray(o.parts)) {
          for (let take = Math.min(o.parts.length, 3); take >= 1; take--) {
            const i = resolveColumnIndex(o.parts.slice(0, take), inputColumns);
            if (i === 'ambiguous') all = true;
            else if (i >= 0) {
              used.add(i);
              break;
            }
          }
          return;
        }
        for (const [k, v] of Object.entries(x)) if (k !== 'pos' && k !== 'type') visit(v);
      };
      visit([core.items, core.where, core.groupBy, core.having, core.windows, order]);
      if (!all && used.size < inputColumns.length)
        plan = { ...plan, projection: [...used].sort((a, b) => a - b) };
    }
    const baseScope: ExprScope = {
      ...scopeOf(inputColumns, env),
      replace: (ast) => {
        if (ast.kind !== 'scalarSubquery') return undefined;
        const i = scalarKeys.indexOf(astKey(ast));
        const c = inputColumns[scalarBase + i];
        return i >= 0 && c != null ? inputRef(scalarBase + i, c.type, '(subquery)') : undefined;
      },
    };
    if (core.where != null) {
      // Uncorrelated `x [NOT] IN (SELECT …)` conjuncts become LEFT SEMI / ANTI joins, as Hive rewrites them.
      const conjuncts = splitConjuncts(core.where);
      const semi = conjuncts.filter((c) => c.kind === 'inSubquery');
      const rest = conjuncts.filter((c) => c.kind !== 'inSubquery');
      const joins: { sub: BoundQuery; left: BoundExpr; negated: boolean }[] = [];
      for (const c of semi) {
        if (c.kind !== 'inSubquery') continue;
        const sub = await this.bindQuery(c.query, ctes);
        if (sub.columns.length !== 1) throw semantic('A subquery in IN must select exactly one column');
        joins.push({ sub, left: bindExpr(c.operand, baseScope), negated: c.negated });
      }
      const predicate: BoundExpr | null =
        rest.length === 0
          ? null
          : rest
              .map((c) => bindExpr(c, baseScope))
              .reduce((a, b) => ({
                type: HiveTypes.boolean,
                text: `${a.text} AND ${b.text}`,
                eval: (row) => {
                  const x = a.eval(row);
                  if (x === false) return false;
                  const y = b.eval(row);
                  return y === false ? false : x == null || y == null ? null : true;
                },
              }));
      // Static partition pruning: WHERE conjuncts over partition columns only go to the scan.
      if (plan.kind === 'scan' && plan.table.partitionKeys.length > 0) {
        const nData = plan.table.columns.length;
        const pruning = splitConjuncts(core.where).filter((c) => {
          const refs: number[] = [];
          let other = false;
          const visit = (x: unknown): void => {
            if (Array.isArray(x)) return x.forEach(visit);
            if (x == null || typeof x !== 'object') return;
            const o = x as { kind?: string; parts?: string[] };
            if (o.kind === 'column' && Array.isArray(o.parts)) {
              const i = resolveColumnIndex(o.parts, inputColumns);
              if (typeof i === 'number' && i >= 0) refs.push(i);
              else other = true;
              return;
            }
            if (
              o.kind === 'inSubquery' ||
              o.kind === 'exists' ||
              o.kind === 'scalarSubquery' ||
              o.kind === 'call'
            ) {
              if (o.kind !== 'call') other = true;
            }
            for (const [k, v] of Object.entries(x)) if (k !== 'pos' && k !== 'type') visit(v);
          };
          visit(c);
          return !other && refs.length > 0 && refs.every((i) => i >= nData);
        });
        if (pruning.length > 0) {
          const parts = pruning.map((c) => bindExpr(c, baseScope));
          const partitionFilter = parts.reduce((a, b) => ({
            type: HiveTypes.boolean,
            text: `${a.text} AND ${b.text}`,
            eval: (row) => a.eval(row) === true && b.eval(row) === true,
          }));
          plan = { ...plan, partitionFilter };
        }
      }
      if (predicate != null) plan = { kind: 'filter', input: plan, predicate, columns: inputColumns };
      for (const j of joins) {
        const rc = j.sub.columns[0] as PlanColumn;
        const t = commonTypeForComparison(j.left.type, rc.type) ?? HiveTypes.double;
        plan = {
          kind: 'join',
          joinType: j.negated ? 'leftAnti' : 'leftSemi',
          left: plan,
          right: j.sub.plan,
          leftKeys: [cast(j.left, t)],
          rightKeys: [cast(inputRef(0, rc.type, rc.name), t)],
          residual: null,
          columns: inputColumns,
        };
      }
    }

    // Select items, with stars expanded into column references.
    type Item = { ast: Expression | null; index: number; name: string; selectIndex: number };
    const items: Item[] = [];
    core.items.forEach((it, selectIndex) => {
      if (it.expr.kind === 'star') {
        const q = it.expr.qualifier.map((s) => s.toLowerCase());
        inputColumns.forEach((c, index) => {
          if (index >= scalarBase) return;
          if (q.length > 0 && c.qualifier !== q[q.length - 1]) return;
          items.push({ ast: null, index, name: c.name, selectIndex });
        });
        return;
      }
      items.push({
        ast: it.expr,
        index: -1,
        name: it.aliases[0]?.toLowerCase() ?? columnName(it.expr, items.length),
        selectIndex,
      });
    });
    // `_c<N>` counts select items as written (a star is one item), as Hive does.
    items.forEach((it, i) => {
      if (it.ast != null && /^_c\d+$/.test(it.name) && core.items[it.selectIndex]?.aliases.length === 0) {
        it.name = `_c${i}`;
      }
    });

    const aggCalls: FunctionCall[] = [];
    for (const it of items) if (it.ast != null) walkAggregates(it.ast, env, aggCalls);
    if (core.having != null) walkAggregates(core.having, env, aggCalls);
    for (const o of order) walkAggregates(o.expr, env, aggCalls);
    const isAgg = core.groupBy != null || aggCalls.length > 0;

    let postScope: ExprScope = baseScope;
    let postColumns = inputColumns;
    if (isAgg) {
      const gb = core.groupBy;
      const groupAsts = gb?.exprs ?? [];
      const groupBy = groupAsts.map((g) => bindExpr(g, baseScope));
      const groupKeys = groupAsts.map((g) => astKey(g, inputColumns));
      let groupingSets: number[][] | null = null;
      if (gb != null && gb.mode !== 'plain') {
        const n = groupAsts.length;
        const all = groupAsts.map((_, i) => i);
        if (gb.mode === 'rollup') groupingSets = all.map((_, k) => all.slice(0, n - k)).concat([[]]);
        else if (gb.mode === 'cube') {
          groupingSets = [];
          for (let mask = (1 << n) - 1; mask >= 0; mask--)
            groupingSets.push(all.filter((i) => (mask & (1 << (n - 1 - i))) !== 0));
        } else {
          groupingSets = gb.sets.map((set) =>
            set.map((e) => {
              const i = groupKeys.indexOf(astKey(e, inputColumns));
              if (i < 0) throw semantic(`Grouping set expression ${astKey(e)} is not in the GROUP BY list`);
              return i;
            }),
          );
        }
      }
      const aggregates: BoundAggregate[] = [];
      const aggKeys: string[] = [];
      // Hive's CBO expands a query whose aggregates are all COUNT(DISTINCT …) over several argument lists into
      // grouping sets; there a multi-column COUNT(DISTINCT a, b) counts tuples with NULL components too.
      const allCountDistinct =
        env.cboEnabled &&
        groupAsts.length === 0 &&
        aggCalls.every((c) => c.distinct && (c.name[c.name.length - 1] ?? '').toLowerCase() === 'count');
      const distinctArgLists = new Set(aggCalls.map((c) => astKey(c.args, inputColumns)));
      const expandDistinct = allCountDistinct && distinctArgLists.size > 1;
      for (const c of aggCalls) {
        const key = astKey(c, inputColumns);
        if (aggKeys.includes(key)) continue;
        aggKeys.push(key);
        aggregates.push(this.bindAggregate(c, baseScope, expandDistinct && c.args.length > 1));
      }
      const aggColumns: PlanColumn[] = [
        ...groupBy.map((g, i) => {
          const src = g.inputIndex != null ? inputColumns[g.inputIndex] : undefined;
          return { name: src?.name ?? `$g${i}`, type: g.type, qualifier: src?.qualifier ?? null };
        }),
        ...(groupingSets != null ? [{ name: 'grouping__id', type: HiveTypes.bigint, qualifier: null }] : []),
        ...aggregates.map((a, i) => ({ name: `$a${i}`, type: a.evaluator.resultType, qualifier: null })),
      ];
      plan = { kind: 'aggregate', input: plan, groupBy, groupingSets, aggregates, columns: aggColumns };
      postColumns = aggColumns;
      const ng = groupBy.length + (groupingSets != null ? 1 : 0);
      postScope = {
        columns: aggColumns,
        isAggregate: (n) => env.isAggregate(n),
        functions: env.functions,
        replace: (ast) => {
          if (ast.kind === 'number' || ast.kind === 'string' || ast.kind === 'null' || ast.kind === 'boolean')
            return undefined;
          const key = astKey(ast, inputColumns);
          const gi = groupKeys.indexOf(key);
          if (gi >= 0)
            return inputRef(gi, (aggColumns[gi] as PlanColumn).type, (groupBy[gi] as BoundExpr).text);
          if (ast.kind === 'call') {
            const ai = aggKeys.indexOf(key);
            if (ai >= 0) {
              const a = aggregates[ai] as BoundAggregate;
              return inputRef(ng + ai, a.evaluator.resultType, a.text);
            }
          }
          if (
            ast.kind === 'column' &&
            groupingSets != null &&
            ast.parts.length === 1 &&
            ast.parts[0]?.toLowerCase() === 'grouping__id'
          ) {
            return inputRef(groupBy.length, HiveTypes.bigint, 'GROUPING__ID');
          }
          if (ast.kind === 'column') {
            throw semantic(
              `Line ${ast.pos.line}:${ast.pos.column - 1} Expression not in GROUP BY key '${ast.parts.join('.')}'`,
            );
          }
          return undefined;
        },
      };
      if (core.having != null) {
        const predicate = bindExpr(core.having, postScope);
        plan = { kind: 'filter', input: plan, predicate, columns: aggColumns };
      }
    }
    // Window functions: a Window node appends one column per distinct OVER call.
    const windowCalls: FunctionCall[] = [];
    const collectWindows = (e: Expression): void => {
      if (e.kind === 'call' && e.over != null) {
        windowCalls.push(e);
        return;
      }
      for (const [k, v] of Object.entries(e)) {
        if (k === 'pos' || k === 'type') continue;
        for (const x of Array.isArray(v) ? v : [v]) {
          if (x != null && typeof x === 'object') {
            if ('kind' in x) collectWindows(x as Expression);
            else if ('when' in x) {
              collectWindows((x as { when: Expression }).when);
              collectWindows((x as { then: Expression }).then);
            }
          }
        }
      }
    };
    for (const it of items) if (it.ast != null) collectWindows(it.ast);
    for (const o of order) collectWindows(o.expr);
    if (windowCalls.length > 0) {
      const keysW: string[] = [];
      const windows: BoundWindow[] = [];
      for (const c of windowCalls) {
        const key = astKey(c, inputColumns);
        if (keysW.includes(key)) continue;
        keysW.push(key);
        windows.push(this.bindWindow(c, postScope));
      }
      const base = postColumns.length;
      const columns = [
        ...postColumns,
        ...windows.map((w, i) => ({ name: `$w${i}`, type: w.type, qualifier: null })),
      ];
      plan = { kind: 'window', input: plan, windows, columns };
      const prev = postScope;
      postScope = {
        ...prev,
        columns,
        replace: (ast) => {
          if (ast.kind === 'call' && ast.over != null) {
            const i = keysW.indexOf(astKey(ast, inputColumns));
            const w = windows[i];
            if (w != null) return inputRef(base + i, w.type, w.text);
          }
          return prev.replace?.(ast);
        },
      };
    }

    const exprs: BoundExpr[] = items.map((it) => {
      if (it.ast == null) {
        const c = inputColumns[it.index] as PlanColumn;
        return bindExpr(
          { kind: 'column', parts: c.qualifier != null ? [c.qualifier, c.name] : [c.name], pos: core.pos },
          postScope,
        );
      }
      return bindExpr(it.ast, postScope);
    });
    const outColumns: PlanColumn[] = items.map((it, i) => {
      const e = exprs[i] as BoundExpr;
      const q = it.ast == null ? (inputColumns[it.index]?.qualifier ?? null) : null;
      return { name: it.name, type: e.type, qualifier: q };
    });

    // ORDER BY: positions, then select aliases/output columns, then hidden input expressions.
    const keys: SortKey[] = [];
    const hidden: BoundExpr[] = [];
    const outScope = scopeOf(outColumns, env);
    for (const o of order) {
      if (o.expr.kind === 'number' && env.orderByPosition && /^\d+$/.test(o.expr.text)) {
        const n = Number(o.expr.text);
        const c = outColumns[n - 1];
        if (c == null) throw semantic(`Invalid position alias in ORDER BY: ${n}`);
        keys.push(this.sortKey(o, inputRef(n - 1, c.type, c.name)));
        continue;
      }
      const k = astKey(o.expr, inputColumns);
      const same = items.findIndex((it) => it.ast != null && astKey(it.ast, inputColumns) === k);
      if (same >= 0) {
        const c = outColumns[same] as PlanColumn;
        keys.push(this.sortKey(o, inputRef(same, c.type, c.name)));
        continue;
      }
      const viaOut = tryBind(o.expr, outScope);
      if (viaOut != null) {
        keys.push(this.sortKey(o, viaOut));
        continue;
      }
      if (core.distinct) throw semantic('ORDER BY on a column not in the SELECT DISTINCT list');
      const e = bindExpr(o.expr, postScope);
      const idx = outColumns.length + hidden.length;
      hidden.push(e);
      keys.push(this.sortKey(o, inputRef(idx, e.type, e.text)));
    }
    const projColumns = [
      ...outColumns,
      ...hidden.map((h, i) => ({ name: `$o${i}`, type: h.type, qualifier: null })),
    ];
    plan = project(plan, [...exprs, ...hidden], projColumns);
    if (core.distinct) plan = distinctOf(plan);
    if (keys.length > 0) plan = { kind: 'sort', input: plan, keys, columns: projColumns };
    if (hidden.length > 0) {
      plan = project(
        plan,
        outColumns.map((c, i) => inputRef(i, c.type, c.name)),
        outColumns,
      );
    }
    return { plan, columns: outColumns };
  }

  private bindWindow(c: FunctionCall, scope: ExprScope): BoundWindow {
    const spec = c.over;
    const name = (c.name[c.name.length - 1] ?? '').toLowerCase();
    if (spec == null) throw semantic(`${name} needs OVER`);
    if (spec.baseName != null)
      throw new HiveBatchError(
        'NOT_IMPLEMENTED',
        `Named windows (OVER ${spec.baseName}) are not supported yet`,
      );
    const inner: ExprScope = scope;
    const partitionBy = spec.partitionBy.map((e) => bindExpr(e, inner));
    const orderBy = spec.orderBy.map((o) => this.sortKey(o, bindExpr(o.expr, inner)));
    let frame: BoundWindow['frame'] = orderBy.length === 0 ? 'partition' : 'range';
    if (spec.frame != null) {
      const f = spec.frame;
      const cumulative =
        f.start.kind === 'unboundedPreceding' && (f.end == null || f.end.kind === 'currentRow');
      const whole = f.start.kind === 'unboundedPreceding' && f.end?.kind === 'unboundedFollowing';
      if (whole) frame = 'partition';
      else if (cumulative) frame = f.unit === 'rows' ? 'rows' : 'range';
      else
        throw new HiveBatchError(
          'NOT_IMPLEMENTED',
          'Window frames other than UNBOUNDED PRECEDING … CURRENT ROW / UNBOUNDED FOLLOWING are not supported yet',
        );
    }
    const text = `${formatAstCall(c)} OVER (…)`;
    if (name === 'row_number' || name === 'rank' || name === 'dense_rank') {
      return { text, type: HiveTypes.int, partitionBy, orderBy, frame: 'rows', fn: { kind: 'rank', name } };
    }
    if (!this.env.isAggregate(name))
      throw new HiveBatchError('NOT_IMPLEMENTED', `Window function ${name} is not supported yet`);
    const a = this.bindAggregate(
      { ...c, over: null },
      { ...scope, isAggregate: (n) => this.env.isAggregate(n) },
    );
    return {
      text,
      type: a.evaluator.resultType,
      partitionBy,
      orderBy,
      frame,
      fn: { kind: 'aggregate', evaluator: a.evaluator, args: a.args },
    };
  }

  private bindAggregate(c: FunctionCall, scope: ExprScope, tupleWithNulls = false): BoundAggregate {
    const name = (c.name[c.name.length - 1] ?? '').toLowerCase();
    const inner: ExprScope = { ...scope, isAggregate: (n) => this.env.isAggregate(n) };
    let args = c.args.map((a) => bindExpr(a, inner));
    if (tupleWithNulls) args = [scalarCall(this.env.functions, 'struct', { args })];
    if (c.withinGroup != null) {
      // f(pc) WITHIN GROUP (ORDER BY x [DESC]) → f(x, pc, ascending)
      const o = c.withinGroup[0];
      if (o == null || c.withinGroup.length !== 1)
        throw semantic(`${name} WITHIN GROUP needs one ORDER BY expression`);
      args = [bindExpr(o.expr, inner), ...args, literal(o.direction !== 'desc', HiveTypes.boolean)];
    }
    const evaluator = this.env.resolveAggregate(name, {
      argumentTypes: args.map((a) => a.type),
      constantArguments: args.map((a) => a.constant?.value),
      distinct: c.distinct,
      star: c.star,
    });
    const cargs = args.map((a, i) => {
      const t = evaluator.inputTypes[i];
      return t == null ? a : cast(a, t);
    });
    const text = `${name}(${c.distinct ? 'DISTINCT ' : ''}${c.star ? '*' : args.map((a) => a.text).join(', ')})`;
    return {
      name,
      text,
      evaluator,
      args: cargs,
      call: { rawArgs: args, distinct: c.distinct, star: c.star },
    };
  }
}

function distinctOf(plan: PlanNode): PlanNode {
  return {
    kind: 'aggregate',
    input: plan,
    groupBy: plan.columns.map((c, i) => inputRef(i, c.type, c.name)),
    groupingSets: null,
    aggregates: [],
    columns: plan.columns,
  };
}
