// Naive reference for the sketch-free fields of compute_stats.

/** min/max/countnulls of a numeric column (numbers or bigints). */
export function referenceNumericStats(values: readonly (number | bigint | null)[]): {
  min: number | bigint | null;
  max: number | bigint | null;
  countnulls: bigint;
} {
  const present = values.filter((v): v is number | bigint => v != null);
  const sorted = [...present].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    min: sorted[0] ?? null,
    max: sorted[sorted.length - 1] ?? null,
    countnulls: BigInt(values.length - present.length),
  };
}

/** maxlength/avglength/countnulls of a string column (lengths in UTF-16 units, like Java's String.length). */
export function referenceStringStats(values: readonly (string | null)[]): {
  maxlength: bigint;
  avglength: number;
  countnulls: bigint;
} {
  const present = values.filter((v): v is string => v != null);
  const lengths = present.map((s) => s.length);
  const total = lengths.reduce((a, b) => a + b, 0);
  return {
    maxlength: BigInt(lengths.reduce((a, b) => Math.max(a, b), 0)),
    avglength: present.length === 0 ? 0 : total / present.length,
    countnulls: BigInt(values.length - present.length),
  };
}
