import { HiveBatchError } from '@hive-batch/core';
import type { TableId } from './catalog';

/**
 * Parses `table` or `db.table` (case-insensitive; the result is lower-case). A bare name is in `default`.
 *
 * @throws {HiveBatchError} `INVALID_ARGUMENT` for an empty part or more than one dot.
 * @example
 * ```ts
 * parseTableId('Sales.Orders'); // { database: 'sales', table: 'orders' }
 * ```
 */
export function parseTableId(name: string, defaultDatabase = 'default'): TableId {
  const parts = name.split('.');
  const [a, b] = parts;
  if (parts.length === 1 && a != null && a.length > 0) {
    return { database: defaultDatabase.toLowerCase(), table: a.toLowerCase() };
  }
  if (parts.length === 2 && a != null && b != null && a.length > 0 && b.length > 0) {
    return { database: a.toLowerCase(), table: b.toLowerCase() };
  }
  throw new HiveBatchError('INVALID_ARGUMENT', `Invalid table name \`${name}\``);
}
