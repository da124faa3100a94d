import type { Column, ColumnBatch } from './column';
import { decimalFromUnscaled, decimalUnscaledAt } from './decimal-unscaled-at';
import { bytesAt, stringAt } from './string-at';
import { isValidAt, readBit } from './validity';

/**
 * Row `i` of a column in the core value representation (NULL → `null`). Strings are decoded from UTF-8 on
 * each call; binary values are copies (use `bytesAt` for a view); decimals are new `HiveDecimal`s.
 *
 * @param column - any column
 * @param i - row index, `< column.length`
 * @returns the value
 * @example
 * ```ts
 * getValue(columnFromValues(HiveTypes.bigint, [5n, null]), 0); // 5n
 * ```
 */
export function getValue(column: Column, i: number): unknown {
  if (!isValidAt(column, i)) return null;
  switch (column.layout) {
    case 'null':
      return null;
    case 'bool':
      return readBit(column.values, i);
    case 'fixed':
      return column.values[i] ?? null;
    case 'decimal':
      return decimalFromUnscaled(
        decimalUnscaledAt(column, i),
        column.type.kind === 'decimal' ? column.type.scale : 0,
      );
    case 'varbinary':
      return column.type.kind === 'binary' ? bytesAt(column, i).slice() : stringAt(column, i);
    case 'list': {
      const start = column.offsets[i] ?? 0;
      const end = column.offsets[i + 1] ?? start;
      const out: unknown[] = new Array<unknown>(end - start);
      for (let j = start; j < end; j++) out[j - start] = getValue(column.child, j);
      return out;
    }
    case 'map': {
      const start = column.offsets[i] ?? 0;
      const end = column.offsets[i + 1] ?? start;
      const out = new Map<unknown, unknown>();
      for (let j = start; j < end; j++) out.set(getValue(column.keys, j), getValue(column.values, j));
      return out;
    }
    case 'struct': {
      const out: Record<string, unknown> = {};
      const fields = column.type.kind === 'struct' ? column.type.fields : [];
      column.children.forEach((child, k) => {
        const name = fields[k]?.name ?? `col${k + 1}`;
        out[name] = getValue(child, i);
      });
      return out;
    }
  }
}

/**
 * Row `i` of a batch as an array of values, one per schema field, in schema order.
 *
 * @param batch - a batch
 * @param i - row index, `< batch.numRows`
 * @returns the row's values
 * @example
 * ```ts
 * getRow(batchFromRows(schema, [[1, 'a']]), 0); // [1, 'a']
 * ```
 */
export function getRow(batch: ColumnBatch, i: number): unknown[] {
  return batch.columns.map((c) => getValue(c, i));
}

/**
 * Every row of a batch (see {@link getRow}). Allocates one array per row: for tests and edges, not hot loops.
 *
 * @param batch - a batch
 * @returns `batch.numRows` rows
 * @example
 * ```ts
 * batchToRows(batchFromRows(schema, [[1, 'a'], [2, null]])); // [[1, 'a'], [2, null]]
 * ```
 */
export function batchToRows(batch: ColumnBatch): unknown[][] {
  const rows: unknown[][] = new Array<unknown[]>(batch.numRows);
  for (let i = 0; i < batch.numRows; i++) rows[i] = getRow(batch, i);
  return rows;
}
