// TEXTFILE read throughput through the connector (readHiveSplit → ColumnBatch).
// `node bench/run-bench.mjs text-read [rows]`
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
const w = createDataFileWriter({ format: 'TEXTFILE', columns });
for (let i = 0; i < N; i++) w.append([i % 1000, i * 0.5, `s${i % 5000}-${i}`]);
const file = w.finish();
const fs = createMemoryFileSystem();
await fs.writeFile('/t/f', file.bytes);
const len = file.bytes.length;
const table: TableReadInfo = { format: 'TEXTFILE', columns, partitionKeys: [], properties: {} };
async function read(splits: number): Promise<number> {
  let rows = 0;
  const step = Math.ceil(len / splits);
  for (let start = 0; start < len; start += step) {
    const split: HiveSplit = {
      splitId: 'x',
      partitionId: '',
      format: 'TEXTFILE',
      ranges: [{ path: '/t/f', start, length: Math.min(step, len - start), fileLength: len }],
    };
    for await (const b of readHiveSplit(split, { fileSystem: fs, table, batchRows: 8192 })) rows += b.numRows;
  }
  return rows;
}
for (const splits of [1, 8]) {
  await read(splits);
  const t = performance.now();
  const rows = await read(splits);
  console.log(
    `${(len / 1e6).toFixed(1)} MB text, ${splits} split(s): ${(performance.now() - t).toFixed(0)} ms (${rows} rows)`,
  );
}
