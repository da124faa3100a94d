import type { HiveSplit } from '../planning/hive-split';

/** Splits produced so far from a cursor, and whether planning has ended. */
export interface PlanProgress {
  readonly splits: readonly HiveSplit[];
  readonly done: boolean;
}

/**
 * One planning run shared by parallelism inference and every enumerator (Flink plans up to three times; we
 * plan once). Consumers read by cursor, so the first splits are usable while listing goes on.
 */
export class SharedSplitPlan {
  readonly #splits: HiveSplit[] = [];
  #done = false;
  #error: unknown = undefined;
  #failed = false;
  #waiters: (() => void)[] = [];
  #started = false;
  readonly #source: () => AsyncIterable<HiveSplit[]>;

  constructor(source: () => AsyncIterable<HiveSplit[]>) {
    this.#source = source;
  }

  #start(): void {
    if (this.#started) return;
    this.#started = true;
    void (async () => {
      try {
        for await (const batch of this.#source()) {
          for (const s of batch) this.#splits.push(s);
          this.#wake();
        }
      } catch (e) {
        this.#failed = true;
        this.#error = e;
      }
      this.#done = true;
      this.#wake();
    })();
  }

  #wake(): void {
    const w = this.#waiters;
    this.#waiters = [];
    for (const f of w) f();
  }

  /** Waits until there are splits at or after `cursor`, or planning ended; rejects if planning failed. */
  async next(cursor: number): Promise<PlanProgress> {
    this.#start();
    while (!this.#done && this.#splits.length <= cursor) {
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
    if (this.#failed) throw this.#error;
    return { splits: this.#splits.slice(cursor), done: this.#done };
  }

  /** All splits, once planning has finished. */
  async all(): Promise<readonly HiveSplit[]> {
    let p = await this.next(0);
    while (!p.done) p = await this.next(this.#splits.length);
    return this.#splits;
  }
}
