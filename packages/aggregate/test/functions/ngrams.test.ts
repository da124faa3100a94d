import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HiveTypes, arrayType } from '@hive-batch/core';
import { aggregateRows, contextNgrams, mergePartials, ngrams, resolveAggregate } from '@hive-batch/aggregate';
import { referenceNgrams } from '@hive-batch/test-utils';
import { checkSplitInvariance } from '../helpers/split-invariance';
import { checkBatchEquivalence } from './batch-equivalence';
import { javaDouble, readDataRows, selectBlocks } from './qtest-corpus';

/**
 * Hive's `sentences(lower(text))` (JDK BreakIterator sentence + word instances) re-created for this corpus and
 * checked line by line against a JDK 17 run: `?`/`!` (plus closing quotes) and spaces end a sentence; `.` does
 * when followed by two spaces or by anything but a lower-case letter; words are runs of letters/digits joined by
 * inner `'` `-` `.` `,` or an em dash (the JDK keeps `armour-like` and `out—samsa` whole, splits at `’`).
 */
function sentences(text: string): string[][] {
  const out: string[][] = [];
  const parts = text
    .toLowerCase()
    .split(
      /(?<=[?!]+["')\]\u201d\u2019]*\s+)|(?<=[.]+["')\]\u201d\u2019]*\s\s+)|(?<=[.]+["')\]\u201d\u2019]*\s+)(?!\p{Ll})/u,
    );
  for (const segment of parts) {
    const words = segment.match(/[\p{L}\p{N}]+(?:['\-.,\u2014][\p{L}\p{N}]+)*/gu) ?? [];
    if (words.length > 0) out.push(words);
  }
  return out;
}

const stringSeqs = arrayType(arrayType(HiveTypes.string));

function ngramsOf(
  rows: readonly (readonly (readonly (string | null)[])[])[],
  n: number,
  k: number,
  pf: number,
): unknown {
  const ev = resolveAggregate(ngrams, {
    argumentTypes: [stringSeqs, HiveTypes.int, HiveTypes.int, HiveTypes.int],
  });
  return aggregateRows(
    ev,
    rows.map((r) => [r, n, k, pf]),
    'complete',
  );
}

describe('ngrams against udaf_ngrams.q.out', () => {
  const rows = readDataRows('text-en.txt').map((r) => sentences(r[0] ?? ''));
  const blocks = selectBlocks('udaf_ngrams');
  it.each([1, 2, 3, 4, 5])('ngrams(sentences(lower(contents)), %i, 100, 1000).estfrequency', (n) => {
    const result = ngramsOf(rows, n, 100, 1000) as { estfrequency: number }[];
    expect(`[${result.map((e) => javaDouble(e.estfrequency)).join(',')}]`).toBe(blocks[n - 1]!.lines[0]);
  });
});

describe('ngrams semantics', () => {
  const text = [[['a', 'b', 'a', 'b', 'c']], [['a', 'b']]];
  it('counts n-grams inside each sequence and sorts by frequency then n-gram', () => {
    expect(ngramsOf(text, 2, 10, 1)).toEqual([
      { ngram: ['a', 'b'], estfrequency: 3 },
      { ngram: ['b', 'a'], estfrequency: 1 },
      { ngram: ['b', 'c'], estfrequency: 1 },
    ]);
    expect(ngramsOf(text, 1, 2, 1)).toEqual([
      { ngram: ['a'], estfrequency: 3 },
      { ngram: ['b'], estfrequency: 3 },
    ]);
  });
  it('is NULL without n-grams and skips n-grams containing NULL words', () => {
    expect(ngramsOf([], 2, 10, 1)).toBeNull();
    expect(ngramsOf([[['a']]], 2, 10, 1)).toBeNull();
    const ev = resolveAggregate(ngrams, { argumentTypes: [stringSeqs, HiveTypes.int, HiveTypes.int] });
    expect(aggregateRows(ev, [[[['a', null, 'b', 'c']], 2, 5]], 'complete')).toEqual([
      { ngram: ['b', 'c'], estfrequency: 1 },
    ]);
  });
  it('merges partials like one buffer (Hive partial format)', () => {
    const ev = resolveAggregate(ngrams, { argumentTypes: [stringSeqs, HiveTypes.int, HiveTypes.int] });
    const p1 = aggregateRows(ev, [[[['x', 'y', 'x']], 1, 5]], 'partial1');
    expect(p1).toEqual(['5', '1', '200', 'x', '2.0', 'y', '1.0', '1']);
    const p2 = aggregateRows(ev, [[[['y', 'y']], 1, 5]], 'partial1');
    expect(mergePartials(ev, [p1, p2, aggregateRows(ev, [], 'partial1')], 'final')).toEqual([
      { ngram: ['y'], estfrequency: 3 },
      { ngram: ['x'], estfrequency: 2 },
    ]);
  });
  it('rejects bad argument types', () => {
    for (const argumentTypes of [
      [HiveTypes.string, HiveTypes.int, HiveTypes.int],
      [arrayType(HiveTypes.int), HiveTypes.int, HiveTypes.int],
      [stringSeqs, HiveTypes.double, HiveTypes.int],
      [stringSeqs, HiveTypes.int],
    ]) {
      expect(() => resolveAggregate(ngrams, { argumentTypes })).toThrow(
        expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
      );
    }
    const ev = resolveAggregate(ngrams, { argumentTypes: [stringSeqs, HiveTypes.int, HiveTypes.int] });
    expect(() => aggregateRows(ev, [[[['a']], 0, 5]], 'complete')).toThrow(
      expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
    );
  });
});

describe('context_ngrams', () => {
  const ev = resolveAggregate(contextNgrams, {
    argumentTypes: [stringSeqs, arrayType(HiveTypes.string), HiveTypes.int],
  });
  const seqs = [
    ['i', 'love', 'cats', 'and', 'i', 'love', 'dogs'],
    ['i', 'love', 'cats'],
  ];
  it('fills the NULL placeholders where the context matches', () => {
    expect(aggregateRows(ev, [[seqs, ['i', 'love', null], 5]], 'complete')).toEqual([
      { ngram: ['cats'], estfrequency: 2 },
      { ngram: ['dogs'], estfrequency: 1 },
    ]);
    expect(aggregateRows(ev, [[seqs, [null, 'love', null], 1]], 'complete')).toEqual([
      { ngram: ['i', 'cats'], estfrequency: 2 },
    ]);
  });
  it('merges partials carrying the context and is NULL when nothing matched', () => {
    const p1 = aggregateRows(ev, [[[seqs[0]!], ['i', 'love', null], 5]], 'partial1');
    const p2 = aggregateRows(ev, [[[seqs[1]!], ['i', 'love', null], 5]], 'partial1');
    const empty = aggregateRows(ev, [], 'partial1');
    expect(empty).toEqual([]);
    expect(mergePartials(ev, [empty, p1, p2], 'final')).toEqual([
      { ngram: ['cats'], estfrequency: 2 },
      { ngram: ['dogs'], estfrequency: 1 },
    ]);
    expect(aggregateRows(ev, [[seqs, ['you', null], 5]], 'complete')).toBeNull();
  });
  it('requires a NULL placeholder', () => {
    expect(() => aggregateRows(ev, [[seqs, ['i', 'love'], 5]], 'complete')).toThrow(
      expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
    );
  });
});

describe('ngrams properties', () => {
  const word = fc.constantFrom('a', 'b', 'c');
  const sentence = fc.array(fc.option(word, { nil: null, freq: 8 }), { maxLength: 6 });
  const rowArb = fc.array(sentence, { maxLength: 3 });
  it('≡ the naive reference when nothing is trimmed (k·pf large)', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 10 }), fc.integer({ min: 1, max: 3 }), (rows, n) => {
        expect(ngramsOf(rows, n, 1000, 1)).toEqual(referenceNgrams(rows, n, 1000));
      }),
      { numRuns: 60 },
    );
  });
  it('split invariant and batch ≡ rows', () => {
    const call = { argumentTypes: [stringSeqs, HiveTypes.int, HiveTypes.int] };
    const row = rowArb.map((r) => [r, 2, 50] as const);
    expect(() => checkSplitInvariance({ definition: ngrams, call, row, numRuns: 30 })).not.toThrow();
    expect(() => checkBatchEquivalence(resolveAggregate(ngrams, call), row)).not.toThrow();
  });
  it('context_ngrams: split invariant and batch ≡ rows', () => {
    const call = { argumentTypes: [stringSeqs, arrayType(HiveTypes.string), HiveTypes.int] };
    const row = rowArb.map((r) => [r, ['a', null], 50] as const);
    expect(() => checkSplitInvariance({ definition: contextNgrams, call, row, numRuns: 30 })).not.toThrow();
    expect(() => checkBatchEquivalence(resolveAggregate(contextNgrams, call), row)).not.toThrow();
  });
});
