// Micro-benchmark of percentile_approx's histogram: ms per group of 100,000 values `floor(u·100000)/100`
// (the bench:agg (d) distribution) with nbins = 10000, for the faithful NumericHistogram and the fast one,
// checking that both end with the same bins and PRNG state. Run with `node tools/bench-histogram/run.mjs`.
import { JavaRandom } from '../../packages/aggregate/src/internal/java-random';
import { NumericHistogram } from '../../packages/aggregate/src/internal/histogram/numeric-histogram';
import { FastNumericHistogram } from '../../packages/aggregate/src/internal/histogram/fast-numeric-histogram';

interface Histogram {
  allocate(nbins: number): void;
  add(v: number): void;
  /** The fast structure's batch entry point (what the aggregate kernels call). */
  addRange?(values: Float64Array, from: number, to: number): void;
  serialize(): number[];
}

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const values = option('--values', 100_000);
const nbins = option('--nbins', 10_000);
const groups = option('--groups', 5);
const skipFaithful = args.includes('--no-faithful');
const chunkBins = option('--chunk', 0) || undefined;

/** One group's values from a seeded generator (same data for every structure). */
function groupValues(group: number): Float64Array {
  const rng = new JavaRandom(1000 + group);
  const out = new Float64Array(values);
  for (let i = 0; i < values; i++) out[i] = Math.floor(rng.nextDouble() * 100_000) / 100;
  return out;
}

function run(
  make: (rng: JavaRandom) => Histogram,
  data: Float64Array,
): { ms: number; bins: number[]; next: number } {
  const rng = new JavaRandom(31183);
  const h = make(rng);
  const t0 = performance.now();
  h.allocate(nbins);
  if (h.addRange != null) h.addRange(data, 0, data.length);
  else for (const v of data) h.add(v);
  const ms = performance.now() - t0;
  return { ms, bins: h.serialize(), next: rng.nextDouble() };
}

type Maker = [string, (rng: JavaRandom) => Histogram];
const structures: Maker[] = [['fast', (rng) => new FastNumericHistogram(rng, chunkBins)]];
if (!skipFaithful) structures.push(['faithful', (rng) => new NumericHistogram(0, rng)]);
const totals = new Map<string, number[]>();
for (let g = 0; g < groups; g++) {
  const data = groupValues(g);
  const results = structures.map(([name, make]) => [name, run(make, data)] as const);
  for (const [name, r] of results) totals.set(name, [...(totals.get(name) ?? []), r.ms]);
  // The last structure is the reference (the faithful one unless --no-faithful).
  const [refName, ref] = results[results.length - 1] as (typeof results)[number];
  for (const [name, r] of results) {
    const same =
      r.next === ref.next &&
      r.bins.length === ref.bins.length &&
      r.bins.every((v, i) => Object.is(v, ref.bins[i]));
    if (!same) throw new Error(`group ${g}: ${name} differs from ${refName}`);
  }
}
for (const [name, ms] of totals) {
  const sorted = [...ms].sort((a, b) => a - b);
  const median = sorted[sorted.length >> 1] ?? NaN;
  const min = sorted[0] ?? NaN;
  console.log(
    `${name.padEnd(9)} ms per group of ${values} (nbins ${nbins}): median ${median.toFixed(1)}, ` +
      `min ${min.toFixed(1)}, all [${ms.map((m) => m.toFixed(0)).join(', ')}]`,
  );
}
