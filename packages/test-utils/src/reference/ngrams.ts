// Naive reference for ngrams (no estimation buffer, so exact whenever Hive never trims): count every n-gram
// of every sequence, sort by count desc then word by word, keep the first k.

/** One n-gram with its count, as ngrams() returns it. */
export interface ReferenceNGram {
  readonly ngram: string[];
  readonly estfrequency: number;
}

/** `ngrams(sequences, n, k)` over rows of sentences; NULL words break an n-gram; `null` when there is none. */
export function referenceNgrams(
  rows: readonly (readonly (readonly (string | null)[])[])[],
  n: number,
  k: number,
): ReferenceNGram[] | null {
  const counts: { ngram: string[]; count: number }[] = [];
  for (const row of rows) {
    for (const seq of row) {
      for (let i = 0; i + n <= seq.length; i++) {
        const gram = seq.slice(i, i + n);
        if (gram.some((w) => w == null)) continue;
        const words = gram as string[];
        const found = counts.find((c) => c.ngram.join('\u0000') === words.join('\u0000'));
        if (found != null) found.count++;
        else counts.push({ ngram: words, count: 1 });
      }
    }
  }
  if (counts.length === 0) return null;
  counts.sort((a, b) => {
    if (a.count !== b.count) return b.count - a.count;
    for (let i = 0; i < a.ngram.length && i < b.ngram.length; i++) {
      const x = a.ngram[i] as string;
      const y = b.ngram[i] as string;
      if (x !== y) return x < y ? -1 : 1;
    }
    return a.ngram.length - b.ngram.length;
  });
  return counts.slice(0, k).map((c) => ({ ngram: c.ngram, estfrequency: c.count }));
}
