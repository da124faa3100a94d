// `npm run bench:agg -- [--rows N] [--groups G[,G2]] [--queries abcde | a,c,e] [--engines ours,duckdb,arquero,naive]
//                       [--runs R] [--timeout S] [--budget-mb M] [--json]`
// --budget-mb sets HashAggregate's memoryBudgetBytes (default 1024 MiB) to exercise spilling.
// --spill-demo: one streaming memory-bounded run instead (defaults 100M rows, 10M groups).
// Group-by benchmark of @hive-batch/operators' HashAggregate against DuckDB (1 thread), arquero and a naive Map.
// Every (engine, query, groups) cell runs in a fresh Node process (so peak RSS is per cell); results are printed
// side by side. Not a test: nothing here decides CI.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

const QUERY_NAMES = {
  a: '(a) count/sum/avg/min/max',
  b: '(b) var_samp+stddev_samp',
  c: '(c) exact median (percentile)',
  d: '(d) percentile_approx vs approx_quantile',
  e: '(e) count(DISTINCT v)',
};

function parseArgs(argv) {
  const opts = {
    rows: 10_000_000,
    groups: [100, 1_000_000],
    queries: ['a', 'b', 'c', 'd', 'e'],
    engines: ['ours', 'duckdb', 'arquero', 'naive'],
    runs: 3,
    timeout: 120,
    json: false,
    budgetMb: 1024,
    spillDemo: false,
    unsafeDuckdbApprox: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--rows') opts.rows = Number(next());
    else if (a === '--groups') opts.groups = next().split(',').map(Number);
    else if (a === '--queries') {
      // `abe` or `a,b,e`; anything else is refused rather than printed as a malformed row.
      opts.queries = next()
        .split('')
        .filter((q) => q !== ',');
      const unknown = opts.queries.filter((q) => !(q in QUERY_NAMES));
      if (unknown.length > 0) throw new Error(`Unknown query ${unknown.join(', ')} (choose from abcde)`);
    } else if (a === '--engines') opts.engines = next().split(',');
    else if (a === '--runs') opts.runs = Number(next());
    else if (a === '--timeout') opts.timeout = Number(next());
    else if (a === '--json') opts.json = true;
    else if (a === '--budget-mb') opts.budgetMb = Number(next());
    else if (a === '--spill-demo') opts.spillDemo = true;
    else if (a === '--unsafe-duckdb-approx') opts.unsafeDuckdbApprox = true;
    else throw new Error(`Unknown option ${a}`);
  }
  return opts;
}

function runCell(workerPath, opts, cell) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        '--max-old-space-size=16384',
        workerPath,
        '--engine',
        cell.engine,
        '--query',
        cell.query,
        '--rows',
        String(opts.rows),
        '--groups',
        String(cell.groups),
        '--runs',
        String(opts.runs),
        '--budget-mb',
        String(opts.budgetMb),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeout * 1000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') return resolve({ ms: null, rssMb: null, note: `timeout ${opts.timeout}s` });
      if (code !== 0)
        return resolve({
          ms: null,
          rssMb: null,
          note: `failed: ${err.trim().split('\n').slice(-3).join(' | ')}`,
        });
      try {
        resolve(JSON.parse(out.trim().split('\n').pop()));
      } catch {
        resolve({ ms: null, rssMb: null, note: 'no result' });
      }
    });
  });
}

