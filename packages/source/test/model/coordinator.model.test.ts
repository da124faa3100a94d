import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SourceCoordinator } from '@hive-batch/source';
import type { AssignmentPolicy, AttemptRef, CoordinatorSnapshot, ReaderEvent } from '@hive-batch/source';
import type { DiscoveringEnumerator, PoolState, RangeSplit } from '../helpers/fixtures';
import { discoveringSource, rangeSplits } from '../helpers/fixtures';

/**
 * Model-based test of the coordinator: random interleavings of attempt registration, split requests,
 * processing, failures (local and data loss), slow attempts with speculative copies, subtask restarts,
 * late split discovery and global failover (snapshot + restore), for both policies and parallelism 1..8.
 * After every command the FLIP-245 invariants are checked against the real coordinator and enumerator;
 * at the end everything is drained and every split must be finished exactly once.
 *
 * Runs: 300 by default; `FC_NUM_RUNS=10000 npm run test:model -w @hive-batch/source` for the long run.
 */

const FC_NUM_RUNS = process.env['FC_NUM_RUNS'];
// The root setup applies FC_NUM_RUNS globally; only pin a count when it is not set.
const RUN_OPTIONS: fc.Parameters<unknown> = FC_NUM_RUNS === undefined ? { numRuns: 300 } : {};
// Generous: ~15 ms of CPU per run, but CI machines are shared and slow.
const TIMEOUT_MS = Math.max(120_000, Number(FC_NUM_RUNS ?? 0) * 200);

interface Config {
  readonly policy: AssignmentPolicy;
  readonly parallelism: number;
  readonly maxAttempts: number;
  readonly initialSplits: number;
  readonly lateSplits: number;
}

interface SimAttempt {
  readonly subtask: number;
  readonly attempt: number;
  readonly received: string[];
  noMore: boolean;
  processed: number;
  slow: boolean;
}

interface World {
  readonly config: Config;
  readonly all: readonly RangeSplit[];
  readonly undiscovered: RangeSplit[];
  readonly enumerators: DiscoveringEnumerator[];
  readonly source: ReturnType<typeof discoveringSource>;
  coordinator: SourceCoordinator<RangeSplit, PoolState>;
  readonly live: Map<string, SimAttempt>;
  readonly nextAttempt: number[];
  /** Per subtask: whether the next successful registration must call `addReader`. */
  readonly expectAddReader: boolean[];
  /** Per subtask: `addReader` calls expected on the current enumerator. */
  readonly addReaderCalls: number[];
  /** Per subtask: most splits any attempt of the current life received (cursor over-pull bound). */
  readonly maxReceived: number[];
  readonly winners: Map<number, readonly string[]>;
  /** Per subtask: enumerator requests and log length when the current life (or enumerator) began. */
  readonly requestBase: number[];
  readonly logBase: number[];
}

/** How often the interesting situations occurred; asserted non-zero so the model cannot go vacuous. */
const coverage = {
  registerAfterNoMoreCursor: 0,
  registerAfterNoMoreBroadcast: 0,
  resetAfterNoMore: 0,
  localFailure: 0,
  dataLossReset: 0,
  speculativeWinner: 0,
  failoverWithLog: 0,
  earlyFinishRejected: 0,
  lateDiscovery: 0,
};

const key = (subtask: number, attempt: number): string => `${subtask}/${attempt}`;

function createWorld(config: Config): World {
  const all = rangeSplits(config.initialSplits + config.lateSplits, 10);
  const enumerators: DiscoveringEnumerator[] = [];
  const source = discoveringSource(
    { remaining: all.slice(0, config.initialSplits), complete: config.lateSplits === 0 },
    enumerators,
  );
  const world: World = {
    config,
    all,
    undiscovered: all.slice(config.initialSplits),
    enumerators,
    source,
    coordinator: undefined as unknown as SourceCoordinator<RangeSplit, PoolState>,
    live: new Map(),
    nextAttempt: Array.from({ length: config.parallelism }, () => 0),
    expectAddReader: Array.from({ length: config.parallelism }, () => true),
    addReaderCalls: Array.from({ length: config.parallelism }, () => 0),
    maxReceived: Array.from({ length: config.parallelism }, () => 0),
    winners: new Map(),
    requestBase: Array.from({ length: config.parallelism }, () => 0),
    logBase: Array.from({ length: config.parallelism }, () => 0),
  };
  world.coordinator = newCoordinator(world, undefined);
  return world;
}

