// Public surface of @hive-batch/cli. Every export is listed by name.

export type { CliIo } from './cli';
export { USAGE, main, parseArgs, renderResult, run } from './cli';
export type { QOutBlock } from './qtest/q-out';
export { isResultBlock, normalizeStatement, pairStatements, parseQOut } from './qtest/q-out';
export type { CompareMode, CompareResult } from './qtest/compare';
export { DOUBLE_TOLERANCE, compareRows, rowsEqual } from './qtest/compare';
export type { KnownFailure } from './qtest/known-failures';
export { knownFailureIndex, parseKnownFailures } from './qtest/known-failures';
export type { QtestFailure, QtestOptions, QtestReport, QtestTestResult } from './qtest/run-qtest';
export { formatTestLines, listTests, runQtest, runQtests } from './qtest/run-qtest';
export {
  classTotals,
  formatClassTable,
  formatConformanceMarkdown,
  parseManifestClasses,
} from './qtest/conformance';
