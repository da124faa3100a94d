// One benchmark cell in a fresh process: generate the seeded data, load it into one engine, run one query a few
// times, print {ms, rssMb, checksum} as JSON on stdout. Launched by run.mjs (bundled with esbuild first).
import { readFileSync, writeFileSync } from 'node:fs';
import {
  avg,
  count,
  max,
  min,
  percentile,
  percentileApprox,
  stddevSamp,
  sum,
  varSamp,
} from '@hive-batch/aggregate';
import type { AggregateFunctionDefinition } from '@hive-batch/aggregate';
import { HiveTypes, createSchema, sliceBatch } from '@hive-batch/core';
import type { ColumnBatch } from '@hive-batch/core';
import { hashAggregate } from '@hive-batch/operators';
import type { AggregateCall } from '@hive-batch/operators';
// The generator only (not test-utils' index, which pulls in vitest): the data stays the seed's.
import { mulberry32 } from '../../packages/test-utils/src/generators/mulberry32';

type Engine = 'ours' | 'duckdb' | 'arquero' | 'naive';
type Query = 'a' | 'b' | 'c' | 'd' | 'e';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i] ?? '', process.argv[i + 1] ?? '');
const engine = (args.get('--engine') ?? 'ours') as Engine;
const query = (args.get('--query') ?? 'a') as Query;
const rows = Number(args.get('--rows') ?? 1_000_000);
const groups = Number(args.get('--groups') ?? 100);
const runs = Number(args.get('--runs') ?? 3);
const budgetMb = Number(args.get('--budget-mb') ?? 1024);

/** int32 key uniform in [0, groups); double value floor(u·100000)/100 with 5 % NULL; vc = value·100 as bigint. */
function generate(): { k: Int32Array; v: Float64Array; valid: Uint8Array; vc: BigInt64Array } {
  const rnd = mulberry32(20261122);
  const k = new Int32Array(rows);
  const v = new Float64Array(rows);
  const valid = new Uint8Array(rows);
  const vc = new BigInt64Array(rows);
  for (let i = 0; i < rows; i++) {
    k[i] = Math.floor(rnd() * groups);
    const isNull = rnd() < 0.05;
    const u = Math.floor(rnd() * 100000);
    valid[i] = isNull ? 0 : 1;
    v[i] = isNull ? 0 : u / 100;
    vc[i] = isNull ? 0n : BigInt(u);
  }
  return { k, v, valid, vc };
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function resetPeak(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Not Linux or not permitted: the peak then includes data generation.
  }
}

function peakRssMb(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m?.[1] == null ? Number.NaN : Number(m[1]) / 1024;
  } catch {
    return process.memoryUsage().rss / 1048576;
  }
}

async function timeRuns(fn: () => Promise<number> | number): Promise<{ ms: number; checksum: number }> {
  // One warm-up run (JIT), then the median of `runs` runs; slow queries (> 5 s) are measured once.
  let t0 = performance.now();
  let checksum = await fn();
  const first = performance.now() - t0;
  if (first > 5000 || runs <= 0) return { ms: first, checksum };
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    gc();
    t0 = performance.now();
    checksum = await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[times.length >> 1] ?? first, checksum };
}

