// Shared helpers for the corpus checks of the collection/percentile/histogram/ngram/compute_stats tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatJavaDouble } from '@hive-batch/core';

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

/** Java's `Double.toString`, as Hive printed doubles in the corpus (core's implementation). */
export const javaDouble: (d: number) => string = formatJavaDouble;
