import { HiveBatchError, InternalError } from '../errors/hive-batch-error';
import type { DataType } from '../types/data-type';
import type {
  BoolColumn,
  Column,
  DecimalColumn,
  FixedColumn,
  FixedValues,
  ListColumn,
  MapColumn,
  NullColumn,
  StructColumn,
  VarBinaryColumn,
} from './column';
import { decimalWidthOf } from './column-layout';
import {
  decimalToUnscaled,
  decimalUnscaledAt,
  describe,
  DECIMAL128_MAX_UNSCALED,
  pow10n,
  writeDecimal128,
} from './decimal-unscaled-at';
import { getValue } from './get-value';
import { copyBits, countZeroBits, writeBit } from './validity';

/** Options of {@link createColumnBuilder}. */
export interface ColumnBuilderOptions {
  /** Rows to allocate room for on the first append; buffers then grow by doubling. Rows. Defaults to `1024`. */
  readonly initialCapacity?: number;
}

/**
 * Appends values of one Hive type and produces a {@link Column}. Values use the core value representation
 * (int → number, bigint → bigint, decimal → HiveDecimal, string → string, date → days, timestamp → µs bigint,
 * binary → Uint8Array, array → Array, map → Map, struct → plain object; `null`/`undefined` → NULL).
 */
export interface ColumnBuilder {
  readonly type: DataType;
  /** Rows appended since creation or the last {@link ColumnBuilder.finish}. */
  readonly length: number;
  /** NULL rows among them. */
  readonly nullCount: number;
  /** Bytes the finished column's buffers will reference (trimmed; children included). For memory budgets. */
  readonly byteSize: number;
  /**
   * Appends one value (NULL for `null`/`undefined`).
   * @throws {HiveBatchError} `TYPE_MISMATCH` when the value has the wrong JS type or is out of range for the type
   * @throws {HiveBatchError} `INVALID_ARGUMENT` when a decimal does not fit the type's precision
   */
  append(value: unknown): void;
  /** Appends one NULL. */
  appendNull(): void;
  /**
   * Fast path for `fixed` layouts: appends `values` as the typed array would convert them (no range checks).
   * `valid[i] === 0` marks row i NULL; omit `valid` when there are no NULLs.
   * @throws {HiveBatchError} `UNSUPPORTED_OPERATION` for other layouts
   */
  appendFixedValues(values: ArrayLike<number> | BigInt64Array, valid?: ArrayLike<number> | null): void;
  /**
   * Fast path for `decimal` layouts: appends an unscaled value (value × 10^scale).
   * @throws {HiveBatchError} `UNSUPPORTED_OPERATION` for other layouts; `INVALID_ARGUMENT` when it exceeds the precision
   */
  appendUnscaled(unscaled: bigint): void;
  /**
   * Appends rows `[start, end)` of a column of the same type (bulk copies for flat layouts).
   * @throws {HiveBatchError} `TYPE_MISMATCH` when the column's layout differs
   */
  appendColumn(column: Column, start?: number, end?: number): void;
  /**
   * Returns the column built so far (buffers are trimmed views, not copies) and resets the builder to empty.
   */
  finish(): Column;
}

const DEFAULT_INITIAL_CAPACITY = 1024;
const MAX_VARBINARY_BYTES = 0x7fffffff;

/**
 * Creates a builder for a column of `type`.
 *
 * @param type - the Hive type of the column
 * @param options - see {@link ColumnBuilderOptions}
 * @returns a fresh, empty builder
 * @example
 * ```ts
 * const b = createColumnBuilder(HiveTypes.int);
 * b.append(1); b.appendNull();
 * b.finish(); // { layout: 'fixed', length: 2, nullCount: 1, values: Int32Array [1, 0], ... }
 * ```
 */
