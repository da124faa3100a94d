import type { TableDefinition } from '@hive-batch/catalog';

/**
 * How a CTAS protects readers from a failed job:
 * - `atomic` (default; FLIP-305, Spark StagedTable): write to a job-scoped staging directory, then register
 *   the table and move the data into place in one metastore transaction. Nobody sees a half-written table.
 * - `drop-on-failure` (FLIP-218 level 2): create the table first, owned by the job; drop it and its data
 *   if the job fails or is canceled.
 */
export type CtasMode = 'atomic' | 'drop-on-failure';

/**
 * Journal states. `PENDING → COMMITTING → COMMITTED` (atomic), `PENDING → COMMITTED` (drop-on-failure),
 * `… → ABORTING → ABORTED`, and `CLEANUP_FAILED` when an abort must be retried.
 */
export type CtasState = 'PENDING' | 'COMMITTING' | 'COMMITTED' | 'ABORTING' | 'ABORTED' | 'CLEANUP_FAILED';

/** The process that runs a CTAS, so recovery leaves the work of a live process alone. */
export interface CtasOwner {
  readonly host: string;
  readonly pid: number;
}

/**
 * Everything the commit hook needs, as plain JSON (no closures, no handles), so a restarted coordinator
 * can rebuild the hook from the journal and finish the work.
 */
export interface CtasDescriptor {
  readonly kind: 'ctas';
  readonly version: 1;
  readonly jobId: string;
  readonly mode: CtasMode;
  readonly ifNotExists: boolean;
  /** The table to create, with its final location and the owner-token property set. */
  readonly table: TableDefinition & { readonly location: string };
  /** Job-scoped staging directory (atomic mode), else `null`. */
  readonly stagingLocation: string | null;
  readonly owner: CtasOwner;
}
