import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { HiveBatchError } from '@hive-batch/core';
import type { ErrorCode } from '@hive-batch/core';

/** Resource limits and timeouts of one realm (a worker thread running plugin code). */
export interface RealmLimits {
  /** Old-generation heap cap of the realm, in MiB. Defaults to `128`. */
  readonly maxOldGenerationSizeMb?: number;
  /** Young-generation heap cap, in MiB. Defaults to `16`. */
  readonly maxYoungGenerationSizeMb?: number;
  /** Stack size, in MiB. Defaults to `4`. */
  readonly stackSizeMb?: number;
  /** Longest a batch call may run, in milliseconds; the realm is terminated when it is exceeded. Defaults to `10_000`. */
  readonly callTimeoutMs?: number;
  /** Longest loading (import + `plugin(api)`) may take, in milliseconds. Defaults to `10_000`. */
  readonly loadTimeoutMs?: number;
  /**
   * Refuse plugin imports of `child_process`, `worker_threads`, `module`, `vm` … and of `@hive-batch/*` through
   * resolution hooks in the realm (defense in depth, not a sandbox). Roughly doubles realm start-up time (a hooks
   * thread per realm). Defaults to `false`.
   */
  readonly restrictImports?: boolean;
}

/** One module a realm imports: the URL contains the content digest, so it always denotes the same bytes. */
export interface RealmEntry {
  readonly url: string;
  /** For messages: the resource URI and digest prefix. */
  readonly label: string;
  /** `hiveBatch.apiVersion` of the package manifest, or `null` for a single module. */
  readonly apiVersion: number | null;
}

/** A function as the realm described it after loading (plain data, validated by the host). */
export interface RealmFunctionDescriptor {
  readonly exportName: string;
  readonly kind: 'scalar' | 'table' | 'aggregate' | 'invalid';
  readonly argumentTypes?: readonly string[];
  readonly resultType?: string;
  readonly partialType?: string | null;
  readonly outputColumns?: readonly { readonly name: string; readonly type: string }[];
  readonly description?: string;
  readonly deterministic?: boolean;
}

/** A plugin loaded in a realm. */
export interface RealmPlugin {
  readonly name: string;
  readonly apiVersion: number;
  readonly functions: readonly RealmFunctionDescriptor[];
}

interface WireError {
  readonly code: string | null;
  readonly message: string;
  readonly name: string;
}

interface ControlReply {
  readonly id?: number;
  readonly ready?: boolean;
  readonly ok?: boolean;
  readonly result?: { plugins: RealmPlugin[] };
  readonly error?: WireError;
}

interface SyncReply {
  readonly seq: number;
  readonly ok: boolean;
  readonly result?: unknown;
  readonly error?: WireError;
}

/** The plugin API version(s) this host implements (`definePlugin({ apiVersion })`). */
export const SUPPORTED_API_VERSIONS: readonly number[] = [1];

const DEFAULTS = {
  maxOldGenerationSizeMb: 128,
  maxYoungGenerationSizeMb: 16,
  stackSizeMb: 4,
  callTimeoutMs: 10_000,
  loadTimeoutMs: 10_000,
} as const;

// From src/internal/ (tests run the sources) the worker sits one level up; from dist/index.js, beside it.
function workerUrl(): URL {
  const candidates = [
    new URL('./realm-worker.mjs', import.meta.url),
    new URL('../realm-worker.mjs', import.meta.url),
  ];
  for (const url of candidates) if (existsSync(fileURLToPath(url))) return url;
  throw new HiveBatchError('FUNCTION_LOAD_FAILED', 'realm-worker.mjs is missing from the installed package');
}

function wireToError(error: WireError | undefined): Error {
  const e = new Error(error?.message ?? 'unknown realm error');
  e.name = error?.name ?? 'Error';
  return Object.assign(e, { pluginCode: error?.code ?? null });
}

let liveRealms = 0;

/** Number of realms (worker threads) started and not yet exited, process-wide. */
export function liveRealmCount(): number {
  return liveRealms;
}

/**
 * A realm: one worker thread that imported a fixed set of verified modules. Calls cross in batches; batch calls
 * are synchronous for the caller (the host blocks on a shared flag while the realm computes) so plugin functions
 * fit the synchronous scalar and aggregate contracts. A realm that times out or dies is terminated and failed.
 */
export class Realm {
  readonly plugins: readonly RealmPlugin[];
  readonly #worker: Worker;
  readonly #syncPort: MessagePort;
  readonly #flag: Int32Array;
  readonly #callTimeoutMs: number;
  #seq = 0;
  #failure: Error | null = null;
  readonly #exited: Promise<void>;

  private constructor(
    worker: Worker,
    parts: {
      syncPort: MessagePort;
      flag: Int32Array;
      plugins: readonly RealmPlugin[];
      exited: Promise<void>;
    },
    callTimeoutMs: number,
  ) {
    this.#worker = worker;
    this.#syncPort = parts.syncPort;
    this.#flag = parts.flag;
    this.plugins = parts.plugins;
    this.#exited = parts.exited;
    this.#callTimeoutMs = callTimeoutMs;
    worker.on('error', (error) => {
      this.#failure ??= error;
    });
    worker.on('exit', (code) => {
      this.#failure ??= new Error(`realm exited with code ${code}`);
    });
  }