export function createColumnBuilder(type: DataType, options: ColumnBuilderOptions = {}): ColumnBuilder {
  const capacity = Math.max(1, options.initialCapacity ?? DEFAULT_INITIAL_CAPACITY);
  switch (type.kind) {
    case 'void':
      return new NullBuilder(type, capacity);
    case 'boolean':
      return new BoolBuilder(type, capacity);
    case 'tinyint':
      return new NumberBuilder(type, { capacity, make: (n) => new Int8Array(n), min: -128, max: 127 });
    case 'smallint':
      return new NumberBuilder(type, { capacity, make: (n) => new Int16Array(n), min: -32768, max: 32767 });
    case 'int':
    case 'date':
      return new NumberBuilder(type, {
        capacity,
        make: (n) => new Int32Array(n),
        min: -2147483648,
        max: 2147483647,
      });
    case 'float':
      return new NumberBuilder(type, { capacity, make: (n) => new Float32Array(n), min: null, max: null });
    case 'double':
      return new NumberBuilder(type, { capacity, make: (n) => new Float64Array(n), min: null, max: null });
    case 'bigint':
    case 'timestamp':
      return new BigIntBuilder(type, capacity);
    case 'decimal':
      return new DecimalBuilder(type, capacity);
    case 'string':
    case 'varchar':
    case 'char':
    case 'binary':
      return new VarBinaryBuilder(type, capacity);
    case 'array':
      return new ListBuilder(type, capacity);
    case 'map':
      return new MapBuilder(type, capacity);
    case 'struct':
      return new StructBuilder(type, capacity);
  }
}

type TypedArray = FixedValues | Uint8Array;

/** Returns `arr` if it holds `needed` elements, else a copy with doubled capacity (at least `min`). */
function ensureCapacity<TArray extends TypedArray>(arr: TArray, needed: number, min: number): TArray {
  if (needed <= arr.length) return arr;
  let cap = Math.max(arr.length * 2, min, 8);
  while (cap < needed) cap *= 2;
  const next = new (arr.constructor as new (n: number) => TArray)(cap);
  (next as unknown as { set(a: TArray): void }).set(arr);
  return next;
}

function mismatch(type: DataType, value: unknown): HiveBatchError {
  return new HiveBatchError('TYPE_MISMATCH', `Cannot append ${describe(value)} to a ${type.kind} column`);
}

abstract class BaseBuilder implements ColumnBuilder {
  readonly type: DataType;
  length = 0;
  nullCount = 0;
  protected readonly initialCapacity: number;
  /** Allocated on the first NULL; bits of rows appended before it are set then. */
  protected validity: Uint8Array = new Uint8Array(0);
  protected hasValidity = false;

  constructor(type: DataType, initialCapacity: number) {
    this.type = type;
    this.initialCapacity = initialCapacity;
  }

  abstract append(value: unknown): void;
  abstract appendNull(): void;
  abstract finish(): Column;
  protected abstract dataByteSize(): number;

  get byteSize(): number {
    return (this.nullCount > 0 ? (this.length + 7) >> 3 : 0) + this.dataByteSize();
  }

  appendFixedValues(_values: ArrayLike<number> | BigInt64Array, _valid?: ArrayLike<number> | null): void {
    throw new HiveBatchError(
      'UNSUPPORTED_OPERATION',
      `appendFixedValues is not available for ${this.type.kind} columns`,
    );
  }

  appendUnscaled(_unscaled: bigint): void {
    throw new HiveBatchError(
      'UNSUPPORTED_OPERATION',
      `appendUnscaled is not available for ${this.type.kind} columns`,
    );
  }

  appendColumn(column: Column, start = 0, end: number = column.length): void {
    if (column.layout === 'null') {
      for (let i = start; i < end; i++) this.appendNull();
      return;
    }
    if (!this.appendColumnFast(column, start, end)) {
      for (let i = start; i < end; i++) this.append(getValue(column, i));
    }
  }

  /** Bulk copy when the layouts agree; returns false to fall back to row-by-row appends. */
  protected appendColumnFast(_column: Column, _start: number, _end: number): boolean {
    return false;
  }

  /** Records validity of the row at index `this.length` (call before incrementing length). */
  protected markValid(): void {
    if (this.hasValidity) {
      this.validity = ensureCapacity(this.validity, (this.length >> 3) + 1, (this.initialCapacity + 7) >> 3);
      writeBit(this.validity, this.length, true);
    }
  }

