import type { AggregationMode } from '@hive-batch/aggregate';
import { HiveBatchError, HiveTypes, createColumnBuilder, createSchema, sliceBatch } from '@hive-batch/core';
import type { Column, ColumnBatch, DataType, Schema } from '@hive-batch/core';
import type { AggregateCall } from './aggregate-call';
import { aggregateOutputSchema, groupKeyTypes } from './internal/aggregate-setup';
import { EvaluatorAggregate, resolveCall } from './internal/bound-aggregate';
import { createGroupAggregates, soleFusedDriver } from './internal/fused-aggregates';
import type { GroupAggregate, ResolvedCall } from './internal/group-aggregate';
import { consumesRows, emitsPartials } from './internal/operator-mode';
import { DeferredRows } from './internal/deferred-rows';
import { TUNING } from './internal/tuning';
import { SpillStore } from './internal/spill-store';
import { clusterRows } from './kernels/cluster-rows';
import { createGroupKeys } from './kernels/group-keys';
import type { GroupKeys } from './kernels/group-keys';

/** Flink-style adaptive local aggregation (`table.exec.local-hash-agg.adaptive.*`), used in `partial1` mode only. */
export interface AdaptiveLocalAggregationOptions {
  /** Turn adaptive pass-through on. Defaults to `true`. */
  readonly enabled?: boolean;
  /** Input rows to look at before deciding. Rows. Defaults to `500_000` (Flink's sampling threshold). */
  readonly sampleRows?: number;
  /**
   * Pass rows through when groups / sampled rows exceeds this ratio (local aggregation then saves little).
   * Defaults to `0.5` (Flink's distinct-value-rate threshold).
   */
  readonly distinctValueRateThreshold?: number;
}

/** Options of {@link HashAggregate}. */
export interface HashAggregateOptions {
  /** Schema of the input batches. */
  readonly inputSchema: Schema;
  /** Group-by key column indices (primitive types; NULL is a group). `[]` = one global group. */
  readonly groupBy: readonly number[];
  /** Aggregates, in output order. */
  readonly aggregates: readonly AggregateCall[];
  /**
   * `complete` (rows → results), `partial1` (rows → partials), `partial2` (partials → partials) or `final`
   * (partials → results). Partials are binary columns (`encodePartial`). Defaults to `'complete'`.
   */
  readonly mode?: AggregationMode;
  /** Rows per output batch at most. Rows. Defaults to `1024`. */
  readonly highWaterMarkRows?: number;
  /**
   * Memory for the hash table, accumulator arrays and side tables. Past it, partial states are spilled to
   * partitioned temp files and merged partition by partition at the end. Checked after each input batch, so
   * one batch's growth can overshoot it; a single partition is merged in memory without a second budget check.
   * Bytes. Defaults to `1 GiB`.
   */
  readonly memoryBudgetBytes?: number;
  /** Directory for spill files (a private subdirectory is created). Defaults to `os.tmpdir()`. */
  readonly spillDirectory?: string;
  /** Number of spill partitions, a power of two. Defaults to `16`. */
  readonly spillPartitions?: number;
  /** Adaptive local aggregation. Defaults to enabled with Flink's thresholds (only acts in `partial1`). */
  readonly adaptive?: AdaptiveLocalAggregationOptions;
  /** Aborts `add` / `finish` with `ABORTED`; spill files are removed by `close`. */
  readonly signal?: AbortSignal;
}

/** Counters of one {@link HashAggregate} run. */
export interface HashAggregateStats {
  /** Input rows seen. */
  readonly inputRows: number;
  /** Times the in-memory state was spilled. */
  readonly spills: number;
  /** Bytes written to spill files (re-partitioning included). */
  readonly spilledBytes: number;
  /** Spill partitions that outgrew the budget while merging and were re-partitioned. */
  readonly repartitions: number;
  /** True when adaptive local aggregation switched to pass-through. */
  readonly passThrough: boolean;
}

const DEFAULT_BUDGET = 1024 * 1024 * 1024;
/**
 * Deepest re-partitioning of a spill partition (16^4 ways at the default partition count); below that, a
 * partition is merged in memory whatever its size (e.g. one huge group's collect_list cannot be split).
 */
