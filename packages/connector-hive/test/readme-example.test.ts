import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { batchFromRows, createSchema, HiveTypes } from '@hive-batch/core';
import { createSqliteCatalog } from '@hive-batch/catalog';
import { HiveSource, HiveTableSink, loadHiveTable, recoverHiveSinkJobs } from '@hive-batch/connector-hive';
import { runSource } from './helpers';

it('runs the README usage example', async () => {
  const warehouse = mkdtempSync(path.join(tmpdir(), 'connector-hive-readme-'));
  try {
    const catalog = createSqliteCatalog({ warehouse });
    await recoverHiveSinkJobs({ catalog });
    await catalog.createTable({
      id: { database: 'default', table: 'sales' },
      columns: [{ name: 'amount', type: HiveTypes.int }],
      partitionKeys: [{ name: 'ds', type: HiveTypes.string }],
      storage: { format: 'PARQUET' },
    });
    const sink = await HiveTableSink.open({
      catalog,
      table: { database: 'default', table: 'sales' },
      overwrite: true,
    });
    const writer = sink.createWriter(0, 0);
    await writer.write(
      batchFromRows(createSchema(sink.inputColumns), [
        [5, '2024-01-01'],
        [7, '2024-01-02'],
      ]),
    );
    const published = await sink.commit([await writer.close()]);
    expect(published.map((p) => p.path)).toEqual(['ds=2024-01-01', 'ds=2024-01-02']);
    const { table, partitions } = await loadHiveTable(catalog, { database: 'default', table: 'sales' });
    const source = new HiveSource({
      table,
      partitions,
      partitionPredicate: { op: '>=', column: 'ds', value: '2024-01-02' },
      projection: ['amount'],
    });
    expect(await source.inferParallelism({ max: 8 })).toBe(1);
    expect(await runSource(source, 1)).toEqual([[7]]);
    await catalog.close();
  } finally {
    rmSync(warehouse, { recursive: true, force: true });
  }
});
