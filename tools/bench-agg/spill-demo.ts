// Memory-bounded aggregation demo: streams seeded batches (never holding the input), aggregates them with a
// memory budget, and prints time, spill counters, output groups and peak RSS. Launched by run.mjs --spill-demo.
import { readFileSync } from 'node:fs';
import { count, max, min, sum } from '@hive-batch/aggregate';
import { HiveTypes, createSchema } from '@hive-batch/core';
import type { ColumnBatch } from '@hive-batch/core';
import { HashAggregate } from '@hive-batch/operators';
// The generator only (not test-utils' index, which pulls in vitest).
import { mulberry32 } from '../../packages/test-utils/src/generators/mulberry32';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i] ?? '', process.argv[i + 1] ?? '');
const rows = Number(args.get('--rows') ?? 100_000_000);
const groups = Number(args.get('--groups') ?? 10_000_000);
const budgetMb = Number(args.get('--budget-mb') ?? 1024);
const batchRows = 1 << 20;

const schema = createSchema([
  { name: 'k', type: HiveTypes.int },
  { name: 'v', type: HiveTypes.double },
]);

function* batches(): Generator<ColumnBatch> {
  const rnd = mulberry32(20261122);
  for (let s = 0; s < rows; s += batchRows) {
    const n = Math.min(batchRows, rows - s);
    const k = new Int32Array(n);
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      k[i] = Math.floor(rnd() * groups);
      v[i] = Math.floor(rnd() * 100000) / 100;
    }
    yield {
      schema,
      numRows: n,
      columns: [
        { type: HiveTypes.int, layout: 'fixed', length: n, nullCount: 0, validity: null, values: k },
        { type: HiveTypes.double, layout: 'fixed', length: n, nullCount: 0, validity: null, values: v },
      ],
    };
  }
}

function peakRssMb(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m?.[1] == null ? Number.NaN : Number(m[1]) / 1024;
}

const t0 = performance.now();
const op = new HashAggregate({
  inputSchema: schema,
  groupBy: [0],
  aggregates: [
    { function: count, star: true },
    { function: sum, args: [1] },
    { function: min, args: [1] },
    { function: max, args: [1] },
  ],
  memoryBudgetBytes: budgetMb * 1024 * 1024,
  highWaterMarkRows: 65536,
});
let outGroups = 0;
let total = 0n;
try {
  for (const b of batches()) await op.add(b);
  const afterInput = performance.now();
  process.stderr.write(
    `input consumed in ${((afterInput - t0) / 1000).toFixed(1)} s, spills ${op.stats.spills}\n`,
  );
  for await (const b of op.finish()) {
    outGroups += b.numRows;
    const c = b.columns[1];
    if (c?.layout === 'fixed' && c.values instanceof BigInt64Array) for (const x of c.values) total += x;
  }
} finally {
  await op.close();
}
process.stdout.write(
  `${JSON.stringify({
    rows,
    groups,
    budgetMb,
    seconds: (performance.now() - t0) / 1000,
    spills: op.stats.spills,
    spilledMb: op.stats.spilledBytes / 1048576,
    outputGroups: outGroups,
    countStarTotal: Number(total),
    peakRssMb: peakRssMb(),
  })}\n`,
);
