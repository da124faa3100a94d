import { describe, expect, it } from 'vitest';
import { JavaRandom } from '../../src/internal/java-random';

// Expected values printed by java.util.Random on a JDK (the generator is specified exactly in its javadoc).
describe('JavaRandom', () => {
  it('matches java.util.Random(42)', () => {
    const r = new JavaRandom(42);
    expect(r.nextInt()).toBe(-1170105035);
    expect(r.nextInt()).toBe(234785527);
    expect(r.nextDouble()).toBe(0.6832234717598454);
  });
  it('matches java.util.Random(31183), the NumericHistogram seed', () => {
    const r = new JavaRandom(31183);
    expect([r.nextDouble(), r.nextDouble(), r.nextDouble()]).toEqual([
      0.10748527202486546, 0.893630159548549, 0.1375869077362396,
    ]);
  });
  it('matches java.util.Random(99397) and negative seeds', () => {
    const r = new JavaRandom(99397);
    expect([r.nextInt(), r.nextInt()]).toEqual([-1853465054, 1013397600]);
    expect(new JavaRandom(-5).nextInt()).toBe(1156638822);
  });
});
