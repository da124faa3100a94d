import { SourceCoordinator } from '@hive-batch/source';
import { mulberry32 } from '@hive-batch/test-utils';
import type { AssignmentPolicy, ReaderEvent, SourceReader } from '@hive-batch/source';
import type { RangeSplit } from './fixtures';
import { rangeSplits, staticSource } from './fixtures';

export interface SimulationOptions {
  readonly seed: number;
  readonly policy: AssignmentPolicy;
  readonly numbers: number;
  readonly splits: number;
  readonly parallelism: number;
  readonly failures: number;
  /** Chance that a new attempt is slow (moves on 1 step in 25). */
  readonly slowFraction: number;
}

export interface SimulationResult {
  /** Sum of the numbers emitted by the winning attempts, per subtask. */
  readonly winnerSums: ReadonlyMap<number, number>;
  readonly winnerCounts: ReadonlyMap<number, number>;
  readonly committedSplitIds: readonly string[];
  readonly failuresInjected: number;
  readonly speculativeAttempts: number;
  readonly cancelledAttempts: number;
  readonly resets: number;
  /** Sum over every attempt, winners or not: exceeds the true total whenever work was duplicated. */
  readonly emittedByAll: number;
}

interface LiveAttempt {
  readonly subtask: number;
  readonly attempt: number;
  readonly reader: SourceReader<number, RangeSplit>;
  readonly inbox: ReaderEvent<RangeSplit>[];
  readonly slow: boolean;
  sum: number;
  count: number;
  done: boolean;
}

/**
 * A discrete-event runtime: readers run as attempts, events travel through per-attempt FIFO queues
 * (delivered in random order across attempts, so requests go stale and replays arrive late), slow attempts
 * get speculative copies, and `failures` attempt failures are injected at random moments. Only winners'
 * output is kept, keyed by subtask, the way Flink's speculative IT case counts results.
 */
export function simulate(options: SimulationOptions): SimulationResult {
  // Seeded so every simulated run can be replayed.
  const random = mulberry32(options.seed);
  const size = options.numbers / options.splits;
  const source = staticSource(rangeSplits(options.splits, size));
  const live = new Map<string, LiveAttempt>();
  const requests: { subtask: number; attempt: number }[] = [];
  const nextAttempt = Array.from({ length: options.parallelism }, () => 0);
  const winnerSums = new Map<number, number>();
  const winnerCounts = new Map<number, number>();
  const committed: string[] = [];
  let speculativeAttempts = 0;
  let cancelledAttempts = 0;
  let resets = 0;
  let emittedByAll = 0;

  const coordinator = new SourceCoordinator({
    source,
    parallelism: options.parallelism,
    policy: options.policy,
    maxConcurrentAttempts: 2,
    gateway: {
      send: (target, event) => live.get(`${target.subtask}/${target.attempt}`)?.inbox.push(event),
    },
  });
  coordinator.start();

  const launch = (subtask: number): void => {
    const attempt = nextAttempt[subtask]!;
    nextAttempt[subtask] = attempt + 1 + Math.floor(random() * 2); // attempt numbers are not dense
    const reader = source.createReader({
      subtaskId: subtask,
      attemptNumber: attempt,
      location: undefined,
      sendSplitRequest: () => requests.push({ subtask, attempt }),
      sendSourceEvent: () => undefined,
    });
    const state: LiveAttempt = {
      subtask,
      attempt,
      reader,
      inbox: [],
      slow: random() < options.slowFraction,
      sum: 0,
      count: 0,
      done: false,
    };
    live.set(`${subtask}/${attempt}`, state);
    coordinator.registerAttempt(subtask, attempt);
    reader.start();
  };
  const kill = (subtask: number, attempt: number): void => {
    const state = live.get(`${subtask}/${attempt}`);
    live.delete(`${subtask}/${attempt}`);
    void state?.reader.close();
  };

  for (let s = 0; s < options.parallelism; s++) launch(s);
  const failureSteps = Array.from({ length: options.failures }, () => Math.floor(random() * 20_000)).sort(
    (a, b) => a - b,
  );
  let failuresInjected = 0;

  for (let step = 0; !coordinator.isFinished; step++) {
    if (step > 5_000_000) throw new Error(`simulation ${options.seed} did not finish`);
    // Inject a failure when its moment has come (postponed while nothing runs).
    if (failuresInjected < failureSteps.length && step >= failureSteps[failuresInjected]! && live.size > 0) {
      const victims = [...live.values()];
      const victim = victims[Math.floor(random() * victims.length)]!;
      failuresInjected++;
      kill(victim.subtask, victim.attempt);
      const outcome = coordinator.attemptFailed(victim.subtask, victim.attempt);
      if (outcome.kind === 'reset') {
        resets++;
        for (const c of outcome.cancel) kill(c.subtask, c.attempt);
      }
    }
    // The scheduler restarts subtasks without attempts and speculates on slow ones.
    for (let s = 0; s < options.parallelism; s++) {
      if (coordinator.subtaskView(s).winner !== undefined) continue;
      const attempts = [...live.values()].filter((a) => a.subtask === s);
      if (attempts.length === 0) launch(s);
      else if (step % 500 === 0 && attempts.length < 2 && attempts.every((a) => a.slow)) {
        speculativeAttempts++;
        launch(s);
      }
    }
    // Deliver one request or one event, or let one attempt work.
    const roll = random();
    if (roll < 0.2 && requests.length > 0) {
      const index = Math.floor(random() * requests.length);
      const [request] = requests.splice(index, 1);
      if (request !== undefined) coordinator.handleSplitRequest(request.subtask, request.attempt);
      continue;
    }
    const attempts = [...live.values()];
    const actor = attempts[Math.floor(random() * attempts.length)];
    if (actor === undefined) continue;
    const event = actor.inbox.shift();
    if (event !== undefined && roll < 0.5) {
      if (event.kind === 'addSplits') actor.reader.addSplits(event.splits);
      else if (event.kind === 'noMoreSplits') actor.reader.notifyNoMoreSplits();
      continue;
    }
    if (event !== undefined) actor.inbox.unshift(event);
    if (actor.slow && random() > 0.04) continue;
    const status = actor.reader.pollNext({
      collect: (n) => {
        actor.sum += n;
        actor.count++;
        emittedByAll += n;
      },
    });
    if (status !== 'END_OF_INPUT') continue;
    const outcome = coordinator.attemptFinished(actor.subtask, actor.attempt);
    kill(actor.subtask, actor.attempt);
    if (outcome.kind === 'winner') {
      winnerSums.set(actor.subtask, actor.sum);
      winnerCounts.set(actor.subtask, actor.count);
      committed.push(...outcome.splitIds);
      for (const c of outcome.cancel) {
        cancelledAttempts++;
        kill(c.subtask, c.attempt);
      }
    }
  }
  return {
    winnerSums,
    winnerCounts,
    committedSplitIds: committed,
    failuresInjected,
    speculativeAttempts,
    cancelledAttempts,
    resets,
    emittedByAll,
  };
}
