import { HiveBatchError } from '@hive-batch/core';
import type { Catalog, Statistics } from '@hive-batch/catalog';
import type { FileSystem } from '../fs/file-system';
import { listPartitionFiles } from '../planning/split-planner';
import { SINK_JOURNAL_KIND, type SinkJournalPayload } from './sink-journal';

export const SUCCESS_FILE = '_SUCCESS';

function join(a: string, b: string): string {
  if (b === '') return a;
  return a.endsWith('/') ? a + b : `${a}/${b}`;
}

/**
 * The idempotent second half of a commit, run by the committer and again by recovery after a crash: moves every
 * staged partition into place, registers partitions and statistics, marks the job COMMITTED and removes the
 * staging and trash directories. Each step checks what is already done, so it can be repeated from any point.
 *
 * Overwrite of one partition is two renames (old → trash, staged → target): readers see old data, then new
 * data, and a crash between them leaves state that this function completes.
 */
export async function finishSinkCommit(
  catalog: Catalog,
  fs: FileSystem,
  payload: SinkJournalPayload,
): Promise<void> {
  const id = { database: payload.database, table: payload.table };
  for (const p of payload.partitions) {
    const staged = join(join(payload.staging, 'final'), p.path);
    const target = p.location;
    const stagedStat = await fs.stat(staged);
    if (stagedStat == null) continue; // already moved
    if (payload.overwrite) {
      const trash = join(payload.trash, p.path === '' ? '_table' : p.path);
      if ((await fs.stat(target)) != null) {
        if ((await fs.stat(trash)) != null) {
          throw new HiveBatchError(
            'COMMIT_FAILED',
            `Both ${target} and ${trash} exist while committing job ${payload.jobId}`,
          );
        }
        await fs.rename(target, trash);
      }
      await fs.rename(staged, target);
    } else {
      await fs.mkdirs(target);
      const files = (await fs.list(staged)) ?? [];
      for (const f of files) {
        const name = f.path.slice(f.path.lastIndexOf('/') + 1);
        if (name === SUCCESS_FILE) continue;
        await fs.rename(f.path, join(target, name));
      }
      // The marker goes last, once the partition holds all files.
      await fs.delete(join(target, SUCCESS_FILE));
      const marker = join(staged, SUCCESS_FILE);
      if ((await fs.stat(marker)) != null) await fs.rename(marker, join(target, SUCCESS_FILE));
      await fs.delete(staged);
    }
  }
  for (const p of payload.partitions) {
    if (p.path === '') continue;
    // File statistics come from what the partition directory holds now (robust against concurrent writers and
    // repeated finishes); row statistics are the absolute numbers computed at commit.
    const files = await listPartitionFiles(fs, p.location);
    const after = p.after ?? { numRows: p.numRows, rawDataSize: p.rawDataSize };
    const statistics: Statistics = {
      numFiles: files.length,
      ...(after.numRows != null ? { numRows: after.numRows } : {}),
      totalSize: files.reduce((a, f) => a + f.length, 0),
      ...(after.rawDataSize != null ? { rawDataSize: after.rawDataSize } : {}),
    };
    // An existing partition (INSERT INTO / OVERWRITE into it) gets its statistics replaced, a new one is added.
    const added = await catalog.addPartition(id, { values: p.values, statistics }, { ifNotExists: true });
    if (added === 'EXISTED') await catalog.alterPartition(id, p.values, { statistics });
  }
  if (payload.tableStats != null) await catalog.alterTable(id, { statistics: payload.tableStats });
  // Cleanup comes before the final state so a crash here is retried by recovery.
  await fs.delete(payload.staging);
  await fs.delete(payload.trash);
  await catalog.writeJournal({
    entry: {
      id: `${SINK_JOURNAL_KIND}:${payload.jobId}`,
      kind: SINK_JOURNAL_KIND,
      state: 'COMMITTED',
      payload,
    },
  });
}
