import type { Column } from '@hive-batch/core';
import { isValid, numberValuesOf } from '../../kernels/numeric-column';

/**
 * Calls `add(row, value)` for every row of a batch whose value (column `columns[0]`) and every other column in
 * `required` are non-NULL, reading the value straight from a fixed-width numeric column (Java's widening to
 * double, as `getDouble` does). Rows of one group come in row order; when the batch holds many rows per group
 * they come group by group (see {@link groupMajorOrder}). Returns false, touching nothing, when column 0 is of
 * another layout (decimal, timestamp, string…): the caller then takes the generic row path.
 */
export function forEachNumericRow(
  columns: readonly (Column | undefined)[],
  groupIds: Int32Array,
  options: {
    readonly numRows: number;
    readonly required: readonly number[];
    readonly add: (row: number, value: number) => void;
  },
): boolean {
  const numRows = options.numRows;
  const col = columns[0];
  if (col == null) return true;
  const values = numberValuesOf(col, numRows);
  if (values == null) return false;
  const validity = col.validity;
  const others: (Uint8Array | null)[] = [];
  for (const k of options.required) {
    const c = columns[k];
    // A NULL constant (or a missing column) makes every row skip, as `accumulate` would.
    if (c == null || c.layout === 'null') return true;
    if (c.validity != null) others.push(c.validity);
  }
  const add = options.add;
  const order = groupMajorOrder(groupIds, numRows);
  for (let i = 0; i < numRows; i++) {
    const r = order == null ? i : (order[i] as number);
    if (!isValid(validity, r)) continue;
    let ok = true;
    for (const v of others) if (!isValid(v, r)) ok = false;
    if (ok) add(r, values[r] as number);
  }
  return true;
}

/**
 * Rows stably ordered by group (a counting sort), or `null` when the batch has few rows per group. Groups are
 * independent (each has its own histogram and generator), so only the order within a group matters; feeding
 * one group's rows together keeps its histogram in cache instead of touching a different one on every row.
 */
export function groupMajorOrder(groupIds: Int32Array, numRows: number): Int32Array | null {
  let max = 0;
  for (let r = 0; r < numRows; r++) {
    const g = groupIds[r] as number;
    if (g > max) max = g;
  }
  if (numRows < 64 || max + 1 > numRows >> 4) return null;
  const start = new Int32Array(max + 2);
  for (let r = 0; r < numRows; r++) {
    const g = (groupIds[r] as number) + 1;
    start[g] = (start[g] as number) + 1;
  }
  for (let g = 1; g <= max + 1; g++) start[g] = (start[g] as number) + (start[g - 1] as number);
  const order = new Int32Array(numRows);
  for (let r = 0; r < numRows; r++) {
    const g = groupIds[r] as number;
    order[start[g] as number] = r;
    start[g] = (start[g] as number) + 1;
  }
  return order;
}
