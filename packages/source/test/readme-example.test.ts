import { expect, it } from 'vitest';
// --- README example (keep in sync with README.md) ---
import { SourceCoordinator, createJsonSerializer } from '@hive-batch/source';
import type {
  InputStatus,
  Source,
  SourceReader,
  SplitEnumerator,
  SplitEnumeratorContext,
} from '@hive-batch/source';

type Range = { splitId: string; from: number; to: number };
type EnumState = { next: number; end: number; returned: Range[] };

// Enumerator: cuts [0, end) into ranges of 10 on demand; returned ranges are handed out first.
function rangeEnumerator(
  ctx: SplitEnumeratorContext<Range>,
  state: EnumState,
): SplitEnumerator<Range, EnumState> {
  return {
    start() {},
    handleSplitRequest(subtask) {
      const range = state.returned.shift();
      if (range !== undefined) return ctx.assignSplit(range, subtask);
      if (state.next >= state.end) return ctx.signalNoMoreSplits(subtask);
      const from = state.next;
      state.next = Math.min(from + 10, state.end);
      ctx.assignSplit({ splitId: `r${from}`, from, to: state.next }, subtask);
    },
    addSplitsBack: (splits) => void state.returned.push(...splits),
    addReader() {},
    snapshotState: () => structuredClone(state),
    close() {},
  };
}

// Reader: emits the numbers of one range per poll and then asks for the next range.
function rangeReader(requestSplit: () => void): SourceReader<number, Range> {
  const ranges: Range[] = [];
  let noMoreSplits = false;
  return {
    start: requestSplit,
    pollNext(output) {
      const range = ranges.shift();
      if (range === undefined) return noMoreSplits ? 'END_OF_INPUT' : 'NOTHING_AVAILABLE';
      for (let n = range.from; n < range.to; n++) output.collect(n);
      requestSplit();
      return 'MORE_AVAILABLE';
    },
    isAvailable: () => Promise.resolve(),
    addSplits: (splits) => void ranges.push(...splits),
    notifyNoMoreSplits: () => void (noMoreSplits = true),
    snapshotState: () => [...ranges],
    close() {},
  };
}

const source: Source<number, Range, EnumState> = {
  boundedness: 'BOUNDED',
  createEnumerator: (ctx) => rangeEnumerator(ctx, { next: 0, end: 95, returned: [] }),
  restoreEnumerator: (ctx, state) => rangeEnumerator(ctx, state),
  createReader: (ctx) => rangeReader(() => ctx.sendSplitRequest()),
  splitSerializer: createJsonSerializer<Range>(),
  enumeratorStateSerializer: createJsonSerializer<EnumState>(),
};

// Run in-process: subtask 0 also gets a speculative attempt 1; only winners' output counts.
const readers = new Map<string, SourceReader<number, Range>>();
const coordinator = new SourceCoordinator({
  source,
  parallelism: 2,
  gateway: {
    send: ({ subtask, attempt }, event) => {
      const reader = readers.get(`${subtask}/${attempt}`);
      if (event.kind === 'addSplits') reader?.addSplits(event.splits);
      if (event.kind === 'noMoreSplits') reader?.notifyNoMoreSplits();
    },
  },
});
coordinator.start();
for (const [subtask, attempt] of [
  [0, 0],
  [1, 0],
  [0, 1],
] as const) {
  const reader = source.createReader({
    subtaskId: subtask,
    attemptNumber: attempt,
    location: undefined,
    sendSplitRequest: () => coordinator.handleSplitRequest(subtask, attempt),
    sendSourceEvent: () => {},
  });
  readers.set(`${subtask}/${attempt}`, reader);
  coordinator.registerAttempt(subtask, attempt);
  reader.start();
}
const sums = new Map<number, number>();
for (const [subtask, attempt] of [
  [0, 1],
  [1, 0],
  [0, 0],
] as const) {
  // attempt 0/0 is the slow one
  let sum = 0;
  let status: InputStatus = 'MORE_AVAILABLE';
  while (status === 'MORE_AVAILABLE')
    status = readers.get(`${subtask}/${attempt}`)!.pollNext({ collect: (n) => (sum += n) });
  if (status !== 'END_OF_INPUT') continue; // 0/0 was cancelled when 0/1 won
  const outcome = coordinator.attemptFinished(subtask, attempt);
  if (outcome.kind === 'winner') sums.set(subtask, sum); // the runtime cancels outcome.cancel
}
console.log([...sums.values()].reduce((a, b) => a + b)); // 4465 = 0 + 1 + … + 94
// --- end of README example ---

it('runs the README example: winners sum to 0 + … + 94', () => {
  expect([...sums.values()].reduce((a, b) => a + b)).toBe(4465);
  expect(coordinator.isFinished).toBe(true);
  expect(coordinator.subtaskView(0).winner).toBe(1);
});
