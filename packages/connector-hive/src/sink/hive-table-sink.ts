import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import {
  HiveBatchError,
  HiveTypes,
  castValue,
  getRow,
  type ColumnBatch,
  type Field,
  type TextSerDeOptions,
  textSerDeOptionsFromProperties,
} from '@hive-batch/core';
import type { Catalog, Partition, Statistics, Table, TableId } from '@hive-batch/catalog';
import type { FileSystem } from '../fs/file-system';
import { createLocalFileSystem } from '../fs/local-file-system';
import { makePartitionPath, parsePartitionPath } from '../layout/hive-paths';
import type { HiveFileFormat } from '../planning/hive-split';
import { listPartitionFiles } from '../planning/split-planner';
import { fileFormatOf } from '../source/load-hive-table';
import { createDataFileWriter, type DataFileWriter } from '../write/file-writer';
import { compactPartition, type CompactionOptions, type StagedFile } from './compact-partition';
import { finishSinkCommit, SUCCESS_FILE } from './finish-sink-commit';
import { SINK_JOURNAL_KIND, type PublishedPartition, type SinkJournalPayload } from './sink-journal';

/** Options of {@link HiveTableSink.open}. */
export interface HiveTableSinkOptions {
  readonly catalog: Catalog;
  /** Defaults to the local disk. */
  readonly fileSystem?: FileSystem;
  readonly table: TableId;
  /** INSERT OVERWRITE (replace the written partitions, or the table) instead of INSERT INTO. Defaults to `false`. */
  readonly overwrite?: boolean;
  /**
   * Static partition values (`PARTITION (ds='x', hr)`): keys given here are fixed, the remaining (trailing) keys
   * are dynamic and come from the last columns of each row. Defaults to all keys dynamic.
   */
  readonly staticPartition?: Readonly<Record<string, string | null>>;
  /** Job id used in file and directory names. Defaults to a random UUID. */
  readonly jobId?: string;
  /** Data files open at once per task writer (dynamic partitions); the least recently used is closed. Defaults to `100`. */
  readonly maxOpenWriters?: number;
  /** Group each batch's rows by partition before writing (fewer, larger files). Defaults to `true`. */
  readonly sortByPartition?: boolean;
  /** A data file is closed and a new one started at this size. Bytes. Defaults to `128 MiB`. */
  readonly targetFileBytes?: number;
  /** Small-file compaction before commit. Defaults to enabled with `targetFileBytes` as target. */
  readonly compaction?: CompactionOptions;
  /** Gzip TEXTFILE output (`.gz` files). Defaults to `false`. */
  readonly gzip?: boolean;
  /** Rows per parquet row group. Rows. Defaults to `100000`. */
  readonly rowGroupRows?: number;
}

/** What a task attempt wrote; passed to {@link HiveTableSink.commit} for the winning attempts. */
export interface TaskCommitMessage {
  readonly subtask: number;
  readonly attempt: number;
  readonly files: readonly StagedFile[];
}

function join(a: string, b: string): string {
  if (b === '') return a;
  return a.endsWith('/') ? a + b : `${a}/${b}`;
}

