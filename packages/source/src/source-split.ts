/**
 * An immutable unit of work. Only the id is required by the runtime.
 *
 * `splitId` must be unique within a source and stable across re-enumeration and restore: the coordinator
 * tracks ownership by id and rejects an id that is already assigned or finished.
 */
export interface SourceSplit {
  readonly splitId: string;
}
