import type { Column } from '@hive-batch/core';
import { isValid, numberValuesOf } from '../../kernels/numeric-column';

/**
 * Calls `add(row, value)`, in row order, for every row of a batch whose value (column `columns[0]`) and every
 * other column in `required` are non-NULL, reading the value straight from a fixed-width numeric column (Java's
 * widening to double, as `getDouble` does). Returns false, touching nothing, when column 0 is of another
 * layout (decimal, timestamp, string…): the caller then takes the generic row path.
 */
export function forEachNumericRow(
  columns: readonly (Column | undefined)[],
  numRows: number,
  options: { readonly required: readonly number[]; readonly add: (row: number, value: number) => void },
): boolean {
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
  for (let r = 0; r < numRows; r++) {
    if (!isValid(validity, r)) continue;
    let ok = true;
    for (const v of others) if (!isValid(v, r)) ok = false;
    if (ok) add(r, values[r] as number);
  }
  return true;
}