function dirname(p: string): string {
  const i = p.replace(/\/+$/, '').lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

/**
 * Writes a Hive table (TEXTFILE or PARQUET) through a staging directory and commits atomically:
 *
 * 1. `open` journals the job (`WRITING`) in the catalog and picks `<parent>/.hive-staging_<table>_<jobId>`.
 * 2. Each task attempt writes into its own attempt directory (`createWriter(subtask, attempt)`).
 * 3. `commit(winners)` deletes the losing attempts' files, compacts small files, writes `_SUCCESS` per
 *    partition, journals `COMMITTING` with the partitions and statistics, then {@link finishSinkCommit} moves
 *    data into place (overwrite: old → trash, staged → target) and registers partitions and statistics.
 *
 * After a crash, {@link recoverHiveSinkJobs} finishes COMMITTING jobs and removes WRITING ones, so a reader
 * sees old data or new data only.
 */
export class HiveTableSink {
  readonly catalog: Catalog;
  readonly fileSystem: FileSystem;
  readonly table: Table;
  readonly format: HiveFileFormat;
  readonly jobId: string;
  readonly overwrite: boolean;
  readonly staging: string;
  readonly trash: string;
  readonly options: HiveTableSinkOptions;
  /** Values of the static keys in key order; `undefined` for dynamic keys. */
  readonly staticValues: readonly (string | null | undefined)[];
  /** Columns each row must have: data columns then the dynamic partition keys. */
  readonly inputColumns: readonly Field[];
  readonly serde: TextSerDeOptions;
  #state: 'open' | 'committed' | 'aborted' = 'open';

  private constructor(options: HiveTableSinkOptions, table: Table, fs: FileSystem) {
    this.options = options;
    this.catalog = options.catalog;
    this.fileSystem = fs;
    this.table = table;
    this.format = fileFormatOf(table);
    this.jobId = options.jobId ?? randomUUID();
    if (!/^[A-Za-z0-9_-]+$/.test(this.jobId))
      throw new HiveBatchError('INVALID_ARGUMENT', `Bad job id ${this.jobId}`);
    this.overwrite = options.overwrite === true;
    const parent = dirname(table.location);
    this.staging = join(parent, `.hive-staging_${table.id.table}_${this.jobId}`);
    this.trash = join(parent, `.hive-trash_${table.id.table}_${this.jobId}`);
    const given = options.staticPartition ?? {};
    const lower = new Map(Object.entries(given).map(([k, v]) => [k.toLowerCase(), v]));
    for (const k of lower.keys()) {
      if (!table.partitionKeys.some((p) => p.name.toLowerCase() === k)) {
        throw new HiveBatchError('COLUMN_NOT_FOUND', `${k} is not a partition column of ${table.id.table}`);
      }
    }
    this.staticValues = table.partitionKeys.map((k) =>
      lower.has(k.name.toLowerCase()) ? (lower.get(k.name.toLowerCase()) ?? null) : undefined,
    );
    // Hive: static keys must come before dynamic ones.
    let seenDynamic = false;
    for (const v of this.staticValues) {
      if (v === undefined) seenDynamic = true;
      else if (seenDynamic)
        throw new HiveBatchError('SEMANTIC_ERROR', 'Dynamic partition keys must follow the static ones');
    }
    this.inputColumns = [
      ...table.columns,
      ...table.partitionKeys.filter((_, i) => this.staticValues[i] === undefined),
    ];
    this.serde = textSerDeOptionsFromProperties(table.storage.serdeProperties);
  }

  /**
   * Starts a sink job.
   *
   * @throws {HiveBatchError} `TABLE_NOT_FOUND`, `COLUMN_NOT_FOUND`, `SEMANTIC_ERROR`, `UNSUPPORTED_OPERATION`
   */
  static async open(options: HiveTableSinkOptions): Promise<HiveTableSink> {
    const table = await options.catalog.getTable(options.table);
    const sink = new HiveTableSink(options, table, options.fileSystem ?? createLocalFileSystem());
    await sink.catalog.writeJournal({
      entry: {
        id: sink.#journalId,
        kind: SINK_JOURNAL_KIND,
        state: 'WRITING',
        payload: sink.#payload([], null),
      },
      expectState: null,
    });
    await sink.fileSystem.mkdirs(sink.staging);
    return sink;
  }

  get #journalId(): string {
    return `${SINK_JOURNAL_KIND}:${this.jobId}`;
  }

  #payload(
    partitions: PublishedPartition[],
    tableStats: SinkJournalPayload['tableStats'],
  ): SinkJournalPayload {
    return {
      jobId: this.jobId,
      database: this.table.id.database,
      table: this.table.id.table,
      tableLocation: this.table.location,
      staging: this.staging,
      trash: this.trash,
      overwrite: this.overwrite,
      host: hostname(),
      pid: process.pid,
      partitions,
      tableStats,
    };
  }

  /** The attempt directory of a task attempt (speculative attempts never share files). */
  attemptDir(subtask: number, attempt: number): string {
    return join(this.staging, `attempt-${subtask}-${attempt}`);
  }

  /** A writer for one task attempt. */
  createWriter(subtask: number, attempt: number): HiveTaskWriter {
    if (this.#state !== 'open')
      throw new HiveBatchError('COMMIT_CONFLICT', `Sink job ${this.jobId} is ${this.#state}`);
    return new HiveTaskWriter(this, subtask, attempt);
  }

  /** @internal A data file writer for this table. */
  newFileWriter(): DataFileWriter {
    return createDataFileWriter({
      format: this.format,
      columns: this.table.columns,
      serde: this.serde,
      gzip: this.options.gzip === true,
      ...(this.options.rowGroupRows != null ? { rowGroupRows: this.options.rowGroupRows } : {}),
    });
  }

  /** @internal File extension of data files. */
  get extension(): string {
    return this.format === 'PARQUET' ? '.parquet' : this.options.gzip === true ? '.gz' : '';
  }

  /**
   * Commits the winning attempts' files (one message per subtask). Every other attempt directory is deleted.
   *
   * @throws {HiveBatchError} `COMMIT_CONFLICT` when the job already ended or two winners share a subtask;
   *   `COMMIT_FAILED` when publishing fails (the journal lets recovery finish it)
   */
  async commit(winners: readonly TaskCommitMessage[]): Promise<readonly PublishedPartition[]> {
    if (this.#state !== 'open')
      throw new HiveBatchError('COMMIT_CONFLICT', `Sink job ${this.jobId} is ${this.#state}`);
    const subtasks = new Set<number>();
    for (const w of winners) {
      if (subtasks.has(w.subtask))
        throw new HiveBatchError('COMMIT_CONFLICT', `Two winners for subtask ${w.subtask}`);
      subtasks.add(w.subtask);
    }
    const fs = this.fileSystem;
    // Losers (speculative or failed attempts) are deleted; only winners' files are published.
    const keep = new Set(winners.map((w) => this.attemptDir(w.subtask, w.attempt)));
    for (const e of (await fs.list(this.staging)) ?? []) {
      if (e.path.slice(e.path.lastIndexOf('/') + 1).startsWith('attempt-') && !keep.has(e.path))
        await fs.delete(e.path);
    }
    // Gather files per partition into <staging>/final/<partition>.
    const byPartition = new Map<string, StagedFile[]>();
    const staticPath = this.#staticOnlyPath();
    if (staticPath != null) byPartition.set(staticPath, []); // an empty static partition is still published
    const finalDir = join(this.staging, 'final');
    for (const w of winners) {
      for (const f of w.files) {
        const name = f.path.slice(f.path.lastIndexOf('/') + 1);
        const dest = join(join(finalDir, f.partition), name);
        await fs.rename(f.path, dest);
        const list = byPartition.get(f.partition) ?? [];
        list.push({ ...f, path: dest });
        byPartition.set(f.partition, list);
      }
    }
    const keys = this.table.partitionKeys.map((k) => k.name);
    const published: PublishedPartition[] = [];
    // Existing partitions may live anywhere (ALTER TABLE … SET LOCATION, external tables): write there.
    const existing = new Map<string, Partition>();
    if (keys.length > 0) {
      for (const p of await this.catalog.listPartitions(this.table.id)) existing.set(p.name, p);
    }
    const compaction = {
      targetFileBytes: this.options.targetFileBytes ?? 128 * 1024 * 1024,
      ...this.options.compaction,
    };
    for (const [path, files] of [...byPartition.entries()].sort((a, b) =>
      a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0,
    )) {
      const dir = join(finalDir, path);
      await fs.mkdirs(dir);
      const compacted = await compactPartition(this, { dir, files }, compaction);
      await fs.writeFile(join(dir, SUCCESS_FILE), new Uint8Array(0));
      const numRows = compacted.reduce((a, f) => a + f.numRows, 0);
      const rawDataSize = compacted.reduce((a, f) => a + f.rawDataSize, 0);
      const old = existing.get(path);
      published.push({
        path,
        values: path === '' ? [] : parsePartitionPath(keys, path),
        numFiles: compacted.length,
        numRows,
        totalSize: compacted.reduce((a, f) => a + f.bytes, 0),
        rawDataSize,
        location: old?.location ?? join(this.table.location, path),
        after:
          old == null || this.overwrite
            ? { numRows, rawDataSize }
            : await this.#rowsAfterInsertInto(old, numRows, rawDataSize),
      });
    }
    let tableStats: SinkJournalPayload['tableStats'] = null;
    if (keys.length === 0) {
      const mine = published[0] ?? { numFiles: 0, numRows: 0, totalSize: 0, rawDataSize: 0 };
      const old = this.table.statistics;
      const add = (a: number | undefined, b: number): number => (this.overwrite ? b : (a ?? 0) + b);
      tableStats = {
        numFiles: add(old.numFiles, mine.numFiles),
        numRows: add(old.numRows, mine.numRows),
        totalSize: add(old.totalSize, mine.totalSize),
        rawDataSize: add(old.rawDataSize, mine.rawDataSize),
      };
      if (published.length === 0)
        published.push({ path: '', values: [], ...mine, location: this.table.location });
    }
    const payload = this.#payload(published, tableStats);
    await this.catalog.writeJournal({
      entry: { id: this.#journalId, kind: SINK_JOURNAL_KIND, state: 'COMMITTING', payload },
      expectState: 'WRITING',
    });
    this.#state = 'committed';
    try {
      await finishSinkCommit(this.catalog, fs, payload);
    } catch (e) {
      throw new HiveBatchError(
        'COMMIT_FAILED',
        `Publishing sink job ${this.jobId} failed; recovery will finish it`,
        { cause: e },
      );
    }
    return published;
  }

  /** Abandons the job: deletes the staging directory and journals ABORTED. Safe to call twice. */
  async abort(): Promise<void> {
    if (this.#state === 'committed')
      throw new HiveBatchError('COMMIT_CONFLICT', `Sink job ${this.jobId} is committed`);
    this.#state = 'aborted';
    await this.fileSystem.delete(this.staging);
    await this.catalog.writeJournal({
      entry: {
        id: this.#journalId,
        kind: SINK_JOURNAL_KIND,
        state: 'ABORTED',
        payload: this.#payload([], null),
      },
    });
  }

  /**
   * Row statistics of an existing partition after INSERT INTO adds `numRows`/`rawDataSize` to it. An old count the
   * catalog does not have is zero when the partition holds no data files yet, else unknown (left out).
   */
  async #rowsAfterInsertInto(
    old: Partition,
    numRows: number,
    rawDataSize: number,
  ): Promise<NonNullable<PublishedPartition['after']>> {
    const stats: Statistics = old.statistics;
    let empty: boolean | undefined;
    const isEmpty = async (): Promise<boolean> =>
      (empty ??= (await listPartitionFiles(this.fileSystem, old.location)).length === 0);
    const plus = async (before: number | undefined, added: number): Promise<number | undefined> =>
      before != null ? before + added : (await isEmpty()) ? added : undefined;
    const rows = await plus(stats.numRows, numRows);
    const raw = await plus(stats.rawDataSize, rawDataSize);
    return { ...(rows != null ? { numRows: rows } : {}), ...(raw != null ? { rawDataSize: raw } : {}) };
  }

  #staticOnlyPath(): string | null {
    if (this.table.partitionKeys.length === 0) return '';
    if (this.staticValues.some((v) => v === undefined)) return null;
    return makePartitionPath(
      this.table.partitionKeys.map((k) => k.name),
      this.staticValues.map((v) => v ?? null),
    );
  }
}

interface OpenFile {
  readonly partition: string;
  readonly writer: DataFileWriter;
}

/** Writes one task attempt's rows into data files under its attempt directory. */
export class HiveTaskWriter {
  readonly #sink: HiveTableSink;
  readonly subtask: number;
  readonly attempt: number;
  readonly #open = new Map<string, OpenFile>();
  readonly #files: StagedFile[] = [];
  #seq = 0;
  #closed = false;

  constructor(sink: HiveTableSink, subtask: number, attempt: number) {
    this.#sink = sink;
    this.subtask = subtask;
    this.attempt = attempt;
  }

  #partitionOf(row: readonly unknown[]): string {
    const sink = this.#sink;
    const keys = sink.table.partitionKeys;
    if (keys.length === 0) return '';
    let d = sink.table.columns.length;
    const values = keys.map((k, i) => {
      const s = sink.staticValues[i];
      if (s !== undefined) return s;
      const v = row[d++];
      return v == null ? null : (castValue(v as never, k.type, HiveTypes.string) as string | null);
    });
    return makePartitionPath(
      keys.map((k) => k.name),
      values,
    );
  }

  async #flush(partition: string): Promise<void> {
    const f = this.#open.get(partition);
    if (f == null) return;
    this.#open.delete(partition);
    const done = f.writer.finish();
    const sink = this.#sink;
    const name = `part-${String(this.subtask).padStart(5, '0')}-${this.attempt}-${sink.jobId}-${this.#seq++}${sink.extension}`;
    const path = join(join(sink.attemptDir(this.subtask, this.attempt), partition), name);
    await sink.fileSystem.writeFile(path, done.bytes);
    this.#files.push({
      partition,
      path,
      bytes: done.bytes.length,
      numRows: done.numRows,
      rawDataSize: done.rawDataSize,
    });
  }

  /**
   * Appends a batch whose columns are the table's data columns followed by the dynamic partition keys.
   *
   * @throws {HiveBatchError} `INVALID_ARGUMENT` when the batch has the wrong number of columns
   */
  async write(batch: ColumnBatch): Promise<void> {
    if (this.#closed) throw new HiveBatchError('COMMIT_CONFLICT', 'The task writer is closed');
    const sink = this.#sink;
    if (batch.columns.length !== sink.inputColumns.length) {
      throw new HiveBatchError(
        'INVALID_ARGUMENT',
        `Batch has ${batch.columns.length} columns, the sink expects ${sink.inputColumns.length}`,
      );
    }
    const rows: { p: string; row: unknown[] }[] = [];
    for (let i = 0; i < batch.numRows; i++) {
      const row = getRow(batch, i);
      rows.push({ p: this.#partitionOf(row), row });
    }
    if (sink.options.sortByPartition !== false) rows.sort((a, b) => (a.p < b.p ? -1 : a.p > b.p ? 1 : 0));
    const maxOpen = sink.options.maxOpenWriters ?? 100;
    const target = sink.options.targetFileBytes ?? 128 * 1024 * 1024;
    const nData = sink.table.columns.length;
    for (const { p, row } of rows) {
      let f = this.#open.get(p);
      if (f == null) {
        while (this.#open.size >= maxOpen) {
          const lru = this.#open.keys().next();
          if (lru.done === true) break;
          await this.#flush(lru.value);
        }
        f = { partition: p, writer: sink.newFileWriter() };
      } else this.#open.delete(p); // re-inserted below: Map order is the LRU order
      this.#open.set(p, f);
      f.writer.append(row.slice(0, nData));
      if (f.writer.estimatedBytes >= target) await this.#flush(p);
    }
  }

  /** Closes all open files and returns what this attempt wrote. */
  async close(): Promise<TaskCommitMessage> {
    if (!this.#closed) {
      for (const p of [...this.#open.keys()]) await this.#flush(p);
      this.#closed = true;
    }
    return { subtask: this.subtask, attempt: this.attempt, files: [...this.#files] };
  }

  /** Drops everything this attempt wrote. */
  async abort(): Promise<void> {
    this.#closed = true;
    this.#open.clear();
    await this.#sink.fileSystem.delete(this.#sink.attemptDir(this.subtask, this.attempt));
  }
}
