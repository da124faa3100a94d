import { compareJavaDoubles } from '@hive-batch/core';

/** Pairs sorted by group: group g's values are `values[starts[g]..starts[g+1]-1]`, in Double.compare order. */
export interface GroupedValues {
  readonly starts: Int32Array;
  readonly values: Float64Array;
}

/**
 * Sorts rows `0..numRows-1` of (`groups[i]`, `values[i]`) by group (a counting sort), then each group's values in
 * Java `Double.compare` order (NaN must be canonical): the native typed-array sort, or insertion sort for tiny
 * groups. (LSD radix passes over the value bits were measured 1.5–2× slower than this in V8.)
 */
export function sortByGroupAndValue(
  groups: Int32Array,
  values: Float64Array,
  rows: { readonly numRows: number; readonly numGroups: number },
): GroupedValues {
  const { numRows, numGroups } = rows;
  const starts = countingStarts(groups, numRows, numGroups);
  const out = new Float64Array(numRows);
  const fill = starts.slice(0, numGroups);
  for (let i = 0; i < numRows; i++) out[fill[groups[i]!]!++] = values[i]!;
  for (let g = 0; g < numGroups; g++) {
    const s = starts[g]!;
    const e = starts[g + 1]!;
    if (e - s <= 16) {
      // Insertion sort: no subarray object for the many tiny segments of high-cardinality keys.
      for (let i = s + 1; i < e; i++) {
        const x = out[i]!;
        let j = i - 1;
        while (j >= s && compareJavaDoubles(x, out[j]!) < 0) {
          out[j + 1] = out[j]!;
          j--;
        }
        out[j + 1] = x;
      }
    } else {
      // TypedArray sort orders numbers like Double.compare (-0 before +0, NaN last).
      out.subarray(s, e).sort();
    }
  }
  return { starts, values: out };
}

function countingStarts(groups: Int32Array, numRows: number, numGroups: number): Int32Array {
  const starts = new Int32Array(numGroups + 1);
  for (let i = 0; i < numRows; i++) starts[groups[i]! + 1]! += 1;
  for (let g = 0; g < numGroups; g++) starts[g + 1]! += starts[g]!;
  return starts;
}
