import { hostname } from 'node:os';
import type { Catalog } from '@hive-batch/catalog';
import type { FileSystem } from '../fs/file-system';
import { createLocalFileSystem } from '../fs/local-file-system';
import { finishSinkCommit } from './finish-sink-commit';
import { SINK_JOURNAL_KIND, type SinkJournalPayload } from './sink-journal';

/** Options of {@link recoverHiveSinkJobs}. */
export interface RecoverHiveSinkJobsOptions {
  readonly catalog: Catalog;
  /** Defaults to the local disk. */
  readonly fileSystem?: FileSystem;
  /** Also recover jobs whose process still runs on this host or runs on another host. Defaults to `false`. */
  readonly includeLiveJobs?: boolean;
}

/** What {@link recoverHiveSinkJobs} did. */
export interface HiveSinkRecoveryReport {
  /** Jobs found COMMITTING and finished. */
  readonly committed: string[];
  /** Jobs found WRITING and rolled back. */
  readonly aborted: string[];
  /** Jobs skipped because their process is alive. */
  readonly skipped: string[];
}

function alive(payload: SinkJournalPayload): boolean {
  // Another host's process cannot be checked: treat it as live, as CTAS recovery does.
  if (payload.host !== hostname()) return true;
  if (payload.pid === process.pid) return true;
  try {
    process.kill(payload.pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

/**
 * Run at engine start: finishes sink jobs that crashed while COMMITTING (the commit decision was made, so it is
 * rolled forward) and rolls back those that crashed while WRITING (staging deleted, journal ABORTED). Readers
 * then see either the old or the new data of every interrupted INSERT.
 *
 * Jobs of a live process on this host, and of other hosts (liveness unknown), are skipped unless
 * `includeLiveJobs` is set.
 */
export async function recoverHiveSinkJobs(
  options: RecoverHiveSinkJobsOptions,
): Promise<HiveSinkRecoveryReport> {
  const fs = options.fileSystem ?? createLocalFileSystem();
  const report: HiveSinkRecoveryReport = { committed: [], aborted: [], skipped: [] };
  for (const entry of await options.catalog.listJournal(SINK_JOURNAL_KIND)) {
    if (entry.state !== 'WRITING' && entry.state !== 'COMMITTING') continue;
    const payload = entry.payload as unknown as SinkJournalPayload;
    if (options.includeLiveJobs !== true && alive(payload)) {
      report.skipped.push(payload.jobId);
      continue;
    }
    if (entry.state === 'COMMITTING') {
      await finishSinkCommit(options.catalog, fs, payload);
      report.committed.push(payload.jobId);
    } else {
      await fs.delete(payload.staging);
      await options.catalog.writeJournal({ entry: { ...entry, state: 'ABORTED' }, expectState: 'WRITING' });
      report.aborted.push(payload.jobId);
    }
  }
  return report;
}
