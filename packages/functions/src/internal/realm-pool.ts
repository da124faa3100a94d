import { HiveBatchError } from '@hive-batch/core';
import type { StoredResource } from '../resources/resource-manager';
import { Realm } from './realm';
import type { RealmLimits } from './realm';

/** A shared realm: one worker per distinct set of digests, alive while anything references it. */
export interface RealmLease {
  readonly realm: Realm;
  /** Drops this reference; the worker is terminated with the last one. Idempotent per lease. */
  release(): Promise<void>;
}

interface Slot {
  realm: Promise<Realm>;
  references: number;
}

/**
 * Realms keyed by the sorted digests they load (the "per-function classloader" of FLINK-32512, shared by
 * functions of the same package set). Reference counted: functions and job leases each hold one.
 */
export class RealmPool {
  readonly #slots = new Map<string, Slot>();
  readonly #limits: RealmLimits;
  readonly #hostVersion: string;
  readonly #terminating = new Set<Promise<void>>();
  #closed = false;

  constructor(hostVersion: string, limits: RealmLimits) {
    this.#hostVersion = hostVersion;
    this.#limits = limits;
  }

  /** Number of realms currently referenced. */
  get size(): number {
    return this.#slots.size;
  }

  /**
   * A reference to the realm loading `resources` (started on first use).
   * @throws {HiveBatchError} `FUNCTION_LOAD_FAILED`, `PLUGIN_API_MISMATCH`
   */
  async acquire(resources: readonly StoredResource[]): Promise<RealmLease> {
    if (this.#closed) throw new HiveBatchError('INVALID_ARGUMENT', 'The function registry is closed');
    const key = resources.map((r) => r.digest.sha512).join(',');
    let slot = this.#slots.get(key);
    if (slot != null) {
      // A realm that timed out or died is replaced for new users; its current holders still release it.
      const existing = await slot.realm.catch(() => null);
      if (existing != null && !existing.alive && this.#slots.get(key) === slot) this.#slots.delete(key);
      slot = this.#slots.get(key);
    }
    if (slot == null) {
      const entries = resources.map((r) => ({
        url: r.entryUrl,
        label: `\`${r.uri}\` (sha512:${r.digest.sha512.slice(0, 12)}…)`,
        apiVersion: r.manifest?.apiVersion ?? null,
      }));
      const created: Slot = { realm: Realm.start(entries, this.#hostVersion, this.#limits), references: 0 };
      slot = created;
      this.#slots.set(key, created);
      created.realm.catch(() => {
        if (this.#slots.get(key) === created) this.#slots.delete(key);
      });
    }
    slot.references++;
    let realm: Realm;
    try {
      realm = await slot.realm;
    } catch (error) {
      slot.references--;
      throw error;
    }
    const owner = slot;
    let released = false;
    return {
      realm,
      release: async () => {
        if (released) return;
        released = true;
        owner.references--;
        if (owner.references > 0) return;
        if (this.#slots.get(key) === owner) this.#slots.delete(key);
        await this.#track(realm.terminate());
      },
    };
  }

  async #track(p: Promise<void>): Promise<void> {
    this.#terminating.add(p);
    try {
      await p;
    } finally {
      this.#terminating.delete(p);
    }
  }

  /** Terminates every realm, referenced or not. */
  async close(): Promise<void> {
    this.#closed = true;
    const slots = [...this.#slots.values()];
    this.#slots.clear();
    await Promise.all(
      slots.map(async (slot) => {
        const realm = await slot.realm.catch(() => null);
        if (realm != null) await realm.terminate();
      }),
    );
    await Promise.all([...this.#terminating]);
  }
}
