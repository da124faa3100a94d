import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HiveTypes } from '@hive-batch/core';
import { createSqliteCatalog } from '@hive-batch/catalog';
import type { Catalog } from '@hive-batch/catalog';
import type { CtasDescriptor, CtasMode } from '@hive-batch/ctas';
import { CtasCommitHook, runCtas } from '@hive-batch/ctas';
import {
  COLUMNS,
  expectNothingLeft,
  expectedRows,
  readRows,
  stagingDirs,
  tempWarehouse,
  textWriter,
} from './helpers';

const ID = { database: 'default', table: 'summary' };
const MODES: readonly CtasMode[] = ['atomic', 'drop-on-failure'];

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as { code?: string }).code ?? 'NO_CODE';
  }
  return 'NO_ERROR';
}

function setup(): { catalog: Catalog; warehouse: string } {
  const warehouse = tempWarehouse();
  return { catalog: createSqliteCatalog({ warehouse }), warehouse };
}

async function existingTable(catalog: Catalog, warehouse: string): Promise<string> {
  await catalog.createTable({ id: ID, columns: [{ name: 'old', type: HiveTypes.string }] });
  const dir = path.join(warehouse, 'summary');
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'old_0'), 'old\n');
  return dir;
}

describe.each(MODES)('runCtas, %s mode', (mode) => {
  it('creates the table with the derived schema, all rows and statistics', async () => {
    const { catalog, warehouse } = setup();
    const visibleDuringJob: boolean[] = [];
    const result = await runCtas({
      catalog,
      table: 'Summary',
      columns: COLUMNS,
      mode,
      job: textWriter({
        beforeFile: async () => {
          visibleDuringJob.push((await catalog.findTable(ID)) != null);
        },
      }),
    });
    expect(result).toMatchObject({ status: 'CREATED', table: ID });
    // Atomic: nobody sees the table before commit. Drop-on-failure: it exists (owned) while the job runs.
    expect(visibleDuringJob).toEqual([mode !== 'atomic', mode !== 'atomic', mode !== 'atomic']);
    const t = await catalog.getTable(ID);
    expect(t.columns.map((c) => c.name)).toEqual(['key', 'value', '_c2']);
    expect(t.location).toBe(path.join(warehouse, 'summary'));
    expect(t.tableType).toBe('MANAGED_TABLE');
    expect(t.storage.format).toBe('TEXTFILE');
    expect(t.properties['ctas.owner']).toBe(result.jobId);
    expect(t.statistics).toMatchObject({ numRows: 12, numFiles: 3 });
    expect(readRows(t.location)).toEqual(expectedRows());
    expect(stagingDirs(warehouse)).toEqual([]);
    expect((await catalog.listJournal('ctas')).map((e) => e.state)).toEqual(['COMMITTED']);
  });

  it('creates an empty table when the query returns no rows', async () => {
    const { catalog } = setup();
    await runCtas({ catalog, table: ID, columns: COLUMNS, mode, job: textWriter({ files: 0 }) });
    expect((await catalog.getTable(ID)).statistics).toMatchObject({ numRows: 0, numFiles: 0, totalSize: 0 });
  });

  it('IF NOT EXISTS on an existing table is a no-op: the job never runs, nothing is written', async () => {
    const { catalog, warehouse } = setup();
    const dir = await existingTable(catalog, warehouse);
    let ran = false;
    const r = await runCtas({
      catalog,
      table: ID,
      columns: COLUMNS,
      mode,
      ifNotExists: true,
      job: () => {
        ran = true;
        return Promise.resolve();
      },
    });
    expect(r.status).toBe('SKIPPED_EXISTS');
    expect(ran).toBe(false);
    expect((await catalog.getTable(ID)).columns.map((c) => c.name)).toEqual(['old']);
    expect(readdirSync(dir)).toEqual(['old_0']);
    expect(await catalog.listJournal('ctas')).toEqual([]);
  });

  it('without IF NOT EXISTS an existing table fails the statement and is never touched', async () => {
    const { catalog, warehouse } = setup();
    const dir = await existingTable(catalog, warehouse);
    expect(await codeOf(runCtas({ catalog, table: ID, columns: COLUMNS, mode, job: textWriter() }))).toBe(
      'TABLE_ALREADY_EXISTS',
    );
    expect((await catalog.getTable(ID)).columns.map((c) => c.name)).toEqual(['old']);
    expect(readdirSync(dir)).toEqual(['old_0']);
  });

  it('fails on a non-empty LOCATION (CTAS_LOCATION_NONEMPTY) before running anything', async () => {
    const { catalog, warehouse } = setup();
    const location = path.join(warehouse, 'elsewhere');
    mkdirSync(location);
    writeFileSync(path.join(location, 'x'), 'x');
    expect(
      await codeOf(runCtas({ catalog, table: ID, columns: COLUMNS, mode, location, job: textWriter() })),
    ).toBe('SEMANTIC_ERROR');
    expect(await catalog.findTable(ID)).toBeUndefined();
  });

  it('writes to an explicit empty LOCATION and a non-default database', async () => {
    const { catalog, warehouse } = setup();
    await catalog.createDatabase({ name: 'sales' });
    const location = path.join(warehouse, 'custom', 'loc');
    mkdirSync(location, { recursive: true });
    await runCtas({ catalog, table: 'sales.t', columns: COLUMNS, mode, location, job: textWriter() });
    const t = await catalog.getTable({ database: 'sales', table: 't' });
    expect(t.location).toBe(location);
    expect(readRows(location)).toEqual(expectedRows());
    expect(stagingDirs(path.dirname(location))).toEqual([]);
  });

  it('a canceled CTAS reports ABORTED and leaves nothing behind', async () => {
    const { catalog, warehouse } = setup();
    const controller = new AbortController();
    const p = runCtas({
      catalog,
      table: ID,
      columns: COLUMNS,
      mode,
      signal: controller.signal,
      // This job ignores the signal and finishes: a canceled CTAS still must not commit.
      job: textWriter({
        beforeFile: (f) => (f === 1 ? controller.abort(new Error('user cancel')) : undefined),
      }),
    });
    expect(await codeOf(p)).toBe('ABORTED');
    await expectNothingLeft(catalog, ID, warehouse);
  });
});

