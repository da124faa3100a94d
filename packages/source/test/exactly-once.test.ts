import { describe, expect, it } from 'vitest';
import { simulate } from './helpers/simulation';

const NUMBERS = 10_000;
const EXPECTED_TOTAL = (NUMBERS * (NUMBERS - 1)) / 2; // 0 + 1 + … + 9,999
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

describe('exactly once under speculation and failures', () => {
  it.each(['cursor', 'broadcast'] as const)(
    '%s: 10,000 numbers in 100 splits, 4 subtasks, slow attempts, 20 failures → winners sum to the exact total',
    (policy) => {
      let speculated = 0;
      let resets = 0;
      let duplicated = 0;
      for (const seed of SEEDS) {
        const result = simulate({
          seed,
          policy,
          numbers: NUMBERS,
          splits: 100,
          parallelism: 4,
          failures: 20,
          slowFraction: 0.3,
        });
        const total = [...result.winnerSums.values()].reduce((a, b) => a + b, 0);
        const count = [...result.winnerCounts.values()].reduce((a, b) => a + b, 0);
        expect({ seed, total, count }).toEqual({ seed, total: EXPECTED_TOTAL, count: NUMBERS });
        expect(result.failuresInjected).toBe(20);
        expect(result.committedSplitIds).toHaveLength(100);
        expect(new Set(result.committedSplitIds).size).toBe(100);
        speculated += result.speculativeAttempts;
        resets += result.resets;
        if (result.emittedByAll > EXPECTED_TOTAL) duplicated++;
      }
      // The scenario really exercised speculation, subtask resets and duplicated (discarded) work.
      expect(speculated).toBeGreaterThan(0);
      expect(resets).toBeGreaterThan(0);
      expect(duplicated).toBeGreaterThan(0);
    },
    30_000,
  );
});
