import { describe, expect, it } from 'vitest';
import { NumericHistogram } from '../../src/internal/histogram/numeric-histogram';
import { javaDouble, readDataRows, selectBlocks } from './qtest-corpus';

describe('NumericHistogram against udaf_histogram_numeric.q.out', () => {
  const values = readDataRows('kv1.txt').map((r) => Number((r[1] ?? '').slice(4)));
  const blocks = selectBlocks('udaf_histogram_numeric');
  it.each([2, 3, 20, 200])('histogram_numeric(cast(substr(value,5) as double), %i) over src', (nb) => {
    const h = new NumericHistogram(nb);
    for (const v of values) h.add(v);
    const json = `[${Array.from({ length: h.used }, (_, i) => `{"x":${javaDouble(h.x[i]!)},"y":${javaDouble(h.y[i]!)}}`).join(',')}]`;
    const block = blocks.find(
      (b) => b.query.includes(`as double), ${nb})`) || b.query.includes(`AS double), ${nb})`),
    );
    expect(block).toBeDefined();
    expect(json).toBe(block!.lines[0]);
  });
});
