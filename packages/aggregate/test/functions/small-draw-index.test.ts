import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JavaRandom } from '../../src/internal/java-random';
import { SMALL_DRAW_INDEX_TUNING } from '../../src/internal/small-draw-index';

/** Hive's tie loop: `count` draws, the r-th passing when `nextDouble() <= 1.0 / (ties + r)`; the last r that passed. */
function loopPick(r: JavaRandom, ties: number, count: number): number {
  let last = 0;
  for (let k = 1; k <= count; k++) if (r.nextDouble() <= 1.0 / (ties + k)) last = k;
  return last;
}

describe('lastReservoirPick through the shared index of small draws', () => {
  const built = SMALL_DRAW_INDEX_TUNING.buildAfterDraws;
  // Build the index at the first long pick, so every pick below goes through it.
  beforeEach(() => {
    SMALL_DRAW_INDEX_TUNING.buildAfterDraws = 0;
  });
  afterEach(() => {
    SMALL_DRAW_INDEX_TUNING.buildAfterDraws = built;
  });

  it('gives the loop’s pick and leaves the loop’s state, wherever the picks start and however long they are', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(31183, 42, -7),
        // Starting draws around the index's 65,536-draw extensions, and some odd steps (the index is not used).
        fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 65_000, max: 66_000 })),
        fc.boolean(),
        fc.array(
          fc.record({ ties: fc.integer({ min: 1, max: 12 }), count: fc.integer({ min: 0, max: 1500 }) }),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        (seed, startDraw, oddStep, picks) => {
          const indexed = new JavaRandom(seed);
          indexed.useSharedDrawIndex();
          const reference = new JavaRandom(seed);
          const before = 2 * startDraw + (oddStep ? 1 : 0);
          indexed.skip(before);
          reference.skip(before);
          for (const { ties, count } of picks) {
            expect(indexed.lastReservoirPick(ties, count)).toBe(loopPick(reference, ties, count));
            expect(indexed.nextDouble()).toBe(reference.nextDouble());
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('finds a pick among the first few draws, where the index cannot help, when no later one passed', () => {
    // Seed 31183's first draw is 0.107…: it passes for ties = 1 (≤ 1/2). With 60 draws, a later one passing is
    // what usually happens; over many start points some picks must come from the walk of the first draws.
    let early = 0;
    for (let start = 0; start < 400; start++) {
      const indexed = new JavaRandom(31183);
      indexed.useSharedDrawIndex();
      const reference = new JavaRandom(31183);
      indexed.skip(2 * start);
      reference.skip(2 * start);
      const want = loopPick(reference, 1, 60);
      expect(indexed.lastReservoirPick(1, 60)).toBe(want);
      if (want > 0 && want < 7) early++;
    }
    expect(early).toBeGreaterThan(0);
  });
});