const MAX_SPILL_LEVEL = 4;

/** A group table and its aggregates' state. */
interface Table {
  readonly keys: GroupKeys;
  readonly aggs: readonly GroupAggregate[];
}
/**
 * Columnar hash aggregation with Hive semantics: for each batch a group-id column is computed (typed-array open
 * addressing; a fast path for one int-like key, normalized byte keys otherwise), then one kernel call per
 * aggregate runs over it. Memory-bounded (spills partitioned partial states), adaptive in `partial1` mode.
 * Output groups come in order of first appearance (per spill partition when spilled).
 *
 * Call {@link HashAggregate.close} when done (also after errors) to remove spill files, or use
 * {@link hashAggregate}, which does.
 *
 * @example
 * ```ts
 * const op = new HashAggregate({ inputSchema, groupBy: [0], aggregates: [{ function: sum, args: [1] }] });
 * try {
 *   for (const b of batches) await op.add(b);
 *   for await (const out of op.finish()) console.log(out.numRows);
 * } finally {
 *   await op.close();
 * }
 * ```
 */
export class HashAggregate {
  /** Schema of the output: the group-by keys, then one column per aggregate (binary in partial modes). */
  readonly outputSchema: Schema;
  private readonly options: HashAggregateOptions;
  private readonly mode: AggregationMode;
  private readonly keyTypes: readonly DataType[];
  private readonly resolved: readonly ResolvedCall[];
  private readonly highWaterMarkRows: number;
  private readonly budget: number;
  private readonly spill: SpillStore;
  private keys: GroupKeys;
  private aggs: GroupAggregate[];
  private groupIds: Int32Array = new Int32Array(1024);
  private inputRows = 0;
  private spills = 0;
  private repartitions = 0;
  /** Stores of re-partitioned spill partitions still open (closed with the operator). */
  private readonly childStores = new Set<SpillStore>();
  /** Rows held back for clustering (many groups only). */
  private readonly deferred = new DeferredRows();
  private closedChildBytes = 0;
  private passThrough = false;
  private adaptiveDecided: boolean;
  private finished = false;
  /** Input columns the aggregates read (the only ones clustering has to reorder). */
  private readonly argumentColumns: readonly number[];

  /**
   * @throws {HiveBatchError} `INVALID_ARGUMENT` for bad column indices or options; `UNSUPPORTED_TYPE` for a
   *   complex group-by key; `INVALID_FUNCTION_ARGUMENTS` from an aggregate's resolver.
   */
  constructor(options: HashAggregateOptions) {
    this.options = options;
    this.mode = options.mode ?? 'complete';
    this.keyTypes = groupKeyTypes(options);
    this.resolved = options.aggregates.map((c) => resolveCall(c, options.inputSchema, this.mode));
    this.highWaterMarkRows = options.highWaterMarkRows ?? 1024;
    this.budget = options.memoryBudgetBytes ?? DEFAULT_BUDGET;
    const partitions = options.spillPartitions ?? 16;
    if (!(this.highWaterMarkRows >= 1) || !(this.budget > 0)) {
      throw new HiveBatchError(
        'INVALID_ARGUMENT',
        'highWaterMarkRows and memoryBudgetBytes must be positive',
      );
    }
    if (!Number.isInteger(Math.log2(partitions)) || partitions < 1 || partitions > 1024) {
      throw new HiveBatchError(
        'INVALID_ARGUMENT',
        `spillPartitions must be a power of two, got ${partitions}`,
      );
    }
    this.spill = new SpillStore(options.spillDirectory, partitions);
    this.keys = createGroupKeys(this.keyTypes);
    this.aggs = createGroupAggregates(this.resolved, this.mode, options.inputSchema);
    this.argumentColumns = [
      ...new Set(
        this.resolved.flatMap((r) => (r.call.args ?? []).filter((a): a is number => typeof a === 'number')),
      ),
    ];
    const adaptive = options.adaptive ?? {};
    this.adaptiveDecided = this.mode !== 'partial1' || adaptive.enabled === false;
    this.outputSchema = aggregateOutputSchema(options, this.resolved, this.mode);
  }

