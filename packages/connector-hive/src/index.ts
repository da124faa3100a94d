// Public surface of @hive-batch/connector-hive. Every export is listed by name.

export type { FileStatus, FileSystem } from './fs/file-system';
export { createLocalFileSystem } from './fs/local-file-system';
export { createMemoryFileSystem } from './fs/memory-file-system';

export {
  HIVE_DEFAULT_PARTITION,
  escapePartitionPath,
  unescapePartitionPath,
  makePartitionPath,
  parsePartitionPath,
  isHiddenFile,
} from './layout/hive-paths';

export type { HiveFileFormat, FileRange, HiveSplit, PlannedPartition } from './planning/hive-split';
export type {
  PartitionLiteral,
  ComparisonOperator,
  PartitionPredicate,
  BoundPartitionPredicate,
} from './planning/partition-predicate';
export { bindPartitionPredicate } from './planning/partition-predicate';
export type { SplitPlannerOptions, PlanSplitsInput } from './planning/split-planner';
export {
  planSplits,
  computeMaxSplitBytes,
  isSplittable,
  listPartitionFiles,
  splitPartitionFiles,
} from './planning/split-planner';

export type { TableReadInfo } from './read/table-read-info';
export type { ReadHiveSplitOptions } from './read/read-hive-split';
export { readHiveSplit, projectedSchema } from './read/read-hive-split';
export { selectRowGroups } from './read/parquet-range-reader';
export type { TextLine, TextLinesOptions } from './read/text-lines';
export { readTextLines } from './read/text-lines';

export type { DynamicPartitionFilter, CompiledDynamicFilter } from './source/dynamic-filter';
export { compileDynamicFilter } from './source/dynamic-filter';
export type { ParallelismInferenceOptions } from './source/infer-source-parallelism';
export { inferSourceParallelism } from './source/infer-source-parallelism';
export type { HiveSourceOptions, HiveEnumeratorState } from './source/hive-source';
export { HiveSource } from './source/hive-source';
export type { LoadedHiveTable } from './source/load-hive-table';
export { loadHiveTable, tableReadInfoOf, fileFormatOf } from './source/load-hive-table';

export type { FinishedFile, DataFileWriter, DataFileWriterOptions } from './write/file-writer';
export { createDataFileWriter } from './write/file-writer';
export type { StagedFile, CompactionOptions } from './sink/compact-partition';
export type { PublishedPartition, SinkJournalPayload, SinkJobState } from './sink/sink-journal';
export { SINK_JOURNAL_KIND } from './sink/sink-journal';
export type { HiveTableSinkOptions, TaskCommitMessage } from './sink/hive-table-sink';
export { HiveTableSink, HiveTaskWriter } from './sink/hive-table-sink';
export { finishSinkCommit, SUCCESS_FILE } from './sink/finish-sink-commit';
export type { RecoverHiveSinkJobsOptions, HiveSinkRecoveryReport } from './sink/recover-hive-sink-jobs';
export { recoverHiveSinkJobs } from './sink/recover-hive-sink-jobs';