function newCoordinator(world: World, restoreFrom: CoordinatorSnapshot | undefined) {
  const coordinator = new SourceCoordinator({
    source: world.source,
    parallelism: world.config.parallelism,
    policy: world.config.policy,
    maxConcurrentAttempts: world.config.maxAttempts,
    gateway: { send: (target, event) => deliver(world, target, event) },
    ...(restoreFrom === undefined ? {} : { restoreFrom }),
  });
  coordinator.start();
  return coordinator;
}

/** The gateway: events must only ever reach live attempts, and no-more-splits only once. */
function deliver(world: World, target: AttemptRef, event: ReaderEvent<RangeSplit>): void {
  const sim = world.live.get(key(target.subtask, target.attempt));
  if (sim === undefined)
    throw new Error(`event ${event.kind} sent to dead attempt ${key(target.subtask, target.attempt)}`);
  if (sim.noMore)
    throw new Error(`event ${event.kind} after no-more-splits to ${key(target.subtask, target.attempt)}`);
  if (event.kind === 'addSplits') {
    sim.received.push(...event.splits.map((s) => s.splitId));
    world.maxReceived[sim.subtask] = Math.max(world.maxReceived[sim.subtask]!, sim.received.length);
  } else if (event.kind === 'noMoreSplits') {
    sim.noMore = true;
  }
}

function liveOf(world: World, subtask: number): SimAttempt[] {
  return [...world.live.values()].filter((a) => a.subtask === subtask).sort((a, b) => a.attempt - b.attempt);
}

function pick(world: World, subtask: number, index: number, includeSlow: boolean): SimAttempt | undefined {
  const candidates = liveOf(world, subtask).filter((a) => includeSlow || !a.slow);
  return candidates.length === 0 ? undefined : candidates[index % candidates.length];
}

function currentEnumerator(world: World): DiscoveringEnumerator {
  return world.enumerators[world.enumerators.length - 1]!;
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
  return undefined;
}

function expectCode(fn: () => unknown, code: string): void {
  expect(codeOf(fn)).toBe(code);
}

function expectSame(actual: unknown, expected: unknown): void {
  expect(actual).toEqual(expected);
}

/** Registers an attempt the way a scheduler would; returns it, or undefined when rejected as expected. */
function register(world: World, subtask: number, gap: number): SimAttempt | undefined {
  const attempt = world.nextAttempt[subtask]! + gap;
  world.nextAttempt[subtask] = attempt + 1;
  const live = liveOf(world, subtask).length;
  const sim: SimAttempt = { subtask, attempt, received: [], noMore: false, processed: 0, slow: false };
  const finished = world.winners.has(subtask);
  if (!finished && live < world.config.maxAttempts && world.coordinator.subtaskView(subtask).noMoreSplits) {
    if (world.config.policy === 'cursor') coverage.registerAfterNoMoreCursor++;
    else coverage.registerAfterNoMoreBroadcast++;
  }
  // Put the sim in place first: a broadcast replay is delivered during registration.
  world.live.set(key(subtask, attempt), sim);
  const code = codeOf(() => world.coordinator.registerAttempt(subtask, attempt, `host-${attempt % 3}`));
  const expected = finished
    ? 'SPLIT_STATE_ERROR'
    : live >= world.config.maxAttempts
      ? 'ATTEMPT_LIMIT_REACHED'
      : undefined;
  expect(code).toBe(expected);
  if (code !== undefined) {
    world.live.delete(key(subtask, attempt));
    return undefined;
  }
  if (world.expectAddReader[subtask]) {
    world.expectAddReader[subtask] = false;
    world.addReaderCalls[subtask]!++;
  }
  return sim;
}

function request(world: World, sim: SimAttempt): void {
  expect(world.coordinator.handleSplitRequest(sim.subtask, sim.attempt)).toBe(true);
}

