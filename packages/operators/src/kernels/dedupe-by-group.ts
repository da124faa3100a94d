/** Per group, distinct values with no particular order: group g's are `values[starts[g]..starts[g+1]-1]`. */
export interface GroupedSets {
  readonly starts: Int32Array;
  readonly values: Float64Array;
}

/** Groups with at most this many old plus new values are deduplicated by scanning, without the hash table. */
const SCAN_MAX = 32;

/**
 * Adds rows `0..numRows-1` of (`groups[i]`, `values[i]`) to `old` (distinct values per group, any order) and
 * returns each group's distinct values: the old ones first, as they were, then new ones in row order. Values
 * are the same when their bits are (NaN must be canonical; -0.0 and 0.0 differ), as for DISTINCT. Rows are first
 * laid out group by group (a counting sort), so each group's values meet one small table, warm in cache.
 * For aggregates whose result does not depend on row order (count): no sort, unlike {@link sortByGroupAndValue}.
 */
export function dedupeByGroup(
  rows: { readonly groups: Int32Array; readonly values: Float64Array; readonly numRows: number },
  old: GroupedSets,
  numGroups: number,
): GroupedSets {
  const { groups, values, numRows } = rows;
  const fresh = new Int32Array(numGroups + 1);
  for (let i = 0; i < numRows; i++) fresh[groups[i]! + 1]! += 1;
  for (let g = 0; g < numGroups; g++) fresh[g + 1]! += fresh[g]!;
  const byGroup = new Float64Array(numRows);
  const fill = fresh.slice(0, numGroups);
  for (let i = 0; i < numRows; i++) byGroup[fill[groups[i]!]!++] = values[i]!;
  const oldGroups = old.starts.length - 1;
  const oldValues = old.values;
  const out = new Float64Array(old.values.length + numRows);
  const starts = new Int32Array(numGroups + 1);
  const table = new ValueSet();
  let w = 0;
  for (let g = 0; g < numGroups; g++) {
    starts[g] = w;
    const oldFrom = g < oldGroups ? old.starts[g]! : 0;
    const oldTo = g < oldGroups ? old.starts[g + 1]! : 0;
    // A loop, not set(subarray(…)): no view object per group (a million of them with many groups).
    const first = w;
    for (let j = oldFrom; j < oldTo; j++) out[w++] = oldValues[j]!;
    const from = fresh[g]!;
    const to = fresh[g + 1]!;
    if (w - first + (to - from) <= SCAN_MAX) {
      for (let i = from; i < to; i++) {
        const v = byGroup[i]!;
        let seen = false;
        for (let j = first; j < w && !seen; j++) seen = sameBits(out[j]!, v);
        if (!seen) out[w++] = v;
      }
      continue;
    }
    table.clear(w - first + (to - from));
    for (let j = first; j < w; j++) table.add(out[j]!);
    for (let i = from; i < to; i++) {
      const v = byGroup[i]!;
      if (table.add(v)) out[w++] = v;
    }
  }
  starts[numGroups] = w;
  return { starts, values: out.slice(0, w) };
}

/** Equal bits: NaN equals NaN (canonical), -0.0 differs from 0.0. */
function sameBits(a: number, b: number): boolean {
  return a === b ? a !== 0 || 1 / a === 1 / b : a !== a && b !== b;
}

/**
 * An open-addressing set of doubles by bits, reused from group to group: a slot is in use when its stamp is the
 * current generation, so clearing is a counter bump (the arrays are reallocated only to grow).
 */
class ValueSet {
  private keys = new Float64Array(16);
  private stamps = new Uint32Array(16);
  private generation = 0;
  private mask = 15;
  private readonly bits = new Float64Array(1);
  private readonly words = new Uint32Array(this.bits.buffer);

  /** Empties the set, with room for `n` values at most half full. */
  clear(n: number): void {
    let size = 16;
    while (size < 2 * n) size *= 2;
    if (size > this.keys.length) {
      this.keys = new Float64Array(size);
      this.stamps = new Uint32Array(size);
      this.generation = 0;
    }
    this.mask = size - 1;
    if (++this.generation === 0xffffffff) {
      this.stamps.fill(0);
      this.generation = 1;
    }
  }

  /** Adds v; false when it was there already. */
  add(v: number): boolean {
    this.bits[0] = v;
    const words = this.words;
    let h = Math.imul(words[0]! ^ Math.imul(words[1]!, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    const mask = this.mask;
    const keys = this.keys;
    const stamps = this.stamps;
    const generation = this.generation;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      if (stamps[s] !== generation) {
        stamps[s] = generation;
        keys[s] = v;
        return true;
      }
      if (sameBits(keys[s]!, v)) return false;
    }
  }
}
