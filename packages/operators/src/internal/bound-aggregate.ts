import { createAccumulatorState, growAccumulatorState, resolveAggregate } from '@hive-batch/aggregate';
import type { AccumulatorState, AggregateEvaluator, SlotArray, SlotType } from '@hive-batch/aggregate';
import {
  HiveBatchError,
  HiveTypes,
  InternalError,
  bytesAt,
  castValue,
  columnFromValues,
  createColumnBuilder,
  dataTypeEquals,
  getValue,
} from '@hive-batch/core';
import type {
  Column,
  ColumnBatch,
  ColumnBuilder,
  DataType,
  FixedValues,
  HiveValue,
  Schema,
} from '@hive-batch/core';
import type { AggregateArgument, AggregateCall } from '../aggregate-call';
import { createDistinctFastPath } from '../kernels/distinct-fast-path';
import type { GroupAggregate, ResolvedCall } from './group-aggregate';
import { consumesRows, emitsPartials } from './operator-mode';
import { widenNumberColumn } from './widen-column';
import type { OperatorMode } from './operator-mode';

/** Column type of each slot type in spill files (u8 slots travel as tinyint bytes). */
const SLOT_SPILL_TYPES: Record<SlotType, DataType> = {
  f64: HiveTypes.double,
  i64: HiveTypes.bigint,
  i32: HiveTypes.int,
  u8: HiveTypes.tinyint,
};

function slotTypeOf(a: SlotArray): SlotType {
  if (a instanceof Float64Array) return 'f64';
  if (a instanceof BigInt64Array) return 'i64';
  if (a instanceof Int32Array) return 'i32';
  return 'u8';
}

/** Functions whose DISTINCT evaluator is `withDistinct` over the plain one. */
const PLAIN_DISTINCT = new Set(['count', 'sum', '$sum0', 'min', 'max', 'avg']);

function argType(schema: Schema, arg: AggregateArgument): DataType {
  if (typeof arg !== 'number') return arg.type;
  const f = schema.fields[arg];
  if (f == null)
    throw new HiveBatchError('INVALID_ARGUMENT', `Aggregate argument column ${arg} does not exist`);
  return f.type;
}

/** Resolves one call against the input schema. */
export function resolveCall(call: AggregateCall, schema: Schema, mode: OperatorMode): ResolvedCall {
  const args = call.args ?? [];
  let argumentTypes: readonly DataType[];
  if (call.argumentTypes !== undefined) {
    argumentTypes = call.argumentTypes;
  } else if (consumesRows(mode)) {
    argumentTypes = args.map((a) => argType(schema, a));
  } else {
    throw new HiveBatchError(
      'INVALID_ARGUMENT',
      `Aggregate ${call.function.name} needs argumentTypes in ${mode} mode (its input is a partial)`,
    );
  }
  if (!consumesRows(mode)) {
    const p = args[0];
    if (args.length !== 1 || typeof p !== 'number' || argType(schema, p).kind !== 'binary') {
      throw new HiveBatchError(
        'INVALID_ARGUMENT',
        `Aggregate ${call.function.name} in ${mode} mode takes one binary partial column`,
      );
    }
  }
  const constantArguments = consumesRows(mode)
    ? args.map((a) => (typeof a === 'number' ? undefined : a.constant))
    : (call.constantArguments ?? argumentTypes.map(() => undefined));
  const resolveWith = (distinct: boolean): AggregateEvaluator =>
    resolveAggregate(call.function, {
      argumentTypes,
      constantArguments,
      distinct,
      star: call.star ?? false,
      ...(call.cboEnabled === undefined ? {} : { cboEnabled: call.cboEnabled }),
    });
  const evaluator = resolveWith(call.distinct ?? false);
  // The DISTINCT fast path needs the plain evaluator; only for functions whose DISTINCT form is exactly
  // `withDistinct(plain)` (the definition decides DISTINCT handling, e.g. variance has its own under CBO).
  const inner =
    call.distinct === true &&
    consumesRows(mode) &&
    argumentTypes.length === 1 &&
    PLAIN_DISTINCT.has(call.function.name)
      ? resolveWith(false)
      : evaluator;
  return { call, evaluator, inner, argumentTypes };
}

