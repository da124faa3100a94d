// End-to-end parquet read through the connector (readHiveSplit → ColumnBatch) for ADR 0006.
// `npm run bench:parquet -w @hive-batch/connector-hive -- [rows]`
import { HiveTypes, type Field } from '@hive-batch/core';
import {
  createDataFileWriter,
  createMemoryFileSystem,
  readHiveSplit,
  type HiveSplit,
  type TableReadInfo,
} from '@hive-batch/connector-hive';

const N = Number(process.argv[2] ?? 1_000_000);
const columns: Field[] = [
  { name: 'k', type: HiveTypes.int },
  { name: 'v', type: HiveTypes.double },
  { name: 's', type: HiveTypes.string },
];
let t = performance.now();
const w = createDataFileWriter({ format: 'PARQUET', columns, rowGroupRows: 100_000 });
for (let i = 0; i < N; i++) w.append([i % 1000, i * 0.5, `s${i % 5000}-${i}`]);
const file = w.finish();
console.log(
  `rows ${N}, ${(file.bytes.length / 1e6).toFixed(1)} MB, connector writer ${(performance.now() - t).toFixed(0)} ms`,
);
const fs = createMemoryFileSystem();
await fs.writeFile('/t/f.parquet', file.bytes);
const len = file.bytes.length;
async function read(projection: string[], length = len): Promise<number> {
  const table: TableReadInfo = { format: 'PARQUET', columns, partitionKeys: [], properties: {} };
  const split: HiveSplit = {
    splitId: 'x',
    partitionId: '',
    format: 'PARQUET',
    ranges: [{ path: '/t/f.parquet', start: 0, length, fileLength: len }],
  };
  let rows = 0;
  for await (const b of readHiveSplit(split, { fileSystem: fs, table, projection, batchRows: 8192 }))
    rows += b.numRows;
  return rows;
}
for (const [name, f] of [
  ['full (k,v,s)', () => read(['k', 'v', 's'])],
  ['projection (k,v)', () => read(['k', 'v'])],
  ['first split (~1 row group)', () => read(['k', 'v', 's'], Math.floor(len / 10))],
] as const) {
  await f();
  t = performance.now();
  const rows = await f();
  console.log(`${name.padEnd(28)} ${(performance.now() - t).toFixed(0).padStart(6)} ms  (${rows} rows)`);
}
