import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  SourceCoordinator,
  StaticSplitEnumerator,
  createJsonSerializer,
  createStaticSplitEnumeratorStateSerializer,
} from '@hive-batch/source';
import type { JsonValue, SplitEnumeratorContext } from '@hive-batch/source';
import type { RangeSplit } from './helpers/fixtures';
import { RecordingGateway, rangeSplits, staticSource } from './helpers/fixtures';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

/** A coordinator over a static source with locality; one attempt per subtask, each on its own host. */
function localityRun(hosts: Record<string, readonly string[]>, requests: [number, string | undefined][]) {
  const splits = Object.keys(hosts).map((id, i) => ({ splitId: id, from: i, to: i + 1 }));
  const gateway = new RecordingGateway();
  const coordinator = new SourceCoordinator({
    source: staticSource(splits, (s) => hosts[s.splitId] ?? []),
    parallelism: 4,
    gateway,
  });
  coordinator.start();
  for (let s = 0; s < 4; s++) coordinator.registerAttempt(s, 0);
  for (const [subtask, host] of requests) coordinator.handleSplitRequest(subtask, 0, host);
  return gateway.trace;
}

describe('StaticSplitEnumerator', () => {
  it('S18: a host gets its local split with the fewest hosts first; no host gets the least-local split', () => {
    const trace = localityRun({ a: ['h1', 'h2', 'h3'], b: ['h1'], c: ['h2'], d: [] }, [
      [0, 'H1 '], // local: a (3 hosts) and b (1 host) → b; names are normalised
      [1, undefined], // no host: the split with the fewest hosts → d
      [2, 'h9'], // no local split: least-local remaining → c (1 host) before a (3)
      [3, 'h1'], // a is the only one left, and local
      [0, 'h1'], // pool empty
    ]);
    expect(trace).toEqual([
      '0/0 addSplits[b]',
      '1/0 addSplits[d]',
      '2/0 addSplits[c]',
      '3/0 addSplits[a]',
      '0/0 noMoreSplits',
    ]);
  });

  it('hands splits out in list order without locality and returns added-back splits last', () => {
    const gateway = new RecordingGateway();
    const c = new SourceCoordinator({ source: staticSource(rangeSplits(3)), parallelism: 2, gateway });
    c.start();
    c.registerAttempt(0, 0);
    c.registerAttempt(1, 0);
    c.handleSplitRequest(0, 0);
    c.resetSubtask(0);
    c.handleSplitRequest(1, 0);
    c.handleSplitRequest(1, 0);
    c.handleSplitRequest(1, 0);
    expect(gateway.trace).toEqual([
      '0/0 addSplits[s0]',
      '1/0 addSplits[s1]',
      '1/0 addSplits[s2]',
      '1/0 addSplits[s0]',
    ]);
  });

  it('rejects duplicate split ids and drops requests of unregistered subtasks', () => {
    const assigned: [RangeSplit, number][] = [];
    const context: SplitEnumeratorContext<RangeSplit> = {
      assignSplit: (split, subtask) => assigned.push([split, subtask]),
      assignSplits: () => undefined,
      signalNoMoreSplits: () => undefined,
      registeredReaders: () => new Map(),
      registeredReadersOfAttempts: () => new Map(),
      currentParallelism: () => 1,
      callAsync: () => undefined,
      sendEventToSourceReader: () => undefined,
    };
    const split = { splitId: 'x', from: 0, to: 1 };
    expect(codeOf(() => new StaticSplitEnumerator(context, { splits: [split, split] }))).toBe(
      'INVALID_ARGUMENT',
    );
    const e = new StaticSplitEnumerator(context, { splits: [split] });
    e.handleSplitRequest(0, undefined);
    expect(assigned).toEqual([]);
    expect(e.remainingCount).toBe(1);
  });

  it('round-trips its state through JSON and structuredClone', () => {
    const serializer = createStaticSplitEnumeratorStateSerializer(createJsonSerializer<RangeSplit>());
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ splitId: fc.string(), from: fc.integer(), to: fc.integer() }), {
          selector: (s) => s.splitId,
          maxLength: 20,
        }),
        (remaining) => {
          const data = JSON.parse(JSON.stringify(serializer.serialize({ remaining }))) as JsonValue;
          expect(serializer.deserialize(serializer.version, structuredClone(data))).toEqual({ remaining });
        },
      ),
      { numRuns: 50 },
    );
  });

  it('rejects unreadable state with SERDE_ERROR', () => {
    const splitSerializer = createJsonSerializer<RangeSplit>(2);
    const serializer = createStaticSplitEnumeratorStateSerializer(splitSerializer);
    expect(codeOf(() => serializer.deserialize(2, { remaining: [] }))).toBe('SERDE_ERROR');
    expect(codeOf(() => serializer.deserialize(1, null))).toBe('SERDE_ERROR');
    expect(codeOf(() => serializer.deserialize(1, { remaining: 'no' }))).toBe('SERDE_ERROR');
    expect(
      codeOf(() =>
        serializer.deserialize(1, { splitVersion: 1, remaining: [{ splitId: 'a', from: 0, to: 1 }] }),
      ),
    ).toBe('SERDE_ERROR');
    expect(serializer.deserialize(1, { splitVersion: 2, remaining: [] })).toEqual({ remaining: [] });
  });
});