const fmt = (ms) => (ms == null ? '—' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const mb = (x) => (x == null ? '—' : `${x.toFixed(0)}`);

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const outDir = join(root, 'node_modules', '.cache', 'bench-agg');
  mkdirSync(outDir, { recursive: true });
  const workerPath = join(outDir, 'worker.mjs');
  const bundle = (name) =>
    build({
      entryPoints: [join(here, `${name}.ts`)],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: join(outDir, `${name}.mjs`),
      conditions: ['@hive-batch/source'],
      external: ['@duckdb/node-api', 'arquero'],
      logLevel: 'warning',
      // Bundled CommonJS dependencies (decimal.js) need require in ESM output.
      banner: {
        js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
      },
    });
  if (opts.spillDemo) {
    // One streaming run with a memory budget: `--rows` rows over `--groups` keys (defaults 100M / 10M).
    await bundle('spill-demo');
    const rows = process.argv.includes('--rows') ? opts.rows : 100_000_000;
    const groups = process.argv.includes('--groups') ? opts.groups[0] : 10_000_000;
    const child = spawn(
      process.execPath,
      [
        join(outDir, 'spill-demo.mjs'),
        '--rows',
        String(rows),
        '--groups',
        String(groups),
        '--budget-mb',
        String(opts.budgetMb),
      ],
      { stdio: 'inherit' },
    );
    await new Promise((resolve) => child.on('close', resolve));
    return;
  }
  await build({
    entryPoints: [join(here, 'worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: workerPath,
    conditions: ['@hive-batch/source'],
    external: ['@duckdb/node-api', 'arquero'],
    logLevel: 'warning',
    // Bundled CommonJS dependencies (decimal.js) need require in ESM output.
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  // The bundle lives under node_modules/.cache, so bare imports of the externals resolve from the repo root.
  if (!opts.json) {
    console.log(
      `hive-batch bench:agg — ${opts.rows.toLocaleString('en-US')} rows, groups ${opts.groups.join(', ')}; DuckDB SET threads=1`,
    );
    console.log(
      '| query | groups | ours | DuckDB | ours/DuckDB | arquero | naive Map | ours RSS MB | DuckDB RSS MB | arquero/ours |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|');
  }
  for (const groups of opts.groups) {
    for (const query of opts.queries) {
      const res = {};
      for (const engine of opts.engines) {
        if (engine === 'duckdb' && query === 'd' && groups >= 100_000 && !opts.unsafeDuckdbApprox) {
          // DuckDB's approx_quantile state ignores memory_limit: 18–24 GB RSS at 632k groups in the anchors.
          res[engine] = { ms: null, rssMb: null, note: 'skipped: unbounded memory (--unsafe-duckdb-approx)' };
          continue;
        }
        res[engine] = await runCell(workerPath, opts, { engine, query, groups });
      }
      const ours = res.ours ?? {};
      const duck = res.duckdb ?? {};
      const arq = res.arquero ?? {};
      const naive = res.naive ?? {};
      const ratio = ours.ms != null && duck.ms != null ? ours.ms / duck.ms : null;
      const arqRatio = ours.ms != null && arq.ms != null ? arq.ms / ours.ms : null;
      if (opts.json) {
        console.log(
          JSON.stringify({
            query: QUERY_NAMES[query],
            rows: opts.rows,
            groups,
            ours_ms: ours.ms ?? null,
            duckdb_ms: duck.ms ?? null,
            arquero_ms: arq.ms ?? null,
            naive_ms: naive.ms ?? null,
            ours_rss_mb: ours.rssMb ?? null,
            duckdb_rss_mb: duck.rssMb ?? null,
            ratio_ours_duckdb: ratio,
            notes: Object.fromEntries(
              Object.entries(res)
                .filter(([, r]) => r.note)
                .map(([e, r]) => [e, r.note]),
            ),
          }),
        );
      } else {
        const note = (r) => (r.note ? ` (${r.note})` : '');
        console.log(
          `| ${QUERY_NAMES[query]} | ${groups.toLocaleString('en-US')} | ${fmt(ours.ms)}${note(ours)} | ${fmt(duck.ms)}${note(duck)} | ${ratio == null ? '—' : `${ratio.toFixed(2)}×`} | ${fmt(arq.ms)}${note(arq)} | ${fmt(naive.ms)}${note(naive)} | ${mb(ours.rssMb)} | ${mb(duck.rssMb)} | ${arqRatio == null ? '—' : `${arqRatio.toFixed(1)}×`} |`,
        );
      }
    }
  }
}

await main();
