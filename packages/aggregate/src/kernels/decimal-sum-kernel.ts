import type { DecimalColumn } from '@hive-batch/core';
import type { DecimalSumView } from '../internal/decimal-sum-state';
import { addToDecimalSum } from '../internal/decimal-sum-state';
import { unscaledAt } from './sum-kernels';

/** sum over a decimal column: unscaled bigints straight from the buffer, no Decimal objects. */
export function sumDecimalKernel(
  view: DecimalSumView,
  groupIds: Int32Array,
  args: { readonly column: DecimalColumn; readonly scale: number; readonly numRows: number },
): void {
  const { column, scale, numRows } = args;
  const validity = column.validity;
  for (let i = 0; i < numRows; i++) {
    if (validity != null && (validity[i >> 3]! & (1 << (i & 7))) === 0) continue;
    addToDecimalSum(view, groupIds[i]!, { unscaled: unscaledAt(column, i), scale });
  }
}