function castColumn(column: Column, to: DataType, numRows: number): Column {
  const values: unknown[] = new Array<unknown>(numRows);
  for (let i = 0; i < numRows; i++) {
    const v = getValue(column, i);
    values[i] = v == null ? null : castValue(v as HiveValue, column.type, to);
  }
  return columnFromValues(to, values);
}

/**
 * `rows` copies of `v` as a column of type `to`. A non-NULL fixed-width value fills a typed array directly: the
 * operator reads constant arguments (percentile's 0.5) as columns as long as its largest batch, millions of rows
 * once rows are held back, and one boxed array element per row cost more than the percentile itself.
 */
function constantColumn(to: DataType, v: unknown, rows: number): Column {
  if (v != null) {
    const one = columnFromValues(to, [v]);
    if (one.layout === 'fixed' && one.nullCount === 0) {
      const values = new (one.values.constructor as new (n: number) => FixedValues)(rows);
      (values as { fill(x: unknown): unknown }).fill(one.values[0]);
      return { ...one, length: rows, nullCount: 0, validity: null, values };
    }
  }
  return columnFromValues(to, new Array<unknown>(rows).fill(v));
}

/** Reads the argument columns of a call from a batch, cast to the evaluator's input types. */
export class ArgumentReader {
  private readonly args: readonly AggregateArgument[];
  private readonly inputTypes: readonly DataType[];
  private constants: (Column | null)[];
  private constantRows = 0;

  constructor(resolved: ResolvedCall) {
    this.args = resolved.call.args ?? [];
    this.inputTypes = resolved.evaluator.inputTypes;
    this.constants = this.args.map(() => null);
  }

  read(batch: ColumnBatch, numRows: number): Column[] {
    if (numRows > this.constantRows) {
      this.constantRows = Math.max(numRows, this.constantRows * 2);
      this.constants = this.args.map(() => null);
    }
    return this.args.map((a, k) => {
      const to = this.inputTypes[k] ?? argType(batch.schema, a);
      if (typeof a === 'number') {
        const c = batch.columns[a];
        if (c == null) throw new HiveBatchError('INVALID_ARGUMENT', `Input column ${a} does not exist`);
        if (dataTypeEquals(c.type, to)) return c;
        return widenNumberColumn(c, to, numRows) ?? castColumn(c, to, numRows);
      }
      let col = this.constants[k];
      if (col == null) {
        const v = a.constant == null ? null : castValue(a.constant as HiveValue, a.type, to);
        col = constantColumn(to, v, this.constantRows);
        this.constants[k] = col;
      }
      // Buffers may be longer than `length`, so one constant column serves every smaller batch.
      return { ...col, length: numRows, nullCount: col.nullCount === 0 ? 0 : numRows };
    });
  }
}

/**
 * Appends groups `from..to-1` of `state` to `builder`: encoded partials when `partial`, else the evaluator's
 * results (fixed-width double/bigint results in one bulk call instead of a checked append per group).
 */
export function emitEvaluatorResults(
  ev: AggregateEvaluator,
  state: AccumulatorState,
  out: {
    readonly builder: ColumnBuilder;
    readonly from: number;
    readonly to: number;
    readonly partial: boolean;
  },
): void {
  const { builder, from, to } = out;
  if (out.partial) {
    for (let g = from; g < to; g++) builder.append(ev.encodePartial(ev.terminatePartial(state, g)));
    return;
  }
  const kind = ev.resultType.kind;
  if (kind === 'double' || kind === 'bigint') {
    const n = to - from;
    const values = kind === 'double' ? new Float64Array(n) : new BigInt64Array(n);
    const valid = new Uint8Array(n);
    if (kind === 'double' && ev.terminateDoubles != null) {
      const nulls = ev.terminateDoubles(state, { from, to }, { values: values as Float64Array, valid });
      builder.appendFixedValues(values, nulls === 0 ? null : valid);
      return;
    }
    let nulls = 0;
    for (let g = from; g < to; g++) {
      const v = ev.terminate(state, g);
      if (v == null) {
        nulls++;
      } else {
        values[g - from] = v as never;
        valid[g - from] = 1;
      }
    }
    builder.appendFixedValues(values, nulls === 0 ? null : valid);
    return;
  }
  for (let g = from; g < to; g++) builder.append(ev.terminate(state, g));
}

