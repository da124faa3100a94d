// Private test helpers shared by every package's tests. Never built: exports point at src.

export type { DataTypeArbitraryOptions } from './arbitraries/data-type';
export { dataTypeArbitrary, primitiveTypeArbitrary } from './arbitraries/data-type';
export type {
  ValueArbitraryOptions,
  RowsArbitraryOptions,
  SchemaArbitraryOptions,
} from './arbitraries/value';
export {
  valueArbitrary,
  rowsArbitrary,
  schemaArbitrary,
  mapKeyIdentity,
  MIN_DATE_DAYS,
  MAX_DATE_DAYS,
  MIN_TIMESTAMP_MICROS,
  MAX_TIMESTAMP_MICROS,
} from './arbitraries/value';
export { mulberry32 } from './generators/mulberry32';
export type { KeyValueOptions, KeyValueColumns } from './generators/key-value';
export { generateKeyValueColumns, generateKeyValueBatch } from './generators/key-value';
export type { RandomRowsOptions } from './generators/random-rows';
export { randomRowsForSchema } from './generators/random-rows';
export type { ExpectRowsEqualOptions } from './expect-batch-equal';
export {
  expectBatchEqual,
  expectRowsEqual,
  expectColumnWellFormed,
  normalizeValue,
} from './expect-batch-equal';
export { repoRoot, sharedDir, qtestsDir } from './paths';
export type { TempDir } from './temp-dir';
export { tempDir } from './temp-dir';
export type { FixtureRun, SpawnedFixture } from './spawn-bundled-fixture';
export { spawnBundledFixture } from './spawn-bundled-fixture';

// Naive references for the numeric aggregates (sum, count, avg, min/max, variance, covariance, regression).
export type { ReferenceVarianceStat, ReferencePairStat } from './reference/aggregates';
export {
  referenceCount,
  referenceDistinct,
  referenceSumLong,
  referenceSumDouble,
  referenceSumDecimal,
  referenceAvgDouble,
  referenceAvgDecimal,
  referenceVariance,
  referencePairStat,
  referenceExtreme,
} from './reference/aggregates';

// Naive references for collect_*, the exact percentiles, ngrams and compute_stats' plain fields.
export { referenceCollectList, referenceCollectSet } from './reference/collect';
export type { ReferencePercentileOptions } from './reference/percentile';
export { referencePercentile } from './reference/percentile';
export type { ReferenceNGram } from './reference/ngrams';
export { referenceNgrams } from './reference/ngrams';
export { referenceNumericStats, referenceStringStats } from './reference/column-stats';
