import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { HiveBatchError } from '@hive-batch/core';
import type { Schema } from '@hive-batch/core';
import type { Catalog, StorageDescriptor, TableId } from '@hive-batch/catalog';
import { CTAS_OWNER_PROPERTY, parseTableId } from '@hive-batch/catalog';
import { CtasCommitHook } from './ctas-commit-hook';
import type { CtasDescriptor, CtasMode } from './ctas-descriptor';
import type { CtasFileSystem } from './ctas-file-system';
import { NODE_FILE_SYSTEM } from './ctas-file-system';
import type { QueryColumn } from './derive-ctas-schema';
import { deriveCtasSchema } from './derive-ctas-schema';
import { currentOwner, markActive, markInactive } from './internal/active-jobs';
import { addSuppressedError } from './internal/suppressed';

/** Where and how the CTAS job writes its output. */
export interface CtasWriteTarget {
  readonly table: TableId;
  readonly schema: Schema;
  /** The directory to write data files into (a staging directory in atomic mode). */
  readonly location: string;
  /** The storage format to write (TEXTFILE unless the statement says otherwise). */
  readonly storage: Partial<StorageDescriptor>;
  readonly jobId: string;
  /** Aborted when the CTAS is canceled; the job should stop writing and settle. */
  readonly signal: AbortSignal;
}

/** What a job may report back. */
export interface CtasJobResult {
  /** Rows written; stored as the table's `numRows` statistic. Defaults to unknown. */
  readonly numRows?: number;
}

/** Options of {@link runCtas}. */
export interface CtasOptions {
  readonly catalog: Catalog;
  /** Target table, as an id or `db.table` / `table` (in `default`). */
  readonly table: TableId | string;
  /** The query's output columns; see {@link deriveCtasSchema}. */
  readonly columns: readonly QueryColumn[];
  /** Runs the query and writes its rows as files into `target.location`. */
  readonly job: (target: CtasWriteTarget) => Promise<CtasJobResult | void>;
  /** `CREATE TABLE IF NOT EXISTS … AS`: an existing table makes the statement a no-op. Defaults to `false`. */
  readonly ifNotExists?: boolean;
  /** Defaults to `atomic`. */
  readonly mode?: CtasMode;
  /** `LOCATION`; must be absent or empty. Defaults to `<database location>/<table>`. */
  readonly location?: string;
  /** `STORED AS` / `ROW FORMAT`. Defaults to TEXTFILE with LazySimpleSerDe. */
  readonly storage?: Partial<StorageDescriptor>;
  /** `TBLPROPERTIES`. Defaults to none. */
  readonly properties?: Readonly<Record<string, string>>;
  readonly comment?: string;
  /** See {@link DeriveCtasSchemaOptions.columnAliasPrefix}. Defaults to `_c`. */
  readonly columnAliasPrefix?: string;
  /** Job id, also the owner token and part of the staging path. Defaults to a random UUID. */
  readonly jobId?: string;
  /** Cancels the CTAS: the job is signalled, and once it settles the hook cleans up. Defaults to none. */
  readonly signal?: AbortSignal;
  /** Defaults to the local filesystem. */
  readonly fileSystem?: CtasFileSystem;
}

/** The outcome of a CTAS that did not throw. */
export interface CtasResult {
  /** `SKIPPED_EXISTS`: IF NOT EXISTS found the table; nothing was written. */
  readonly status: 'CREATED' | 'SKIPPED_EXISTS';
  readonly table: TableId;
  readonly jobId: string;
  readonly schema: Schema;
}

/**
 * Runs `CREATE TABLE … AS SELECT`: derives the schema the Hive way, then runs `job` under a
 * {@link CtasCommitHook}. On success the table exists with all the job's rows; on any failure or cancel no
 * table of this statement remains (atomic: none was ever visible) and the job's own error is thrown, with any
 * cleanup failure attached (see {@link getSuppressedErrors}) and journalled for {@link recoverPendingCtas}.
 *
 * @returns `CREATED`, or `SKIPPED_EXISTS` for IF NOT EXISTS on an existing table (the job never runs).
 * @throws {HiveBatchError} `SEMANTIC_ERROR` (schema, non-empty location), `TABLE_ALREADY_EXISTS`,
 *   `DATABASE_NOT_FOUND`, `ABORTED` (canceled), `COMMIT_FAILED`; or whatever the job threw.
 * @example
 * ```ts
 * await runCtas({
 *   catalog,
 *   table: 'default.summary',
 *   columns: [{ name: 'key', type: HiveTypes.string }, { type: HiveTypes.bigint }], // key, _c1
 *   job: async ({ location }) => {
 *     await writeFile(path.join(location, '000000_0'), 'a\u00013\n');
 *     return { numRows: 1 };
 *   },
 * });
 * ```
 */
