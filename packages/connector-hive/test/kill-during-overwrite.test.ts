import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HiveTypes } from '@hive-batch/core';
import { createSqliteCatalog } from '@hive-batch/catalog';
import {
  createLocalFileSystem,
  HiveSource,
  loadHiveTable,
  recoverHiveSinkJobs,
} from '@hive-batch/connector-hive';
import { spawnBundledFixture } from '@hive-batch/test-utils';
import { runSource } from './helpers';

const ROWS = 20;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'connector-hive-kill-'));
  const catalog = createSqliteCatalog({ warehouse: dir });
  await catalog.createTable({
    id: { database: 'default', table: 't' },
    columns: [
      { name: 'id', type: HiveTypes.int },
      { name: 'gen', type: HiveTypes.int },
    ],
    partitionKeys: [{ name: 'p', type: HiveTypes.int }],
  });
  await catalog.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kill -9 during INSERT OVERWRITE', () => {
  it(
    'recovery leaves one complete generation: old or new data only',
    { tags: ['slow'], timeout: 90_000 },
    async () => {
      const delays = fc.sample(fc.integer({ min: 0, max: 250 }), { numRuns: 8 });
      let lastCommitted = 0;
      let gen = 1;
      for (const delay of delays) {
        const child = await spawnBundledFixture(new URL('.', import.meta.url), 'overwrite-loop', [
          dir,
          String(gen),
          String(ROWS),
        ]);
        await child.waitFor('committed');
        await new Promise((r) => setTimeout(r, delay));
        child.child.kill('SIGKILL');
        const run = await child.done;
        expect(run.signal).toBe('SIGKILL');
        const committed = [...run.stdout.matchAll(/committed (\d+)/g)].map((m) => Number(m[1]));
        const lastPrinted = Math.max(...committed);
        const catalog = createSqliteCatalog({ warehouse: dir });
        await recoverHiveSinkJobs({ catalog });
        const { table, partitions } = await loadHiveTable(catalog, { database: 'default', table: 't' });
        const rows = await runSource(
          new HiveSource({ fileSystem: createLocalFileSystem(), table, partitions }),
          2,
        );
        await catalog.close();
        const gens = new Set(rows.map((r) => r[1]));
        // One generation, complete in every partition: never a mix of old and new files.
        expect(gens.size).toBe(1);
        const seen = [...gens][0] as number;
        expect(rows).toHaveLength(3 * ROWS);
        // It is the last printed commit, or the one in flight when the process died (rolled forward).
        expect([lastPrinted, lastPrinted + 1]).toContain(seen);
        expect(seen).toBeGreaterThanOrEqual(lastCommitted);
        lastCommitted = seen;
        gen = lastPrinted + 2;
        const leftovers =
          (await createLocalFileSystem().list(dir))?.filter((e) => e.path.includes('.hive-')) ?? [];
        expect(leftovers).toEqual([]);
      }
    },
  );
});