function runOurs(data: ReturnType<typeof generate>): () => Promise<number> {
  const schema = createSchema([
    { name: 'k', type: HiveTypes.int },
    { name: 'v', type: HiveTypes.double },
    { name: 'vc', type: HiveTypes.bigint },
  ]);
  const validity = new Uint8Array((rows + 7) >> 3);
  let nulls = 0;
  for (let i = 0; i < rows; i++) {
    if (data.valid[i] === 1) validity[i >> 3] = (validity[i >> 3] ?? 0) | (1 << (i & 7));
    else nulls++;
  }
  const all: ColumnBatch = {
    schema,
    numRows: rows,
    columns: [
      { type: HiveTypes.int, layout: 'fixed', length: rows, nullCount: 0, validity: null, values: data.k },
      { type: HiveTypes.double, layout: 'fixed', length: rows, nullCount: nulls, validity, values: data.v },
      { type: HiveTypes.bigint, layout: 'fixed', length: rows, nullCount: nulls, validity, values: data.vc },
    ],
  };
  const batchRows = 65536;
  const batches: ColumnBatch[] = [];
  for (let s = 0; s < rows; s += batchRows) batches.push(sliceBatch(all, s, Math.min(rows, s + batchRows)));
  const c = (
    fn: AggregateFunctionDefinition,
    a: NonNullable<AggregateCall['args']>,
    extra: Pick<AggregateCall, 'star' | 'distinct'> = {},
  ) => ({ function: fn, args: a, ...extra }) satisfies AggregateCall;
  const half = { constant: 0.5, type: HiveTypes.double };
  const calls: Record<Query, AggregateCall[]> = {
    a: [c(count, [], { star: true }), c(count, [1]), c(sum, [1]), c(avg, [1]), c(min, [1]), c(max, [1])],
    b: [c(varSamp, [1]), c(stddevSamp, [1])],
    c: [c(percentile, [2, half])],
    d: [c(percentileApprox, [1, half])],
    e: [c(count, [1], { distinct: true })],
  };
  return async () => {
    let checksum = 0;
    let outGroups = 0;
    for await (const b of hashAggregate(batches, {
      inputSchema: schema,
      groupBy: [0],
      aggregates: calls[query],
      highWaterMarkRows: 65536,
      memoryBudgetBytes: budgetMb * 1024 * 1024,
    })) {
      outGroups += b.numRows;
      const col = b.columns[1];
      if (col?.layout === 'fixed') {
        const vals = col.values;
        for (let i = 0; i < b.numRows; i++) {
          const x = Number(vals[i] ?? 0);
          if (Number.isFinite(x)) checksum += x;
        }
      }
    }
    return checksum + outGroups * 1e-9;
  };
}

async function runDuckDb(data: ReturnType<typeof generate>): Promise<() => Promise<number>> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  await conn.run('SET threads=1');
  await conn.run('CREATE TABLE t(k INTEGER, v DOUBLE, vc BIGINT)');
  const app = await conn.createAppender('t');
  for (let i = 0; i < rows; i++) {
    app.appendInteger(data.k[i] ?? 0);
    if (data.valid[i] === 1) {
      app.appendDouble(data.v[i] ?? 0);
      app.appendBigInt(data.vc[i] ?? 0n);
    } else {
      app.appendNull();
      app.appendNull();
    }
    app.endRow();
  }
  app.closeSync();
  const sql: Record<Query, string> = {
    a: 'SELECT k, count(*), count(v), sum(v), avg(v), min(v), max(v) FROM t GROUP BY k',
    b: 'SELECT k, var_samp(v), stddev_samp(v) FROM t GROUP BY k',
    c: 'SELECT k, quantile_cont(vc, 0.5) FROM t GROUP BY k',
    d: 'SELECT k, approx_quantile(v, 0.5) FROM t GROUP BY k',
    e: 'SELECT k, count(DISTINCT v) FROM t GROUP BY k',
  };
  return async () => {
    // The result stays in the engine (a materialized result), as in the performance anchors.
    const result = await conn.run(sql[query]);
    return result.rowCount;
  };
}

async function runArquero(data: ReturnType<typeof generate>): Promise<(() => number) | null> {
  if (query === 'd') return null;
  const aq = await import('arquero');
  const v = new Float64Array(rows);
  const vc = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    v[i] = data.valid[i] === 1 ? (data.v[i] ?? 0) : Number.NaN;
    vc[i] = data.valid[i] === 1 ? Number(data.vc[i] ?? 0n) : Number.NaN;
  }
  const table = aq.table({ k: data.k, v, vc });
  const exprs: Record<Exclude<Query, 'd'>, Record<string, string>> = {
    a: {
      n: 'd => op.count()',
      c: 'd => op.valid(d.v)',
      s: 'd => op.sum(d.v)',
      m: 'd => op.mean(d.v)',
      lo: 'd => op.min(d.v)',
      hi: 'd => op.max(d.v)',
    },
    b: { var: 'd => op.variance(d.v)', sd: 'd => op.stdev(d.v)' },
    c: { med: 'd => op.median(d.vc)' },
    e: { dist: 'd => op.distinct(d.v)' },
  };
  return () => table.groupby('k').rollup(exprs[query]).numRows();
}