  protected markNull(): void {
    if (!this.hasValidity) {
      const bytes = Math.max((this.length >> 3) + 1, (this.initialCapacity + 7) >> 3);
      this.validity = new Uint8Array(bytes).fill(0xff);
      this.hasValidity = true;
    } else {
      this.validity = ensureCapacity(this.validity, (this.length >> 3) + 1, (this.initialCapacity + 7) >> 3);
    }
    writeBit(this.validity, this.length, false);
    this.nullCount++;
  }

  /** Copies the validity of rows `[start, start + count)` of `column` to rows from `this.length` on. */
  protected copyValidity(column: Column, start: number, count: number): void {
    const src = column.validity;
    if (src == null) {
      if (this.hasValidity) {
        this.validity = ensureCapacity(this.validity, (this.length + count + 7) >> 3, 1);
        for (let k = 0; k < count; k++) writeBit(this.validity, this.length + k, true);
      }
      return;
    }
    const nulls = countZeroBits(src, start, count);
    if (nulls === 0 && !this.hasValidity) return;
    if (!this.hasValidity) {
      this.validity = new Uint8Array(Math.max((this.length + count + 7) >> 3, 1)).fill(0xff);
      this.hasValidity = true;
    }
    this.validity = ensureCapacity(this.validity, (this.length + count + 7) >> 3, 1);
    copyBits(src, this.validity, { srcOffset: start, dstOffset: this.length, length: count });
    this.nullCount += nulls;
  }

  protected finishValidity(): Uint8Array | null {
    return this.nullCount > 0 ? this.validity.subarray(0, (this.length + 7) >> 3) : null;
  }

  protected resetBase(): void {
    this.length = 0;
    this.nullCount = 0;
    this.validity = new Uint8Array(0);
    this.hasValidity = false;
  }
}

class NullBuilder extends BaseBuilder {
  append(value: unknown): void {
    if (value != null) throw mismatch(this.type, value);
    this.appendNull();
  }
  appendNull(): void {
    this.length++;
    this.nullCount++;
  }
  protected override dataByteSize(): number {
    return 0;
  }
  override get byteSize(): number {
    return 0;
  }
  finish(): NullColumn {
    const col: NullColumn = {
      layout: 'null',
      type: this.type,
      length: this.length,
      nullCount: this.length,
      validity: null,
    };
    this.resetBase();
    return col;
  }
}

class BoolBuilder extends BaseBuilder {
  private values = new Uint8Array(0);
  append(value: unknown): void {
    if (value == null) return this.appendNull();
    if (typeof value !== 'boolean') throw mismatch(this.type, value);
    this.values = ensureCapacity(this.values, (this.length >> 3) + 1, (this.initialCapacity + 7) >> 3);
    writeBit(this.values, this.length, value);
    this.markValid();
    this.length++;
  }
  appendNull(): void {
    this.values = ensureCapacity(this.values, (this.length >> 3) + 1, (this.initialCapacity + 7) >> 3);
    writeBit(this.values, this.length, false);
    this.markNull();
    this.length++;
  }
  protected override appendColumnFast(column: Column, start: number, end: number): boolean {
    if (column.layout !== 'bool') return false;
    const count = end - start;
    this.values = ensureCapacity(
      this.values,
      (this.length + count + 7) >> 3,
      (this.initialCapacity + 7) >> 3,
    );
    copyBits(column.values, this.values, { srcOffset: start, dstOffset: this.length, length: count });
    this.copyValidity(column, start, count);
    this.length += count;
    return true;
  }
  protected override dataByteSize(): number {
    return (this.length + 7) >> 3;
  }
  finish(): BoolColumn {
    const col: BoolColumn = {
      layout: 'bool',
      type: this.type,
      length: this.length,
      nullCount: this.nullCount,
      validity: this.finishValidity(),
      values: this.values.subarray(0, (this.length + 7) >> 3),
    };
    this.values = new Uint8Array(0);
    this.resetBase();
    return col;
  }
}

type NumberValues = Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;

interface NumberBuilderSpec {
  readonly capacity: number;
  readonly make: (n: number) => NumberValues;
  /** Inclusive integer range, or null for floating point. */
  readonly min: number | null;
  readonly max: number | null;
}