  /** Counters so far. */
  get stats(): HashAggregateStats {
    return {
      inputRows: this.inputRows,
      spills: this.spills,
      spilledBytes:
        this.spill.bytesWritten +
        this.closedChildBytes +
        [...this.childStores].reduce((sum, c) => sum + c.bytesWritten, 0),
      repartitions: this.repartitions,
      passThrough: this.passThrough,
    };
  }

  private checkAbort(): void {
    if (this.options.signal?.aborted === true) {
      throw new HiveBatchError('ABORTED', 'Hash aggregation was aborted', {
        cause: this.options.signal.reason,
      });
    }
  }

  /**
   * Consumes one input batch. Returns output produced right away: only pass-through batches of adaptive local
   * aggregation (and the groups flushed when it switches); otherwise `[]`, everything comes from `finish`.
   * With many groups the operator may keep a reference to `batch` until a later `add`, a spill or `finish`
   * (rows are clustered several batches at a time), so the caller must not modify a batch it has passed in.
   *
   * @throws {HiveBatchError} `ABORTED` when the signal fired; `SPILL_FAILED` when spilling fails;
   *   `INVALID_ARGUMENT` after `finish`.
   */
  async add(batch: ColumnBatch): Promise<ColumnBatch[]> {
    this.checkAbort();
    if (this.finished) throw new HiveBatchError('INVALID_ARGUMENT', 'add() after finish()');
    const n = batch.numRows;
    if (n === 0) return [];
    this.inputRows += n;
    if (this.passThrough) return this.passThroughBatch(batch);
    this.accumulateInto(this.keys, this.aggs, batch);
    if (!this.adaptiveDecided) {
      const adaptive = this.options.adaptive ?? {};
      if (this.inputRows >= (adaptive.sampleRows ?? 500_000)) {
        this.adaptiveDecided = true;
        if (this.keys.size / this.inputRows > (adaptive.distinctValueRateThreshold ?? 0.5)) {
          this.passThrough = true;
          this.flushDeferred(this.keys, this.aggs);
          const out = [...this.emitGroups(this.keys, this.aggs)];
          this.resetTable();
          return out;
        }
      }
    }
    if (this.budget !== Infinity && this.estimateBytes() > this.budget) await this.spillAll();
    return [];
  }

  private accumulateInto(keys: GroupKeys, aggs: readonly GroupAggregate[], batch: ColumnBatch): void {
    const n = batch.numRows;
    if (this.groupIds.length < n) this.groupIds = new Int32Array(Math.max(n, this.groupIds.length * 2));
    const gids = this.groupIds;
    const keyColumns = this.options.groupBy.map((k) => batch.columns[k] as Column);
    const rows = consumesRows(this.mode);
    const from = rows ? this.accumulateKeyed(keys, aggs, { batch, keyColumns }) : 0;
    if (from === n) return;
    keys.groupIds(keyColumns, n, gids);
    if (from > 0) {
      // The keyed loop stopped at a new key (row `from`, a multiple of 8); the rest goes by group ids, in order.
      for (const agg of aggs) agg.ensureGroups(keys.size);
      soleFusedDriver(aggs)?.accumulateFrom(gids, batch, { from, numRows: n });
      return;
    }
    // Many groups: accumulator state outgrows the caches, so rows are held back (up to TUNING.deferRows, within
    // the memory budget) and reordered together by group-id window (see DeferredRows). Aggregates with a large
    // state per group get held rows too, whatever the group count: their kernels take them group by group.
    const manyGroups =
      keys.size > TUNING.clusterMinGroups && aggs.some((a) => a.benefitsFromClustering !== false);
    if (rows && (manyGroups || aggs.some((a) => a.prefersLongGroupRuns === true))) {
      // New groups exist (initialised) right away, so estimates and emits can read every group.
      for (const agg of aggs) agg.ensureGroups(keys.size);
      this.deferred.add(batch, gids);
      if (this.deferred.rows >= TUNING.deferRows) this.flushDeferred(keys, aggs);
      return;
    }
    // Held rows go first: each group must see its rows in input order.
    this.flushDeferred(keys, aggs);
    for (const agg of aggs) {
      agg.ensureGroups(keys.size);
      if (rows) agg.accumulate(gids, batch, n);
      else agg.merge(gids, batch, n);
    }
  }

