import { HiveBatchError } from '@hive-batch/core';
import type { JsonValue } from './json-value';
import type { SourceSplit } from './source-split';
import type { SplitEnumerator, SplitEnumeratorContext } from './split-enumerator';
import type { VersionedSerializer } from './versioned-serializer';
import { normalizeHost } from './internal/normalize-host';

/** Checkpoint of a {@link StaticSplitEnumerator}: the splits not handed out yet, in pool order. */
export interface StaticSplitEnumeratorState<TSplit> {
  readonly remaining: readonly TSplit[];
}

/** Options for {@link StaticSplitEnumerator}. */
export interface StaticSplitEnumeratorOptions<TSplit> {
  /** The fixed list of splits, handed out in this order unless locality says otherwise. */
  readonly splits: readonly TSplit[];
  /**
   * Hosts that hold a split's data, for locality. A request from a host gets a local split with the fewest
   * local hosts first; a request without a host, or from a host with no local split, gets the split with
   * the fewest hosts (so local splits stay for their hosts). Defaults to none: plain pool order.
   */
  readonly hostsOf?: (split: TSplit) => readonly string[];
}

interface PoolEntry<TSplit> {
  readonly split: TSplit;
  readonly hosts: ReadonlySet<string>;
}

/**
 * The first enumerator: a fixed list of splits handed out one per request. When the pool is empty the
 * requesting subtask is told there are no more splits. Requests from subtasks with no live reader (stale
 * requests) are ignored. Returned splits go to the end of the pool.
 *
 * @example
 * ```ts
 * const enumerator = new StaticSplitEnumerator(context, { splits: [{ splitId: 'a' }, { splitId: 'b' }] });
 * ```
 */
export class StaticSplitEnumerator<TSplit extends SourceSplit> implements SplitEnumerator<
  TSplit,
  StaticSplitEnumeratorState<TSplit>
> {
  readonly #context: SplitEnumeratorContext<TSplit>;
  readonly #hostsOf: ((split: TSplit) => readonly string[]) | undefined;
  readonly #pool: PoolEntry<TSplit>[] = [];

  /**
   * @throws {HiveBatchError} code `INVALID_ARGUMENT` when two splits share an id.
   */
  constructor(context: SplitEnumeratorContext<TSplit>, options: StaticSplitEnumeratorOptions<TSplit>) {
    this.#context = context;
    this.#hostsOf = options.hostsOf;
    const seen = new Set<string>();
    for (const split of options.splits) {
      if (seen.has(split.splitId)) {
        throw new HiveBatchError('INVALID_ARGUMENT', `Duplicate split id \`${split.splitId}\``);
      }
      seen.add(split.splitId);
      this.#pool.push(this.#entry(split));
    }
  }

  /** Number of splits not handed out. */
  get remainingCount(): number {
    return this.#pool.length;
  }

  start(): void {
    // Pull-based: nothing to do until the first request.
  }

  handleSplitRequest(subtask: number, host: string | undefined): void {
    // The reader failed between sending the request and its handling: drop it (Flink does the same).
    if (!this.#context.registeredReaders().has(subtask)) return;
    const index = this.#choose(host === undefined ? undefined : normalizeHost(host));
    const entry = index === -1 ? undefined : this.#pool[index];
    if (entry === undefined) {
      this.#context.signalNoMoreSplits(subtask);
      return;
    }
    this.#pool.splice(index, 1);
    this.#context.assignSplit(entry.split, subtask);
  }

  addSplitsBack(splits: readonly TSplit[], _subtask: number): void {
    for (const split of splits) this.#pool.push(this.#entry(split));
  }

  addReader(_subtask: number): void {
    // Pull-based: readers ask when they are ready.
  }

  snapshotState(_checkpointId: number): StaticSplitEnumeratorState<TSplit> {
    return { remaining: this.#pool.map((e) => e.split) };
  }

  close(): void {
    this.#pool.length = 0;
  }

  #entry(split: TSplit): PoolEntry<TSplit> {
    const hosts = this.#hostsOf === undefined ? [] : this.#hostsOf(split);
    return { split, hosts: new Set(hosts.map(normalizeHost)) };
  }

  /** Index of the split to hand out, or -1 when the pool is empty. */
  #choose(host: string | undefined): number {
    let best = -1;
    let bestHosts = Number.POSITIVE_INFINITY;
    if (host !== undefined) {
      this.#pool.forEach((entry, i) => {
        if (entry.hosts.has(host) && entry.hosts.size < bestHosts) {
          best = i;
          bestHosts = entry.hosts.size;
        }
      });
      if (best !== -1) return best;
    }
    this.#pool.forEach((entry, i) => {
      if (entry.hosts.size < bestHosts) {
        best = i;
        bestHosts = entry.hosts.size;
      }
    });
    return best;
  }
}

/**
 * Serializer for {@link StaticSplitEnumeratorState}, built on the source's split serializer.
 *
 * @param splitSerializer - Serializer of one split.
 * @returns a serializer whose output is `{ splitVersion, remaining: [...] }`.
 */
export function createStaticSplitEnumeratorStateSerializer<TSplit>(
  splitSerializer: VersionedSerializer<TSplit>,
): VersionedSerializer<StaticSplitEnumeratorState<TSplit>> {
  return {
    version: 1,
    serialize: (state: StaticSplitEnumeratorState<TSplit>): JsonValue => ({
      splitVersion: splitSerializer.version,
      remaining: state.remaining.map((s) => splitSerializer.serialize(s)),
    }),
    deserialize: (version: number, data: JsonValue): StaticSplitEnumeratorState<TSplit> => {
      if (version !== 1 || data == null || typeof data !== 'object' || Array.isArray(data)) {
        throw new HiveBatchError('SERDE_ERROR', `Unreadable static enumerator state (version ${version})`);
      }
      const record = data as { readonly [key: string]: JsonValue };
      const splitVersion = record['splitVersion'];
      const remaining = record['remaining'];
      if (typeof splitVersion !== 'number' || !Array.isArray(remaining)) {
        throw new HiveBatchError(
          'SERDE_ERROR',
          'Static enumerator state lacks `splitVersion` or `remaining`',
        );
      }
      return {
        remaining: (remaining as readonly JsonValue[]).map((s) =>
          splitSerializer.deserialize(splitVersion, s),
        ),
      };
    },
  };
}