export async function runCtas(options: CtasOptions): Promise<CtasResult> {
  const { catalog } = options;
  const fs = options.fileSystem ?? NODE_FILE_SYSTEM;
  const id = typeof options.table === 'string' ? parseTableId(options.table) : options.table;
  const table: TableId = { database: id.database.toLowerCase(), table: id.table.toLowerCase() };
  const jobId = options.jobId ?? randomUUID();
  const schema = deriveCtasSchema(options.columns, {
    ...(options.columnAliasPrefix != null ? { columnAliasPrefix: options.columnAliasPrefix } : {}),
  });
  const skipped: CtasResult = { status: 'SKIPPED_EXISTS', table, jobId, schema };

  // Planning checks (Hive fails these at compile time): an existing table, a non-empty LOCATION.
  const db = await catalog.getDatabase(table.database);
  if ((await catalog.findTable(table)) != null) {
    if (options.ifNotExists === true) return skipped;
    throw new HiveBatchError('TABLE_ALREADY_EXISTS', `Table ${table.database}.${table.table} already exists`);
  }
  const location = path.resolve(options.location ?? path.join(db.location, table.table));
  if ((fs.list(location)?.length ?? 0) > 0) {
    throw new HiveBatchError('SEMANTIC_ERROR', `CTAS target location ${location} is not empty`);
  }
  const mode = options.mode ?? 'atomic';
  const descriptor: CtasDescriptor = {
    kind: 'ctas',
    version: 1,
    jobId,
    mode,
    ifNotExists: options.ifNotExists === true,
    table: {
      id: table,
      columns: schema.fields,
      location,
      tableType: 'MANAGED_TABLE',
      ...(options.storage != null ? { storage: options.storage } : {}),
      properties: { ...options.properties, [CTAS_OWNER_PROPERTY]: jobId },
      ...(options.comment != null ? { comment: options.comment } : {}),
    },
    // Beside the final directory so the commit is a rename on one filesystem; hidden like Hive's staging dirs.
    stagingLocation:
      mode === 'atomic'
        ? path.join(path.dirname(location), `.hive-staging_ctas_${path.basename(location)}_${jobId}`)
        : null,
    owner: currentOwner(),
  };

  const hook = new CtasCommitHook(descriptor, catalog, fs);
  markActive(jobId);
  try {
    return await runUnderHook(hook, options, { schema, skipped });
  } finally {
    markInactive(jobId);
  }
}

async function runUnderHook(
  hook: CtasCommitHook,
  options: CtasOptions,
  planned: { readonly schema: Schema; readonly skipped: CtasResult },
): Promise<CtasResult> {
  const d = hook.descriptor;
  const created: CtasResult = { ...planned.skipped, status: 'CREATED' };
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    let primary: unknown;
    let failed = false;
    let result: CtasJobResult | void = undefined;
    try {
      if ((await hook.onCreated()) === 'SKIPPED_EXISTS') return planned.skipped;
      if (controller.signal.aborted) throw canceled(d.jobId, controller.signal.reason);
      result = await options.job({
        table: d.table.id,
        schema: planned.schema,
        location: d.stagingLocation ?? d.table.location,
        storage: d.table.storage ?? {},
        jobId: d.jobId,
        signal: controller.signal,
      });
    } catch (e) {
      failed = true;
      primary = e;
    }
    // A job that ignored the cancel and finished anyway is still canceled: nothing is committed.
    if (!failed && controller.signal.aborted) {
      failed = true;
      primary = canceled(d.jobId, controller.signal.reason);
    }
    if (!failed) {
      const outcome = await hook.onFinished(result ?? {});
      return outcome === 'COMMITTED' ? created : planned.skipped;
    }
    try {
      if (controller.signal.aborted) await hook.onCanceled();
      else await hook.onFailed(primary);
    } catch (cleanup) {
      addSuppressedError(primary, cleanup);
    }
    throw primary;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}

function canceled(jobId: string, reason: unknown): HiveBatchError {
  return new HiveBatchError('ABORTED', `CTAS ${jobId} was canceled`, { cause: reason });
}