  /**
   * One int key, few groups, every aggregate in one fused loop, nothing held back: the loop looks each row's group
   * up in the key table's direct map itself (no group-id column written and read back; group ids + loop measured
   * 100 → 78 ms for bench:agg (a) and 54 → 42 ms for (b) per 10M rows at 100 groups). Returns the rows done (all,
   * or up to the first 8-row block with a new key); 0 when the path does not apply.
   */
  private accumulateKeyed(
    keys: GroupKeys,
    aggs: readonly GroupAggregate[],
    input: { readonly batch: ColumnBatch; readonly keyColumns: readonly Column[] },
  ): number {
    if (this.deferred.rows > 0 || keys.size > TUNING.clusterMinGroups) return 0;
    const driver = soleFusedDriver(aggs);
    const direct = driver == null ? null : (keys.directKeys?.(input.keyColumns) ?? null);
    if (driver == null || direct == null) return 0;
    return driver.accumulateKeyed(direct, input.batch, input.batch.numRows);
  }

  /** Accumulates the held rows, clustered by group-id window (in input order when they cannot be). */
  private flushDeferred(keys: GroupKeys, aggs: readonly GroupAggregate[]): void {
    if (this.deferred.rows === 0) return;
    const { batches, groupIds } = this.deferred.take();
    for (const agg of aggs) agg.ensureGroups(keys.size);
    const clustered = clusterRows(batches, groupIds, this.argumentColumns);
    if (clustered != null) {
      for (const agg of aggs) agg.accumulate(clustered.groupIds, clustered.batch, clustered.batch.numRows);
      return;
    }
    let offset = 0;
    for (const b of batches) {
      const ids = groupIds.subarray(offset, offset + b.numRows);
      for (const agg of aggs) agg.accumulate(ids, b, b.numRows);
      offset += b.numRows;
    }
  }

  /** Adaptive pass-through: every row becomes its own single-row partial. */
  private passThroughBatch(batch: ColumnBatch): ColumnBatch[] {
    const n = batch.numRows;
    const gids = new Int32Array(n);
    for (let i = 0; i < n; i++) gids[i] = i;
    const columns: Column[] = this.options.groupBy.map((k) => batch.columns[k] as Column);
    // All aggregates accumulate before any emits: fused ones share one state.
    for (const agg of this.aggs) agg.reset();
    for (const agg of this.aggs) agg.ensureGroups(n);
    for (const agg of this.aggs) agg.accumulate(gids, batch, n);
    for (const agg of this.aggs) {
      const b = createColumnBuilder(HiveTypes.binary, { initialCapacity: n });
      agg.emit(b, 0, n);
      columns.push(b.finish());
    }
    for (const agg of this.aggs) agg.reset();
    const out: ColumnBatch = { schema: this.outputSchema, columns, numRows: n };
    const parts: ColumnBatch[] = [];
    for (let s = 0; s < n; s += this.highWaterMarkRows) {
      parts.push(
        n <= this.highWaterMarkRows ? out : sliceBatch(out, s, Math.min(n, s + this.highWaterMarkRows)),
      );
    }
    return parts;
  }

  private estimateBytes(): number {
    return this.estimateBytesOf({ keys: this.keys, aggs: this.aggs });
  }

  private estimateBytesOf(table: Table): number {
    let bytes = table.keys.byteSize + this.groupIds.byteLength + this.deferred.byteSize;
    const groups = table.keys.size;
    for (const agg of table.aggs) bytes += agg.estimateBytes(groups);
    return bytes;
  }

  private resetTable(): void {
    this.keys = createGroupKeys(this.keyTypes);
    for (const agg of this.aggs) agg.reset();
  }

  /** Writes every group's state to its spill partition and empties the table. */
  private async spillAll(): Promise<void> {
    this.flushDeferred(this.keys, this.aggs);
    if (this.keys.size === 0) return;
    await this.spillTable({ keys: this.keys, aggs: this.aggs }, this.spill, 0);
    this.spills++;
    this.resetTable();
  }

