import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSqliteCatalog } from '@hive-batch/catalog';
import type { Catalog } from '@hive-batch/catalog';
import type { CtasMode } from '@hive-batch/ctas';
import { recoverPendingCtas } from '@hive-batch/ctas';
import { mulberry32 } from '@hive-batch/test-utils';
import { expectNothingLeft, expectedRows, readRows, stagingDirs, tempWarehouse } from './helpers';
import { spawnFixture } from './spawn-fixture';

const ID = { database: 'default', table: 'target' };
const FILES = 4;
const ROWS = 5;

function config(warehouse: string, mode: CtasMode, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    warehouse,
    table: 'Target',
    mode,
    files: FILES,
    rowsPerFile: ROWS,
    delayMs: 20,
    ...extra,
  });
}

/** After recovery the target is either the complete table or absent, with nothing else left behind. */
async function expectCompleteOrNothing(catalog: Catalog, warehouse: string): Promise<'complete' | 'nothing'> {
  const t = await catalog.findTable(ID);
  if (t == null) {
    await expectNothingLeft(catalog, ID, warehouse);
    return 'nothing';
  }
  expect(readRows(t.location)).toEqual(expectedRows(FILES, ROWS));
  expect(t.statistics.numFiles).toBe(FILES);
  expect(stagingDirs(warehouse)).toEqual([]);
  expect((await catalog.listJournal('ctas')).map((e) => e.state)).toEqual(['COMMITTED']);
  return 'complete';
}

describe.each<CtasMode>(['atomic', 'drop-on-failure'])('CTAS across processes, %s mode', (mode) => {
  it(
    '8 concurrent processes: exactly one table, one winner, the others TABLE_ALREADY_EXISTS',
    { tags: ['slow'] },
    async () => {
      const warehouse = tempWarehouse();
      const start = path.join(warehouse, 'go');
      const children = await Promise.all(
        Array.from({ length: 8 }, () =>
          spawnFixture('ctas-child', [config(warehouse, mode, { startFile: start })]),
        ),
      );
      while (readdirSync(warehouse).filter((f) => f.startsWith('go.ready.')).length < 8) {
        if (children.some((c) => c.child.exitCode != null)) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      writeFileSync(start, '');
      const runs = await Promise.all(children.map((c) => c.done));
      const outcomes = runs.map((r) => {
        expect(r.stderr).toBe('');
        return JSON.parse(r.stdout.split('\n')[1] ?? '') as { outcome: string; pid: number };
      });
      const winners = outcomes.filter((o) => o.outcome === 'CREATED');
      expect(winners).toHaveLength(1);
      expect(outcomes.filter((o) => o.outcome === 'TABLE_ALREADY_EXISTS')).toHaveLength(7);

      const catalog = createSqliteCatalog({ warehouse });
      expect(await catalog.listTables('default')).toEqual(['target']);
      const t = await catalog.getTable(ID);
      expect(readRows(t.location)).toEqual(expectedRows(FILES, ROWS));
      // Only the winner's files are in the table, and no loser left a staging directory.
      expect(readdirSync(t.location).filter((f) => f.startsWith('_writer_'))).toEqual([
        `_writer_${winners[0]?.pid}`,
      ]);
      expect(stagingDirs(warehouse)).toEqual([]);
      const states = (await catalog.listJournal('ctas')).map((e) => e.state).sort();
      expect(states.filter((s) => s !== 'ABORTED')).toEqual(['COMMITTED']);
      expect((await recoverPendingCtas(catalog)).aborted).toEqual([]);
      await catalog.close();
    },
  );
});

const CRASHES: readonly {
  mode: CtasMode;
  crashAt: string;
  failAfterFiles?: number;
  expected: 'complete' | 'nothing';
}[] = [
  { mode: 'atomic', crashAt: 'after-write-dir', expected: 'nothing' },
  { mode: 'atomic', crashAt: 'before-rename', expected: 'complete' },
  { mode: 'atomic', crashAt: 'after-rename', expected: 'complete' },
  { mode: 'atomic', crashAt: 'during-abort', failAfterFiles: 2, expected: 'nothing' },
  { mode: 'drop-on-failure', crashAt: 'after-write-dir', expected: 'nothing' },
  { mode: 'drop-on-failure', crashAt: 'before-drop', failAfterFiles: 2, expected: 'nothing' },
];

describe('kill -9 during a CTAS, then recoverPendingCtas', () => {
  it.each(CRASHES)('$mode, crash $crashAt → $expected', { tags: ['slow'] }, async (c) => {
    const warehouse = tempWarehouse();
    const run = await (await spawnFixture('ctas-child', [config(warehouse, c.mode, c)])).done;
    expect(run.signal).toBe('SIGKILL');
    const catalog = createSqliteCatalog({ warehouse });
    const report = await recoverPendingCtas(catalog);
    expect(report.failed).toEqual([]);
    expect(await expectCompleteOrNothing(catalog, warehouse)).toBe(c.expected);
    // Recovery is idempotent: a second engine start finds nothing to do.
    expect(await recoverPendingCtas(catalog)).toEqual({
      committed: [],
      aborted: [],
      skipped: [],
      failed: [],
    });
    await catalog.close();
  });

  it('at seeded random points: always the complete table or nothing', { tags: ['slow'] }, async () => {
    const kills = Number(process.env['CTAS_KILL_RUNS'] ?? 10);
    // Seeded PRNG so the kill points are the same on every run of a seed.
    const next = mulberry32(Number(process.env['FC_SEED'] ?? 20261122));
    const seen: string[] = [];
    const one = async (i: number): Promise<void> => {
      const mode: CtasMode = i % 2 === 0 ? 'atomic' : 'drop-on-failure';
      const warehouse = tempWarehouse();
      const child = await spawnFixture('ctas-child', [config(warehouse, mode)]);
      await child.waitFor('READY');
      // A child that died before starting its CTAS would prove nothing.
      expect(child.child.exitCode).toBeNull();
      // The job takes about FILES × 20 ms; the window also covers planning, commit and a finished run.
      await new Promise((r) => setTimeout(r, Math.floor(next() * (FILES * 20 + 80))));
      child.child.kill('SIGKILL');
      const run = await child.done;
      // Killed mid-way, or it had already finished cleanly and printed its outcome.
      expect(run.signal === 'SIGKILL' || run.stdout.includes('"outcome":"CREATED"')).toBe(true);
      expect(run.stderr).toBe('');
      const catalog = createSqliteCatalog({ warehouse });
      const report = await recoverPendingCtas(catalog);
      expect(report.failed).toEqual([]);
      seen.push(await expectCompleteOrNothing(catalog, warehouse));
      await catalog.close();
      expect(existsSync(path.join(warehouse, 'metastore.db'))).toBe(true);
    };
    // Two at a time: CI machines have two cores.
    for (let i = 0; i < kills; i += 2) await Promise.all([one(i), ...(i + 1 < kills ? [one(i + 1)] : [])]);
    expect(seen).toHaveLength(kills);
  });
});