/** Column types of an evaluator's spill columns: its raw slots, or one binary partial column for side state. */
export function spillTypesOf(ev: AggregateEvaluator): DataType[] {
  if (ev.layout.usesSideState) return [HiveTypes.binary];
  return ev.layout.slots.map((s) => SLOT_SPILL_TYPES[s.type]);
}

/** Fixed-width slots of groups `0..numGroups-1` of `state` as spill columns (u8 slots as tinyint bytes). */
export function spillColumnsOf(state: AccumulatorState, numGroups: number): Column[] {
  return state.slots.map((slot) => {
    const out = slot.length === numGroups ? slot : slot.subarray(0, numGroups);
    const values = out instanceof Uint8Array ? new Int8Array(out.buffer, out.byteOffset, numGroups) : out;
    const type = SLOT_SPILL_TYPES[slotTypeOf(out)];
    return {
      type,
      layout: 'fixed',
      length: numGroups,
      nullCount: 0,
      validity: null,
      values,
    } satisfies Column;
  });
}

/** A {@link GroupAggregate} over any evaluator, through the contract only. */
export class EvaluatorAggregate implements GroupAggregate {
  readonly outputType: DataType;
  readonly prefersLongGroupRuns: boolean;
  private readonly evaluator: AggregateEvaluator;
  private readonly reader: ArgumentReader;
  private readonly partialOutput: boolean;
  private readonly partialColumn: number;
  private state: AccumulatorState;
  private groups = 0;

  constructor(resolved: ResolvedCall, mode: OperatorMode) {
    this.evaluator = resolved.evaluator;
    this.reader = new ArgumentReader(resolved);
    this.partialOutput = emitsPartials(mode);
    this.outputType = this.partialOutput ? HiveTypes.binary : this.evaluator.resultType;
    const first = resolved.call.args?.[0];
    this.partialColumn = typeof first === 'number' ? first : -1;
    this.state = createAccumulatorState(this.evaluator.layout, 0);
    this.prefersLongGroupRuns = this.evaluator.prefersLongGroupRuns === true;
  }

  ensureGroups(groups: number): void {
    if (groups <= this.groups) return;
    growAccumulatorState(this.state, this.evaluator.layout, groups);
    for (let g = this.groups; g < groups; g++) this.evaluator.init(this.state, g);
    this.groups = groups;
  }

  accumulate(groupIds: Int32Array, batch: ColumnBatch, numRows: number): void {
    this.evaluator.accumulateBatch(this.state, groupIds, this.reader.read(batch, numRows), numRows);
  }

  merge(groupIds: Int32Array, batch: ColumnBatch, numRows: number): void {
    const col = batch.columns[this.partialColumn];
    if (col?.layout !== 'varbinary') {
      throw new HiveBatchError('INVALID_ARGUMENT', `Column ${this.partialColumn} is not a partial column`);
    }
    const ev = this.evaluator;
    for (let i = 0; i < numRows; i++) {
      const v = col.validity;
      const isNull = v != null && ((v[i >> 3] ?? 0) & (1 << (i & 7))) === 0;
      ev.merge(this.state, groupIds[i] ?? 0, isNull ? null : ev.decodePartial(bytesAt(col, i)));
    }
  }

  emit(builder: ColumnBuilder, from: number, to: number): void {
    emitEvaluatorResults(this.evaluator, this.state, { builder, from, to, partial: this.partialOutput });
  }

  partialBytes(group: number): Uint8Array {
    return this.evaluator.encodePartial(this.evaluator.terminatePartial(this.state, group));
  }