class NumberBuilder extends BaseBuilder {
  private values: NumberValues;
  private readonly spec: NumberBuilderSpec;
  constructor(type: DataType, spec: NumberBuilderSpec) {
    super(type, spec.capacity);
    this.spec = spec;
    this.values = spec.make(0);
  }
  append(value: unknown): void {
    if (value == null) return this.appendNull();
    if (typeof value !== 'number') throw mismatch(this.type, value);
    const { min, max } = this.spec;
    if (min != null && max != null && !(Number.isInteger(value) && value >= min && value <= max)) {
      throw mismatch(this.type, value);
    }
    this.values = ensureCapacity(this.values, this.length + 1, this.initialCapacity);
    this.values[this.length] = value;
    this.markValid();
    this.length++;
  }
  appendNull(): void {
    this.values = ensureCapacity(this.values, this.length + 1, this.initialCapacity);
    this.values[this.length] = 0;
    this.markNull();
    this.length++;
  }
  override appendFixedValues(
    values: ArrayLike<number> | BigInt64Array,
    valid?: ArrayLike<number> | null,
  ): void {
    if (values instanceof BigInt64Array) throw mismatch(this.type, values);
    const count = values.length;
    this.values = ensureCapacity(this.values, this.length + count, this.initialCapacity);
    this.values.set(values, this.length);
    appendValidMask(this, valid, count);
  }
  protected override appendColumnFast(column: Column, start: number, end: number): boolean {
    if (column.layout !== 'fixed' || column.values.constructor !== this.values.constructor) return false;
    const count = end - start;
    this.values = ensureCapacity(this.values, this.length + count, this.initialCapacity);
    (this.values as unknown as { set(a: FixedValues, o: number): void }).set(
      column.values.subarray(start, end),
      this.length,
    );
    this.copyValidity(column, start, count);
    this.length += count;
    return true;
  }
  protected override dataByteSize(): number {
    return this.length * this.values.BYTES_PER_ELEMENT;
  }
  /** Used by {@link appendValidMask}. */
  markRow(valid: boolean): void {
    if (valid) this.markValid();
    else this.markNull();
    this.length++;
  }
  finish(): FixedColumn {
    const col: FixedColumn = {
      layout: 'fixed',
      type: this.type,
      length: this.length,
      nullCount: this.nullCount,
      validity: this.finishValidity(),
      values: this.values.subarray(0, this.length),
    };
    this.values = this.spec.make(0);
    this.resetBase();
    return col;
  }
}

/** Marks `count` new rows valid or NULL from a byte mask (0 = NULL), or all valid when there is no mask. */
function appendValidMask(
  builder: { markRow(valid: boolean): void },
  valid: ArrayLike<number> | null | undefined,
  count: number,
): void {
  if (valid != null && valid.length !== count) {
    throw new HiveBatchError('INVALID_ARGUMENT', `valid has ${valid.length} entries for ${count} values`);
  }
  for (let k = 0; k < count; k++) builder.markRow(valid == null || valid[k] !== 0);
}

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

class BigIntBuilder extends BaseBuilder {
  private values = new BigInt64Array(0);
  append(value: unknown): void {
    if (value == null) return this.appendNull();
    if (typeof value !== 'bigint' || value < INT64_MIN || value > INT64_MAX) throw mismatch(this.type, value);
    this.values = ensureCapacity(this.values, this.length + 1, this.initialCapacity);
    this.values[this.length] = value;
    this.markValid();
    this.length++;
  }
  appendNull(): void {
    this.values = ensureCapacity(this.values, this.length + 1, this.initialCapacity);
    this.values[this.length] = 0n;
    this.markNull();
    this.length++;
  }
  override appendFixedValues(
    values: ArrayLike<number> | BigInt64Array,
    valid?: ArrayLike<number> | null,
  ): void {
    if (!(values instanceof BigInt64Array)) throw mismatch(this.type, values);
    const count = values.length;
    this.values = ensureCapacity(this.values, this.length + count, this.initialCapacity);
    this.values.set(values, this.length);
    appendValidMask(this, valid, count);
  }
  protected override appendColumnFast(column: Column, start: number, end: number): boolean {
    if (column.layout !== 'fixed' || !(column.values instanceof BigInt64Array)) return false;
    const count = end - start;
    this.values = ensureCapacity(this.values, this.length + count, this.initialCapacity);
    this.values.set(column.values.subarray(start, end), this.length);
    this.copyValidity(column, start, count);
    this.length += count;
    return true;
  }
  markRow(valid: boolean): void {
    if (valid) this.markValid();
    else this.markNull();
    this.length++;
  }
  protected override dataByteSize(): number {
    return this.length * 8;
  }
  finish(): FixedColumn {
    const col: FixedColumn = {
      layout: 'fixed',
      type: this.type,
      length: this.length,
      nullCount: this.nullCount,
      validity: this.finishValidity(),
      values: this.values.subarray(0, this.length),
    };
    this.values = new BigInt64Array(0);
    this.resetBase();
    return col;
  }
}

