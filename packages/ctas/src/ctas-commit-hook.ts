import path from 'node:path';
import { HiveBatchError, isHiveBatchError } from '@hive-batch/core';
import type { Catalog } from '@hive-batch/catalog';
import type { CtasDescriptor, CtasState } from './ctas-descriptor';
import type { CtasFileSystem } from './ctas-file-system';
import { NODE_FILE_SYSTEM } from './ctas-file-system';
import { directoryStatistics, withRows } from './internal/directory-statistics';
import type { CtasJournalPayload } from './internal/journal';
import { journalEntry, journalId, readJournalEntry } from './internal/journal';
import { addSuppressedError } from './internal/suppressed';

/** What the commit of a CTAS did. */
export type CtasCommitOutcome = 'COMMITTED' | 'SKIPPED_EXISTS';

function describe(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

/**
 * The coordinator-side commit hook of one CTAS (Flink's JobStatusHook, in our words):
 * `onCreated → onFinished | onFailed | onCanceled`. Every step is journalled in the catalog, so the hook can
 * be rebuilt from its {@link CtasDescriptor} after a crash; `onCreated` and `abort` are idempotent, and commit
 * and abort exclude each other through compare-and-set on the journal state.
 *
 * @example
 * ```ts
 * const hook = new CtasCommitHook(descriptor, catalog);
 * await hook.onCreated();
 * try { await job(); } catch (e) { await hook.onFailed(e); throw e; }
 * await hook.onFinished({ numRows: 10 });
 * ```
 */
export class CtasCommitHook {
  /** Plain data describing the CTAS; what {@link recoverPendingCtas} rebuilds the hook from. */
  readonly descriptor: CtasDescriptor;
  readonly #catalog: Catalog;
  readonly #fs: CtasFileSystem;
  /** Set once this hook has renamed the staging directory to the final location. */
  #moved = false;

  constructor(descriptor: CtasDescriptor, catalog: Catalog, fileSystem: CtasFileSystem = NODE_FILE_SYSTEM) {
    this.descriptor = descriptor;
    this.#catalog = catalog;
    this.#fs = fileSystem;
  }

  #payload(extra: Partial<CtasJournalPayload> = {}): CtasJournalPayload {
    return { descriptor: this.descriptor, attempts: 0, lastError: null, removeFinal: false, ...extra };
  }

  async #read(): Promise<{ state: CtasState; payload: CtasJournalPayload } | undefined> {
    const e = await this.#catalog.readJournal(journalId(this.descriptor.jobId));
    return e == null ? undefined : readJournalEntry(e);
  }

  async #transition(from: CtasState, to: CtasState, payload: CtasJournalPayload): Promise<void> {
    await this.#catalog.writeJournal({ entry: journalEntry(to, payload), expectState: from });
  }

  /**
   * The job was accepted: journal it and prepare the write location (atomic: the staging directory;
   * drop-on-failure: create the owned table). Repeating it for the same job is harmless.
   *
   * @returns `SKIPPED_EXISTS` when IF NOT EXISTS found the table already there (drop-on-failure mode); the
   *   job must then not run.
   * @throws {HiveBatchError} `TABLE_ALREADY_EXISTS`, `COMMIT_CONFLICT` (the job already ended), catalog errors.
   */
  async onCreated(): Promise<'CREATED' | 'SKIPPED_EXISTS'> {
    const d = this.descriptor;
    const current = await this.#read();
    if (current != null && current.state !== 'PENDING') {
      throw new HiveBatchError('COMMIT_CONFLICT', `CTAS ${d.jobId} already ended in state ${current.state}`);
    }
    if (d.mode === 'atomic') {
      if (current == null) {
        await this.#catalog.writeJournal({
          entry: journalEntry('PENDING', this.#payload()),
          expectState: null,
        });
      }
      this.#fs.mkdirp(this.#staging());
      return 'CREATED';
    }
    if (current == null) {
      try {
        await this.#catalog.createTable(d.table, {
          journal: { entry: journalEntry('PENDING', this.#payload()), expectState: null },
        });
      } catch (e) {
        if (d.ifNotExists && isHiveBatchError(e) && e.code === 'TABLE_ALREADY_EXISTS')
          return 'SKIPPED_EXISTS';
        throw e;
      }
    }
    this.#fs.mkdirp(d.table.location);
    return 'CREATED';
  }

  /**
   * The job finished: make the table visible with its data (atomic), or keep it (drop-on-failure), and record
   * the statistics. If the commit fails the hook aborts, and the error is thrown.
   *
   * @param result - What the job reported; `numRows` goes into the table statistics.
   * @returns `SKIPPED_EXISTS` when IF NOT EXISTS lost the race to another creator (the staged data is removed).
   * @throws {HiveBatchError} `TABLE_ALREADY_EXISTS` when another creator won, `COMMIT_FAILED` otherwise, with any
   *   cleanup failure attached through {@link getSuppressedErrors}; `COMMIT_CONFLICT` if the job was aborted.
   */
  async onFinished(result: { readonly numRows?: number } = {}): Promise<CtasCommitOutcome> {
    const d = this.descriptor;
    // Committing twice has the effect of committing once; a job that was aborted can never commit.
    const current = await this.#read();
    if (current?.state === 'COMMITTED') return 'COMMITTED';
    if (current?.state !== 'PENDING') {
      throw new HiveBatchError(
        'COMMIT_CONFLICT',
        `CTAS ${d.jobId} cannot commit in state ${String(current?.state)}`,
      );
    }
    if (d.mode === 'atomic') {
      try {
        await this.#transition('PENDING', 'COMMITTING', this.#payload());
      } catch (e) {
        throw await this.#abortAfter(this.#commitError(e));
      }
      return this.#commitAtomic(result.numRows);
    }
    try {
      const stats = withRows(directoryStatistics(this.#fs, d.table.location), result.numRows);
      await this.#catalog.alterTable(d.table.id, { statistics: stats });
      await this.#transition('PENDING', 'COMMITTED', this.#payload());
      return 'COMMITTED';
    } catch (e) {
      throw await this.#abortAfter(this.#commitError(e));
    }
  }

  /** The job failed: remove what it created. @throws {HiveBatchError} `CLEANUP_FAILED` (journalled for retry) */
  async onFailed(_cause: unknown): Promise<void> {
    await this.abort();
  }

  /** The job was canceled: remove what it created. @throws {HiveBatchError} `CLEANUP_FAILED` (journalled for retry) */
  async onCanceled(): Promise<void> {
    await this.abort();
  }

  /**
   * Completes a commit left in `COMMITTING` by a crashed process: the job had finished, so its data is
   * complete, either still staged or already moved into place.
   * @throws as {@link CtasCommitHook.onFinished}
   */
  async resumeCommit(): Promise<CtasCommitOutcome> {
    const current = await this.#read();
    if (current?.state === 'COMMITTED') return 'COMMITTED';
    if (current?.state !== 'COMMITTING') {
      throw new HiveBatchError('COMMIT_CONFLICT', `CTAS ${this.descriptor.jobId} is not committing`);
    }
    return this.#commitAtomic(undefined);
  }

  #staging(): string {
    const s = this.descriptor.stagingLocation;
    if (s == null)
      throw new HiveBatchError('INVALID_ARGUMENT', `CTAS ${this.descriptor.jobId} has no staging location`);
    return s;
  }

  #commitError(e: unknown): unknown {
    if (isHiveBatchError(e) && (e.code === 'TABLE_ALREADY_EXISTS' || e.code === 'COMMIT_FAILED')) return e;
    return new HiveBatchError(
      'COMMIT_FAILED',
      `Commit of CTAS ${this.descriptor.jobId} failed: ${describe(e)}`,
      {
        cause: e,
      },
    );
  }

  /** Aborts after a failed commit; the commit error stays the reported one. */
  async #abortAfter(error: unknown): Promise<unknown> {
    try {
      await this.abort();
    } catch (cleanup) {
      addSuppressedError(error, cleanup);
    }
    return error;
  }

  async #commitAtomic(numRows: number | undefined): Promise<CtasCommitOutcome> {
    const d = this.descriptor;
    const staging = this.#staging();
    const final = d.table.location;
    // A crashed commit may already have moved the data; then only the registration is left to do.
    const alreadyMoved = this.#fs.stat(staging) == null && this.#fs.stat(final) != null;
    try {
      const stats = withRows(directoryStatistics(this.#fs, alreadyMoved ? final : staging), numRows);
      await this.#catalog.createTable(
        { ...d.table, statistics: stats },
        {
          journal: { entry: journalEntry('COMMITTED', this.#payload()), expectState: 'COMMITTING' },
          inTransaction: () => {
            if (!alreadyMoved) this.#moveIntoPlace(staging, final);
          },
        },
      );
      return 'COMMITTED';
    } catch (e) {
      // The journal is written in the commit's own transaction, so it tells whether the commit happened.
      const after = await this.#read().catch(() => undefined);
      if (after?.state === 'COMMITTED') return 'COMMITTED';
      if (alreadyMoved) this.#moved = true;
      if (d.ifNotExists && isHiveBatchError(e) && e.code === 'TABLE_ALREADY_EXISTS') {
        await this.abort();
        return 'SKIPPED_EXISTS';
      }
      throw await this.#abortAfter(this.#commitError(e));
    }
  }

  #moveIntoPlace(staging: string, final: string): void {
    const existing = this.#fs.list(final);
    if (existing != null) {
      if (existing.length > 0) {
        throw new HiveBatchError('COMMIT_FAILED', `Target location ${final} is not empty`);
      }
      this.#fs.removeEmptyDir(final);
    }
    this.#fs.mkdirp(path.dirname(final));
    this.#fs.rename(staging, final);
    this.#moved = true;
  }

  /**
   * Removes everything this CTAS created: the staging data (atomic) or the table it owns and its data
   * (drop-on-failure), never a table created by anybody else. Idempotent; a no-op once `ABORTED`.
   *
   * @throws {HiveBatchError} `CLEANUP_FAILED` (the journal says `CLEANUP_FAILED`, recovery retries it);
   *   `COMMIT_CONFLICT` if the CTAS was already committed.
   */
  async abort(): Promise<void> {
    const d = this.descriptor;
    const current = await this.#read();
    if (current == null || current.state === 'ABORTED') return;
    if (current.state === 'COMMITTED') {
      throw new HiveBatchError('COMMIT_CONFLICT', `CTAS ${d.jobId} is already committed`);
    }
    const payload = this.#payload({
      attempts: current.payload.attempts,
      lastError: current.payload.lastError,
      removeFinal: current.payload.removeFinal || this.#moved,
    });
    if (current.state !== 'ABORTING' || payload.removeFinal !== current.payload.removeFinal) {
      await this.#transition(current.state, 'ABORTING', payload);
    }
    try {
      if (d.mode === 'atomic') {
        this.#fs.removeTree(this.#staging());
        if (payload.removeFinal) await this.#removeUnownedFinal();
      } else {
        const r = await this.#catalog.dropTable(d.table.id, { ifExists: true, expectOwnerToken: d.jobId });
        // DROPPED deleted the data too; a crash between the metadata drop and the delete leaves ABSENT with files.
        if (r === 'ABSENT') await this.#removeUnownedFinal();
      }
      await this.#transition('ABORTING', 'ABORTED', payload);
    } catch (e) {
      const failed = this.#payload({ ...payload, attempts: payload.attempts + 1, lastError: describe(e) });
      await this.#transition('ABORTING', 'CLEANUP_FAILED', failed).catch(() => undefined);
      throw new HiveBatchError('CLEANUP_FAILED', `Cleanup of CTAS ${d.jobId} failed: ${describe(e)}`, {
        cause: e,
        retryable: true,
      });
    }
  }

  /** Deletes the final location unless a table (ours committed, or somebody else's) now lives there. */
  async #removeUnownedFinal(): Promise<void> {
    const d = this.descriptor;
    const t = await this.#catalog.findTable(d.table.id);
    if (t != null && t.location === d.table.location) return;
    this.#fs.removeTree(d.table.location);
  }
}
