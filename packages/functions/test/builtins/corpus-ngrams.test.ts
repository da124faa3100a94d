import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { HiveTypes, arrayType, formatJavaDouble } from '@hive-batch/core';
import { aggregateRows, ngrams, resolveAggregate } from '@hive-batch/aggregate';
import { qtestsDir } from '@hive-batch/test-utils';
import { resolve } from './harness';

// The first result line of each SELECT block of a .q.out.
function selectResults(test: string): string[] {
  const text = readFileSync(join(qtestsDir(), 'results', `${test}.q.out`), 'utf8');
  const out: string[] = [];
  const blocks = text.split(/^PREHOOK: query: /m).slice(1);
  for (const b of blocks) {
    if (!/^select/i.test(b)) continue;
    const lines = b.split('\n');
    const body = lines.filter(
      (l, i) =>
        i > 0 &&
        !/^(PRE|POST)HOOK: |^#### A masked pattern/.test(l) &&
        !/^(FROM|WHERE|GROUP|ON|INNER)/i.test(l),
    );
    const first = body.find((l) => l.startsWith('['));
    if (first != null) out.push(first);
  }
  return out;
}

describe('sentences(lower(contents)) feeding ngrams (corpus: udaf_ngrams)', () => {
  const lines = readFileSync(join(qtestsDir(), 'data', 'text-en.txt'), 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  const lower = resolve('lower', ['string']);
  const sentences = resolve('sentences', ['string']);
  const rows = lines.map((l) => sentences.evaluate([lower.evaluate([l])]));
  const expected = selectResults('udaf_ngrams');
  test.each([1, 2, 3, 4, 5])('ngrams(…, %i, 100, 1000).estfrequency', (n) => {
    const ev = resolveAggregate(ngrams, {
      argumentTypes: [arrayType(arrayType(HiveTypes.string)), HiveTypes.int, HiveTypes.int, HiveTypes.int],
    });
    const result = aggregateRows(
      ev,
      rows.map((r) => [r, n, 100, 1000]),
      'complete',
    ) as { estfrequency: number }[];
    expect(`[${result.map((e) => formatJavaDouble(e.estfrequency)).join(',')}]`).toBe(expected[n - 1]);
  });
});