class DecimalBuilder extends BaseBuilder {
  private values = new BigInt64Array(0);
  private readonly width: 1 | 2;
  private readonly precision: number;
  private readonly scale: number;
  constructor(type: DataType, capacity: number) {
    super(type, capacity);
    if (type.kind !== 'decimal') throw new InternalError(`DecimalBuilder for ${type.kind}`);
    this.precision = type.precision;
    this.scale = type.scale;
    this.width = decimalWidthOf(type.precision);
  }
  append(value: unknown): void {
    if (value == null) return this.appendNull();
    this.put(decimalToUnscaled(value, this.precision, this.scale));
  }
  override appendUnscaled(unscaled: bigint): void {
    const limit = pow10n(this.precision);
    if (unscaled >= limit || unscaled <= -limit || unscaled > DECIMAL128_MAX_UNSCALED) {
      throw new HiveBatchError(
        'INVALID_ARGUMENT',
        `Unscaled value ${unscaled.toString()} does not fit decimal(${this.precision},${this.scale})`,
      );
    }
    this.put(unscaled);
  }
  private put(unscaled: bigint): void {
    this.values = ensureCapacity(
      this.values,
      (this.length + 1) * this.width,
      this.initialCapacity * this.width,
    );
    if (this.width === 1) this.values[this.length] = unscaled;
    else writeDecimal128(this.values, this.length, unscaled);
    this.markValid();
    this.length++;
  }
  appendNull(): void {
    this.values = ensureCapacity(
      this.values,
      (this.length + 1) * this.width,
      this.initialCapacity * this.width,
    );
    if (this.width === 1) this.values[this.length] = 0n;
    else writeDecimal128(this.values, this.length, 0n);
    this.markNull();
    this.length++;
  }
  protected override appendColumnFast(column: Column, start: number, end: number): boolean {
    if (column.layout !== 'decimal' || column.type.kind !== 'decimal' || column.type.scale !== this.scale)
      return false;
    const count = end - start;
    if (column.width !== this.width || column.type.precision > this.precision) {
      // Different width or a wider source: re-encode value by value so precision is checked.
      for (let i = start; i < end; i++) {
        if ((column.validity?.[i >> 3] ?? 0xff) & (1 << (i & 7)))
          this.appendUnscaled(decimalUnscaledAt(column, i));
        else this.appendNull();
      }
      return true;
    }
    const w = this.width;
    this.values = ensureCapacity(this.values, (this.length + count) * w, this.initialCapacity * w);
    this.values.set(column.values.subarray(start * w, end * w), this.length * w);
    this.copyValidity(column, start, count);
    this.length += count;
    return true;
  }
  protected override dataByteSize(): number {
    return this.length * 8 * this.width;
  }
  finish(): DecimalColumn {
    const col: DecimalColumn = {
      layout: 'decimal',
      type: this.type,
      length: this.length,
      nullCount: this.nullCount,
      validity: this.finishValidity(),
      values: this.values.subarray(0, this.length * this.width),
      width: this.width,
    };
    this.values = new BigInt64Array(0);
    this.resetBase();
    return col;
  }
}

const encoder = new TextEncoder();
const ASCII_FAST_PATH_MAX_CHARS = 64;

