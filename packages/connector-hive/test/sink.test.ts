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
  recoverHiveSinkJobs,
  SINK_JOURNAL_KIND,
  type FileSystem,
  type HiveTableSinkOptions,
} from '@hive-batch/connector-hive';
import { runSource, sortRows } from './helpers';

const columns: Field[] = [
  { name: 'id', type: HiveTypes.int },
  { name: 'gen', type: HiveTypes.int },
];
const keys: Field[] = [{ name: 'p', type: HiveTypes.int }];
const T = { database: 'default', table: 't' };

let dir: string;
let catalog: Catalog;
let disk: FileSystem;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'connector-hive-sink-'));
  catalog = createMemoryCatalog({ warehouse: dir });
  disk = createLocalFileSystem();
  await catalog.createTable({ id: T, columns, partitionKeys: keys });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function rows(gen: number, parts: readonly number[], perPartition = 3): unknown[][] {
  return parts.flatMap((p) => Array.from({ length: perPartition }, (_, i) => [i, gen, p]));
}

async function insert(
  data: unknown[][],
  options: Partial<HiveTableSinkOptions> = {},
  fs: FileSystem = disk,
): Promise<void> {
  const sink = await HiveTableSink.open({ catalog, fileSystem: fs, table: T, ...options });
  const w = sink.createWriter(0, 0);
  await w.write(batchFromRows(createSchema(sink.inputColumns), data));
  await sink.commit([await w.close()]);
}

async function readAll(): Promise<unknown[][]> {
  const { table, partitions } = await loadHiveTable(catalog, T);
  return runSource(new HiveSource({ fileSystem: disk, table, partitions }), 2);
}

