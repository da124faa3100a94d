/** What one generated loop runs per row. */
export interface LoopShape {
  /** Numbers per group in the interleaved state. */
  readonly stride: number;
  /** Statement blocks run on every row. */
  readonly everyRow: readonly string[];
  /** Statement blocks per argument column, run on rows where that column is not NULL (`v${c}` = its value). */
  readonly perColumn: readonly (readonly string[])[];
  /** Columns whose bitmap (`b${c}`) must be tested; the others have no NULLs in this batch. */
  readonly nullable: readonly number[];
  /**
   * Where row i's group comes from: `groupIds[i]`, or (`keyed`) the direct map `map[keys[i] - base]`, looked up 8
   * rows at a time before any of them runs; the loop then returns the first row of the first 8-row block (or of
   * the tail) holding a key outside the map or without a group, or `numRows`.
   */
  readonly keyed: boolean;
  /**
   * False: one row per iteration (not keyed). A fresh unrolled loop is ~17 row bodies long and runs unoptimized
   * until V8 has compiled it, which small inputs never wait for; the plain loop is short and optimizes at once.
   */
  readonly unrolled: boolean;
}

/** The 8 direct-map lookups of block `i0` (`g0..g7`), returning `i0` when one misses. */
const KEYED_BLOCK: readonly string[] = [
  ...Array.from({ length: 8 }, (_, r) => `const e${r} = keys[i0 + ${r}] - base;`),
  `if (!(${Array.from({ length: 8 }, (_, r) => `e${r} >= 0 && e${r} < len`).join(' && ')})) return i0;`,
  ...Array.from({ length: 8 }, (_, r) => `const g${r} = map[e${r}];`),
  `if ((${Array.from({ length: 8 }, (_, r) => `g${r}`).join(' | ')}) < 0) return i0;`,
];

/**
 * The loop over rows `0..numRows-1` of a fused kernel (after `x${c}`/`b${c}` are bound). Rows go 8 at a time as
 * straight-line code, one NULL-bitmap byte per column per 8 rows: V8 then checks each array's map, length and
 * base pointer once per 8 rows instead of once per row, and a byte where every nullable column is valid runs with
 * no per-row test. Measured on bench:agg's loops (100 groups, 5 % NULLs): (a) 83 → 73 ms, (b) 54 → 32 ms per
 * 10M rows against one row per iteration. Rows past the last whole byte run one at a time.
 */
export function loopSource(shape: LoopShape): string[] {
  const { nullable, keyed } = shape;
  const tailCheck = (c: number): string => `(b${c}[i >> 3] & (1 << (i & 7))) !== 0`;
  if (!shape.unrolled && !keyed) {
    return [
      'for (let i = 0; i < numRows; i++) {',
      ...rowSource(shape, { group: 'groupIds[i]', check: tailCheck }),
      '}',
    ];
  }
  const lines: string[] = keyed ? ['const len = map.length;'] : [];
  lines.push('const whole = numRows >> 3;', 'for (let j = 0; j < whole; j++) {');
  lines.push(`const ${['i0 = j << 3', ...nullable.map((c) => `m${c} = b${c}[j]`)].join(', ')};`);
  if (keyed) lines.push(...KEYED_BLOCK);
  const unrolled = (check: ((c: number, r: number) => string) | null): void => {
    for (let r = 0; r < 8; r++) {
      const group = keyed ? `g${r}` : 'groupIds[i]';
      const row = rowSource(shape, { group, check: check == null ? null : (c) => check(c, r) });
      lines.push(`{ const i = i0 + ${r};`, ...row, '}');
    }
  };
  if (nullable.length === 0) {
    unrolled(null);
  } else {
    lines.push(`if ((${nullable.map((c) => `m${c}`).join(' & ')}) === 255) {`);
    unrolled(null);
    lines.push('} else {');
    unrolled((c, r) => `(m${c} & ${1 << r}) !== 0`);
    lines.push('}');
  }
  lines.push('}');
  if (keyed) {
    // The tail is checked whole first, so a miss returns a multiple of 8 (callers resume on byte boundaries).
    lines.push('for (let i = whole << 3; i < numRows; i++) {');
    lines.push('const e = keys[i] - base;', 'if (e < 0 || e >= len || map[e] < 0) return whole << 3;', '}');
  }
  lines.push('for (let i = whole << 3; i < numRows; i++) {');
  lines.push(...rowSource(shape, { group: keyed ? 'map[keys[i] - base]' : 'groupIds[i]', check: tailCheck }));
  lines.push('}');
  if (keyed) lines.push('return numRows;');
  return lines;
}

/**
 * Row `i`'s statements on group `group` (an expression); `check(c)` tests column c's bit (`null`: the row is known
 * valid in every column).
 */
function rowSource(
  shape: LoopShape,
  row: { readonly group: string; readonly check: ((c: number) => string) | null },
): string[] {
  const { check } = row;
  const out = [`const o = ${row.group} * ${shape.stride};`, ...shape.everyRow];
  shape.perColumn.forEach((blocks, c) => {
    if (blocks.length === 0) return;
    const body = `const v${c} = x${c}[i]; ${blocks.join(' ')}`;
    out.push(check != null && shape.nullable.includes(c) ? `if (${check(c)}) { ${body} }` : `{ ${body} }`);
  });
  return out;
}