function finish(world: World, sim: SimAttempt): void {
  const siblings = liveOf(world, sim.subtask).filter((a) => a !== sim);
  const outcome = world.coordinator.attemptFinished(sim.subtask, sim.attempt);
  expect(outcome).toEqual({
    kind: 'winner',
    winner: { subtask: sim.subtask, attempt: sim.attempt },
    cancel: siblings.map((a) => ({ subtask: a.subtask, attempt: a.attempt })),
    splitIds: sim.received,
  });
  world.winners.set(sim.subtask, [...sim.received]);
  if (siblings.length > 0) coverage.speculativeWinner++;
  for (const a of [sim, ...siblings]) world.live.delete(key(a.subtask, a.attempt));
}

/** Applies a reset outcome: every sim of the subtask is gone, the splits went back exactly once. */
function expectReset(
  world: World,
  subtask: number,
  logBefore: readonly string[],
  backCallsBefore: number,
  run: () => unknown,
): void {
  const cancelled = liveOf(world, subtask);
  if (world.coordinator.subtaskView(subtask).noMoreSplits) coverage.resetAfterNoMore++;
  const outcome = run();
  for (const a of cancelled) world.live.delete(key(a.subtask, a.attempt));
  const enumerator = currentEnumerator(world);
  expect(outcome).toMatchObject({ kind: 'reset', returnedSplitIds: logBefore });
  if (logBefore.length > 0) {
    expect(enumerator.log.addSplitsBack.length).toBe(backCallsBefore + 1);
    expect(enumerator.log.addSplitsBack[backCallsBefore]).toEqual({ subtask, ids: logBefore });
  } else {
    expect(enumerator.log.addSplitsBack.length).toBe(backCallsBefore);
  }
  // The subtask starts a clean life before any new attempt can register (FLINK-35522).
  expect(world.coordinator.subtaskView(subtask)).toMatchObject({
    log: [],
    noMoreSplits: false,
    liveAttempts: [],
  });
  world.expectAddReader[subtask] = true;
  world.maxReceived[subtask] = 0;
  world.requestBase[subtask] = requestsOf(enumerator, subtask);
  world.logBase[subtask] = 0;
}

function requestsOf(enumerator: DiscoveringEnumerator, subtask: number): number {
  return enumerator.log.requests.filter((r) => r.subtask === subtask).length;
}

function checkInvariants(world: World): void {
  const { coordinator, config } = world;
  const enumerator = currentEnumerator(world);
  const discovered = world.all.length - world.undiscovered.length;
  const places: string[] = enumerator.pool.map((s) => s.splitId);
  for (let s = 0; s < config.parallelism; s++) {
    const view = coordinator.subtaskView(s);
    places.push(...view.log, ...view.finishedSplitIds);
    const sims = liveOf(world, s);
    // The coordinator's live attempts are exactly the runtime's, within the limit.
    expect(view.liveAttempts).toEqual(sims.map((a) => a.attempt));
    expect(view.liveAttempts.length).toBeLessThanOrEqual(config.maxAttempts);
    for (const sim of sims) {
      // Invariant 2: every attempt sees a prefix of the subtask's log (all of it under broadcast).
      expect(view.log.slice(0, sim.received.length)).toEqual(sim.received);
      if (config.policy === 'broadcast') {
        expect(sim.received).toEqual(view.log);
        expect(sim.noMore).toBe(view.noMoreSplits);
      }
      if (sim.noMore) {
        expect(view.noMoreSplits).toBe(true);
        expect(sim.received.length).toBe(view.log.length);
      }
    }
    const winner = world.winners.get(s);
    if (config.policy === 'cursor') {
      // No over-pull: the log runs at most one split ahead of the leading attempt.
      expect(view.log.length).toBeLessThanOrEqual(world.maxReceived[s]! + 1);
      // At most one request of the subtask is open at the enumerator at any time.
      if (winner === undefined) {
        const requests = requestsOf(enumerator, s) - world.requestBase[s]!;
        expect(requests).toBeLessThanOrEqual(view.log.length - world.logBase[s]! + 1);
      }
    }
    if (winner === undefined) {
      expect(view.winner).toBeUndefined();
    } else {
      expect(view.finishedSplitIds).toEqual(winner);
      expect(view.log).toEqual([]);
    }
    // Invariant 5: addReader once per subtask life.
    expect(enumerator.log.addReader.filter((x) => x === s).length).toBe(world.addReaderCalls[s]);
  }
  // Invariant 1: every discovered split is in exactly one place.
  expect(places.length).toBe(discovered);
  expect(new Set(places).size).toBe(discovered);
}

