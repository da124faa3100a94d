import { HiveBatchError, type ColumnBatch } from '@hive-batch/core';
import type {
  InputStatus,
  JsonValue,
  ReaderOutput,
  Source,
  SourceReader,
  SourceReaderContext,
  SplitEnumerator,
  SplitEnumeratorContext,
  VersionedSerializer,
} from '@hive-batch/source';
import { plainSerializer } from '../internal/plain-serializer';
import type { FileSystem } from '../fs/file-system';
import { createLocalFileSystem } from '../fs/local-file-system';
import type { HiveSplit, PlannedPartition } from '../planning/hive-split';
import { bindPartitionPredicate, type PartitionPredicate } from '../planning/partition-predicate';
import { planSplits, type SplitPlannerOptions } from '../planning/split-planner';
import { parsePartitionPath } from '../layout/hive-paths';
import { projectedSchema, readHiveSplit } from '../read/read-hive-split';
import type { TableReadInfo } from '../read/table-read-info';
import {
  compileDynamicFilter,
  type CompiledDynamicFilter,
  type DynamicPartitionFilter,
} from './dynamic-filter';
import { SharedSplitPlan } from './shared-split-plan';
import { inferSourceParallelism, type ParallelismInferenceOptions } from './infer-source-parallelism';

/** Options of {@link HiveSource}. */
export interface HiveSourceOptions {
  /** Defaults to the local disk. */
  readonly fileSystem?: FileSystem;
  readonly table: TableReadInfo;
  /** Partitions from the catalog (one pseudo-partition with id `''` for an unpartitioned table). */
  readonly partitions: readonly PlannedPartition[];
  /** Static partition pruning, evaluated on partition values before anything is listed. Defaults to none. */
  readonly partitionPredicate?: PartitionPredicate;
  /** Output columns; defaults to data columns then partition keys. */
  readonly projection?: readonly string[];
  readonly planner?: SplitPlannerOptions;
  /** Rows per emitted batch. Rows. Defaults to `1024`. */
  readonly batchRows?: number;
}

/** Enumerator state: splits not yet assigned, ids handed out, and the dynamic filter if one arrived. */
export interface HiveEnumeratorState {
  readonly remaining: HiveSplit[];
  readonly assigned: string[];
  readonly planned: boolean;
  readonly filter: DynamicPartitionFilter | null;
}

/**
 * The Hive table source (FLIP-27): a pull-based enumerator over a split plan shared with parallelism inference,
 * static and dynamic partition pruning, and readers producing `ColumnBatch`es.
 *
 * @example
 * ```ts
 * const { table, partitions } = await loadHiveTable(catalog, { database: 'db', table: 't' });
 * const source = new HiveSource({ table, partitions, partitionPredicate: { op: '=', column: 'ds', value: '2024-01-01' } });
 * const p = await source.inferParallelism({ max: 8 });
 * ```
 */
export class HiveSource implements Source<ColumnBatch, HiveSplit, HiveEnumeratorState> {
  readonly boundedness = 'BOUNDED' as const;
  readonly splitSerializer: VersionedSerializer<HiveSplit> = plainSerializer<HiveSplit>();
  readonly enumeratorStateSerializer: VersionedSerializer<HiveEnumeratorState> =
    plainSerializer<HiveEnumeratorState>();
  readonly fileSystem: FileSystem;
  readonly options: HiveSourceOptions;
  /** Partitions left after static pruning, in catalog order. */
  readonly selectedPartitions: readonly PlannedPartition[];
  #filter: DynamicPartitionFilter | null = null;
  #compiled: CompiledDynamicFilter | null = null;
  #plan: SharedSplitPlan;
  readonly #enumerators = new Set<HiveSplitEnumerator>();

  /** @throws {HiveBatchError} `COLUMN_NOT_FOUND` when the predicate or projection names an unknown column */
  constructor(options: HiveSourceOptions) {
    this.options = options;
    this.fileSystem = options.fileSystem ?? createLocalFileSystem();
    projectedSchema(options.table, options.projection);
    const pred =
      options.partitionPredicate == null
        ? null
        : bindPartitionPredicate(options.partitionPredicate, options.table.partitionKeys);
    this.selectedPartitions = options.partitions.filter(
      (p) => pred == null || pred.evaluate(p.values) === true,
    );
    this.#plan = this.#newPlan();
  }