class VarBinaryBuilder extends BaseBuilder {
  private offsets = new Int32Array(0);
  private data = new Uint8Array(0);
  private pos = 0;
  private readonly binary: boolean;
  constructor(type: DataType, capacity: number) {
    super(type, capacity);
    this.binary = type.kind === 'binary';
  }
  append(value: unknown): void {
    if (value == null) return this.appendNull();
    if (this.binary) {
      if (!(value instanceof Uint8Array)) throw mismatch(this.type, value);
      this.reserve(value.length);
      this.data.set(value, this.pos);
      this.pos += value.length;
    } else {
      if (typeof value !== 'string') throw mismatch(this.type, value);
      // UTF-8 needs at most 3 bytes per UTF-16 code unit.
      this.reserve(value.length * 3);
      const n = value.length;
      let k = 0;
      if (n <= ASCII_FAST_PATH_MAX_CHARS) {
        // Short ASCII strings are copied by hand: encodeInto's call and subarray cost more than the loop.
        const data = this.data;
        const pos = this.pos;
        for (; k < n; k++) {
          const c = value.charCodeAt(k);
          if (c >= 0x80) break;
          data[pos + k] = c;
        }
      }
      if (k === n) this.pos += n;
      else this.pos += encoder.encodeInto(value, this.data.subarray(this.pos)).written;
    }
    this.markValid();
    this.length++;
    this.offsets[this.length] = this.pos;
  }
  appendNull(): void {
    this.reserve(0);
    this.markNull();
    this.length++;
    this.offsets[this.length] = this.pos;
  }
  private reserve(bytes: number): void {
    this.offsets = ensureCapacity(this.offsets, this.length + 2, this.initialCapacity + 1);
    if (this.pos + bytes > MAX_VARBINARY_BYTES) {
      throw new HiveBatchError(
        'MEMORY_EXCEEDED',
        `A ${this.type.kind} column cannot hold more than 2 GiB of data`,
      );
    }
    this.data = ensureCapacity(this.data, this.pos + bytes, this.initialCapacity * 8);
  }
  protected override appendColumnFast(column: Column, start: number, end: number): boolean {
    if (column.layout !== 'varbinary') return false;
    const count = end - start;
    const from = column.offsets[start] ?? 0;
    const to = column.offsets[end] ?? from;
    this.reserve(to - from);
    this.offsets = ensureCapacity(this.offsets, this.length + count + 1, this.initialCapacity + 1);
    this.data.set(column.data.subarray(from, to), this.pos);
    const shift = this.pos - from;
    for (let k = 1; k <= count; k++)
      this.offsets[this.length + k] = (column.offsets[start + k] ?? to) + shift;
    this.pos += to - from;
    this.copyValidity(column, start, count);
    this.length += count;
    return true;
  }
  protected override dataByteSize(): number {
    return 4 * (this.length + 1) + this.pos;
  }
  finish(): VarBinaryColumn {
    this.offsets = ensureCapacity(this.offsets, this.length + 1, 1);
    const col: VarBinaryColumn = {
      layout: 'varbinary',
      type: this.type,
      length: this.length,
      nullCount: this.nullCount,
      validity: this.finishValidity(),
      offsets: this.offsets.subarray(0, this.length + 1),
      data: this.data.subarray(0, this.pos),
    };
    this.offsets = new Int32Array(0);
    this.data = new Uint8Array(0);
    this.pos = 0;
    this.resetBase();
    return col;
  }
}

