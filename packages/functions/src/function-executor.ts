import { HiveBatchError } from '@hive-batch/core';
import type { PinnedFunction } from './function-catalog';
import { bindFunction } from './internal/bind-function';
import type { KindedDefinition } from './internal/bind-function';
import { hostVersion } from './internal/host-version';
import type { RealmLimits } from './internal/realm';
import { RealmPool } from './internal/realm-pool';
import { createResourceManager } from './resources/resource-manager';
import type {
  BlobSource,
  ResourceManager,
  ResourceManagerOptions,
  StoredResource,
} from './resources/resource-manager';

/** Options of {@link createFunctionExecutor}. */
export interface FunctionExecutorOptions {
  /** The coordinator's blob server (e.g. `functionCatalog.blobSource()` or a network client). */
  readonly blobs: BlobSource;
  /** Executor-local store. Defaults to one created from `resourceOptions` (and closed by `close()`). */
  readonly resources?: ResourceManager;
  /** Options of the store created when `resources` is absent. Defaults to its defaults. */
  readonly resourceOptions?: ResourceManagerOptions;
  /** Limits of every realm. Defaults to the realm defaults. */
  readonly realmLimits?: RealmLimits;
}

/** A pinned function loaded on an executor. */
export type ExecutorFunction = KindedDefinition & {
  readonly name: string;
  /** Unloads it (the realm ends with its last user). Idempotent. */
  release(): Promise<void>;
};

/** The executor side of function shipping (Flink's BlobLibraryCacheManager analogue). */
export interface FunctionExecutor {
  /**
   * Loads a function a job pinned: digests missing locally are fetched from the blob server and verified
   * before any byte is unpacked or run.
   * @throws {HiveBatchError} `INTEGRITY_MISMATCH` (the task fails; the coordinator's copy is left alone),
   *   `FUNCTION_LOAD_FAILED`, `PLUGIN_API_MISMATCH`
   */
  load(pin: PinnedFunction): Promise<ExecutorFunction>;
  /** Realms alive on this executor. */
  realmCount(): number;
  /** Terminates every realm and removes the local store. */
  close(): Promise<void>;
}

/**
 * Creates the executor-side loader of pinned functions.
 * @example
 * ```ts
 * const executor = createFunctionExecutor({ blobs: functions.blobSource() });
 * const f = await executor.load(lease.pins[0]);
 * await f.release();
 * await executor.close();
 * ```
 */
export function createFunctionExecutor(options: FunctionExecutorOptions): FunctionExecutor {
  const resources = options.resources ?? createResourceManager(options.resourceOptions);
  const pool = new RealmPool(hostVersion(), options.realmLimits ?? {});
  return {
    async load(pin) {
      const stored: StoredResource[] = [];
      try {
        for (const digest of pin.digests) stored.push(await resources.acquireByDigest(digest, options.blobs));
        const realm = await pool.acquire(stored);
        let kinded: KindedDefinition;
        try {
          kinded = bindFunction(realm.realm, stored, { className: pin.className, name: pin.name });
        } catch (error) {
          await realm.release();
          throw error;
        }
        let released = false;
        return {
          ...kinded,
          name: pin.name,
          release: async () => {
            if (released) return;
            released = true;
            await realm.release();
            for (const r of stored) await resources.release(r.digest.sha512);
          },
        };
      } catch (error) {
        for (const r of stored) await resources.release(r.digest.sha512);
        if (error instanceof HiveBatchError) throw error;
        throw new HiveBatchError('FUNCTION_LOAD_FAILED', `Loading pinned function ${pin.name} failed`, {
          cause: error,
        });
      }
    },
    realmCount: () => pool.size,
    async close() {
      await pool.close();
      if (options.resources == null) await resources.close();
    },
  };
}
