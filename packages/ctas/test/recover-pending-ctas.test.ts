import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSqliteCatalog } from '@hive-batch/catalog';
import type { Catalog } from '@hive-batch/catalog';
import type { CtasRecoveryReport } from '@hive-batch/ctas';
import { recoverPendingCtas, runCtas } from '@hive-batch/ctas';
import { COLUMNS, expectedRows, readRows, stagingDirs, tempWarehouse, textWriter } from './helpers';

const ID = { database: 'default', table: 'target' };

function pendingRecord(
  catalog: Catalog,
  warehouse: string,
  owner: { host: string; pid: number },
): Promise<void> {
  const descriptor = {
    kind: 'ctas',
    version: 1,
    jobId: 'j1',
    mode: 'atomic',
    ifNotExists: false,
    table: { id: ID, columns: [], location: path.join(warehouse, 'target') },
    stagingLocation: path.join(warehouse, '.hive-staging_ctas_target_j1'),
    owner,
  };
  return catalog.writeJournal({
    entry: {
      id: 'ctas:j1',
      kind: 'ctas',
      state: 'PENDING',
      payload: { descriptor, attempts: 0, lastError: null, removeFinal: false },
    },
  });
}

describe('recoverPendingCtas', () => {
  it('leaves the CTAS of a running job in this process alone', async () => {
    const warehouse = tempWarehouse();
    const catalog = createSqliteCatalog({ warehouse });
    let during: CtasRecoveryReport | undefined;
    const r = await runCtas({
      catalog,
      table: ID,
      columns: COLUMNS,
      jobId: 'live-job',
      job: textWriter({
        beforeFile: async (f) => {
          if (f === 1) during = await recoverPendingCtas(catalog);
        },
      }),
    });
    expect(during).toEqual({ committed: [], aborted: [], skipped: ['live-job'], failed: [] });
    expect(r.status).toBe('CREATED');
    expect(readRows(path.join(warehouse, 'target'))).toEqual(expectedRows());
    await catalog.close();
  });

  it('leaves a live process’s CTAS alone and aborts it once that process is gone', async () => {
    const warehouse = tempWarehouse();
    const catalog = createSqliteCatalog({ warehouse });
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    const pid = sleeper.pid ?? -1;
    await pendingRecord(catalog, warehouse, { host: hostname(), pid });
    expect(await recoverPendingCtas(catalog)).toMatchObject({ skipped: ['j1'], aborted: [] });
    const exited = new Promise((r) => sleeper.on('close', r));
    sleeper.kill('SIGKILL');
    await exited;
    expect(await recoverPendingCtas(catalog)).toMatchObject({ skipped: [], aborted: ['j1'] });
    expect((await catalog.readJournal('ctas:j1'))?.state).toBe('ABORTED');
    expect(stagingDirs(warehouse)).toEqual([]);
    expect(existsSync(path.join(warehouse, 'target'))).toBe(false);
    await catalog.close();
  });

  it('treats another host’s record as live, and reports an unreadable record as failed', async () => {
    const warehouse = tempWarehouse();
    const catalog = createSqliteCatalog({ warehouse });
    await pendingRecord(catalog, warehouse, { host: `${hostname()}-elsewhere`, pid: 1 });
    await catalog.writeJournal({
      entry: { id: 'ctas:bad', kind: 'ctas', state: 'PENDING', payload: { x: 1 } },
    });
    const report = await recoverPendingCtas(catalog);
    expect(report.skipped).toEqual(['j1']);
    expect(report.failed.map((f) => [f.jobId, (f.error as { code?: string }).code])).toEqual([
      ['ctas:bad', 'METASTORE_ERROR'],
    ]);
    await catalog.close();
  });
});
