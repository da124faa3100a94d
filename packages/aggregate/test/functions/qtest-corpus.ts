// Shared helpers for the corpus checks of the collection/percentile/histogram/ngram/compute_stats tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Root of the read-only Hive qtest corpus (`../shared/hive-qtests` beside the repo). */
export function corpusDir(): string {
  return path.resolve(repoRoot, '../shared/hive-qtests');
}

/** Rows of a `\001`-separated text data file, in file order. */
export function readDataRows(rel: string): string[][] {
  const text = readFileSync(path.join(corpusDir(), 'data', rel), 'utf8');
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.split('\u0001'));
}

/**
 * The result lines of each SELECT block of a `.q.out`, in order, keyed by nothing: blocks whose
 * `PREHOOK: query:` starts with `select` (case-insensitive).
 */
export function selectBlocks(name: string): { query: string; lines: string[] }[] {
  const text = readFileSync(path.join(corpusDir(), 'results', `${name}.q.out`), 'latin1');
  const blocks: { query: string; lines: string[] }[] = [];
  const parts = text.split(/^PREHOOK: query: /m).slice(1);
  for (const part of parts) {
    const lines = part.split('\n');
    const queryLines: string[] = [];
    let i = 0;
    while (i < lines.length && !(lines[i] ?? '').startsWith('PREHOOK: type: '))
      queryLines.push(lines[i++] ?? '');
    const type = (lines[i] ?? '').slice('PREHOOK: type: '.length);
    i++;
    // Skip the hook header: PREHOOK/POSTHOOK lines and masked-pattern lines.
    let lastHeader = i;
    for (let j = i; j < lines.length; j++) {
      const l = lines[j] ?? '';
      if (l.startsWith('POSTHOOK: ') || l.startsWith('PREHOOK: ') || l.startsWith('#### A masked'))
        lastHeader = j + 1;
    }
    const body = lines.slice(lastHeader).filter((l, k, arr) => !(k === arr.length - 1 && l === ''));
    const query = queryLines.join('\n').trim();
    if (type === 'QUERY' && /^select/i.test(query)) blocks.push({ query, lines: body });
  }
  return blocks;
}

/** Java's `Double.toString` layout over JS shortest digits (enough for the values in these files). */
export function javaDouble(d: number): string {
  if (Number.isNaN(d)) return 'NaN';
  if (d === Infinity) return 'Infinity';
  if (d === -Infinity) return '-Infinity';
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  const [mant = '', expStr = '0'] = d.toExponential().split('e');
  const e = Number(expStr);
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  let out: string;
  if (e >= -3 && e < 7) {
    if (e >= 0) {
      const intPart = digits.slice(0, e + 1).padEnd(e + 1, '0');
      const frac = digits.slice(e + 1);
      out = `${intPart}.${frac === '' ? '0' : frac}`;
    } else {
      out = `0.${'0'.repeat(-e - 1)}${digits}`;
    }
  } else {
    out = `${digits[0] ?? ''}.${digits.length > 1 ? digits.slice(1) : '0'}E${e}`;
  }
  return neg ? `-${out}` : out;
}
