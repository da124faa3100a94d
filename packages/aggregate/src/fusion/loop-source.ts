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
}

/**
 * The loop over rows `0..numRows-1` of a fused kernel (after `x${c}`/`b${c}` are bound). Rows go 8 at a time as
 * straight-line code, one NULL-bitmap byte per column per 8 rows: V8 then checks each array's map, length and
 * base pointer once per 8 rows instead of once per row, and a byte where every nullable column is valid runs with
 * no per-row test. Measured on bench:agg's loops (100 groups, 5 % NULLs): (a) 83 → 73 ms, (b) 54 → 32 ms per
 * 10M rows against one row per iteration. Rows past the last whole byte run one at a time.
 */
export function loopSource(shape: LoopShape): string[] {
  const { nullable } = shape;
  const lines: string[] = ['const whole = numRows >> 3;', 'for (let j = 0; j < whole; j++) {'];
  lines.push(`const ${['i0 = j << 3', ...nullable.map((c) => `m${c} = b${c}[j]`)].join(', ')};`);
  const unrolled = (check: ((c: number, r: number) => string) | null): void => {
    for (let r = 0; r < 8; r++) {
      lines.push(
        `{ const i = i0 + ${r};`,
        ...rowSource(shape, check == null ? null : (c) => check(c, r)),
        '}',
      );
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
  lines.push('for (let i = whole << 3; i < numRows; i++) {');
  lines.push(...rowSource(shape, (c) => `(b${c}[i >> 3] & (1 << (i & 7))) !== 0`), '}');
  return lines;
}

/** Row `i`'s statements; `check(c)` tests column c's bit (`null`: the row is known valid in every column). */
function rowSource(shape: LoopShape, check: ((c: number) => string) | null): string[] {
  const out = [`const o = groupIds[i] * ${shape.stride};`, ...shape.everyRow];
  shape.perColumn.forEach((blocks, c) => {
    if (blocks.length === 0) return;
    const body = `const v${c} = x${c}[i]; ${blocks.join(' ')}`;
    out.push(check != null && shape.nullable.includes(c) ? `if (${check(c)}) { ${body} }` : `{ ${body} }`);
  });
  return out;
}