  #newPlan(): SharedSplitPlan {
    return new SharedSplitPlan(() =>
      planSplits({
        fileSystem: this.fileSystem,
        format: this.options.table.format,
        partitions: this.selectedPartitions,
        keep: (p) => this.acceptsPartition(p.values),
        ...(this.options.planner != null ? { options: this.options.planner } : {}),
      }),
    );
  }

  /** `false` when the dynamic filter prunes a partition with these raw values. */
  acceptsPartition(values: readonly (string | null)[]): boolean {
    return this.#compiled == null || this.#compiled.accepts(values);
  }

  /** `false` when the split's partition is pruned by the dynamic filter. */
  acceptsSplit(split: HiveSplit): boolean {
    if (this.#compiled == null || split.partitionId === '') return true;
    const keys = this.options.table.partitionKeys.map((k) => k.name);
    return this.#compiled.accepts(parsePartitionPath(keys, split.partitionId));
  }

  /**
   * Dynamic partition pruning: from now on only partitions matching `filter` are listed or assigned (also by
   * enumerators already running; splits already handed out stay handed out).
   *
   * @throws {HiveBatchError} `COLUMN_NOT_FOUND`, `UNSUPPORTED_OPERATION` on an unpartitioned table
   */
  applyDynamicFilter(filter: DynamicPartitionFilter): void {
    if (this.options.table.partitionKeys.length === 0) {
      throw new HiveBatchError(
        'UNSUPPORTED_OPERATION',
        'Dynamic partition pruning needs a partitioned table',
      );
    }
    this.#compiled = compileDynamicFilter(filter, this.options.table.partitionKeys);
    this.#filter = filter;
    for (const e of this.#enumerators) e.onFilterChanged();
  }

  /** The current dynamic filter, if any. */
  get dynamicFilter(): DynamicPartitionFilter | null {
    return this.#filter;
  }

  /** The planned splits (planning runs once and is cached), without dynamically pruned ones. */
  async planSplits(): Promise<HiveSplit[]> {
    return (await this.#plan.all()).filter((s) => this.acceptsSplit(s));
  }

  /** Parallelism from the cached split plan: `clamp(#splits, 1, max)`, capped by `limit / 1000`. */
  async inferParallelism(options: ParallelismInferenceOptions = {}): Promise<number> {
    return inferSourceParallelism((await this.planSplits()).length, options);
  }

  /** @internal */
  get plan(): SharedSplitPlan {
    return this.#plan;
  }

  createEnumerator(
    context: SplitEnumeratorContext<HiveSplit>,
  ): SplitEnumerator<HiveSplit, HiveEnumeratorState> {
    const e = new HiveSplitEnumerator(this, context, null);
    this.#enumerators.add(e);
    return e;
  }

  restoreEnumerator(
    context: SplitEnumeratorContext<HiveSplit>,
    state: HiveEnumeratorState,
  ): SplitEnumerator<HiveSplit, HiveEnumeratorState> {
    if (state.filter != null && this.#filter == null) this.applyDynamicFilter(state.filter);
    const e = new HiveSplitEnumerator(this, context, state);
    this.#enumerators.add(e);
    return e;
  }

  /** @internal */
  forget(e: HiveSplitEnumerator): void {
    this.#enumerators.delete(e);
  }

  createReader(context: SourceReaderContext): SourceReader<ColumnBatch, HiveSplit> {
    return new HiveSourceReader(this, context);
  }
}

/** @internal Pull-based enumerator: one split per request, in plan order; requests wait while planning streams. */
export class HiveSplitEnumerator implements SplitEnumerator<HiveSplit, HiveEnumeratorState> {
  readonly #source: HiveSource;
  readonly #ctx: SplitEnumeratorContext<HiveSplit>;
  readonly #pool: HiveSplit[] = [];
  readonly #assigned = new Set<string>();
  readonly #waiting: number[] = [];
  #cursor = 0;
  #planned = false;
  #closed = false;

  constructor(source: HiveSource, ctx: SplitEnumeratorContext<HiveSplit>, state: HiveEnumeratorState | null) {
    this.#source = source;
    this.#ctx = ctx;
    if (state != null) {
      for (const id of state.assigned) this.#assigned.add(id);
      this.#pool.push(...state.remaining);
      if (state.planned) {
        this.#planned = true;
      }
    }
  }

  start(): void {
    if (!this.#planned) this.#pull();
  }

  #pull(): void {
    this.#ctx.callAsync(
      () => this.#source.plan.next(this.#cursor),
      (outcome) => {
        if (this.#closed) return;
        if (!outcome.ok) {
          throw new HiveBatchError('SPLIT_PLANNING_FAILED', 'Split planning failed', {
            cause: outcome.error,
          });
        }
        const known = new Set(this.#pool.map((s) => s.splitId));
        for (const s of outcome.value.splits) {
          if (!this.#assigned.has(s.splitId) && !known.has(s.splitId)) this.#pool.push(s);
        }
        this.#cursor += outcome.value.splits.length;
        if (outcome.value.done) this.#planned = true;
        this.#serve();
        if (!this.#planned) this.#pull();
      },
    );
  }

  onFilterChanged(): void {
    for (let i = this.#pool.length - 1; i >= 0; i--) {
      const s = this.#pool[i];
      if (s != null && !this.#source.acceptsSplit(s)) this.#pool.splice(i, 1);
    }
  }

  #serve(): void {
    while (this.#waiting.length > 0) {
      let split: HiveSplit | undefined;
      while ((split = this.#pool.shift()) != null && !this.#source.acceptsSplit(split));
      const subtask = this.#waiting[0];
      if (subtask == null) break;
      if (split != null) {
        this.#waiting.shift();
        this.#assigned.add(split.splitId);
        this.#ctx.assignSplit(split, subtask);
      } else if (this.#planned) {
        this.#waiting.shift();
        this.#ctx.signalNoMoreSplits(subtask);
      } else break;
    }
  }

  handleSplitRequest(subtask: number): void {
    if (!this.#waiting.includes(subtask)) this.#waiting.push(subtask);
    this.#serve();
  }

  addSplitsBack(splits: readonly HiveSplit[]): void {
    // Splits pruned after they were assigned are dropped rather than read.
    const back = splits.filter((s) => this.#source.acceptsSplit(s));
    for (const s of splits) this.#assigned.delete(s.splitId);
    this.#pool.unshift(...back);
    this.#serve();
  }

  addReader(): void {}

  snapshotState(): HiveEnumeratorState {
    return {
      remaining: this.#pool.map((s) => structuredClone(s)),
      assigned: [...this.#assigned],
      planned: this.#planned,
      filter: this.#source.dynamicFilter == null ? null : structuredClone(this.#source.dynamicFilter),
    };
  }

  handleSourceEvent(_subtask: number, _attempt: number, event: JsonValue): void {
    // A join's build side may publish its partition values as a source event.
    if (
      typeof event === 'object' &&
      event != null &&
      !Array.isArray(event) &&
      (event as { kind?: unknown }).kind === 'dynamicFilter'
    ) {
      this.#source.applyDynamicFilter(event as unknown as DynamicPartitionFilter);
      this.#serve();
    }
  }

  close(): void {
    this.#closed = true;
    this.#source.forget(this);
  }
}

const MAX_READY_BATCHES = 4;

/** @internal Reads assigned splits one at a time in the background; `pollNext` hands out finished batches. */
export class HiveSourceReader implements SourceReader<ColumnBatch, HiveSplit> {
  readonly #source: HiveSource;
  readonly #ctx: SourceReaderContext;
  readonly #queue: HiveSplit[] = [];
  readonly #ready: ColumnBatch[] = [];
  #current: HiveSplit | null = null;
  #noMore = false;
  #error: unknown = undefined;
  #failed = false;
  #closed = false;
  #wakeConsumer: (() => void)[] = [];
  #wakeProducer: (() => void) | null = null;

  constructor(source: HiveSource, ctx: SourceReaderContext) {
    this.#source = source;
    this.#ctx = ctx;
  }

  start(): void {
    this.#ctx.sendSplitRequest();
  }

  #notify(): void {
    const w = this.#wakeConsumer;
    this.#wakeConsumer = [];
    for (const f of w) f();
  }

  #pump(): void {
    if (this.#current != null || this.#closed) return;
    const split = this.#queue.shift();
    if (split == null) {
      this.#notify();
      return;
    }
    this.#current = split;
    void (async () => {
      try {
        const o = this.#source.options;
        for await (const batch of readHiveSplit(split, {
          fileSystem: this.#source.fileSystem,
          table: o.table,
          ...(o.projection != null ? { projection: o.projection } : {}),
          ...(o.batchRows != null ? { batchRows: o.batchRows } : {}),
        })) {
          if (this.#closed) return;
          this.#ready.push(batch);
          this.#notify();
          while (this.#ready.length >= MAX_READY_BATCHES && !this.#closed) {
            await new Promise<void>((resolve) => (this.#wakeProducer = resolve));
          }
        }
      } catch (e) {
        this.#failed = true;
        this.#error = e;
        this.#notify();
        return;
      }
      this.#current = null;
      if (this.#closed) return;
      // One request per finished split, as Flink's file reader does.
      this.#ctx.sendSplitRequest();
      this.#pump();
      this.#notify();
    })();
  }

  pollNext(output: ReaderOutput<ColumnBatch>): InputStatus {
    if (this.#failed) throw this.#error;
    const batch = this.#ready.shift();
    if (batch != null) {
      const wake = this.#wakeProducer;
      this.#wakeProducer = null;
      wake?.();
      output.collect(batch);
      return 'MORE_AVAILABLE';
    }
    if (this.#noMore && this.#current == null && this.#queue.length === 0) return 'END_OF_INPUT';
    return 'NOTHING_AVAILABLE';
  }

  isAvailable(): Promise<void> {
    if (
      this.#failed ||
      this.#ready.length > 0 ||
      (this.#noMore && this.#current == null && this.#queue.length === 0)
    ) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#wakeConsumer.push(resolve));
  }

  addSplits(splits: readonly HiveSplit[]): void {
    this.#queue.push(...splits);
    this.#pump();
  }

  notifyNoMoreSplits(): void {
    this.#noMore = true;
    this.#notify();
  }

  snapshotState(): readonly HiveSplit[] {
    return this.#current == null ? [...this.#queue] : [this.#current, ...this.#queue];
  }

  close(): void {
    this.#closed = true;
    const wake = this.#wakeProducer;
    this.#wakeProducer = null;
    wake?.();
    this.#notify();
  }
}
