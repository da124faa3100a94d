import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { SourceCoordinator } from '@hive-batch/source';
import type {
  AssignmentPolicy,
  CoordinatorSnapshot,
  JsonValue,
  Source,
  SplitEnumerator,
} from '@hive-batch/source';
import type { DiscoveringEnumerator, PoolState, RangeSplit } from './helpers/fixtures';
import { RecordingGateway, discoveringSource, rangeSplits, staticSource } from './helpers/fixtures';

function setup(options: {
  splits: number;
  parallelism?: number;
  policy?: AssignmentPolicy;
  maxConcurrentAttempts?: number;
  maxSplitsPerEvent?: number;
}) {
  const enumerators: DiscoveringEnumerator[] = [];
  const source = discoveringSource({ remaining: rangeSplits(options.splits), complete: true }, enumerators);
  const gateway = new RecordingGateway();
  const coordinator = new SourceCoordinator({
    source,
    gateway,
    parallelism: options.parallelism ?? 1,
    policy: options.policy ?? 'cursor',
    maxConcurrentAttempts: options.maxConcurrentAttempts ?? 3,
    ...(options.maxSplitsPerEvent === undefined ? {} : { maxSplitsPerEvent: options.maxSplitsPerEvent }),
  });
  coordinator.start();
  const enumerator = enumerators[0]!;
  return { coordinator, gateway, enumerator, enumerators };
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

describe('S1: concurrent attempts 0, 3, 5 request splits (testConcurrentAttemptsRequestSplits)', () => {
  it('broadcast: produces the exact 8-event Flink trace', () => {
    const { coordinator: c, gateway, enumerator } = setup({ splits: 2, policy: 'broadcast' });
    c.registerAttempt(0, 0);
    c.handleSplitRequest(0, 0);
    c.registerAttempt(0, 3);
    c.handleSplitRequest(0, 3);
    c.handleSplitRequest(0, 0);
    c.registerAttempt(0, 5);
    expect(gateway.trace).toEqual([
      '0/0 addSplits[s0]',
      '0/3 addSplits[s0]',
      '0/0 addSplits[s1]',
      '0/3 addSplits[s1]',
      '0/0 noMoreSplits',
      '0/3 noMoreSplits',
      '0/5 addSplits[s0,s1]',
      '0/5 noMoreSplits',
    ]);
    expect(enumerator.log.addReader).toEqual([0]);
    expect(enumerator.log.requests.map((r) => r.subtask)).toEqual([0, 0, 0]);
  });

  it('cursor: every attempt walks the same log; only the leading attempt reaches the enumerator', () => {
    const { coordinator: c, gateway, enumerator } = setup({ splits: 2 });
    c.registerAttempt(0, 0);
    c.handleSplitRequest(0, 0);
    c.registerAttempt(0, 3);
    c.handleSplitRequest(0, 3); // replayed from the log
    c.handleSplitRequest(0, 3); // attempt 3 leads now: pulls s1
    c.handleSplitRequest(0, 0); // replayed
    c.handleSplitRequest(0, 0); // attempt 0 leads: pool empty
    c.registerAttempt(0, 5);
    c.handleSplitRequest(0, 5);
    c.handleSplitRequest(0, 5);
    c.handleSplitRequest(0, 5);
    c.handleSplitRequest(0, 3);
    expect(gateway.trace).toEqual([
      '0/0 addSplits[s0]',
      '0/3 addSplits[s0]',
      '0/3 addSplits[s1]',
      '0/0 addSplits[s1]',
      '0/0 noMoreSplits',
      '0/5 addSplits[s0]',
      '0/5 addSplits[s1]',
      '0/5 noMoreSplits',
      '0/3 noMoreSplits',
    ]);
    expect(enumerator.log.requests).toHaveLength(3);
    expect(enumerator.log.addReader).toEqual([0]);
  });

  it('broadcast: cuts a long replay into events of maxSplitsPerEvent', () => {
    const { coordinator: c, gateway } = setup({ splits: 5, policy: 'broadcast', maxSplitsPerEvent: 2 });
    c.registerAttempt(0, 0);
    for (let i = 0; i < 6; i++) c.handleSplitRequest(0, 0);
    gateway.take();
    c.registerAttempt(0, 1);
    expect(gateway.take()).toEqual([
      '0/1 addSplits[s0,s1]',
      '0/1 addSplits[s2,s3]',
      '0/1 addSplits[s4]',
      '0/1 noMoreSplits',
    ]);
  });
});

describe('S2: an attempt fails while a sibling lives', () => {
  it.each(['cursor', 'broadcast'] as const)('%s: moves no split and the sibling finishes', (policy) => {
    const { coordinator: c, enumerator } = setup({ splits: 3, policy });
    c.registerAttempt(0, 0);
    c.registerAttempt(0, 1);
    for (let i = 0; i < 4; i++) c.handleSplitRequest(0, 0);
    expect(c.attemptFailed(0, 0)).toEqual({ kind: 'local' });
    expect(enumerator.log.addSplitsBack).toEqual([]);
    expect(c.registeredReadersOfAttempts().get(0)?.size).toBe(1);
    for (let i = 0; i < 4; i++) c.handleSplitRequest(0, 1);
    const outcome = c.attemptFinished(0, 1);
    expect(outcome).toMatchObject({ kind: 'winner', splitIds: ['s0', 's1', 's2'], cancel: [] });
    expect(c.isFinished).toBe(true);
  });
});

describe('S3/S4: all attempts fail; restart and request again (testSubtaskRestartAndRequestSplitsAgain, FLINK-35522)', () => {
  it.each(['cursor', 'broadcast'] as const)(
    '%s: returns every split once and clears no-more-splits',
    (policy) => {
      const { coordinator: c, gateway, enumerator } = setup({ splits: 2, policy });
      c.registerAttempt(0, 0);
      c.handleSplitRequest(0, 0);
      c.handleSplitRequest(0, 0);
      c.handleSplitRequest(0, 0);
      expect(gateway.take()).toEqual(
        policy === 'cursor'
          ? ['0/0 addSplits[s0]', '0/0 addSplits[s1]', '0/0 noMoreSplits']
          : ['0/0 addSplits[s0]', '0/0 addSplits[s1]', '0/0 noMoreSplits'],
      );
      expect(c.subtaskView(0).noMoreSplits).toBe(true);
      const outcome = c.attemptFailed(0, 0);
      expect(outcome).toEqual({ kind: 'reset', returnedSplitIds: ['s0', 's1'], cancel: [] });
      expect(enumerator.log.addSplitsBack).toEqual([{ subtask: 0, ids: ['s0', 's1'] }]);
      expect(c.subtaskView(0)).toMatchObject({ log: [], noMoreSplits: false, liveAttempts: [], life: 2 });
      c.registerAttempt(0, 1);
      expect(enumerator.log.addReader).toEqual([0, 0]);
      c.handleSplitRequest(0, 1);
      c.handleSplitRequest(0, 1);
      c.handleSplitRequest(0, 1);
      expect(gateway.take()).toEqual(['0/1 addSplits[s0]', '0/1 addSplits[s1]', '0/1 noMoreSplits']);
      expect(c.attemptFinished(0, 1)).toMatchObject({ kind: 'winner', splitIds: ['s0', 's1'] });
    },
  );

  it('a returned split may go to another subtask; the global multiset of finished splits is complete', () => {
    const { coordinator: c } = setup({ splits: 3, parallelism: 2 });
    c.registerAttempt(0, 0);
    c.registerAttempt(1, 0);
    c.handleSplitRequest(0, 0); // s0 → subtask 0
    c.handleSplitRequest(1, 0); // s1 → subtask 1
    c.resetSubtask(0); // s0 back to the pool, after s2
    for (let i = 0; i < 3; i++) c.handleSplitRequest(1, 0); // s2, s0, no more
    expect(c.attemptFinished(1, 0)).toMatchObject({ splitIds: ['s1', 's2', 's0'] });
    c.registerAttempt(0, 1);
    c.handleSplitRequest(0, 1);
    expect(c.attemptFinished(0, 1)).toMatchObject({ splitIds: [] });
    expect(c.isFinished).toBe(true);
  });

  it('a data-loss failure resets the subtask even while a sibling lives', () => {
    const { coordinator: c, enumerator } = setup({ splits: 2 });
    c.registerAttempt(0, 0);
    c.registerAttempt(0, 1);
    c.handleSplitRequest(0, 0);
    expect(c.attemptFailed(0, 1, { dataLoss: true })).toEqual({
      kind: 'reset',
      returnedSplitIds: ['s0'],
      cancel: [{ subtask: 0, attempt: 0 }],
    });
    expect(enumerator.log.addSplitsBack).toHaveLength(1);
    expect(c.handleSplitRequest(0, 0)).toBe(false);
  });
});

describe('revert assignments after failure (testSubtaskFailedAndRevertUncompletedAssignments)', () => {
  it('returns only the failed subtask splits; the enumerator gets them back as unassigned', () => {
    const { coordinator: c, enumerator } = setup({ splits: 10, parallelism: 2 });
    c.registerAttempt(0, 0);
    c.registerAttempt(1, 0);
    c.handleSplitRequest(0, 0);
    c.handleSplitRequest(1, 0);
    c.handleSplitRequest(0, 0);
    expect(enumerator.pool).toHaveLength(7);
    c.attemptFailed(0, 0);
    expect(enumerator.pool).toHaveLength(9);
    expect(enumerator.pool.slice(7).map((s) => s.splitId)).toEqual(['s0', 's2']);
    expect(c.subtaskView(1).log).toEqual(['s1']);
  });
});

describe('S6: custom source events under attempt mode', () => {
  const base: Source<number, RangeSplit, PoolState> = discoveringSource({ remaining: [], complete: true });

  it('fail against an attempt-blind enumerator', () => {
    const c = new SourceCoordinator({
      source: { ...base, createEnumerator: (ctx) => bind(base.createEnumerator(ctx)) },
      parallelism: 1,
      gateway: new RecordingGateway(),
    });
    c.start();
    c.registerAttempt(0, 4);
    expect(codeOf(() => c.handleSourceEvent(0, 4, { progress: 1 }))).toBe('UNSUPPORTED_OPERATION');
  });

  it('reach an attempt-aware enumerator with the right attempt, and replies reach that attempt only', () => {
    const seen: [number, number, JsonValue][] = [];
    const gateway = new RecordingGateway();
    const c = new SourceCoordinator({
      source: {
        ...base,
        createEnumerator: (ctx) => ({
          ...bind(base.createEnumerator(ctx)),
          handleSourceEvent: (subtask: number, attempt: number, event: JsonValue) => {
            seen.push([subtask, attempt, event]);
            ctx.sendEventToSourceReader(subtask, attempt, { ack: true });
          },
        }),
      },
      parallelism: 1,
      gateway,
    });
    c.start();
    c.registerAttempt(0, 4);
    c.registerAttempt(0, 7);
    expect(c.handleSourceEvent(0, 7, { progress: 2 })).toBe(true);
    expect(c.handleSourceEvent(0, 9, { stale: true })).toBe(false);
    expect(seen).toEqual([[0, 7, { progress: 2 }]]);
    expect(gateway.trace).toEqual(['0/7 sourceEvent {"ack":true}']);
  });
});

describe('S7/S8: registration before assignment; stale requests', () => {
  it('rejects assigning to an unregistered subtask and changes nothing', () => {
    const contexts: Parameters<Source<number, RangeSplit, PoolState>['createEnumerator']>[0][] = [];
    const base = discoveringSource({ remaining: [], complete: true });
    const c = new SourceCoordinator({
      source: {
        ...base,
        createEnumerator: (ctx) => {
          contexts.push(ctx);
          return base.createEnumerator(ctx);
        },
      },
      parallelism: 2,
      gateway: new RecordingGateway(),
    });
    c.start();
    const ctx = contexts[0]!;
    const split = { splitId: 'x', from: 0, to: 1 };
    c.registerAttempt(0, 0);
    expect(codeOf(() => ctx.assignSplit(split, 1))).toBe('SPLIT_STATE_ERROR');
    expect(
      codeOf(() =>
        ctx.assignSplits(
          new Map([
            [0, [split]],
            [1, [split]],
          ]),
        ),
      ),
    ).toBe('SPLIT_STATE_ERROR');
    expect(c.subtaskView(0).log).toEqual([]);
    expect(codeOf(() => ctx.signalNoMoreSplits(1))).toBe('SPLIT_STATE_ERROR');
    expect(codeOf(() => ctx.assignSplit(split, 7))).toBe('INVALID_ARGUMENT');
    ctx.assignSplit(split, 0);
    expect(codeOf(() => ctx.assignSplit(split, 0))).toBe('SPLIT_STATE_ERROR');
    ctx.signalNoMoreSplits(0);
    expect(codeOf(() => ctx.assignSplit({ splitId: 'y', from: 1, to: 2 }, 0))).toBe('SPLIT_STATE_ERROR');
  });

  it('ignores requests from attempts that are gone', () => {
    const { coordinator: c, enumerator, gateway } = setup({ splits: 2 });
    c.registerAttempt(0, 0);
    c.registerAttempt(0, 1);
    c.attemptFailed(0, 1);
    expect(c.handleSplitRequest(0, 1)).toBe(false);
    expect(c.handleSplitRequest(0, 42)).toBe(false);
    expect(enumerator.log.requests).toEqual([]);
    expect(gateway.trace).toEqual([]);
    expect(c.attemptFailed(0, 1)).toEqual({ kind: 'ignored' });
  });
});

describe('S9: the first finisher wins and cancels its siblings', () => {
  it('broadcast: an attempt holding every split and no-more-splits may win, even if another asked', () => {
    const { coordinator: c } = setup({ splits: 2, policy: 'broadcast' });
    c.registerAttempt(0, 0);
    c.registerAttempt(0, 2);
    for (let i = 0; i < 3; i++) c.handleSplitRequest(0, 2);
    expect(c.attemptFinished(0, 0)).toMatchObject({ kind: 'winner', cancel: [{ subtask: 0, attempt: 2 }] });
    expect(c.subtaskView(0).winner).toBe(0);
  });

  it('cursor: the first attempt to drain its log wins; siblings are cancelled, late finishers discarded', () => {
    const { coordinator: c } = setup({ splits: 2, policy: 'cursor' });
    c.registerAttempt(0, 0);
    c.registerAttempt(0, 2);
    c.registerAttempt(0, 5);
    for (let i = 0; i < 3; i++) c.handleSplitRequest(0, 2);
    expect(codeOf(() => c.attemptFinished(0, 0))).toBe('SPLIT_STATE_ERROR');
    const outcome = c.attemptFinished(0, 2);
    expect(outcome).toEqual({
      kind: 'winner',
      winner: { subtask: 0, attempt: 2 },
      cancel: [
        { subtask: 0, attempt: 0 },
        { subtask: 0, attempt: 5 },
      ],
      splitIds: ['s0', 's1'],
    });
    expect(c.attemptFinished(0, 5)).toEqual({ kind: 'discarded' });
    expect(c.attemptFailed(0, 0)).toEqual({ kind: 'ignored' });
    expect(codeOf(() => c.registerAttempt(0, 9))).toBe('SPLIT_STATE_ERROR');
    expect(codeOf(() => c.resetSubtask(0))).toBe('SPLIT_STATE_ERROR');
    expect(c.registeredReaders().size).toBe(0);
  });

  it('an attempt that has not drained the log cannot finish', () => {
    const { coordinator: c } = setup({ splits: 1, policy: 'cursor' });
    c.registerAttempt(0, 0);
    expect(codeOf(() => c.attemptFinished(0, 0))).toBe('SPLIT_STATE_ERROR');
  });
});

describe('limit on concurrent attempts (testNotifyDuplicatedSlowTasks)', () => {
  it('rejects an attempt beyond the limit; a failed attempt frees its slot; numbers are never reused', () => {
    const { coordinator: c } = setup({ splits: 1, maxConcurrentAttempts: 2 });
    c.registerAttempt(0, 0);
    c.registerAttempt(0, 1);
    expect(codeOf(() => c.registerAttempt(0, 2))).toBe('ATTEMPT_LIMIT_REACHED');
    c.attemptFailed(0, 1);
    c.registerAttempt(0, 2);
    c.attemptFailed(0, 2);
    expect(codeOf(() => c.registerAttempt(0, 2))).toBe('SPLIT_STATE_ERROR');
    expect(codeOf(() => c.registerAttempt(0, -1))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => new SourceCoordinator({ ...options(), maxConcurrentAttempts: 0 }))).toBe(
      'INVALID_ARGUMENT',
    );
    expect(codeOf(() => new SourceCoordinator({ ...options(), parallelism: 0 }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => new SourceCoordinator({ ...options(), maxSplitsPerEvent: 0 }))).toBe(
      'INVALID_ARGUMENT',
    );
    expect(codeOf(() => new SourceCoordinator({ ...options(), maxSplitsPerEvent: 1.5 }))).toBe(
      'INVALID_ARGUMENT',
    );
  });
});

function options() {
  return { source: staticSource([]), parallelism: 1, gateway: new RecordingGateway() };
}

describe('reader info of concurrent attempts', () => {
  it('lists every attempt and reports the smallest attempt per subtask (testReaderInfoOfConcurrentAttempts)', () => {
    const { coordinator: c } = setup({ splits: 0, parallelism: 2 });
    c.registerAttempt(0, 5, ' Host-A ');
    c.registerAttempt(0, 3);
    expect([...(c.registeredReadersOfAttempts().get(0)?.keys() ?? [])]).toEqual([3, 5]);
    expect(c.registeredReaders().get(0)).toEqual({ subtaskId: 0, attemptNumber: 3, location: undefined });
    expect(c.registeredReadersOfAttempts().get(0)?.get(5)?.location).toBe('host-a');
    c.attemptFailed(0, 3);
    expect(c.registeredReaders().get(0)?.attemptNumber).toBe(5);
    c.resetSubtask(0);
    expect(c.registeredReadersOfAttempts().size).toBe(0);
  });
});

describe('over-pull with a slow twin', () => {
  it('broadcast pulls extra splits into a speculated subtask; cursor does not', () => {
    const pulled = (policy: AssignmentPolicy): number => {
      const { coordinator: c } = setup({ splits: 10, parallelism: 2, policy });
      c.registerAttempt(0, 0);
      c.registerAttempt(1, 0);
      c.handleSplitRequest(0, 0);
      c.handleSplitRequest(1, 0);
      c.registerAttempt(0, 1); // speculative copy of the slow subtask 0
      // The copy races through the log; the slow original asks again once after its first split.
      for (let i = 0; i < 2; i++) c.handleSplitRequest(0, 1);
      c.handleSplitRequest(0, 0);
      return c.subtaskView(0).log.length;
    };
    expect(pulled('cursor')).toBe(2);
    expect(pulled('broadcast')).toBe(4);
  });
});

describe('restore from snapshot (testBatchSnapshotCoordinatorAndRestore)', () => {
  it.each(['cursor', 'broadcast'] as const)(
    '%s: keeps logs, flags and winners; readers register again',
    (policy) => {
      const enumerators: DiscoveringEnumerator[] = [];
      const source = discoveringSource({ remaining: rangeSplits(5), complete: true }, enumerators);
      const c = new SourceCoordinator({ source, parallelism: 3, gateway: new RecordingGateway(), policy });
      c.start();
      c.registerAttempt(0, 0);
      c.registerAttempt(1, 0);
      c.registerAttempt(2, 0);
      c.handleSplitRequest(0, 0); // s0
      c.handleSplitRequest(1, 0); // s1
      c.handleSplitRequest(0, 0); // s2 (cursor) / s2 (broadcast)
      c.handleSplitRequest(2, 0); // s3
      c.handleSplitRequest(2, 0); // s4
      c.handleSplitRequest(2, 0); // no more
      c.attemptFinished(2, 0);
      c.handleSplitRequest(1, 0); // no more for subtask 1
      const snapshot = JSON.parse(JSON.stringify(c.snapshotState())) as CoordinatorSnapshot;
      expect(structuredClone(snapshot)).toEqual(snapshot);
      c.close();
      expect(codeOf(() => c.registerAttempt(0, 1))).toBe('SPLIT_STATE_ERROR');

      const gateway = new RecordingGateway();
      const r = new SourceCoordinator({ source, parallelism: 3, gateway, policy, restoreFrom: snapshot });
      r.start();
      const restored = enumerators[1]!;
      expect(restored.pool).toEqual([]);
      expect(r.subtaskView(0)).toMatchObject({ log: ['s0', 's2'], noMoreSplits: false, liveAttempts: [] });
      expect(r.subtaskView(1)).toMatchObject({ log: ['s1'], noMoreSplits: true });
      expect(r.subtaskView(2)).toMatchObject({ winner: 0, finishedSplitIds: ['s3', 's4'] });
      expect(r.registeredReaders().size).toBe(0);
      r.registerAttempt(1, 7);
      expect(restored.log.addReader).toEqual([1]);
      for (let i = 0; i < 2; i++) r.handleSplitRequest(1, 7);
      expect(gateway.take()).toEqual(['1/7 addSplits[s1]', '1/7 noMoreSplits']);
      expect(r.attemptFinished(1, 7)).toMatchObject({ kind: 'winner', splitIds: ['s1'] });
      expect(codeOf(() => r.registerAttempt(2, 9))).toBe('SPLIT_STATE_ERROR');
    },
  );

  it('crosses a MessagePort (structured clone, as between worker threads) and restores', async () => {
    const { coordinator: c } = setup({ splits: 3 });
    c.registerAttempt(0, 0);
    c.handleSplitRequest(0, 0);
    const { port1, port2 } = new MessageChannel();
    const received = new Promise<unknown>((resolve) => port2.once('message', resolve));
    port1.postMessage(c.snapshotState());
    const snapshot = (await received) as CoordinatorSnapshot;
    port1.close();
    const enumerators: DiscoveringEnumerator[] = [];
    const r = new SourceCoordinator({
      source: discoveringSource({ remaining: [], complete: true }, enumerators),
      parallelism: 1,
      gateway: new RecordingGateway(),
      restoreFrom: snapshot,
    });
    r.start();
    expect(r.subtaskView(0).log).toEqual(['s0']);
    expect(enumerators[0]!.pool.map((s) => s.splitId)).toEqual(['s1', 's2']);
  });

  it('rejects a snapshot of another parallelism', () => {
    const { coordinator: c } = setup({ splits: 1 });
    const snapshot = c.snapshotState();
    const r = new SourceCoordinator({ ...options(), parallelism: 2, restoreFrom: snapshot });
    expect(codeOf(() => r.start())).toBe('SPLIT_STATE_ERROR');
  });
});

describe('async discovery and lifecycle', () => {
  it('serves parked requests when callAsync discovery completes', async () => {
    const contexts: Parameters<Source<number, RangeSplit, PoolState>['createEnumerator']>[0][] = [];
    const enumerators: DiscoveringEnumerator[] = [];
    const base = discoveringSource({ remaining: [], complete: false }, enumerators);
    const gateway = new RecordingGateway();
    const c = new SourceCoordinator({
      source: {
        ...base,
        createEnumerator: (ctx) => {
          contexts.push(ctx);
          return base.createEnumerator(ctx);
        },
      },
      parallelism: 1,
      gateway,
    });
    c.start();
    c.registerAttempt(0, 0);
    c.handleSplitRequest(0, 0);
    expect(gateway.trace).toEqual([]);
    contexts[0]!.callAsync(
      () => Promise.resolve(rangeSplits(1)),
      (outcome) => {
        if (outcome.ok) enumerators[0]!.discover(outcome.value, true);
      },
    );
    await c.settled();
    c.handleSplitRequest(0, 0);
    expect(gateway.trace).toEqual(['0/0 addSplits[s0]', '0/0 noMoreSplits']);
  });

  it('fails the coordinator when an async handler throws', async () => {
    const contexts: Parameters<Source<number, RangeSplit, PoolState>['createEnumerator']>[0][] = [];
    const base = discoveringSource({ remaining: [], complete: true });
    const failures: unknown[] = [];
    const c = new SourceCoordinator({
      source: {
        ...base,
        createEnumerator: (ctx) => {
          contexts.push(ctx);
          return base.createEnumerator(ctx);
        },
      },
      parallelism: 1,
      gateway: new RecordingGateway(),
      onFailure: (cause) => failures.push(cause),
    });
    c.start();
    const boom = new Error('listing failed');
    contexts[0]!.callAsync(
      () => {
        throw boom;
      },
      (outcome) => {
        if (!outcome.ok) throw outcome.error;
      },
    );
    await expect(c.settled()).rejects.toMatchObject({ code: 'EXECUTION_ERROR', cause: boom });
    expect(failures).toEqual([boom]);
    expect(c.failureCause).toBe(boom);
  });

  it('rejects calls before start and after close', () => {
    const c = new SourceCoordinator(options());
    expect(codeOf(() => c.registerAttempt(0, 0))).toBe('SPLIT_STATE_ERROR');
    c.start();
    expect(codeOf(() => c.start())).toBe('SPLIT_STATE_ERROR');
    c.close();
    expect(codeOf(() => c.handleSplitRequest(0, 0))).toBe('SPLIT_STATE_ERROR');
    expect(codeOf(() => c.snapshotState())).toBe('SPLIT_STATE_ERROR');
  });

  it('lets the gateway call back into the coordinator without reordering events', () => {
    const gateway = new RecordingGateway();
    const c = new SourceCoordinator({ source: staticSource(rangeSplits(3)), parallelism: 1, gateway });
    gateway.onSend = (target, event) => {
      // A reader that asks for the next split as soon as one arrives.
      if (event.kind === 'addSplits') c.handleSplitRequest(target.subtask, target.attempt);
    };
    c.start();
    c.registerAttempt(0, 0);
    c.handleSplitRequest(0, 0);
    expect(gateway.trace).toEqual([
      '0/0 addSplits[s0]',
      '0/0 addSplits[s1]',
      '0/0 addSplits[s2]',
      '0/0 noMoreSplits',
    ]);
  });
});

function bind<TSplit extends { splitId: string }, TState>(
  e: SplitEnumerator<TSplit, TState>,
): SplitEnumerator<TSplit, TState> {
  return {
    start: () => e.start(),
    handleSplitRequest: (s, h) => e.handleSplitRequest(s, h),
    addSplitsBack: (splits, s) => e.addSplitsBack(splits, s),
    addReader: (s) => e.addReader(s),
    snapshotState: (id) => e.snapshotState(id),
    close: () => e.close(),
  };
}
