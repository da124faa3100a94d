// Public surface of @hive-batch/source. Every export is listed by name.

export type { JsonValue } from './json-value';
export type { Boundedness } from './boundedness';
export type { SourceSplit } from './source-split';
export type { VersionedSerializer } from './versioned-serializer';
export { createJsonSerializer } from './versioned-serializer';
export type { AttemptRef, ReaderEvent, AttemptGateway } from './reader-event';
export type {
  ReaderInfo,
  SplitsAssignment,
  AsyncOutcome,
  SplitEnumeratorContext,
  SplitEnumerator,
} from './split-enumerator';
export type { InputStatus, ReaderOutput, SourceReaderContext, SourceReader } from './source-reader';
export type { Source } from './source';
export type { StaticSplitEnumeratorState, StaticSplitEnumeratorOptions } from './static-split-enumerator';
export { StaticSplitEnumerator, createStaticSplitEnumeratorStateSerializer } from './static-split-enumerator';
export type {
  AssignmentPolicy,
  SourceCoordinatorOptions,
  CoordinatorSnapshot,
  SubtaskSnapshot,
  FinishOutcome,
  FailureOutcome,
  SubtaskView,
} from './source-coordinator';
export { SourceCoordinator, BATCH_SNAPSHOT_ID } from './source-coordinator';
