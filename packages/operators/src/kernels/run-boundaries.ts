import type { EncodedKeys } from './key-encoding';

/**
 * Group ids for clustered input: row i gets the id of its run of equal normalized keys (0, 1, …). Writes ids into
 * `out` and returns the first row of each run.
 */
export function runBoundaries(
  keys: EncodedKeys,
  options: { readonly numRows: number; readonly out: Int32Array },
): Int32Array {
  const { numRows, out } = options;
  const { bytes, offsets } = keys;
  const starts: number[] = [0];
  let g = 0;
  out[0] = 0;
  for (let i = 1; i < numRows; i++) {
    const a = offsets[i - 1]!;
    const b = offsets[i]!;
    const e = offsets[i + 1]!;
    let same = b - a === e - b;
    for (let k = 0; same && k < b - a; k++) same = bytes[a + k] === bytes[b + k];
    if (!same) {
      g++;
      starts.push(i);
    }
    out[i] = g;
  }
  return Int32Array.from(starts);
}