  /** Writes a table's groups to `store`, partitioned by the key hash of re-partitioning level `level`. */
  private async spillTable(table: Table, store: SpillStore, level: number): Promise<void> {
    const { keys, aggs } = table;
    const groups = keys.size;
    const bits = Math.log2(store.partitionCount);
    const parts = store.partitionCount;
    const sizes = new Int32Array(parts + 1);
    const partOf = new Int32Array(groups);
    for (let g = 0; g < groups; g++) {
      const p = keys.partitionOf(g, bits, level);
      partOf[g] = p;
      sizes[p + 1] = (sizes[p + 1] ?? 0) + 1;
    }
    for (let p = 0; p < parts; p++) sizes[p + 1] = (sizes[p + 1] ?? 0) + (sizes[p] ?? 0);
    // Counting sort of the groups by partition (keeps first-appearance order within a partition).
    const order = new Int32Array(groups);
    const fill = sizes.slice(0, parts);
    for (let g = 0; g < groups; g++) {
      const p = partOf[g] ?? 0;
      order[fill[p] ?? 0] = g;
      fill[p] = (fill[p] ?? 0) + 1;
    }
    const schema = this.spillSchema();
    for (let p = 0; p < parts; p++) {
      const end = sizes[p + 1] ?? 0;
      for (let s = sizes[p] ?? 0; s < end; s += 65536) {
        const chunk = order.subarray(s, Math.min(end, s + 65536));
        const keyBuilders = this.keyTypes.map((t) =>
          createColumnBuilder(t, { initialCapacity: chunk.length }),
        );
        keys.emitKeysOf(keyBuilders, chunk);
        const columns: Column[] = keyBuilders.map((b) => b.finish());
        for (const agg of aggs) columns.push(...agg.spillColumns(chunk));
        this.checkAbort();
        await store.write(p, { schema, columns, numRows: chunk.length });
      }
    }
  }

  /** Keys, then each aggregate's spill columns. */
  private spillSchema(): Schema {
    const keyFields = this.outputSchema.fields.slice(0, this.keyTypes.length);
    const stateFields = this.aggs.flatMap((agg, a) =>
      agg.spillTypes().map((type, k) => ({ name: `s${a}_${k}`, type })),
    );
    return createSchema([...keyFields, ...stateFields]);
  }

  /** A fresh in-memory table for merging spilled state (always through the evaluators). */
  private mergeTable(): Table {
    // Spilled state is merged through the evaluators (never the DISTINCT fast path, which only consumes rows).
    return {
      keys: createGroupKeys(this.keyTypes),
      aggs: this.resolved.map((r) => new EvaluatorAggregate(r, this.mode)),
    };
  }

  /**
   * Merges partition `p` of `store` in memory and yields its groups. When the merged state outgrows the budget
   * (skewed keys, or side state that grew while merging), the partition is re-partitioned: the table goes to a
   * child store by a re-mixed hash and each child partition is merged in turn, down to {@link MAX_SPILL_LEVEL}.
   */
  private async *mergePartition(store: SpillStore, p: number, level: number): AsyncGenerator<ColumnBatch> {
    let table = this.mergeTable();
    let child: SpillStore | null = null;
    const widths = this.aggs.map((agg) => agg.spillTypes().length);
    for await (const b of store.read(p)) {
      this.checkAbort();
      const n = b.numRows;
      if (this.groupIds.length < n) this.groupIds = new Int32Array(n);
      const gids = this.groupIds;
      table.keys.groupIds(b.columns.slice(0, this.keyTypes.length), n, gids);
      let col = this.keyTypes.length;
      table.aggs.forEach((agg, a) => {
        const w = widths[a] ?? 0;
        agg.ensureGroups(table.keys.size);
        agg.mergeSpilled(gids, b.columns.slice(col, col + w), n);
        col += w;
      });
      if (level < MAX_SPILL_LEVEL && this.estimateBytesOf(table) > this.budget) {
        if (child == null) {
          child = new SpillStore(this.options.spillDirectory, Math.max(store.partitionCount, 16));
          this.childStores.add(child);
          this.repartitions++;
        }
        await this.spillTable(table, child, level + 1);
        this.spills++;
        table = this.mergeTable();
      }
    }
    if (child == null) {
      yield* this.emitGroups(table.keys, table.aggs);
      return;
    }
    await this.spillTable(table, child, level + 1);
    // Let the spilled table go before the children are merged (the recursion holds this frame).
    table = this.mergeTable();
    for (const q of child.nonEmptyPartitions()) yield* this.mergePartition(child, q, level + 1);
    await child.close();
    this.closedChildBytes += child.bytesWritten;
    this.childStores.delete(child);
  }