type Cmd = fc.Command<World, World>;

function command(name: string, fn: (world: World) => void): Cmd {
  return {
    check: () => true,
    run: (_model, world) => {
      fn(world);
      checkInvariants(world);
    },
    toString: () => name,
  };
}

const subtaskArb = fc.nat(7);
const pickArb = fc.nat(3);

const registerCmd = fc
  .tuple(subtaskArb, fc.nat(2))
  .map(([s, gap]) =>
    command(`register(${s}, +${gap})`, (w) => void register(w, s % w.config.parallelism, gap)),
  );
const requestCmd = fc.tuple(subtaskArb, pickArb).map(([s, i]) =>
  command(`request(${s}, ${i})`, (w) => {
    const sim = pick(w, s % w.config.parallelism, i, false);
    if (sim !== undefined) request(w, sim);
  }),
);
const processCmd = fc.tuple(subtaskArb, pickArb).map(([s, i]) =>
  command(`process(${s}, ${i})`, (w) => {
    const sim = pick(w, s % w.config.parallelism, i, false);
    if (sim !== undefined && sim.processed < sim.received.length) sim.processed++;
  }),
);
const finishCmd = fc.tuple(subtaskArb, pickArb).map(([s, i]) =>
  command(`finish(${s}, ${i})`, (w) => {
    const sim = pick(w, s % w.config.parallelism, i, false);
    if (sim === undefined) return;
    if (!sim.noMore) {
      // A reader that ends before no-more-splits would lose splits: the coordinator refuses.
      expectCode(() => w.coordinator.attemptFinished(sim.subtask, sim.attempt), 'SPLIT_STATE_ERROR');
      coverage.earlyFinishRejected++;
    } else if (sim.processed === sim.received.length) {
      finish(w, sim);
    }
  }),
);
const failCmd = fc.tuple(subtaskArb, pickArb, fc.boolean()).map(([s, i, dataLoss]) =>
  command(`fail(${s}, ${i}, dataLoss=${dataLoss})`, (w) => {
    const subtask = s % w.config.parallelism;
    const sim = pick(w, subtask, i, true);
    if (sim === undefined) return;
    const siblings = liveOf(w, subtask).length - 1;
    if (siblings > 0 && !dataLoss) {
      expectSame(w.coordinator.attemptFailed(subtask, sim.attempt), { kind: 'local' });
      coverage.localFailure++;
      w.live.delete(key(subtask, sim.attempt));
      return;
    }
    const logBefore = w.coordinator.subtaskView(subtask).log;
    const backBefore = currentEnumerator(w).log.addSplitsBack.length;
    w.live.delete(key(subtask, sim.attempt));
    if (siblings > 0) coverage.dataLossReset++;
    expectReset(w, subtask, logBefore, backBefore, () =>
      w.coordinator.attemptFailed(subtask, sim.attempt, { dataLoss }),
    );
  }),
);
const slowCmd = fc.tuple(subtaskArb, pickArb, fc.nat(2)).map(([s, i, gap]) =>
  command(`slow(${s}, ${i})`, (w) => {
    const subtask = s % w.config.parallelism;
    const sim = pick(w, subtask, i, true);
    if (sim === undefined) return;
    sim.slow = !sim.slow;
    // The scheduler reacts to a slow attempt with a speculative copy, if the limit allows.
    if (sim.slow && liveOf(w, subtask).length < w.config.maxAttempts) register(w, subtask, gap);
  }),
);
const restartCmd = subtaskArb.map((s) =>
  command(`restart(${s})`, (w) => {
    const subtask = s % w.config.parallelism;
    if (w.winners.has(subtask)) {
      expectCode(() => w.coordinator.resetSubtask(subtask), 'SPLIT_STATE_ERROR');
      return;
    }
    const logBefore = w.coordinator.subtaskView(subtask).log;
    const backBefore = currentEnumerator(w).log.addSplitsBack.length;
    expectReset(w, subtask, logBefore, backBefore, () => w.coordinator.resetSubtask(subtask));
  }),
);
const discoverCmd = fc.tuple(fc.nat(4), fc.boolean()).map(([n, last]) =>
  command(`discover(${n}${last ? ', last' : ''})`, (w) => {
    const enumerator = currentEnumerator(w);
    if (enumerator.complete) return;
    const found = last ? w.undiscovered.splice(0) : w.undiscovered.splice(0, n);
    if (found.length > 0) coverage.lateDiscovery++;
    enumerator.discover(found, w.undiscovered.length === 0);
  }),
);
const failoverCmd = fc.constant(
  command('failover', (w) => {
    const snapshot = JSON.parse(JSON.stringify(w.coordinator.snapshotState())) as CoordinatorSnapshot;
    w.coordinator.close();
    w.live.clear();
    if (snapshot.subtasks.some((s) => s.log.length > 0)) coverage.failoverWithLog++;
    w.coordinator = newCoordinator(w, snapshot);
    for (let s = 0; s < w.config.parallelism; s++) {
      w.expectAddReader[s] = true;
      w.addReaderCalls[s] = 0;
      w.requestBase[s] = 0;
      w.logBase[s] = w.coordinator.subtaskView(s).log.length;
    }
  }),
);

