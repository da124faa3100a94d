import { batchToRows, type ColumnBatch } from '@hive-batch/core';
import type { HiveSource, HiveSplit } from '@hive-batch/connector-hive';
import { SourceCoordinator } from '@hive-batch/source';
import type { SourceReader } from '@hive-batch/source';

/** Runs a HiveSource to completion with `parallelism` in-process readers; returns all rows (any order). */
export async function runSource(source: HiveSource, parallelism = 2): Promise<unknown[][]> {
  const readers = new Map<number, SourceReader<ColumnBatch, HiveSplit>>();
  const coordinator = new SourceCoordinator({
    source,
    parallelism,
    gateway: {
      send: ({ subtask }, event) => {
        const r = readers.get(subtask);
        if (event.kind === 'addSplits') r?.addSplits(event.splits);
        if (event.kind === 'noMoreSplits') r?.notifyNoMoreSplits();
      },
    },
  });
  coordinator.start();
  const rows: unknown[][] = [];
  const runs: Promise<void>[] = [];
  for (let s = 0; s < parallelism; s++) {
    const reader = source.createReader({
      subtaskId: s,
      attemptNumber: 0,
      location: undefined,
      sendSplitRequest: () => coordinator.handleSplitRequest(s, 0),
      sendSourceEvent: () => {},
    });
    readers.set(s, reader);
    coordinator.registerAttempt(s, 0);
    reader.start();
    runs.push(
      (async () => {
        for (;;) {
          const status = reader.pollNext({ collect: (b) => rows.push(...batchToRows(b)) });
          if (status === 'END_OF_INPUT') break;
          if (status === 'NOTHING_AVAILABLE') await reader.isAvailable();
        }
        coordinator.attemptFinished(s, 0);
      })(),
    );
  }
  await Promise.all(runs);
  await coordinator.settled();
  coordinator.close();
  return rows;
}

/** Sorts rows by their JSON form (bigint-safe) for order-insensitive comparison. */
export function sortRows(rows: readonly unknown[][]): string[] {
  return rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))).sort();
}
