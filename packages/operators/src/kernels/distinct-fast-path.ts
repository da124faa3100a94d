import { createAccumulatorState } from '@hive-batch/aggregate';
import type { AggregateEvaluator } from '@hive-batch/aggregate';
import { HiveBatchError, HiveTypes, createColumnBuilder, dataTypeEquals } from '@hive-batch/core';
import type {
  Column,
  ColumnBatch,
  ColumnBuilder,
  DataType,
  FixedColumn,
  FixedValues,
} from '@hive-batch/core';
import { DistinctValueBuffer } from './distinct-value-buffer';
import type { GroupAggregate, ResolvedCall } from '../internal/group-aggregate';
import { emitsPartials } from '../internal/operator-mode';
import type { OperatorMode } from '../internal/operator-mode';

function isFastType(t: DataType): boolean {
  return (
    t.kind === 'double' ||
    t.kind === 'float' ||
    t.kind === 'int' ||
    t.kind === 'smallint' ||
    t.kind === 'tinyint' ||
    t.kind === 'date'
  );
}

function makeValues(type: DataType, from: Float64Array): FixedValues {
  switch (type.kind) {
    case 'double':
      return from;
    case 'float':
      return Float32Array.from(from);
    case 'smallint':
      return Int16Array.from(from);
    case 'tinyint':
      return Int8Array.from(from);
    default:
      return Int32Array.from(from);
  }
}

/**
 * `f(DISTINCT x)` over one numeric column without per-row objects: (group, value) pairs are buffered in typed
 * arrays and deduplicated per group (see DistinctValueBuffer); at the end each group's distinct values are fed to
 * the plain evaluator through its batch kernel in Hive's reduce-key order (NULL first, then `Double.compare`
 * order, -0.0 before 0.0) — the same values in the same order as `withDistinct`, so results are identical. An
 * evaluator that ignores input order (count) gets them in any order, which spares the sort; partials (and
 * spills) still list them in key order, in `withDistinct`'s format.
 */
class DistinctFastPath implements GroupAggregate {
  readonly outputType: DataType;
  // Rows are appended to a flat buffer and sorted later: row order by group does not matter here.
  readonly benefitsFromClustering = false;
  private readonly resolved: ResolvedCall;
  private readonly inner: AggregateEvaluator;
  private readonly column: number;
  private readonly valueType: DataType;
  private readonly partialOutput: boolean;
  private set: DistinctValueBuffer;
  private readonly ordered: boolean;
  private groups = 0;

  // eslint-disable-next-line max-params -- private class, built by createDistinctFastPath only
  constructor(resolved: ResolvedCall, mode: OperatorMode, column: number, valueType: DataType) {
    this.resolved = resolved;
    this.inner = resolved.inner;
    this.column = column;
    this.valueType = valueType;
    this.partialOutput = emitsPartials(mode);
    this.outputType = this.partialOutput ? HiveTypes.binary : this.inner.resultType;
    this.ordered = this.partialOutput || this.inner.ignoresInputOrder !== true;
    this.set = this.newBuffer();
  }

  private newBuffer(): DistinctValueBuffer {
    return new DistinctValueBuffer(undefined, this.ordered);
  }

  ensureGroups(groups: number): void {
    if (groups > this.groups) {
      this.set.ensureGroups(groups);
      this.groups = groups;
    }
  }

  accumulate(groupIds: Int32Array, batch: ColumnBatch, numRows: number): void {
    const c = batch.columns[this.column];
    if (c?.layout !== 'fixed') {
      if (c?.layout === 'null') {
        for (let i = 0; i < numRows; i++) this.set.addNull(groupIds[i] ?? 0);
        return;
      }
      throw new HiveBatchError('INVALID_ARGUMENT', `Column ${this.column} is not a numeric column`);
    }
    this.set.addColumn(groupIds, c, numRows);
  }

  merge(): void {
    throw new HiveBatchError('UNSUPPORTED_OPERATION', 'The DISTINCT fast path consumes rows only');
  }