describe('HiveTableSink', () => {
  it('INSERT OVERWRITE replaces only the written partitions', async () => {
    await insert(rows(1, [1, 2]));
    await insert(rows(2, [2, 3]), { overwrite: true });
    expect(sortRows(await readAll())).toEqual(sortRows([...rows(1, [1]), ...rows(2, [2, 3])]));
  });

  it('commits only the winning attempt of a speculated subtask and deletes the loser', async () => {
    const sink = await HiveTableSink.open({ catalog, fileSystem: disk, table: T });
    const slow = sink.createWriter(0, 0);
    const fast = sink.createWriter(0, 1);
    const schema = createSchema(sink.inputColumns);
    await slow.write(batchFromRows(schema, rows(7, [1])));
    await fast.write(batchFromRows(schema, rows(7, [1])));
    await slow.close();
    const winner = await fast.close();
    await sink.commit([winner]);
    expect(await readAll()).toHaveLength(3);
    expect(await disk.stat(sink.staging)).toBeUndefined();
    await expect(sink.commit([winner])).rejects.toMatchObject({ code: 'COMMIT_CONFLICT' });
  });

  it('caps open writers and compacts the resulting small files', async () => {
    // Interleaved partitions: 1, 2, 3, 1, 2, 3, …
    const data = [0, 1, 2, 3].flatMap((i) => [1, 2, 3].map((p) => [i, 1, p]));
    const sink = await HiveTableSink.open({
      catalog,
      fileSystem: disk,
      table: T,
      maxOpenWriters: 1,
      sortByPartition: false,
      compaction: { enabled: false },
    });
    const w = sink.createWriter(0, 0);
    await w.write(batchFromRows(createSchema(sink.inputColumns), data));
    const msg = await w.close();
    // One writer at a time, unsorted input: partitions alternate, so each one gets several files.
    expect(msg.files.length).toBe(data.length);
    const published = await sink.commit([msg]);
    expect(published.map((p) => p.numFiles)).toEqual([4, 4, 4]);

    await catalog.createTable({ id: { database: 'default', table: 'c' }, columns, partitionKeys: keys });
    const compacting = await HiveTableSink.open({
      catalog,
      fileSystem: disk,
      table: { database: 'default', table: 'c' },
      maxOpenWriters: 1,
      sortByPartition: false,
      compaction: { targetFileBytes: 1024 },
    });
    const w2 = compacting.createWriter(0, 0);
    await w2.write(batchFromRows(createSchema(compacting.inputColumns), data));
    const compacted = await compacting.commit([await w2.close()]);
    expect(compacted.map((p) => [p.numFiles, p.numRows])).toEqual([
      [1, 4],
      [1, 4],
      [1, 4],
    ]);
    const { table, partitions } = await loadHiveTable(catalog, { database: 'default', table: 'c' });
    expect(sortRows(await runSource(new HiveSource({ fileSystem: disk, table, partitions }), 2))).toEqual(
      sortRows(data),
    );
  });

  it('writes into the registered location of an existing partition', async () => {
    const custom = path.join(dir, 'elsewhere', 'p9');
    await catalog.addPartition(T, { values: ['9'], location: custom });
    await insert(rows(1, [9]));
    await insert(rows(2, [9]), { overwrite: true });
    expect((await disk.list(custom))?.some((e) => e.path.endsWith('_SUCCESS'))).toBe(true);
    expect(sortRows(await readAll())).toEqual(sortRows(rows(2, [9])));
    expect(await disk.stat(path.join(dir, 't', 'p=9'))).toBeUndefined();
  });

  describe('statistics of an existing partition', () => {
    const P1 = { p: '1' };
    const staticRows = (gen: number, n: number): unknown[][] => Array.from({ length: n }, (_, i) => [i, gen]);
    async function dataFiles(): Promise<{ n: number; bytes: number }> {
      const files = ((await disk.list(path.join(dir, 't', 'p=1'))) ?? []).filter(
        (e) => !e.isDirectory && !path.basename(e.path).startsWith('_'),
      );
      return { n: files.length, bytes: files.reduce((a, f) => a + f.length, 0) };
    }

    it('INSERT INTO twice into one static partition counts both inserts', async () => {
      await insert(staticRows(1, 3), { staticPartition: P1 });
      const first = (await catalog.getPartition(T, ['1'])).statistics;
      expect(first).toMatchObject({ numFiles: 1, numRows: 3 });
      await insert(staticRows(2, 5), { staticPartition: P1 });
      const { n, bytes } = await dataFiles();
      expect(n).toBe(2);
      const second = (await catalog.getPartition(T, ['1'])).statistics;
      expect(second).toEqual({
        numFiles: 2,
        numRows: 8,
        totalSize: bytes,
        rawDataSize: expect.any(Number) as number,
      });
      expect(second.totalSize).toBeGreaterThan(first.totalSize ?? Infinity);
      expect(second.rawDataSize).toBeGreaterThan(first.rawDataSize ?? Infinity);
      expect(await readAll()).toHaveLength(8);
    });

    it('INSERT OVERWRITE replaces the statistics with those of the new data only', async () => {
      await insert(staticRows(1, 3), { staticPartition: P1 });
      await insert(staticRows(2, 5), { staticPartition: P1 });
      await insert(staticRows(3, 2), { staticPartition: P1, overwrite: true });
      const { n, bytes } = await dataFiles();
      expect(n).toBe(1);
      const stats = (await catalog.getPartition(T, ['1'])).statistics;
      expect(stats).toMatchObject({ numFiles: 1, numRows: 2, totalSize: bytes });
      // Same data written into a fresh table gives the same statistics.
      await catalog.createTable({
        id: { database: 'default', table: 'fresh' },
        columns,
        partitionKeys: keys,
      });
      const sink = await HiveTableSink.open({
        catalog,
        fileSystem: disk,
        table: { database: 'default', table: 'fresh' },
        staticPartition: P1,
      });
      const w = sink.createWriter(0, 0);
      await w.write(batchFromRows(createSchema(sink.inputColumns), staticRows(3, 2)));
      await sink.commit([await w.close()]);
      expect((await catalog.getPartition({ database: 'default', table: 'fresh' }, ['1'])).statistics).toEqual(
        stats,
      );
    });

    it('dynamic INSERT INTO updates existing partitions and adds new ones', async () => {
      await insert(rows(1, [1, 2]));
      await insert(rows(2, [2, 3], 4));
      const byName = Object.fromEntries(
        (await catalog.listPartitions(T)).map((p) => [p.name, [p.statistics.numFiles, p.statistics.numRows]]),
      );
      expect(byName).toEqual({ 'p=1': [1, 3], 'p=2': [2, 7], 'p=3': [1, 4] });
    });

    it('an added empty partition starts from zero; unknown old row counts stay unknown', async () => {
      await catalog.addPartition(T, { values: ['1'] });
      await insert(staticRows(1, 3), { staticPartition: P1 });
      expect((await catalog.getPartition(T, ['1'])).statistics).toMatchObject({ numFiles: 1, numRows: 3 });

      // A partition whose files were put there without statistics (e.g. copied in, then ADD PARTITION).
      const loose = path.join(dir, 'loose');
      await disk.writeFile(path.join(loose, '000000_0'), new TextEncoder().encode('1\u00011\n'));
      await catalog.addPartition(T, { values: ['2'], location: loose });
      await insert(staticRows(1, 3), { staticPartition: { p: '2' } });
      const stats = (await catalog.getPartition(T, ['2'])).statistics;
      expect(stats.numFiles).toBe(2);
      expect(stats.numRows).toBeUndefined();
      expect(stats.rawDataSize).toBeUndefined();
      // OVERWRITE knows every row again.
      await insert(staticRows(1, 4), { staticPartition: { p: '2' }, overwrite: true });
      expect((await catalog.getPartition(T, ['2'])).statistics).toMatchObject({ numFiles: 1, numRows: 4 });
    });

    it('recovery finishing an INSERT INTO twice does not count its rows twice', async () => {
      await insert(staticRows(1, 3), { staticPartition: P1 });
      let finishedTwice = 0;
      // A crash at every file-system step of a second INSERT INTO, then recovery (twice when it rolls forward).
      for (let budget = 0; ; budget++) {
        const { fs, crashed } = crashingAfter(budget);
        const jobId = `into${budget}`;
        await insert(staticRows(2, 2), { staticPartition: P1, jobId }, fs).catch(() => undefined);
        const entry = await catalog.readJournal(`${SINK_JOURNAL_KIND}:${jobId}`);
        await recoverHiveSinkJobs({ catalog, fileSystem: disk, includeLiveJobs: true });
        if (entry?.state === 'COMMITTING') {
          // Finish it a second time, as a recovery after a crash during recovery would.
          await catalog.writeJournal({ entry });
          await recoverHiveSinkJobs({ catalog, fileSystem: disk, includeLiveJobs: true });
          finishedTwice++;
        }
        const rowsNow = (await readAll()).length;
        const { n, bytes } = await dataFiles();
        expect({ budget, ...(await catalog.getPartition(T, ['1'])).statistics }).toMatchObject({
          budget,
          numRows: rowsNow,
          numFiles: n,
          totalSize: bytes,
        });
        if (!crashed()) break;
      }
      expect(finishedTwice).toBeGreaterThan(0);
    });
  });

  it('rejects static keys after dynamic ones and unknown keys', async () => {
    await catalog.createTable({
      id: { database: 'default', table: 'two' },
      columns,
      partitionKeys: [...keys, { name: 'q', type: HiveTypes.string }],
    });
    await expect(
      HiveTableSink.open({
        catalog,
        fileSystem: disk,
        table: { database: 'default', table: 'two' },
        staticPartition: { q: 'x' },
      }),
    ).rejects.toMatchObject({
      code: 'SEMANTIC_ERROR',
    });
    await expect(
      HiveTableSink.open({ catalog, fileSystem: disk, table: T, staticPartition: { nope: 'x' } }),
    ).rejects.toMatchObject({ code: 'COLUMN_NOT_FOUND' });
  });
});