  /** Output batches of groups `0..size-1` of a table. */
  private *emitGroups(keys: GroupKeys, aggs: readonly GroupAggregate[]): Generator<ColumnBatch> {
    const size = keys.size;
    for (let from = 0; from < size; from += this.highWaterMarkRows) {
      this.checkAbort();
      const to = Math.min(size, from + this.highWaterMarkRows);
      const keyBuilders = this.keyTypes.map((t) => createColumnBuilder(t, { initialCapacity: to - from }));
      keys.emitKeys(keyBuilders, from, to);
      const columns = keyBuilders.map((b) => b.finish());
      aggs.forEach((agg) => {
        const b = createColumnBuilder(agg.outputType, { initialCapacity: to - from });
        agg.emit(b, from, to);
        columns.push(b.finish());
      });
      yield { schema: this.outputSchema, columns, numRows: to - from };
    }
  }

  /**
   * Ends the input and yields the output batches (at most `highWaterMarkRows` rows each). After spilling, each
   * partition's partials are merged in memory in turn and their files deleted. The spill directory is removed
   * when the generator completes or is closed early.
   *
   * @throws {HiveBatchError} `ABORTED`, `SPILL_FAILED`.
   */
  async *finish(): AsyncGenerator<ColumnBatch> {
    if (this.finished) throw new HiveBatchError('INVALID_ARGUMENT', 'finish() called twice');
    this.finished = true;
    try {
      this.checkAbort();
      this.flushDeferred(this.keys, this.aggs);
      // A global aggregate over no rows still has its one row (count(*) = 0), except in the partial modes.
      if (
        this.keyTypes.length === 0 &&
        this.keys.size === 0 &&
        !this.spill.used &&
        !emitsPartials(this.mode)
      ) {
        this.keys.groupIds([], 1, this.groupIds);
        for (const agg of this.aggs) agg.ensureGroups(1);
      }
      if (!this.spill.used) {
        yield* this.emitGroups(this.keys, this.aggs);
        return;
      }
      await this.spillAll();
      for (const p of this.spill.nonEmptyPartitions()) yield* this.mergePartition(this.spill, p, 0);
    } finally {
      await this.close();
    }
  }

  /** Removes spill files and frees the table. Idempotent; call it after errors too. */
  async close(): Promise<void> {
    this.deferred.clear();
    for (const child of this.childStores) await child.close();
    this.childStores.clear();
    await this.spill.close();
    this.keys = createGroupKeys(this.keyTypes);
    this.aggs = createGroupAggregates(this.resolved, this.mode, this.options.inputSchema);
  }
}

/**
 * Runs a {@link HashAggregate} over an input stream and yields its output; spill files are removed on success,
 * on error and when the consumer stops early or the signal aborts.
 *
 * @param input - input batches (sync or async iterable).
 * @param options - see {@link HashAggregateOptions}.
 * @returns the output batches (pass-through batches first, when adaptive local aggregation switched).
 * @throws {HiveBatchError} as {@link HashAggregate}.
 * @example
 * ```ts
 * for await (const b of hashAggregate(batches, { inputSchema, groupBy: [0], aggregates })) print(b);
 * ```
 */
export async function* hashAggregate(
  input: Iterable<ColumnBatch> | AsyncIterable<ColumnBatch>,
  options: HashAggregateOptions,
): AsyncGenerator<ColumnBatch> {
  const op = new HashAggregate(options);
  try {
    for await (const batch of input) yield* await op.add(batch);
    yield* op.finish();
  } finally {
    await op.close();
  }
}
