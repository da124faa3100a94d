import type { Boundedness } from './boundedness';
import type { SourceSplit } from './source-split';
import type { SourceReader, SourceReaderContext } from './source-reader';
import type { SplitEnumerator, SplitEnumeratorContext } from './split-enumerator';
import type { VersionedSerializer } from './versioned-serializer';

/**
 * A source in the FLIP-27 model: a factory for one enumerator (coordinator side) and many readers
 * (one per attempt), plus serializers so splits and enumerator state are JSON-safe.
 */
export interface Source<TRecord, TSplit extends SourceSplit, TEnumState> {
  readonly boundedness: Boundedness;
  createEnumerator(context: SplitEnumeratorContext<TSplit>): SplitEnumerator<TSplit, TEnumState>;
  restoreEnumerator(
    context: SplitEnumeratorContext<TSplit>,
    state: TEnumState,
  ): SplitEnumerator<TSplit, TEnumState>;
  createReader(context: SourceReaderContext): SourceReader<TRecord, TSplit>;
  readonly splitSerializer: VersionedSerializer<TSplit>;
  readonly enumeratorStateSerializer: VersionedSerializer<TEnumState>;
}