class ListBuilder extends BaseBuilder {
  private offsets = new Int32Array(0);
  private readonly child: ColumnBuilder;
  constructor(type: DataType, capacity: number) {
    super(type, capacity);
    if (type.kind !== 'array') throw new InternalError(`ListBuilder for ${type.kind}`);
    this.child = createColumnBuilder(type.element, { initialCapacity: capacity });
  }
  append(value: unknown): void {
    if (value == null) return this.appendNull();
    if (!Array.isArray(value)) throw mismatch(this.type, value);
    this.offsets = ensureCapacity(this.offsets, this.length + 2, this.initialCapacity + 1);
    for (const element of value as readonly unknown[]) this.child.append(element);
    this.markValid();
    this.length++;
    this.offsets[this.length] = this.child.length;
  }
  appendNull(): void {
    this.offsets = ensureCapacity(this.offsets, this.length + 2, this.initialCapacity + 1);
    this.markNull();
    this.length++;
    this.offsets[this.length] = this.child.length;
  }
  protected override dataByteSize(): number {
    return 4 * (this.length + 1) + this.child.byteSize;
  }
  finish(): ListColumn {
    this.offsets = ensureCapacity(this.offsets, this.length + 1, 1);
    const col: ListColumn = {
      layout: 'list',
      type: this.type,
      length: this.length,
      nullCount: this.nullCount,
      validity: this.finishValidity(),
      offsets: this.offsets.subarray(0, this.length + 1),
      child: this.child.finish(),
    };
    this.offsets = new Int32Array(0);
    this.resetBase();
    return col;
  }
}

class MapBuilder extends BaseBuilder {
  private offsets = new Int32Array(0);
  private readonly keys: ColumnBuilder;
  private readonly values: ColumnBuilder;
  constructor(type: DataType, capacity: number) {
    super(type, capacity);
    if (type.kind !== 'map') throw new InternalError(`MapBuilder for ${type.kind}`);
    this.keys = createColumnBuilder(type.key, { initialCapacity: capacity });
    this.values = createColumnBuilder(type.value, { initialCapacity: capacity });
  }
  append(value: unknown): void {
    if (value == null) return this.appendNull();
    if (!(value instanceof Map)) throw mismatch(this.type, value);
    this.offsets = ensureCapacity(this.offsets, this.length + 2, this.initialCapacity + 1);
    for (const [k, v] of value as ReadonlyMap<unknown, unknown>) {
      this.keys.append(k);
      this.values.append(v);
    }
    this.markValid();
    this.length++;
    this.offsets[this.length] = this.keys.length;
  }
  appendNull(): void {
    this.offsets = ensureCapacity(this.offsets, this.length + 2, this.initialCapacity + 1);
    this.markNull();
    this.length++;
    this.offsets[this.length] = this.keys.length;
  }
  protected override dataByteSize(): number {
    return 4 * (this.length + 1) + this.keys.byteSize + this.values.byteSize;
  }
  finish(): MapColumn {
    this.offsets = ensureCapacity(this.offsets, this.length + 1, 1);
    const col: MapColumn = {
      layout: 'map',
      type: this.type,
      length: this.length,
      nullCount: this.nullCount,
      validity: this.finishValidity(),
      offsets: this.offsets.subarray(0, this.length + 1),
      keys: this.keys.finish(),
      values: this.values.finish(),
    };
    this.offsets = new Int32Array(0);
    this.resetBase();
    return col;
  }
}

class StructBuilder extends BaseBuilder {
  private readonly names: readonly string[];
  private readonly children: readonly ColumnBuilder[];
  constructor(type: DataType, capacity: number) {
    super(type, capacity);
    if (type.kind !== 'struct') throw new InternalError(`StructBuilder for ${type.kind}`);
    this.names = type.fields.map((f) => f.name);
    this.children = type.fields.map((f) => createColumnBuilder(f.type, { initialCapacity: capacity }));
  }
  append(value: unknown): void {
    if (value == null) return this.appendNull();
    if (
      typeof value !== 'object' ||
      Array.isArray(value) ||
      value instanceof Map ||
      value instanceof Uint8Array
    ) {
      throw mismatch(this.type, value);
    }
    const record = value as Readonly<Record<string, unknown>>;
    this.children.forEach((child, k) => child.append(record[this.names[k] ?? '']));
    this.markValid();
    this.length++;
  }
  appendNull(): void {
    for (const child of this.children) child.appendNull();
    this.markNull();
    this.length++;
  }
  protected override dataByteSize(): number {
    let sum = 0;
    for (const child of this.children) sum += child.byteSize;
    return sum;
  }
  finish(): StructColumn {
    const col: StructColumn = {
      layout: 'struct',
      type: this.type,
      length: this.length,
      nullCount: this.nullCount,
      validity: this.finishValidity(),
      children: this.children.map((c) => c.finish()),
    };
    this.resetBase();
    return col;
  }
}
