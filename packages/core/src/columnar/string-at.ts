import type { VarBinaryColumn } from './column';

const decoder = new TextDecoder('utf-8');

/** Strings up to this many bytes are decoded by hand when all ASCII; TextDecoder's call overhead dominates below it. */
const ASCII_FAST_PATH_MAX_BYTES = 24;

/**
 * Row `i` of a string/varchar/char column, decoded from UTF-8 on each call (no cache; see
 * `docs/adr-0001-string-columns.md`). Validity is not checked: a NULL row reads as `''`.
 *
 * @param column - a `varbinary` column
 * @param i - row index, `< column.length`
 * @returns the decoded string
 * @example
 * ```ts
 * stringAt(columnFromValues(HiveTypes.string, ['héllo']) as VarBinaryColumn, 0); // 'héllo'
 * ```
 */
export function stringAt(column: VarBinaryColumn, i: number): string {
  const start = column.offsets[i] ?? 0;
  const end = column.offsets[i + 1] ?? start;
  const data = column.data;
  const n = end - start;
  if (n <= ASCII_FAST_PATH_MAX_BYTES) {
    let s = '';
    for (let k = start; k < end; k++) {
      const b = data[k] ?? 0;
      if (b >= 0x80) return decoder.decode(data.subarray(start, end));
      s += String.fromCharCode(b);
    }
    return s;
  }
  return decoder.decode(data.subarray(start, end));
}

/**
 * Row `i` of a `varbinary` column as a zero-copy view into `column.data`. Do not mutate it.
 *
 * @param column - a `varbinary` column (string or binary)
 * @param i - row index, `< column.length`
 * @returns a `Uint8Array` view of the row's bytes (empty for NULL rows)
 * @example
 * ```ts
 * bytesAt(columnFromValues(HiveTypes.binary, [new Uint8Array([1, 2])]) as VarBinaryColumn, 0); // Uint8Array [1, 2]
 * ```
 */
export function bytesAt(column: VarBinaryColumn, i: number): Uint8Array {
  const start = column.offsets[i] ?? 0;
  const end = column.offsets[i + 1] ?? start;
  return column.data.subarray(start, end);
}