function runNaive(data: ReturnType<typeof generate>): (() => number) | null {
  if (query === 'd') return null;
  const objects = new Array<{ k: number; v: number | null; vc: number | null }>(rows);
  for (let i = 0; i < rows; i++) {
    const ok = data.valid[i] === 1;
    objects[i] = { k: data.k[i] ?? 0, v: ok ? (data.v[i] ?? 0) : null, vc: ok ? Number(data.vc[i]) : null };
  }
  return () => {
    if (query === 'a') {
      const m = new Map<number, { n: number; c: number; s: number; lo: number; hi: number }>();
      for (const o of objects) {
        let st = m.get(o.k);
        if (st == null) {
          st = { n: 0, c: 0, s: 0, lo: Infinity, hi: -Infinity };
          m.set(o.k, st);
        }
        st.n++;
        if (o.v != null) {
          st.c++;
          st.s += o.v;
          if (o.v < st.lo) st.lo = o.v;
          if (o.v > st.hi) st.hi = o.v;
        }
      }
      return m.size;
    }
    if (query === 'b') {
      const m = new Map<number, { n: number; mean: number; m2: number }>();
      for (const o of objects) {
        let st = m.get(o.k);
        if (st == null) {
          st = { n: 0, mean: 0, m2: 0 };
          m.set(o.k, st);
        }
        if (o.v != null) {
          st.n++;
          const d = o.v - st.mean;
          st.mean += d / st.n;
          st.m2 += d * (o.v - st.mean);
        }
      }
      let cs = 0;
      for (const st of m.values()) cs += st.n > 1 ? Math.sqrt(st.m2 / (st.n - 1)) : 0;
      return cs;
    }
    if (query === 'c') {
      const m = new Map<number, number[]>();
      for (const o of objects) {
        let l = m.get(o.k);
        if (l == null) {
          l = [];
          m.set(o.k, l);
        }
        if (o.vc != null) l.push(o.vc);
      }
      let cs = 0;
      for (const l of m.values()) {
        l.sort((x, y) => x - y);
        if (l.length > 0) {
          const pos = (l.length - 1) / 2;
          const lo = Math.floor(pos);
          const a = l[lo] ?? 0;
          const b = l[Math.ceil(pos)] ?? 0;
          cs += a + (b - a) * (pos - lo);
        }
      }
      return cs;
    }
    const m = new Map<number, Set<number>>();
    for (const o of objects) {
      let s = m.get(o.k);
      if (s == null) {
        s = new Set();
        m.set(o.k, s);
      }
      if (o.v != null) s.add(o.v);
    }
    let cs = 0;
    for (const s of m.values()) cs += s.size;
    return cs;
  };
}

async function main(): Promise<void> {
  const data = generate();
  let fn: (() => Promise<number> | number) | null;
  if (engine === 'ours') fn = runOurs(data);
  else if (engine === 'duckdb') fn = await runDuckDb(data);
  else if (engine === 'arquero') fn = await runArquero(data);
  else fn = runNaive(data);
  if (fn == null) {
    process.stdout.write(`${JSON.stringify({ ms: null, rssMb: null })}\n`);
    return;
  }
  gc();
  resetPeak();
  const { ms, checksum } = await timeRuns(fn);
  process.stdout.write(`${JSON.stringify({ ms, rssMb: peakRssMb(), checksum })}\n`);
}

await main();