  /**
   * Starts a worker, imports every entry and calls each module's `plugin(api)`.
   * @throws {HiveBatchError} `FUNCTION_LOAD_FAILED` (throws, hangs, runs out of memory), `PLUGIN_API_MISMATCH`
   */
  static async start(
    entries: readonly RealmEntry[],
    hostVersion: string,
    limits: RealmLimits = {},
  ): Promise<Realm> {
    const control = new MessageChannel();
    const sync = new MessageChannel();
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(workerUrl(), {
      workerData: {
        controlPort: control.port2,
        syncPort: sync.port2,
        flag,
        apiVersion: SUPPORTED_API_VERSIONS[SUPPORTED_API_VERSIONS.length - 1],
        supportedApiVersions: SUPPORTED_API_VERSIONS,
        hostVersion,
        restrictImports: limits.restrictImports === true,
      },
      transferList: [control.port2, sync.port2],
      resourceLimits: {
        maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb ?? DEFAULTS.maxOldGenerationSizeMb,
        maxYoungGenerationSizeMb: limits.maxYoungGenerationSizeMb ?? DEFAULTS.maxYoungGenerationSizeMb,
        stackSizeMb: limits.stackSizeMb ?? DEFAULTS.stackSizeMb,
      },
      // Plugin code gets no process flags of the host (e.g. --expose-gc) and no environment.
      execArgv: [],
      env: {},
      stdout: false,
      stderr: false,
    });
    liveRealms++;
    // A permanent listener: an 'error' event without one would crash the host (e.g. a plugin's stray rejection).
    const failures: Error[] = [];
    worker.on('error', (error) => {
      failures.push(error);
    });
    const exited = new Promise<void>((resolve) => {
      worker.once('exit', () => {
        liveRealms--;
        resolve();
      });
    });
    // Keep the process's exit independent of idle realms; calls and loads keep their own handles alive.
    worker.unref();
    const loadTimeoutMs = limits.loadTimeoutMs ?? DEFAULTS.loadTimeoutMs;
    let timer: NodeJS.Timeout | undefined;
    try {
      const plugins = await new Promise<RealmPlugin[]>((resolve, reject) => {
        timer = setTimeout(() => {
          reject(new Error(`loading did not finish within ${loadTimeoutMs} ms`));
        }, loadTimeoutMs);
        worker.once('error', (error) => {
          reject(error);
        });
        worker.once('exit', (code) => {
          reject(new Error(`realm exited with code ${code} while loading`));
        });
        control.port1.on('message', (msg: ControlReply) => {
          if (msg.id !== 1) return;
          if (msg.ok === true && msg.result != null) resolve(msg.result.plugins);
          else reject(wireToError(msg.error));
        });
        control.port1.postMessage({ id: 1, op: 'load', entries });
      });
      control.port1.close();
      return new Realm(
        worker,
        { syncPort: sync.port1, flag, plugins, exited },
        limits.callTimeoutMs ?? DEFAULTS.callTimeoutMs,
      );
    } catch (error) {
      control.port1.close();
      sync.port1.close();
      await worker.terminate();
      await exited;
      const pluginCode = (error as { pluginCode?: unknown }).pluginCode;
      const code: ErrorCode =
        pluginCode === 'PLUGIN_API_MISMATCH' ? 'PLUGIN_API_MISMATCH' : 'FUNCTION_LOAD_FAILED';
      const message = error instanceof Error ? error.message : String(error);
      throw new HiveBatchError(code, `Loading ${entries.map((e) => e.label).join(', ')} failed: ${message}`, {
        cause: error,
      });
    } finally {
      clearTimeout(timer);
    }
  }

  /** False once the realm timed out, died or was terminated. */
  get alive(): boolean {
    return this.#failure == null;
  }

  /**
   * Runs one batch operation in the realm and waits for it (blocking this thread up to the call timeout).
   * @throws {HiveBatchError} `FUNCTION_CALL_FAILED` when the plugin throws, or the realm times out or is dead
   */
  call(op: string, payload: Record<string, unknown>): unknown {
    if (this.#failure != null) {
      throw new HiveBatchError(
        'FUNCTION_CALL_FAILED',
        `The plugin realm is no longer usable: ${this.#failure.message}`,
        {
          cause: this.#failure,
        },
      );
    }
    this.#seq = this.#seq >= 0x3fffffff ? 1 : this.#seq + 1;
    const seq = this.#seq;
    Atomics.store(this.#flag, 0, 0);
    this.#syncPort.postMessage({ ...payload, seq, op });
    const deadline = performance.now() + this.#callTimeoutMs;
    while (Atomics.load(this.#flag, 0) !== seq) {
      const remaining = deadline - performance.now();
      if (remaining <= 0) {
        // A loop or an out-of-memory death look the same from here: no answer in time. Kill the realm.
        this.#failure = new Error(`no answer within ${this.#callTimeoutMs} ms (loop or out of memory)`);
        void this.#worker.terminate();
        throw new HiveBatchError(
          'FUNCTION_CALL_FAILED',
          `Plugin call timed out after ${this.#callTimeoutMs} ms`,
          {
            cause: this.#failure,
          },
        );
      }
      Atomics.wait(this.#flag, 0, 0, remaining);
    }
    const received = receiveMessageOnPort(this.#syncPort) as { message: SyncReply } | undefined;
    const reply = received?.message;
    if (reply?.seq !== seq) {
      this.#failure = new Error('realm protocol out of step');
      void this.#worker.terminate();
      throw new HiveBatchError('FUNCTION_CALL_FAILED', 'The plugin realm answered out of step', {
        cause: this.#failure,
      });
    }
    if (!reply.ok) {
      throw new HiveBatchError(
        'FUNCTION_CALL_FAILED',
        `Plugin function failed: ${reply.error?.message ?? ''}`,
        {
          cause: wireToError(reply.error),
        },
      );
    }
    return reply.result;
  }

  /** Terminates the worker; resolves once the thread has exited. Idempotent. */
  async terminate(): Promise<void> {
    this.#failure ??= new Error('realm terminated');
    this.#syncPort.close();
    await this.#worker.terminate();
    await this.#exited;
  }
}
