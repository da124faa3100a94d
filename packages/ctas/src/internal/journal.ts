import { HiveBatchError } from '@hive-batch/core';
import type { JournalEntry, JsonValue } from '@hive-batch/catalog';
import type { CtasDescriptor, CtasState } from '../ctas-descriptor';

/** Journal kind of CTAS records. */
export const CTAS_JOURNAL_KIND = 'ctas';

/** What a CTAS journal record carries besides its state. */
export interface CtasJournalPayload {
  readonly descriptor: CtasDescriptor;
  /** Failed cleanup attempts so far. */
  readonly attempts: number;
  readonly lastError: string | null;
  /** Whether abort must also delete the final location (the data was moved there by a failed commit). */
  readonly removeFinal: boolean;
}

export function journalId(jobId: string): string {
  return `ctas:${jobId}`;
}

export function journalEntry(state: CtasState, payload: CtasJournalPayload): JournalEntry {
  return {
    id: journalId(payload.descriptor.jobId),
    kind: CTAS_JOURNAL_KIND,
    state,
    payload: JSON.parse(JSON.stringify(payload)) as JsonValue,
  };
}

const STATES: ReadonlySet<string> = new Set([
  'PENDING',
  'COMMITTING',
  'COMMITTED',
  'ABORTING',
  'ABORTED',
  'CLEANUP_FAILED',
]);

/** Reads a journal record back, checking the shape a restarted process depends on. */
export function readJournalEntry(entry: JournalEntry): { state: CtasState; payload: CtasJournalPayload } {
  const p = entry.payload as Partial<CtasJournalPayload> | null;
  const d = p?.descriptor;
  if (
    !STATES.has(entry.state) ||
    p == null ||
    d == null ||
    d.kind !== 'ctas' ||
    d.version !== 1 ||
    typeof d.jobId !== 'string' ||
    (d.mode !== 'atomic' && d.mode !== 'drop-on-failure')
  ) {
    throw new HiveBatchError('METASTORE_ERROR', `Unreadable CTAS journal record ${entry.id}`);
  }
  return {
    state: entry.state as CtasState,
    payload: {
      descriptor: d,
      attempts: typeof p.attempts === 'number' ? p.attempts : 0,
      lastError: typeof p.lastError === 'string' ? p.lastError : null,
      removeFinal: p.removeFinal === true,
    },
  };
}
