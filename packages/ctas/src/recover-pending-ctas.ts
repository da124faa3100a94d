import type { Catalog } from '@hive-batch/catalog';
import { CtasCommitHook } from './ctas-commit-hook';
import type { CtasFileSystem } from './ctas-file-system';
import { NODE_FILE_SYSTEM } from './ctas-file-system';
import { isOwnerAlive } from './internal/active-jobs';
import { CTAS_JOURNAL_KIND, readJournalEntry } from './internal/journal';

/** Options of {@link recoverPendingCtas}. */
export interface RecoverPendingCtasOptions {
  /** Defaults to the local filesystem. */
  readonly fileSystem?: CtasFileSystem;
}

/** What {@link recoverPendingCtas} did, by job id. */
export interface CtasRecoveryReport {
  /** Finished jobs whose commit was completed: their tables now exist with all rows. */
  readonly committed: string[];
  /** Unfinished or failed jobs whose leftovers were removed. */
  readonly aborted: string[];
  /** Jobs whose process is still alive (this one, or another on this host); left alone. */
  readonly skipped: string[];
  /** Jobs whose recovery failed again; still journalled, retried on the next call. */
  readonly failed: { readonly jobId: string; readonly error: unknown }[];
}

/**
 * Finishes the CTAS work a crashed process left in the journal: a job that had finished (`COMMITTING`) is
 * committed, anything else unfinished (`PENDING`, `ABORTING`, `CLEANUP_FAILED`) is aborted. Afterwards each
 * target is either the complete table or absent. Run it at every engine start; it is idempotent.
 *
 * @example
 * ```ts
 * const report = await recoverPendingCtas(catalog);
 * if (report.failed.length > 0) console.warn('CTAS cleanup still pending', report.failed);
 * ```
 */
export async function recoverPendingCtas(
  catalog: Catalog,
  options: RecoverPendingCtasOptions = {},
): Promise<CtasRecoveryReport> {
  const report: CtasRecoveryReport = { committed: [], aborted: [], skipped: [], failed: [] };
  for (const entry of await catalog.listJournal(CTAS_JOURNAL_KIND)) {
    if (entry.state === 'COMMITTED' || entry.state === 'ABORTED') continue;
    let jobId = entry.id;
    try {
      const { state, payload } = readJournalEntry(entry);
      const d = payload.descriptor;
      jobId = d.jobId;
      if (isOwnerAlive(d.owner, d.jobId)) {
        report.skipped.push(jobId);
        continue;
      }
      const hook = new CtasCommitHook(d, catalog, options.fileSystem ?? NODE_FILE_SYSTEM);
      if (state === 'COMMITTING') {
        const outcome = await hook.resumeCommit().catch(async (e: unknown) => {
          // A lost commit has been aborted by the hook already; the target is absent, which is an outcome.
          if ((await catalog.readJournal(entry.id))?.state === 'ABORTED') return 'ABORTED' as const;
          throw e;
        });
        (outcome === 'COMMITTED' ? report.committed : report.aborted).push(jobId);
      } else {
        await hook.abort();
        report.aborted.push(jobId);
      }
    } catch (error) {
      report.failed.push({ jobId, error });
    }
  }
  return report;
}
