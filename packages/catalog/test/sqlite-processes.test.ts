import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import Sqlite from 'better-sqlite3';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HiveTypes } from '@hive-batch/core';
import { createSqliteCatalog } from '@hive-batch/catalog';
import { runFixture } from './run-fixture';

describe('sqlite metastore across processes', () => {
  it('is durable: a reopened metastore has everything a closed one committed', async () => {
    const warehouse = mkdtempSync(path.join(os.tmpdir(), 'hb-durable-'));
    const first = createSqliteCatalog({ warehouse });
    await first.createDatabase({ name: 'd' });
    await first.createTable({
      id: { database: 'd', table: 't' },
      columns: [{ name: 'a', type: HiveTypes.bigint }],
      partitionKeys: [{ name: 'ds', type: HiveTypes.string }],
    });
    await first.addPartition({ database: 'd', table: 't' }, { values: ['1'] });
    await first.createFunction({ id: { database: 'd', name: 'f' }, className: 'm#f' });
    await first.writeJournal({ entry: { id: 'j', kind: 'ctas', state: 'PENDING', payload: { x: [1] } } });
    await first.close();

    const second = createSqliteCatalog({ warehouse });
    expect(await second.listDatabases()).toEqual(['d', 'default']);
    expect((await second.getTable({ database: 'd', table: 't' })).columns).toEqual([
      { name: 'a', type: HiveTypes.bigint },
    ]);
    expect((await second.listPartitions({ database: 'd', table: 't' })).map((p) => p.name)).toEqual(['ds=1']);
    expect(await second.listFunctions('d')).toEqual(['f']);
    expect(await second.readJournal('j')).toEqual({
      id: 'j',
      kind: 'ctas',
      state: 'PENDING',
      payload: { x: [1] },
    });
    await second.close();
  });

  it('refuses a metastore written by a newer schema version', async () => {
    const warehouse = mkdtempSync(path.join(os.tmpdir(), 'hb-version-'));
    await createSqliteCatalog({ warehouse }).close();
    const raw = new Sqlite(path.join(warehouse, 'metastore.db'));
    raw.prepare('INSERT INTO schema_version (version, applied_at) VALUES (99, 0)').run();
    raw.close();
    expect(() => createSqliteCatalog({ warehouse })).toThrow(
      expect.objectContaining({ code: 'METASTORE_ERROR' }),
    );
  });

  it('sees another process’s commit and creates the file in WAL mode', { tags: ['slow'] }, async () => {
    const warehouse = mkdtempSync(path.join(os.tmpdir(), 'hb-wal-'));
    const start = path.join(warehouse, 'go');
    writeFileSync(start, '');
    const mine = createSqliteCatalog({ warehouse });
    const run = await runFixture('create-table', [warehouse, 'from_child', start]);
    expect(JSON.parse(run.stdout)).toMatchObject({ outcome: 'CREATED' });
    expect(await mine.listTables('default')).toEqual(['from_child']);
    await mine.close();
    const raw = new Sqlite(path.join(warehouse, 'metastore.db'), { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.prepare('SELECT MAX(version) AS v FROM schema_version').get()).toEqual({ v: 1 });
    raw.close();
  });

  it('lets exactly one of 8 processes creating the same table win', { tags: ['slow'] }, async () => {
    const warehouse = mkdtempSync(path.join(os.tmpdir(), 'hb-race-'));
    const start = path.join(warehouse, 'go');
    const runs = Array.from({ length: 8 }, () => runFixture('create-table', [warehouse, 'Race', start]));
    // Wait until every child has opened the metastore, then release them together so the creates overlap.
    while (readdirSync(warehouse).filter((f) => f.startsWith('go.ready.')).length < 8) {
      await new Promise((r) => setTimeout(r, 20));
    }
    writeFileSync(start, '');
    const outcomes = (await Promise.all(runs)).map((r) => {
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout) as { outcome: string; pid: number };
    });
    const winners = outcomes.filter((o) => o.outcome === 'CREATED');
    expect(winners).toHaveLength(1);
    expect(outcomes.filter((o) => o.outcome === 'TABLE_ALREADY_EXISTS')).toHaveLength(7);
    const catalog = createSqliteCatalog({ warehouse });
    const t = await catalog.getTable({ database: 'default', table: 'race' });
    expect(t.properties['pid']).toBe(String(winners[0]?.pid));
    await catalog.close();
  });
});