/** A file system that fails every mutating call after `budget` of them succeeded (a crash at that point). */
function crashingAfter(budget: number): { fs: FileSystem; crashed: () => boolean } {
  let left = budget;
  let crashed = false;
  const guard = <T>(f: () => Promise<T>): Promise<T> => {
    if (left-- <= 0) {
      crashed = true;
      return Promise.reject(new Error('injected crash'));
    }
    return f();
  };
  return {
    fs: {
      ...disk,
      writeFile: (p, d) => guard(() => disk.writeFile(p, d)),
      rename: (a, b) => guard(() => disk.rename(a, b)),
      delete: (p) => guard(() => disk.delete(p)),
      mkdirs: (p) => guard(() => disk.mkdirs(p)),
    },
    crashed: () => crashed,
  };
}

describe('crash during INSERT OVERWRITE, then recovery', () => {
  it('leaves the old data or the new data, never a mix, for a crash at every file-system step', async () => {
    const old = rows(1, [1, 2, 3]);
    await insert(old);
    const fresh = rows(2, [1, 2, 3]);
    let sawOld = false;
    let sawNew = false;
    for (let budget = 0; ; budget++) {
      const { fs, crashed } = crashingAfter(budget);
      await insert(fresh, { overwrite: true, jobId: `job${budget}` }, fs).catch(() => undefined);
      const report = await recoverHiveSinkJobs({ catalog, fileSystem: disk, includeLiveJobs: true });
      const got = sortRows(await readAll());
      const isOld = JSON.stringify(got) === JSON.stringify(sortRows(old));
      const isNew = JSON.stringify(got) === JSON.stringify(sortRows(fresh));
      expect({ budget, ok: isOld || isNew, report }).toMatchObject({ ok: true });
      sawOld ||= isOld;
      sawNew ||= isNew;
      // No staging or trash directories survive recovery.
      expect((await disk.list(dir))?.filter((e) => e.path.includes('.hive-')) ?? []).toEqual([]);
      if (isNew) await insert(old, { overwrite: true, jobId: `reset${budget}` });
      if (!crashed()) break;
    }
    expect(sawOld && sawNew).toBe(true);
    const states = (await catalog.listJournal(SINK_JOURNAL_KIND)).map((e) => e.state);
    expect(states.every((s) => s === 'COMMITTED' || s === 'ABORTED')).toBe(true);
  });
});
