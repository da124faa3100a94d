import { FusedAccumulator, isFusable } from '@hive-batch/aggregate';
import type { FusedMember, FusedNumberValues } from '@hive-batch/aggregate';
import { HiveTypes, InternalError, dataTypeEquals } from '@hive-batch/core';
import type { Column, ColumnBatch, ColumnBuilder, DataType, Schema } from '@hive-batch/core';
import { createGroupAggregate, emitEvaluatorResults, spillColumnsOf, spillTypesOf } from './bound-aggregate';
import type { DirectKeys } from '../kernels/group-keys';
import type { GroupAggregate, ResolvedCall } from './group-aggregate';
import { consumesRows, emitsPartials } from './operator-mode';
import type { OperatorMode } from './operator-mode';
import { TUNING } from './tuning';

/** The input column a call's row update reads (`null` = every row), or `undefined` when it cannot be fused. */
function fusedColumnOf(r: ResolvedCall, schema: Schema): number | null | undefined {
  const update = r.evaluator.rowUpdate;
  if (update == null || r.call.distinct === true || !isFusable(r.evaluator)) return undefined;
  if (update.argument == null) return null;
  const arg = r.call.args?.[update.argument];
  if (typeof arg !== 'number') return undefined;
  const type = schema.fields[arg]?.type;
  const want = r.evaluator.inputTypes[update.argument];
  // Only columns the kernel can read as they are (isFusable checked the input type): a cast would go through
  // ArgumentReader.
  if (type == null || want == null || !dataTypeEquals(type, want)) return undefined;
  return arg;
}

/**
 * The operator-side aggregates of a call list. In row-consuming modes, calls whose evaluators declare a row update
 * over a number column (count, sum, avg, min, max, the variance family …) are fused — two or more of them — into
 * one generated loop over an interleaved state; the rest get their own kernels.
 */
export function createGroupAggregates(
  resolved: readonly ResolvedCall[],
  mode: OperatorMode,
  inputSchema: Schema,
): GroupAggregate[] {
  const columns = consumesRows(mode) ? resolved.map((r) => fusedColumnOf(r, inputSchema)) : [];
  const fusable = columns.filter((c) => c !== undefined).length;
  if (fusable < 2) return resolved.map((r) => createGroupAggregate(r, mode));
  const inputColumns = [...new Set(columns.filter((c): c is number => c != null))];
  const members: FusedMember[] = [];
  const memberOf: number[] = [];
  resolved.forEach((r, k) => {
    const c = columns[k];
    if (c === undefined) return;
    memberOf[k] = members.length;
    members.push({ evaluator: r.evaluator, column: c == null ? null : inputColumns.indexOf(c) });
  });
  const shared = new FusedState(new FusedAccumulator(members, inputColumns.length), inputColumns);
  let first = true;
  return resolved.map((r, k) => {
    const index = memberOf[k];
    if (index === undefined) return createGroupAggregate(r, mode);
    const member = new FusedGroupAggregate(shared, { index, resolved: r, driver: first, mode });
    first = false;
    return member;
  });
}

/**
 * The member that runs the one fused loop every aggregate of `aggs` belongs to, or `null` when some aggregate has
 * its own kernel (group ids are then needed anyway).
 */
export function soleFusedDriver(aggs: readonly GroupAggregate[]): FusedGroupAggregate | null {
  const driver = aggs[0];
  return driver instanceof FusedGroupAggregate && driver.drivesAll(aggs) ? driver : null;
}

/** The interleaved state of one fused loop, shared by its members. */
class FusedState {
  readonly accumulator: FusedAccumulator;
  state: Float64Array = new Float64Array(0);
  groups = 0;
  private readonly inputColumns: readonly number[];
  /** Rows accumulated so far (see {@link FusedState.unrolled}). */
  private rowsSeen = 0;

  constructor(accumulator: FusedAccumulator, inputColumns: readonly number[]) {
    this.accumulator = accumulator;
    this.inputColumns = inputColumns;
  }

  ensureGroups(groups: number): void {
    if (groups <= this.groups) return;
    const stride = this.accumulator.stride;
    if (groups * stride > this.state.length) {
      const grown = new Float64Array(Math.max(groups, 2 * (this.state.length / stride), 1024) * stride);
      grown.set(this.state.subarray(0, this.groups * stride));
      this.state = grown;
    }
    // New groups start as copies of the template: one copy, then doubling block copies (memcpy speed).
    const from = this.groups * stride;
    const to = groups * stride;
    this.state.set(this.accumulator.template, from);
    for (let filled = stride; from + filled < to; filled *= 2) {
      this.state.copyWithin(from + filled, from, from + Math.min(filled, to - from - filled));
    }
    this.groups = groups;
  }

  /**
   * Accumulates rows `from..numRows-1` (`from` a multiple of 8, so the NULL bitmaps can be sliced by whole bytes).
   */
  accumulate(
    groupIds: Int32Array,
    batch: ColumnBatch,
    rows: { readonly from: number; readonly numRows: number },
  ): void {
    const { from, numRows } = rows;
    const { values, validity, mask } = this.columnsOf(batch);
    const kernel = this.unrolled() ? this.accumulator.kernel(mask) : this.accumulator.plainKernel(mask);
    this.rowsSeen += numRows - from;
    if (from === 0) {
      kernel(this.state, groupIds, numRows, values, validity);
      return;
    }
    kernel(
      this.state,
      groupIds.subarray(from),
      numRows - from,
      values.map((v) => v.subarray(from)),
      validity.map((b) => (b == null ? null : b.subarray(from >> 3))),
    );
  }