  emit(builder: ColumnBuilder, from: number, to: number): void {
    if (this.partialOutput) {
      for (let g = from; g < to; g++) builder.append(this.partialBytes(g));
      return;
    }
    const set = this.set;
    const { starts, values: distinct } = set.segments();
    // Rows for the inner evaluator: per group, NULL first (if seen), then the values in key order.
    let rows = starts[to]! - starts[from]!;
    for (let g = from; g < to; g++) if (set.hasNull(g)) rows++;
    const values = new Float64Array(rows);
    const gids = new Int32Array(rows);
    const validity = new Uint8Array((rows + 7) >> 3).fill(0xff);
    let nulls = 0;
    let r = 0;
    for (let g = from; g < to; g++) {
      if (set.hasNull(g)) {
        validity[r >> 3]! &= ~(1 << (r & 7));
        gids[r++] = g - from;
        nulls++;
      }
      // In key order (the buffer sorts each group's distinct values), unless the evaluator ignores order.
      for (let k = starts[g]!; k < starts[g + 1]!; k++) {
        values[r] = distinct[k]!;
        gids[r++] = g - from;
      }
    }
    const column: FixedColumn = {
      type: this.valueType,
      layout: 'fixed',
      length: rows,
      nullCount: nulls,
      validity: nulls > 0 ? validity : null,
      values: makeValues(this.valueType, values),
    };
    const state = createAccumulatorState(this.inner.layout, to - from);
    for (let g = 0; g < to - from; g++) this.inner.init(state, g);
    const args: Column[] = [column];
    this.inner.accumulateBatch(state, gids, args, rows);
    for (let g = 0; g < to - from; g++) builder.append(this.inner.terminate(state, g));
  }

  partialBytes(group: number): Uint8Array {
    const { starts, values } = this.set.segments();
    const tuples: unknown[][] = [];
    if (this.set.hasNull(group)) tuples.push([null]);
    const own = values.subarray(starts[group], starts[group + 1]);
    // The same bytes either way: key order (TypedArray sort orders like Double.compare).
    for (const v of this.ordered ? own : own.slice().sort()) tuples.push([v]);
    return this.resolved.evaluator.encodePartial(tuples);
  }

  estimateBytes(): number {
    return this.set.byteSize;
  }

  reset(): void {
    this.set = this.newBuffer();
    this.groups = 0;
  }

  spillTypes(): DataType[] {
    return [HiveTypes.binary];
  }

  spillColumns(groups: Int32Array): Column[] {
    const b = createColumnBuilder(HiveTypes.binary, { initialCapacity: Math.max(groups.length, 1) });
    for (let j = 0; j < groups.length; j++) b.append(this.partialBytes(groups[j]!));
    return [b.finish()];
  }

  mergeSpilled(): void {
    throw new HiveBatchError('UNSUPPORTED_OPERATION', 'The DISTINCT fast path consumes rows only');
  }

  retainGroups(): void {
    throw new HiveBatchError('UNSUPPORTED_OPERATION', 'The DISTINCT fast path cannot drop groups');
  }

  moveGroup(): void {
    throw new HiveBatchError('UNSUPPORTED_OPERATION', 'The DISTINCT fast path cannot move groups');
  }
}

/** The fast path for `f(DISTINCT numericColumn)`, or `null` when the call does not qualify. */
export function createDistinctFastPath(resolved: ResolvedCall, mode: OperatorMode): GroupAggregate | null {
  const args = resolved.call.args ?? [];
  const a = args[0];
  const t = resolved.argumentTypes[0];
  const input = resolved.inner.inputTypes[0];
  if (resolved.inner === resolved.evaluator) return null;
  if (args.length !== 1 || typeof a !== 'number' || t == null || input == null) return null;
  if (!isFastType(t) || !dataTypeEquals(t, input)) return null;
  return new DistinctFastPath(resolved, mode, a, t);
}
