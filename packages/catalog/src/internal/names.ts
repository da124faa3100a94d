import { HiveBatchError } from '@hive-batch/core';
import type { TableId } from '../catalog';

const IDENTIFIER = /^[A-Za-z0-9_]+$/;

/** Hive's metastore lower-cases database, table and function names; only `[A-Za-z0-9_]` is accepted. */
export function normalizeName(name: string, what: string): string {
  if (!IDENTIFIER.test(name)) {
    throw new HiveBatchError(
      'INVALID_ARGUMENT',
      `Invalid ${what} name \`${name}\`: use letters, digits and _`,
    );
  }
  return name.toLowerCase();
}

export function normalizeTableId(id: TableId): TableId {
  return { database: normalizeName(id.database, 'database'), table: normalizeName(id.table, 'table') };
}

export function formatTableId(id: TableId): string {
  return `${id.database}.${id.table}`;
}

/** Hive's name for a NULL or empty partition value (`hive.exec.default.partition.name`). */
export const DEFAULT_PARTITION_NAME = '__HIVE_DEFAULT_PARTITION__';

// Characters Hive's FileUtils.escapePathName turns into %XX (plus control characters 0x01..0x1F).
const ESCAPED = new Set(['"', '#', '%', "'", '*', '/', ':', '=', '?', '\\', '\u007F', '{', '[', ']', '^']);

/** Hive's FileUtils.escapePathName: path-unsafe characters become `%XX` (upper-case hex). */
export function escapePathName(value: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if ((code >= 0x01 && code <= 0x1f) || ESCAPED.has(ch)) {
      out += `%${code.toString(16).toUpperCase().padStart(2, '0')}`;
    } else {
      out += ch;
    }
  }
  return out;
}

/** Hive's partition name `k1=v1/k2=v2`, keys lower-cased, both sides escaped. */
export function partitionName(keys: readonly string[], values: readonly string[]): string {
  return keys
    .map((k, i) => `${escapePathName(k.toLowerCase())}=${escapePathName(values[i] ?? '')}`)
    .join('/');
}