describe('runCtas races and hook details', () => {
  it('atomic: a table created by somebody else during the job wins; the CTAS fails and leaves it alone', async () => {
    const { catalog, warehouse } = setup();
    const p = runCtas({
      catalog,
      table: ID,
      columns: COLUMNS,
      job: textWriter({
        beforeFile: async (f) => {
          if (f === 0) await existingTable(catalog, warehouse);
        },
      }),
    });
    expect(await codeOf(p)).toBe('TABLE_ALREADY_EXISTS');
    expect((await catalog.getTable(ID)).columns.map((c) => c.name)).toEqual(['old']);
    expect(readdirSync(path.join(warehouse, 'summary'))).toEqual(['old_0']);
    expect(stagingDirs(warehouse)).toEqual([]);
  });

  it('atomic IF NOT EXISTS: losing the race at commit is a no-op, never an append', async () => {
    const { catalog, warehouse } = setup();
    const r = await runCtas({
      catalog,
      table: ID,
      columns: COLUMNS,
      ifNotExists: true,
      job: textWriter({
        beforeFile: async (f) => {
          if (f === 2) await existingTable(catalog, warehouse);
        },
      }),
    });
    expect(r.status).toBe('SKIPPED_EXISTS');
    expect(readdirSync(path.join(warehouse, 'summary'))).toEqual(['old_0']);
    expect(stagingDirs(warehouse)).toEqual([]);
  });

  it('drop-on-failure never drops a table it does not own', async () => {
    const { catalog, warehouse } = setup();
    const p = runCtas({
      catalog,
      table: ID,
      columns: COLUMNS,
      mode: 'drop-on-failure',
      job: textWriter({
        beforeFile: async (f) => {
          if (f !== 1) return;
          // Somebody replaces the table while the job runs; the failing CTAS must leave theirs alone.
          await catalog.dropTable(ID);
          await existingTable(catalog, warehouse);
          throw new Error('job fails');
        },
      }),
    });
    expect(await codeOf(p)).toBe('NO_CODE');
    expect((await catalog.getTable(ID)).columns.map((c) => c.name)).toEqual(['old']);
  });

  it('onCreated repeated after a coordinator failover makes no second staging directory', async () => {
    const { catalog, warehouse } = setup();
    const descriptor: CtasDescriptor = {
      kind: 'ctas',
      version: 1,
      jobId: 'job-1',
      mode: 'atomic',
      ifNotExists: false,
      table: {
        id: ID,
        columns: [{ name: 'a', type: HiveTypes.int }],
        location: path.join(warehouse, 'summary'),
      },
      stagingLocation: path.join(warehouse, '.hive-staging_ctas_summary_job-1'),
      owner: { host: 'h', pid: 1 },
    };
    // The descriptor is plain data: a JSON round trip rebuilds an equivalent hook.
    const revived = JSON.parse(JSON.stringify(descriptor)) as CtasDescriptor;
    expect(revived).toEqual(descriptor);
    const hook = new CtasCommitHook(revived, catalog);
    await hook.onCreated();
    writeFileSync(path.join(warehouse, '.hive-staging_ctas_summary_job-1', 'f'), '1\n');
    await new CtasCommitHook(revived, catalog).onCreated();
    expect(stagingDirs(warehouse)).toHaveLength(1);
    expect(await hook.onFinished({ numRows: 1 })).toBe('COMMITTED');
    // Commit and abort exclude each other; a second commit changes nothing.
    expect(await codeOf(hook.abort())).toBe('COMMIT_CONFLICT');
    expect(await hook.onFinished()).toBe('COMMITTED');
    expect(readRows(path.join(warehouse, 'summary'))).toEqual(['1']);
    expect((await catalog.getTable(ID)).statistics).toMatchObject({ numRows: 1, numFiles: 1 });
  });
});
