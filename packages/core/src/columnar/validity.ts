import type { Column } from './column';

/**
 * True when row `i` of a column is NOT NULL (the inverse of `isNullAt`).
 *
 * @param column - any column
 * @param i - row index, 0-based, must be `< column.length`
 * @returns whether the row holds a value
 * @example
 * ```ts
 * isValidAt(columnFromValues(HiveTypes.int, [1, null]), 1); // false
 * ```
 */
export function isValidAt(column: Column, i: number): boolean {
  if (column.layout === 'null') return false;
  const v = column.validity;
  if (v == null) return true;
  return ((v[i >> 3] ?? 0) & (1 << (i & 7))) !== 0;
}

/**
 * Builds an Arrow validity bitmap (LSB-first, bit = 1 means NOT NULL) from per-row null flags.
 *
 * @param nulls - `true` (or any truthy number) where the row is NULL
 * @returns the bitmap, or `null` when no row is NULL (the layout's "no NULLs" form)
 * @example
 * ```ts
 * validityFromNulls([false, true, false]); // Uint8Array [0b101]
 * ```
 */
export function validityFromNulls(nulls: ArrayLike<boolean | number>): Uint8Array | null {
  const n = nulls.length;
  let any = false;
  for (let i = 0; i < n; i++) {
    if (nulls[i]) {
      any = true;
      break;
    }
  }
  if (!any) return null;
  const bitmap = new Uint8Array((n + 7) >> 3);
  for (let i = 0; i < n; i++) {
    if (!nulls[i]) bitmap[i >> 3] = (bitmap[i >> 3] ?? 0) | (1 << (i & 7));
  }
  return bitmap;
}

/**
 * Number of zero bits among the first `length` bits of an LSB-first bitmap starting at bit `offset`.
 * Used to recount NULLs after slicing.
 */
export function countZeroBits(bitmap: Uint8Array, offset: number, length: number): number {
  let ones = 0;
  for (let i = offset, end = offset + length; i < end; i++) {
    if (((bitmap[i >> 3] ?? 0) & (1 << (i & 7))) !== 0) ones++;
  }
  return length - ones;
}

/**
 * Copies `length` bits starting at bit `srcOffset` of `src` into `dst` starting at bit `dstOffset`.
 * Byte-aligned sources and destinations take a `set` fast path.
 */
export function copyBits(
  src: Uint8Array,
  dst: Uint8Array,
  range: { readonly srcOffset: number; readonly dstOffset: number; readonly length: number },
): void {
  const { srcOffset, dstOffset, length } = range;
  if ((srcOffset & 7) === 0 && (dstOffset & 7) === 0) {
    const fullBytes = length >> 3;
    dst.set(src.subarray(srcOffset >> 3, (srcOffset >> 3) + fullBytes), dstOffset >> 3);
    for (let k = fullBytes << 3; k < length; k++) writeBit(dst, dstOffset + k, readBit(src, srcOffset + k));
    return;
  }
  for (let k = 0; k < length; k++) writeBit(dst, dstOffset + k, readBit(src, srcOffset + k));
}

/** Bit `i` of an LSB-first bitmap. */
export function readBit(bitmap: Uint8Array, i: number): boolean {
  return ((bitmap[i >> 3] ?? 0) & (1 << (i & 7))) !== 0;
}

/** Sets or clears bit `i` of an LSB-first bitmap. */
export function writeBit(bitmap: Uint8Array, i: number, on: boolean): void {
  const byte = bitmap[i >> 3] ?? 0;
  bitmap[i >> 3] = on ? byte | (1 << (i & 7)) : byte & ~(1 << (i & 7));
}
