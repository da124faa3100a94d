// Scratch measurement for ADR 0006: hyparquet vs parquet-wasm (async ParquetFile) on this machine.
// node bench/parquet-readers.mjs [rows]. Writes a file with hyparquet-writer (int, double, string),
// then times full reads, a projection and one row group. parquet-wasm times stop at the wasm Arrow table
// plus its IPC bytes: turning those into our ColumnBatch would also need apache-arrow and a copy.
import { openAsBlob, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parquetMetadataAsync, parquetRead } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { ParquetFile } from 'parquet-wasm/node';
import { open } from 'node:fs/promises';

const N = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(path.join(tmpdir(), 'pq-bench-'));
const file = path.join(dir, 'f.parquet');
const k = new Int32Array(N);
const v = new Float64Array(N);
const s = new Array(N);
for (let i = 0; i < N; i++) {
  k[i] = i % 1000;
  v[i] = i * 0.5;
  s[i] = `s${i % 5000}-${i}`;
}
let t = performance.now();
const buf = parquetWriteBuffer({
  columnData: [
    { name: 'k', data: k, type: 'INT32' },
    { name: 'v', data: v, type: 'DOUBLE' },
    { name: 's', data: s, type: 'STRING' },
  ],
  rowGroupSize: 100_000,
});
const writeMs = performance.now() - t;
writeFileSync(file, new Uint8Array(buf));
console.log(
  `rows ${N}, file ${(buf.byteLength / 1e6).toFixed(1)} MB, hyparquet-writer write ${writeMs.toFixed(0)} ms`,
);

const handle = await open(file, 'r');
const size = (await handle.stat()).size;
const asyncBuffer = {
  byteLength: size,
  async slice(a, b = size) {
    const out = new Uint8Array(b - a);
    await handle.read(out, 0, b - a, a);
    return out.buffer;
  },
};
const meta = await parquetMetadataAsync(asyncBuffer);

async function hyp(columns, rowStart, rowEnd) {
  let n = 0;
  await parquetRead({
    file: asyncBuffer,
    metadata: meta,
    columns,
    rowStart,
    rowEnd,
    onComplete: (rows) => (n = rows.length),
  });
  return n;
}
async function hypChunks(columns, rowStart, rowEnd) {
  let n = 0;
  await parquetRead({
    file: asyncBuffer,
    metadata: meta,
    columns,
    rowStart,
    rowEnd,
    onChunk: (c) => (n += c.columnData.length),
  });
  return n;
}
async function wasm(columns, rowGroups) {
  const pf = await ParquetFile.fromFile(await openAsBlob(file));
  const table = await pf.read({ ...(columns ? { columns } : {}), ...(rowGroups ? { rowGroups } : {}) });
  const ipc = table.intoIPCStream();
  return ipc.length;
}
const cases = [
  ['full (k,v,s)', () => hyp(undefined), () => hypChunks(undefined), () => wasm(undefined)],
  ['projection (k,v)', () => hyp(['k', 'v']), () => hypChunks(['k', 'v']), () => wasm(['k', 'v'])],
  [
    'one row group',
    () => hyp(undefined, 0, 100_000),
    () => hypChunks(undefined, 0, 100_000),
    () => wasm(undefined, [0]),
  ],
];
for (const [name, h, hc, w] of cases) {
  for (const [lib, f] of [
    ['hyparquet rows', h],
    ['hyparquet cols', hc],
    ['parquet-wasm', w],
  ]) {
    await f(); // warm-up
    t = performance.now();
    await f();
    const ms = performance.now() - t;
    console.log(`${name.padEnd(18)} ${lib.padEnd(15)} ${ms.toFixed(0).padStart(6)} ms`);
  }
}
await handle.close();
rmSync(dir, { recursive: true, force: true });
