import { HiveBatchError } from '@hive-batch/core';

/** Hive's directory name for a NULL or empty partition value (`hive.exec.default.partition.name`). */
export const HIVE_DEFAULT_PARTITION = '__HIVE_DEFAULT_PARTITION__';

// Hive's FileUtils escapes these characters (and 0x01..0x1F, DEL) in partition path components.
const ESCAPED = new Set(['"', '#', '%', "'", '*', '/', ':', '=', '?', '\\', '\u007F', '{', '[', ']', '^']);

/**
 * Hive's path escaping of a partition key or value: path-unsafe characters become `%XX` (upper-case hex).
 *
 * @example
 * ```ts
 * escapePartitionPath('a/b:c'); // 'a%2Fb%3Ac'
 * ```
 */
export function escapePartitionPath(value: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    out +=
      (code >= 0x01 && code <= 0x1f) || ESCAPED.has(ch)
        ? `%${code.toString(16).toUpperCase().padStart(2, '0')}`
        : ch;
  }
  return out;
}

/**
 * Inverse of {@link escapePartitionPath}: `%XX` with two hex digits becomes that character; anything else,
 * including a malformed `%`, is kept (as Hive's `unescapePathName` does).
 */
export function unescapePartitionPath(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '%' && i + 2 < value.length && /^[0-9a-fA-F]{2}$/.test(value.slice(i + 1, i + 3))) {
      out += String.fromCharCode(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else out += c ?? '';
  }
  return out;
}

/**
 * The partition directory path `k1=v1/k2=v2` for these keys and values; keys are lower-cased, `null` and `''`
 * become {@link HIVE_DEFAULT_PARTITION}.
 *
 * @throws {HiveBatchError} `INVALID_ARGUMENT` when the counts differ
 */
export function makePartitionPath(keys: readonly string[], values: readonly (string | null)[]): string {
  if (keys.length !== values.length) {
    throw new HiveBatchError('INVALID_ARGUMENT', `${keys.length} partition keys but ${values.length} values`);
  }
  return keys
    .map((k, i) => {
      const v = values[i];
      const text = v == null || v === '' ? HIVE_DEFAULT_PARTITION : escapePartitionPath(v);
      return `${escapePartitionPath(k.toLowerCase())}=${text}`;
    })
    .join('/');
}

/**
 * Parses `k1=v1/k2=v2` into unescaped values in key order; {@link HIVE_DEFAULT_PARTITION} becomes `null`.
 *
 * @throws {HiveBatchError} `INVALID_ARGUMENT` when a component is not `key=value` or keys do not match
 */
export function parsePartitionPath(keys: readonly string[], partitionPath: string): (string | null)[] {
  const parts = partitionPath.split('/').filter((p) => p.length > 0);
  if (parts.length !== keys.length) {
    throw new HiveBatchError(
      'INVALID_ARGUMENT',
      `Partition path ${partitionPath} does not match keys ${keys.join(',')}`,
    );
  }
  return parts.map((part, i) => {
    const eq = part.indexOf('=');
    const key = eq < 0 ? '' : unescapePartitionPath(part.slice(0, eq));
    if (eq < 0 || key.toLowerCase() !== (keys[i] ?? '').toLowerCase()) {
      throw new HiveBatchError(
        'INVALID_ARGUMENT',
        `Partition path component ${part} does not match key ${keys[i] ?? ''}`,
      );
    }
    const raw = part.slice(eq + 1);
    return raw === HIVE_DEFAULT_PARTITION ? null : unescapePartitionPath(raw);
  });
}

/** Hive and Hadoop skip files whose name starts with `_` or `.` (`_SUCCESS`, `.crc`, staging dirs). */
export function isHiddenFile(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return base.startsWith('_') || base.startsWith('.');
}