  estimateBytes(groups: number): number {
    let bytes = 0;
    for (const s of this.state.slots) bytes += s.byteLength;
    if (this.evaluator.layout.usesSideState && groups > 0) {
      // Sample a few groups: the evaluator's own O(1) size when it has one, else encoded partials (×2 for
      // object overhead), which costs as much as encoding them.
      const ev = this.evaluator;
      const samples = Math.min(groups, 8);
      let sampled = 0;
      for (let k = 0; k < samples; k++) {
        const g = Math.floor((k * (groups - 1)) / Math.max(samples - 1, 1));
        sampled +=
          ev.estimateSideBytes == null
            ? 2 * this.partialBytes(g).length
            : ev.estimateSideBytes(this.state, g);
      }
      bytes += (groups * sampled) / samples + groups * 64;
    }
    return bytes;
  }

  reset(): void {
    this.state = createAccumulatorState(this.evaluator.layout, 0);
    this.groups = 0;
  }

  retainGroups(groups: number): void {
    this.groups = Math.min(this.groups, groups);
  }

  spillTypes(): DataType[] {
    return spillTypesOf(this.evaluator);
  }

  spillColumns(groups: Int32Array): Column[] {
    const m = groups.length;
    if (this.evaluator.layout.usesSideState) {
      const b = createColumnBuilder(HiveTypes.binary, { initialCapacity: Math.max(m, 1) });
      for (let j = 0; j < m; j++) b.append(this.partialBytes(groups[j] ?? 0));
      return [b.finish()];
    }
    // Fixed-width state is written as its raw slots: no per-group partial objects or byte strings.
    const gathered: AccumulatorState = {
      slots: this.state.slots.map((slot) => {
        const out = new (slot.constructor as new (n: number) => SlotArray)(m);
        for (let j = 0; j < m; j++) out[j] = slot[groups[j] ?? 0] as never;
        return out;
      }),
      side: [],
      capacity: m,
    };
    return spillColumnsOf(gathered, m);
  }

  mergeSpilled(groupIds: Int32Array, columns: readonly Column[], numRows: number): void {
    const ev = this.evaluator;
    if (ev.layout.usesSideState) {
      const col = columns[0];
      if (col?.layout !== 'varbinary') throw new InternalError('Spilled side state must be a binary column');
      for (let i = 0; i < numRows; i++)
        ev.merge(this.state, groupIds[i] ?? 0, ev.decodePartial(bytesAt(col, i)));
      return;
    }
    // Rebuild the spilled groups as a state of their own, then merge them through the contract.
    const spilled: AccumulatorState = {
      slots: columns.map((c) => {
        if (c.layout !== 'fixed') throw new InternalError('Spilled slots must be fixed-width columns');
        const v = c.values;
        return v instanceof Int8Array ? new Uint8Array(v.buffer, v.byteOffset, v.length) : (v as SlotArray);
      }),
      side: [],
      capacity: numRows,
    };
    for (let i = 0; i < numRows; i++) ev.merge(this.state, groupIds[i] ?? 0, ev.terminatePartial(spilled, i));
  }

  moveGroup(from: number, to: number): void {
    if (from === to) return;
    for (const s of this.state.slots) s[to] = s[from] as never;
    if (this.evaluator.layout.usesSideState) this.state.side[to] = this.state.side[from];
    // Group `from` must not share state with `to`: give it a fresh one.
    this.evaluator.init(this.state, from);
  }
}

/** Builds the operator-side aggregate for a resolved call (a typed fast path where one exists). */
export function createGroupAggregate(resolved: ResolvedCall, mode: OperatorMode): GroupAggregate {
  if (resolved.call.distinct === true && consumesRows(mode)) {
    const fast = createDistinctFastPath(resolved, mode);
    if (fast != null) return fast;
  }
  return new EvaluatorAggregate(resolved, mode);
}

/** A fresh builder for an aggregate's output. */
export function outputBuilder(agg: GroupAggregate, rows: number): ColumnBuilder {
  return createColumnBuilder(agg.outputType, { initialCapacity: Math.max(rows, 1) });
}