// Weighted so runs make progress: attempts mostly request and process; failover is rare.
const commands = [
  fc.oneof(
    { arbitrary: registerCmd, weight: 12 },
    { arbitrary: requestCmd, weight: 18 },
    { arbitrary: processCmd, weight: 18 },
    { arbitrary: finishCmd, weight: 8 },
    { arbitrary: failCmd, weight: 5 },
    { arbitrary: slowCmd, weight: 5 },
    { arbitrary: restartCmd, weight: 2 },
    { arbitrary: discoverCmd, weight: 5 },
    { arbitrary: failoverCmd, weight: 1 },
  ),
];

/** Runs every unfinished subtask to completion with one attempt at a time; fails on a hang. */
function drain(world: World): void {
  const enumerator = currentEnumerator(world);
  if (!enumerator.complete) enumerator.discover(world.undiscovered.splice(0), true);
  checkInvariants(world);
  for (let s = 0; s < world.config.parallelism; s++) {
    let steps = 0;
    while (!world.winners.has(s)) {
      if (++steps > 10_000) throw new Error(`subtask ${s} never finishes`);
      const sim = liveOf(world, s)[0] ?? register(world, s, 0);
      if (sim === undefined) throw new Error(`subtask ${s} cannot register an attempt`);
      if (sim.processed < sim.received.length) sim.processed++;
      else if (sim.noMore) finish(world, sim);
      else request(world, sim);
      checkInvariants(world);
    }
  }
  expect(world.coordinator.isFinished).toBe(true);
  // Exactly once: the winners together committed every split, none twice.
  const committed = [...world.winners.values()].flat();
  expect(committed.length).toBe(world.all.length);
  expect(new Set(committed)).toEqual(new Set(world.all.map((s) => s.splitId)));
}

const configArb: fc.Arbitrary<Config> = fc.record({
  policy: fc.constantFrom<AssignmentPolicy>('cursor', 'broadcast'),
  parallelism: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 8 })),
  maxAttempts: fc.integer({ min: 1, max: 4 }),
  initialSplits: fc.nat(8),
  lateSplits: fc.oneof(fc.constant(0), fc.nat(8)),
});

describe('SourceCoordinator model', () => {
  it(
    'keeps the FLIP-245 invariants under random interleavings and finishes every split exactly once',
    () => {
      fc.assert(
        fc.property(configArb, fc.commands(commands, { maxCommands: 80, size: '+1' }), (config, cmds) => {
          const world = createWorld(config);
          fc.modelRun(() => ({ model: world, real: world }), cmds);
          drain(world);
        }),
        RUN_OPTIONS,
      );
      for (const [situation, count] of Object.entries(coverage)) {
        expect({ situation, reached: count > 0 }).toEqual({ situation, reached: true });
      }
    },
    TIMEOUT_MS,
  );
});
