import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HiveTypes } from '@hive-batch/core';
import { createSqliteCatalog } from '@hive-batch/catalog';
import { catalogContract } from './catalog-contract';

catalogContract('sqlite', (warehouse) => createSqliteCatalog({ warehouse }));

describe('sqlite metastore alterPartition', () => {
  it('is durable: a reopened metastore has the altered partition statistics', async () => {
    const warehouse = mkdtempSync(path.join(os.tmpdir(), 'hb-alter-partition-'));
    const id = { database: 'default', table: 't' };
    const first = createSqliteCatalog({ warehouse });
    await first.createTable({
      id,
      columns: [{ name: 'a', type: HiveTypes.bigint }],
      partitionKeys: [{ name: 'ds', type: HiveTypes.string }],
    });
    await first.addPartition(id, { values: ['1'], statistics: { numFiles: 1, numRows: 1 } });
    const created = await first.getPartition(id, ['1']);
    await first.alterPartition(id, ['1'], {
      statistics: { numFiles: 2, numRows: 5, totalSize: 40, rawDataSize: 30 },
    });
    await first.close();

    const second = createSqliteCatalog({ warehouse });
    expect(await second.getPartition(id, ['1'])).toEqual({
      ...created,
      statistics: { numFiles: 2, numRows: 5, totalSize: 40, rawDataSize: 30 },
    });
    await second.close();
  });

  it('two catalogs on one file see each other’s partition alters', async () => {
    const warehouse = mkdtempSync(path.join(os.tmpdir(), 'hb-alter-partition-'));
    const id = { database: 'default', table: 't' };
    const a = createSqliteCatalog({ warehouse });
    const b = createSqliteCatalog({ warehouse });
    await a.createTable({
      id,
      columns: [{ name: 'a', type: HiveTypes.bigint }],
      partitionKeys: [{ name: 'ds', type: HiveTypes.string }],
    });
    await a.addPartition(id, { values: ['1'] });
    await b.alterPartition(id, ['1'], { statistics: { numRows: 3 } });
    expect((await a.getPartition(id, ['1'])).statistics).toEqual({ numRows: 3 });
    await a.close();
    await b.close();
  });
});
