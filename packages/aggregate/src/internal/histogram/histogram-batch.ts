import type { Column } from '@hive-batch/core';
import { isValid, numberValuesOf } from '../../kernels/numeric-column';

/**
 * One group's counted rows of a batch, handed to {@link forEachGroupRun}'s callback: the values are
 * `values[from..to)`, in row order, and `firstRow` is the batch row of the first one. The object and its
 * arrays are reused: valid during the call only.
 */
export interface GroupRun {
  group: number;
  values: Float64Array;
  from: number;
  to: number;
  firstRow: number;
}

/**
 * Calls `run` once per group with the values of its rows whose value (column `columns[0]`) and every other
 * column in `required` are non-NULL, read straight from a fixed-width numeric column (Java's widening to
 * double, as `getDouble` does). When the batch holds many rows per group, the values are first gathered group
 * by group into one contiguous array (a stable counting sort): a group's large state (a 10,000-bin histogram)
 * then meets its rows one after another, read sequentially, instead of one row every hundred. With few rows per
 * group, rows go one at a time in row order. Returns false, touching nothing, when column 0 is of another
 * layout (decimal, timestamp, string…): the caller then takes the generic row path.
 */
export function forEachGroupRun(
  columns: readonly (Column | undefined)[],
  groupIds: Int32Array,
  options: {
    readonly numRows: number;
    readonly required: readonly number[];
    readonly run: (run: GroupRun) => void;
  },
): boolean {
  const numRows = options.numRows;
  const col = columns[0];
  if (col == null) return true;
  const values = numberValuesOf(col, numRows);
  if (values == null) return false;
  const validities: Uint8Array[] = [];
  if (col.validity != null) validities.push(col.validity);
  for (const k of options.required) {
    const c = columns[k];
    // A NULL constant (or a missing column) makes every row skip, as `accumulate` would.
    if (c == null || c.layout === 'null') return true;
    if (c.validity != null) validities.push(c.validity);
  }
  const valid = allValid(validities, numRows);
  let max = 0;
  for (let r = 0; r < numRows; r++) {
    const g = groupIds[r] as number;
    if (g > max) max = g;
  }
  const run: GroupRun = { group: 0, values: new Float64Array(1), from: 0, to: 1, firstRow: 0 };
  if (numRows < 64 || max + 1 > numRows >> 4) {
    for (let r = 0; r < numRows; r++) {
      if (!isValid(valid, r)) continue;
      run.group = groupIds[r] as number;
      run.values[0] = values[r] as number;
      run.firstRow = r;
      options.run(run);
    }
    return true;
  }
  const { start, firstRow } = countRows(groupIds, valid, { numRows, groups: max + 1 });
  const gathered = new Float64Array(start[max + 1] as number);
  gatherRows(values, groupIds, { valid, numRows, next: start.slice(0, max + 1), out: gathered });
  run.values = gathered;
  for (let g = 0; g <= max; g++) {
    const from = start[g] as number;
    const to = start[g + 1] as number;
    if (from === to) continue;
    run.group = g;
    run.from = from;
    run.to = to;
    run.firstRow = firstRow[g] as number;
    options.run(run);
  }
  return true;
}

/**
 * Valid rows per group as starting offsets (`start[g]`, `start[groups]` = total; a stable counting sort's first
 * pass) and each group's first valid row (-1 for none). A bitmap byte with all 8 rows valid skips the per-row test.
 */
function countRows(
  groupIds: Int32Array,
  valid: Uint8Array | null,
  size: { readonly numRows: number; readonly groups: number },
): { start: Int32Array; firstRow: Int32Array } {
  const { numRows, groups } = size;
  // Counts at g + 1, so that the running sum below turns them into starting offsets in place.
  const start = new Int32Array(groups + 1);
  const firstRow = new Int32Array(groups).fill(-1);
  const count = (r: number): void => {
    const g = groupIds[r] as number;
    const c = start[g + 1] as number;
    if (c === 0) firstRow[g] = r;
    start[g + 1] = c + 1;
  };
  if (valid == null) {
    for (let r = 0; r < numRows; r++) count(r);
  } else {
    for (let r = 0; r < numRows; r++) {
      if ((r & 7) === 0 && valid[r >> 3] === 255 && r + 8 <= numRows) {
        for (let k = r; k < r + 8; k++) count(k);
        r += 7;
      } else if (isValid(valid, r)) count(r);
    }
  }
  for (let g = 1; g <= groups; g++) start[g] = (start[g] as number) + (start[g - 1] as number);
  return { start, firstRow };
}

/** Second pass: each valid row's value to its group's next offset (`next`, advanced), in row order. */
function gatherRows(
  values: ArrayLike<number>,
  groupIds: Int32Array,
  job: {
    readonly valid: Uint8Array | null;
    readonly numRows: number;
    readonly next: Int32Array;
    readonly out: Float64Array;
  },
): void {
  const { valid, numRows, next, out } = job;
  const put = (r: number): void => {
    const g = groupIds[r] as number;
    const at = next[g] as number;
    out[at] = values[r] as number;
    next[g] = at + 1;
  };
  if (valid == null) {
    for (let r = 0; r < numRows; r++) put(r);
    return;
  }
  for (let r = 0; r < numRows; r++) {
    if ((r & 7) === 0 && valid[r >> 3] === 255 && r + 8 <= numRows) {
      for (let k = r; k < r + 8; k++) put(k);
      r += 7;
    } else if (isValid(valid, r)) put(r);
  }
}

/** The rows valid in every bitmap, as one bitmap (null: every row valid), so the row loops test one bit. */
function allValid(validities: readonly Uint8Array[], numRows: number): Uint8Array | null {
  const [first, ...rest] = validities;
  if (first == null || rest.length === 0) return first ?? null;
  const bytes = (numRows + 7) >> 3;
  const out = first.slice(0, bytes);
  for (const v of rest) for (let i = 0; i < bytes; i++) out[i] = (out[i] as number) & (v[i] as number);
  return out;
}
