/**
 * mulberry32: a tiny, fast, seeded 32-bit PRNG. Deterministic across platforms, so generated data and
 * bench inputs are reproducible from the seed alone.
 *
 * @param seed - any number; only its low 32 bits are used
 * @returns a function yielding floats in `[0, 1)`
 * @example
 * ```ts
 * const rnd = mulberry32(42); rnd(); // 0.6011037519201636 on every run
 * ```
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