  /**
   * Accumulates the rows of a batch whose groups come straight from the key table's direct map; returns the row
   * (a multiple of 8) from which on rows were left for the group-id path (a new key, or one outside the map).
   */
  accumulateKeyed(direct: DirectKeys, batch: ColumnBatch, numRows: number): number {
    if (!this.unrolled()) return 0;
    const { values, validity, mask } = this.columnsOf(batch);
    return this.accumulator.keyedKernel(mask)(
      this.state,
      direct.keys,
      numRows,
      values,
      validity,
      direct.map,
      direct.base,
    );
  }

  /** Whether enough rows went through for the unrolled loops to pay (see TUNING.unrollAfterRows). */
  private unrolled(): boolean {
    return this.rowsSeen >= TUNING.unrollAfterRows;
  }

  private columnsOf(batch: ColumnBatch): {
    values: FusedNumberValues[];
    validity: (Uint8Array | null)[];
    mask: number;
  } {
    const values: FusedNumberValues[] = [];
    const validity: (Uint8Array | null)[] = [];
    let mask = 0;
    this.inputColumns.forEach((k, c) => {
      const col = batch.columns[k];
      if (col?.layout !== 'fixed' || col.values instanceof BigInt64Array) {
        throw new InternalError(`fused aggregate input column ${k} is not a number column`);
      }
      values.push(col.values);
      const hasNulls = col.validity != null && col.nullCount > 0;
      validity.push(hasNulls ? col.validity : null);
      if (hasNulls) mask |= 1 << c;
    });
    return { values, validity, mask };
  }

  reset(): void {
    this.state = new Float64Array(0);
    this.groups = 0;
  }
}

/**
 * One call of a fused loop. The first member drives the shared state (grows it, runs the loop); the others only
 * read their slots, through their evaluator, when emitting or spilling.
 */
export class FusedGroupAggregate implements GroupAggregate {
  readonly outputType: DataType;
  private readonly shared: FusedState;
  private readonly index: number;
  private readonly resolved: ResolvedCall;
  private readonly driver: boolean;
  private readonly partialOutput: boolean;

  constructor(
    shared: FusedState,
    member: { index: number; resolved: ResolvedCall; driver: boolean; mode: OperatorMode },
  ) {
    this.shared = shared;
    this.index = member.index;
    this.resolved = member.resolved;
    this.driver = member.driver;
    this.partialOutput = emitsPartials(member.mode);
    this.outputType = this.partialOutput ? HiveTypes.binary : member.resolved.evaluator.resultType;
  }

  ensureGroups(groups: number): void {
    this.shared.ensureGroups(groups);
  }

  accumulate(groupIds: Int32Array, batch: ColumnBatch, numRows: number): void {
    if (this.driver) this.shared.accumulate(groupIds, batch, { from: 0, numRows });
  }

  /** Driver only: see {@link FusedState.accumulate} (rows from `from` on, a multiple of 8). */
  accumulateFrom(groupIds: Int32Array, batch: ColumnBatch, rows: { from: number; numRows: number }): void {
    this.shared.accumulate(groupIds, batch, rows);
  }

  /** Driver only: see {@link FusedState.accumulateKeyed}. */
  accumulateKeyed(direct: DirectKeys, batch: ColumnBatch, numRows: number): number {
    return this.shared.accumulateKeyed(direct, batch, numRows);
  }

  /** True when this member runs the shared loop for `others` too (they all belong to its fused state). */
  drivesAll(others: readonly GroupAggregate[]): boolean {
    return this.driver && others.every((a) => a instanceof FusedGroupAggregate && a.shared === this.shared);
  }

  merge(): void {
    throw new InternalError('fused aggregates only consume rows');
  }

  private stateOf(groups: ArrayLike<number>): ReturnType<FusedAccumulator['memberState']> {
    return this.shared.accumulator.memberState(this.shared.state, this.index, groups);
  }

  emit(builder: ColumnBuilder, from: number, to: number): void {
    const groups = new Int32Array(to - from);
    for (let g = from; g < to; g++) groups[g - from] = g;
    emitEvaluatorResults(this.resolved.evaluator, this.stateOf(groups), {
      builder,
      from: 0,
      to: to - from,
      partial: this.partialOutput,
    });
  }

  partialBytes(group: number): Uint8Array {
    const ev = this.resolved.evaluator;
    return ev.encodePartial(ev.terminatePartial(this.stateOf([group]), 0));
  }

  estimateBytes(): number {
    return this.driver ? this.shared.state.byteLength : 0;
  }

  reset(): void {
    this.shared.reset();
  }

  moveGroup(from: number, to: number): void {
    // Members may share slots, so the driver moves the whole stretch once for all of them.
    if (from === to || !this.driver) return;
    const { stride, template } = this.shared.accumulator;
    const state = this.shared.state;
    state.copyWithin(to * stride, from * stride, (from + 1) * stride);
    state.set(template, from * stride);
  }

  retainGroups(groups: number): void {
    this.shared.groups = Math.min(this.shared.groups, groups);
  }

  spillTypes(): DataType[] {
    return spillTypesOf(this.resolved.evaluator);
  }

  spillColumns(groups: Int32Array): Column[] {
    const state = this.stateOf(groups);
    return spillColumnsOf(state, groups.length);
  }

  mergeSpilled(): void {
    throw new InternalError('spilled fused state is merged by an evaluator aggregate');
  }
}
