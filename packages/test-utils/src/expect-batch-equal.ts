import { expect } from 'vitest';
import { HiveDecimal, getValue, isNullAt } from '@hive-batch/core';
import type { Column, ColumnBatch } from '@hive-batch/core';

/**
 * A value made comparable with vitest's `toEqual`: decimals become `{ decimal: '<canonical string>' }` so equal
 * values compare equal whatever their decimal.js clone or trailing zeros; containers are normalised deeply.
 */
export function normalizeValue(value: unknown): unknown {
  if (value == null) return null;
  if (HiveDecimal.isDecimal(value)) {
    return { decimal: new HiveDecimal(value).toFixed() };
  }
  if (value instanceof Uint8Array) return value;
  if (Array.isArray(value)) return (value as readonly unknown[]).map(normalizeValue);
  if (value instanceof Map) {
    const out = new Map<unknown, unknown>();
    for (const [k, v] of value as ReadonlyMap<unknown, unknown>)
      out.set(normalizeValue(k), normalizeValue(v));
    return out;
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = normalizeValue(v);
    return out;
  }
  return value;
}

/** Layout invariant violations of a column (length, nullCount vs validity, offsets monotone), recursively. */
export function columnProblems(column: Column, path = 'column'): string[] {
  const problems: string[] = [];
  let nulls = 0;
  for (let i = 0; i < column.length; i++) if (isNullAt(column, i)) nulls++;
  if (column.nullCount !== nulls)
    problems.push(`${path}.nullCount is ${column.nullCount}, validity has ${nulls}`);
  if (column.validity != null && column.validity.length * 8 < column.length) {
    problems.push(`${path}.validity has ${column.validity.length} bytes for ${column.length} rows`);
  }
  switch (column.layout) {
    case 'varbinary':
    case 'list':
    case 'map': {
      if (column.offsets.length < column.length + 1) problems.push(`${path}.offsets too short`);
      for (let i = 0; i < column.length; i++) {
        if ((column.offsets[i + 1] ?? -1) < (column.offsets[i] ?? 0))
          problems.push(`${path}.offsets[${i + 1}] decreases`);
      }
      if (column.layout === 'list') problems.push(...columnProblems(column.child, `${path}.child`));
      if (column.layout === 'map') {
        problems.push(
          ...columnProblems(column.keys, `${path}.keys`),
          ...columnProblems(column.values, `${path}.values`),
        );
        if (column.values.length !== column.keys.length)
          problems.push(`${path}: keys and values differ in length`);
      }
      break;
    }
    case 'struct':
      column.children.forEach((c, k) => {
        if (c.length !== column.length) problems.push(`${path}.children[${k}].length is ${c.length}`);
        problems.push(...columnProblems(c, `${path}.children[${k}]`));
      });
      break;
    case 'fixed':
      if (column.values.length < column.length) problems.push(`${path}.values too short`);
      break;
    case 'decimal':
      if (column.values.length < column.length * column.width) problems.push(`${path}.values too short`);
      break;
    default:
      break;
  }
  return problems;
}

/** Asserts the layout invariants of a column (see {@link columnProblems}). */
export function expectColumnWellFormed(column: Column, path = 'column'): void {
  expect(columnProblems(column, path)).toEqual([]);
}

/**
 * Asserts that a batch has exactly the named columns, in order, holding the expected values (core value
 * representation; decimals compared by value), and that every column is well formed.
 *
 * @param batch - the batch under test
 * @param expected - column name → values, one per row
 * @example
 * ```ts
 * expectBatchEqual(batch, { k: [1, 2], v: [0.5, null] });
 * ```
 */
export function expectBatchEqual(
  batch: ColumnBatch,
  expected: Readonly<Record<string, readonly unknown[]>>,
): void {
  expect(
    batch.schema.fields.map((f) => f.name),
    'column names',
  ).toEqual(Object.keys(expected));
  expect(batch.columns.length, 'column count').toBe(batch.schema.fields.length);
  batch.schema.fields.forEach((field, k) => {
    const column = batch.columns[k];
    const want = expected[field.name] ?? [];
    expect(column, `column ${field.name}`).toBeDefined();
    if (column == null) return;
    expect(column.length, `${field.name}.length`).toBe(batch.numRows);
    expectColumnWellFormed(column, field.name);
    const got: unknown[] = [];
    for (let i = 0; i < column.length; i++) got.push(normalizeValue(getValue(column, i)));
    expect(got, `values of ${field.name}`).toEqual(want.map(normalizeValue));
  });
  const lengths = Object.values(expected).map((v) => v.length);
  if (lengths.length > 0) expect(batch.numRows, 'numRows').toBe(lengths[0]);
}

/** Options of {@link expectRowsEqual}. */
export interface ExpectRowsEqualOptions {
  /** Compare as multisets (SQL results without ORDER BY). Defaults to `false`. */
  readonly unordered?: boolean;
}

function canonicalKey(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === 'bigint') return `${v.toString()}n`;
    if (v instanceof Uint8Array) return { bytes: Array.from(v) };
    if (v instanceof Map) return { map: [...(v as Map<unknown, unknown>).entries()] };
    if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
    if (Object.is(v, -0)) return '-0';
    return v;
  });
}

/**
 * Asserts two row lists are equal (values normalised as {@link normalizeValue}).
 *
 * @param actual - rows produced
 * @param expected - rows wanted
 * @param options - see {@link ExpectRowsEqualOptions}
 * @example
 * ```ts
 * expectRowsEqual(batchToRows(batch), [[1, 'a'], [2, null]], { unordered: true });
 * ```
 */
export function expectRowsEqual(
  actual: readonly (readonly unknown[])[],
  expected: readonly (readonly unknown[])[],
  options: ExpectRowsEqualOptions = {},
): void {
  let a = actual.map((r) => r.map(normalizeValue));
  let e = expected.map((r) => r.map(normalizeValue));
  if (options.unordered === true) {
    const byKey = (x: unknown[], y: unknown[]): number => {
      const kx = canonicalKey(x);
      const ky = canonicalKey(y);
      return kx < ky ? -1 : kx > ky ? 1 : 0;
    };
    a = [...a].sort(byKey);
    e = [...e].sort(byKey);
  }
  expect(a).toEqual(e);
}
