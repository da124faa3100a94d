// Comparing result rows the way ../shared/hive-qtests/README.md says: exact text first, then numbers with a
// relative tolerance; ordered, sorted (SORT_QUERY_RESULTS) or multiset.

/** How rows are matched: in order (outer ORDER BY), both sides sorted as strings, or as multisets. */
export type CompareMode = 'ordered' | 'sorted' | 'multiset';

/** The outcome of comparing one block. */
export interface CompareResult {
  readonly ok: boolean;
  /** On failure: the first differing row (0-based, after ordering), and both sides' row (or null). */
  readonly row?: number;
  readonly expected?: string | null;
  readonly actual?: string | null;
}

/** Default relative tolerance for numbers that differ in the last digits. */
export const DOUBLE_TOLERANCE = 1e-12;

const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:E[-+]?\d+)?/gi;

function numbersClose(a: string, b: string, tolerance: number): boolean {
  const x = Number(a);
  const y = Number(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return false;
  if (x === y) return true;
  const scale = Math.max(Math.abs(x), Math.abs(y));
  return Math.abs(x - y) <= tolerance * scale;
}

/**
 * True when two printed rows are equal: the same text, or the same text around numbers that agree within the
 * relative tolerance (numbers inside arrays and structs too).
 */
export function rowsEqual(expected: string, actual: string, tolerance: number = DOUBLE_TOLERANCE): boolean {
  if (expected === actual) return true;
  const skelE = expected.replace(NUMBER, '#');
  const skelA = actual.replace(NUMBER, '#');
  if (skelE !== skelA) return false;
  const numsE = expected.match(NUMBER) ?? [];
  const numsA = actual.match(NUMBER) ?? [];
  if (numsE.length !== numsA.length) return false;
  for (let i = 0; i < numsE.length; i++) {
    const e = numsE[i] ?? '';
    const a = numsA[i] ?? '';
    if (e !== a && !numbersClose(e, a, tolerance)) return false;
  }
  return true;
}

function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Compares a block's expected rows with the actual ones.
 *
 * @param expected - rows from the `.q.out`
 * @param actual - rows our engine printed
 * @param mode - {@link CompareMode}
 */
export function compareRows(
  expected: readonly string[],
  actual: readonly string[],
  mode: CompareMode,
): CompareResult {
  const e = mode === 'ordered' ? [...expected] : [...expected].sort(byString);
  const a = mode === 'ordered' ? [...actual] : [...actual].sort(byString);
  const n = Math.max(e.length, a.length);
  for (let i = 0; i < n; i++) {
    const ei = e[i];
    const ai = a[i];
    if (ei === undefined || ai === undefined || !rowsEqual(ei, ai)) {
      if (mode === 'multiset' && ei !== undefined && ai !== undefined) {
        // Sorting may misalign rows that differ only within tolerance; retry greedily before failing.
        return multisetGreedy(e, a);
      }
      return { ok: false, row: i, expected: ei ?? null, actual: ai ?? null };
    }
  }
  return { ok: true };
}

function multisetGreedy(e: readonly string[], a: readonly string[]): CompareResult {
  if (e.length !== a.length) {
    return {
      ok: false,
      row: Math.min(e.length, a.length),
      expected: e[a.length] ?? null,
      actual: a[e.length] ?? null,
    };
  }
  const used = new Array<boolean>(a.length).fill(false);
  for (let i = 0; i < e.length; i++) {
    const ei = e[i] ?? '';
    let found = false;
    for (let j = 0; j < a.length; j++) {
      if (!used[j] && rowsEqual(ei, a[j] ?? '')) {
        used[j] = true;
        found = true;
        break;
      }
    }
    if (!found) {
      const k = used.indexOf(false);
      return { ok: false, row: i, expected: ei, actual: k >= 0 ? (a[k] ?? null) : null };
    }
  }
  return { ok: true };
}
