import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { batchFromRows, createSchema, HiveTypes, type Field } from '@hive-batch/core';
import { createMemoryCatalog, type Catalog } from '@hive-batch/catalog';
import {
  createLocalFileSystem,
  HiveSource,
  HiveTableSink,
  loadHiveTable,
  SUCCESS_FILE,
  type FileSystem,
} from '@hive-batch/connector-hive';
import { runSource, sortRows } from './helpers';

const columns: Field[] = [
  { name: 'id', type: HiveTypes.int },
  { name: 'name', type: HiveTypes.string },
];
const keys: Field[] = [{ name: 'ds', type: HiveTypes.string }];

let dir: string;
let catalog: Catalog;
let fs: FileSystem;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'connector-hive-'));
  catalog = createMemoryCatalog({ warehouse: dir });
  fs = createLocalFileSystem();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function insert(
  table: string,
  rows: unknown[][],
  options: {
    overwrite?: boolean;
    staticPartition?: Record<string, string | null>;
    dynamicKeys?: Field[];
  } = {},
): Promise<void> {
  const sink = await HiveTableSink.open({
    catalog,
    fileSystem: fs,
    table: { database: 'default', table },
    ...(options.overwrite != null ? { overwrite: options.overwrite } : {}),
    ...(options.staticPartition != null ? { staticPartition: options.staticPartition } : {}),
  });
  const w = sink.createWriter(0, 0);
  if (rows.length > 0) await w.write(batchFromRows(createSchema(sink.inputColumns), rows));
  await sink.commit([await w.close()]);
}

async function readAll(table: string, parallelism = 2): Promise<string[]> {
  const { table: info, partitions } = await loadHiveTable(catalog, { database: 'default', table });
  return sortRows(await runSource(new HiveSource({ fileSystem: fs, table: info, partitions }), parallelism));
}

describe.each(['TEXTFILE', 'PARQUET'])('%s tables', (format) => {
  it('round-trips an unpartitioned table through INSERT INTO and OVERWRITE', async () => {
    await catalog.createTable({ id: { database: 'default', table: 't' }, columns, storage: { format } });
    await insert('t', [
      [1, 'a'],
      [2, null],
    ]);
    await insert('t', [[3, 'c']]);
    expect(await readAll('t')).toEqual(
      sortRows([
        [1, 'a'],
        [2, null],
        [3, 'c'],
      ]),
    );
    const t = await catalog.getTable({ database: 'default', table: 't' });
    expect(t.statistics.numRows).toBe(3);
    expect(t.statistics.numFiles).toBe(2);
    await insert('t', [[9, 'z']], { overwrite: true });
    expect(await readAll('t')).toEqual(sortRows([[9, 'z']]));
    expect((await catalog.getTable({ database: 'default', table: 't' })).statistics.numRows).toBe(1);
  });

  it('writes dynamic partitions, publishes _SUCCESS and registers statistics', async () => {
    await catalog.createTable({
      id: { database: 'default', table: 'p' },
      columns,
      partitionKeys: keys,
      storage: { format },
    });
    await insert('p', [
      [1, 'a', '2024-01-01'],
      [2, 'b', '2024-01-02'],
      [3, 'c', null],
      [4, 'd', 'a/b'],
    ]);
    const parts = await catalog.listPartitions({ database: 'default', table: 'p' });
    expect(parts.map((p) => p.name).sort()).toEqual([
      'ds=2024-01-01',
      'ds=2024-01-02',
      'ds=__HIVE_DEFAULT_PARTITION__',
      'ds=a%2Fb',
    ]);
    for (const p of parts) {
      expect(await fs.stat(path.join(p.location, SUCCESS_FILE))).toBeDefined();
      expect(p.statistics.numRows).toBe(1);
      expect(p.statistics.numFiles).toBe(1);
      expect(p.statistics.totalSize).toBeGreaterThan(0);
    }
    expect(await readAll('p', 3)).toEqual(
      sortRows([
        [1, 'a', '2024-01-01'],
        [2, 'b', '2024-01-02'],
        [3, 'c', null],
        [4, 'd', 'a/b'],
      ]),
    );
  });

  it('publishes an empty static partition', async () => {
    await catalog.createTable({
      id: { database: 'default', table: 'e' },
      columns,
      partitionKeys: keys,
      storage: { format },
    });
    await insert('e', [], { staticPartition: { ds: 'x' } });
    const p = await catalog.getPartition({ database: 'default', table: 'e' }, ['x']);
    expect(p.statistics.numRows).toBe(0);
    expect(await fs.stat(path.join(p.location, SUCCESS_FILE))).toBeDefined();
    expect(await readAll('e')).toEqual([]);
  });
});

describe('TEXTFILE SerDe properties', () => {
  it('writes and reads the declared delimiter and null format; skips declared header lines', async () => {
    await catalog.createTable({
      id: { database: 'default', table: 'csv' },
      columns,
      storage: {
        format: 'TEXTFILE',
        serdeProperties: { 'field.delim': ',', 'serialization.null.format': 'NULL' },
      },
    });
    await insert('csv', [
      [1, 'a'],
      [null, 'b'],
    ]);
    const t = await catalog.getTable({ database: 'default', table: 'csv' });
    const files = ((await fs.list(t.location)) ?? []).filter((f) => !f.path.includes('_SUCCESS'));
    const text = new TextDecoder().decode(await fs.read(files[0]?.path ?? '', 0, 1000));
    expect(text).toBe('1,a\nNULL,b\n');
    expect(await readAll('csv')).toEqual(
      sortRows([
        [1, 'a'],
        [null, 'b'],
      ]),
    );

    await catalog.createTable({
      id: { database: 'default', table: 'hdr' },
      columns,
      properties: { 'skip.header.line.count': '1' },
      storage: { format: 'TEXTFILE', serdeProperties: { 'field.delim': '|' } },
    });
    const h = await catalog.getTable({ database: 'default', table: 'hdr' });
    await fs.writeFile(path.join(h.location, 'data.txt'), new TextEncoder().encode('id|name\n7|x\n'));
    expect(await readAll('hdr')).toEqual(sortRows([[7, 'x']]));
  });
});
