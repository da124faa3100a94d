import { HiveBatchError, isHiveBatchError } from '@hive-batch/core';
import { builtinAggregates } from '@hive-batch/aggregate';
import type { AggregateFunctionDefinition } from '@hive-batch/aggregate';
import type { Catalog, CatalogFunction, FunctionResource } from '@hive-batch/catalog';
import { builtinScalarFunctions } from './builtins/index';
import type { ScalarFunctionDefinition } from './scalar-contract';
import type { TableFunctionDefinition } from './table-function-contract';
import { bindFunction } from './internal/bind-function';
import type { KindedDefinition } from './internal/bind-function';
import { hostVersion } from './internal/host-version';
import { liveRealmCount } from './internal/realm';
import type { RealmLimits } from './internal/realm';
import { RealmPool } from './internal/realm-pool';
import type { RealmLease } from './internal/realm-pool';
import { createResourceManager } from './resources/resource-manager';
import type {
  BlobSource,
  ResourceListing,
  ResourceManager,
  ResourceManagerOptions,
  ResourceSpec,
  StoredResource,
} from './resources/resource-manager';

/** Where a resolved function came from. */
export type FunctionSource = 'builtin' | 'temporary' | 'catalog';

/** A function found by name, with its definition in the contract of its kind. */
export type ResolvedFunction = KindedDefinition & {
  /** Lower-case name as resolved (`db.f` for catalog functions). */
  readonly name: string;
  readonly source: FunctionSource;
  /** `AS '…'` of the CREATE FUNCTION, `null` for built-ins. */
  readonly className: string | null;
  /** Resources the function was loaded from (URI and SRI), empty for built-ins. */
  readonly resources: readonly { readonly uri: string; readonly integrity: string }[];
};

/** The digests a job pinned for one function: what an executor needs to load it (Flink's BlobKeys). */
export interface PinnedFunction {
  readonly name: string;
  readonly className: string;
  /** Hex SHA-512 of each resource, in USING order. */
  readonly digests: readonly string[];
}

/** Functions a running job holds: they stay loaded (and their realms alive) until `release()`. */
export interface FunctionLease {
  /** Resolved functions by the names the job asked for (lower-case). */
  readonly functions: ReadonlyMap<string, ResolvedFunction>;
  /** Pinned digests of the plugin functions, for shipping to executors. */
  readonly pins: readonly PinnedFunction[];
  /** Releases the job's hold. Idempotent. */
  release(): Promise<void>;
}

/** `CREATE [TEMPORARY] FUNCTION [IF NOT EXISTS] [db.]name AS 'className' [USING …]` (the sql AST's fields). */
export interface CreateFunctionRequest {
  /** `name` or `db.name`, as a string or as the AST's name parts. */
  readonly name: string | readonly string[];
  /** The export: `exportName` or `package#exportName`. */
  readonly className: string;
  /** USING resources. When empty, the session resources (ADD JAR) are used. Defaults to none. */
  readonly resources?: readonly ResourceSpec[];
  /** Defaults to `false` (a catalog function). */
  readonly temporary?: boolean;
  /** Keep the existing function (with a warning) instead of failing. Defaults to `false`. */
  readonly ifNotExists?: boolean;
}

/** `DROP [TEMPORARY] FUNCTION [IF EXISTS] name`. */
export interface DropFunctionRequest {
  readonly name: string | readonly string[];
  /** Defaults to `false`. */
  readonly temporary?: boolean;
  /** Defaults to `false`. */
  readonly ifExists?: boolean;
}

/** Options of {@link createFunctionCatalog}. */
export interface FunctionCatalogOptions {
  /** Metastore for persistent functions. Without one, only temporary functions can be created. */
  readonly catalog?: Catalog;
  /** Resource manager to use; it is not closed by `close()`. Defaults to one created from `resourceOptions`. */
  readonly resources?: ResourceManager;
  /** Options of the resource manager created when `resources` is absent. Defaults to its defaults. */
  readonly resourceOptions?: ResourceManagerOptions;
  /** Built-in scalar functions. Defaults to `builtinScalarFunctions()`. */
  readonly builtinScalars?: readonly ScalarFunctionDefinition[];
  /** Built-in aggregates. Defaults to `builtinAggregates()` of `@hive-batch/aggregate`. */
  readonly builtinAggregates?: readonly AggregateFunctionDefinition[];
  /** Built-in table functions. Defaults to none. */
  readonly builtinTables?: readonly TableFunctionDefinition[];
  /** The session's current database, for unqualified catalog functions. Defaults to `() => 'default'`. */
  readonly currentDatabase?: () => string;
  /** Limits of every realm. Defaults to the realm defaults (128 MiB heap, 10 s per call and per load). */
  readonly realmLimits?: RealmLimits;
  /**
   * After a function's realm died (call timeout, out of memory), the next lookup starts a fresh realm for it, but
   * not sooner than this many milliseconds after the previous start. Defaults to `1_000`.
   */
  readonly restartBackoffMs?: number;
  /** Receives warnings (IF NOT EXISTS keeping an old binding). Defaults to ignoring them. */
  readonly onWarning?: (message: string) => void;
}

/** The session's function registry: built-ins, catalog (persistent) functions and temporary functions. */
export interface FunctionCatalog {
  /**
   * Creates a function; plugin code is loaded and the export checked now (also for catalog functions).
   * @throws {HiveBatchError} `FUNCTION_ALREADY_EXISTS`, `FUNCTION_LOAD_FAILED`, `PLUGIN_API_MISMATCH`,
   *   `INTEGRITY_MISMATCH`, `RESOURCE_FETCH_FAILED`, `UNSAFE_ARCHIVE`, `UNSUPPORTED_OPERATION`, `INVALID_ARGUMENT`
   */
  createFunction(request: CreateFunctionRequest): Promise<'CREATED' | 'EXISTED'>;
  /** @throws {HiveBatchError} `FUNCTION_NOT_FOUND`, `UNSUPPORTED_OPERATION` (no catalog) */
  dropFunction(request: DropFunctionRequest): Promise<'DROPPED' | 'ABSENT'>;
  /** The function a name resolves to (temporary, then catalog, then built-in), or `undefined`. */
  lookupFunction(name: string): Promise<ResolvedFunction | undefined>;
  /** Like `lookupFunction`. @throws {HiveBatchError} `UNKNOWN_FUNCTION` */
  resolveFunction(name: string): Promise<ResolvedFunction>;
  /** Pins functions for a job. @throws {HiveBatchError} `UNKNOWN_FUNCTION` */
  acquireLease(names: readonly string[]): Promise<FunctionLease>;
  /** `ADD JAR[S]`: all or nothing. */
  addResources(specs: readonly ResourceSpec[]): Promise<void>;
  /** `LIST JARS`. */
  listResources(): ResourceListing[];
  /** `DELETE JAR uri`: false when it was not added. */
  deleteResource(uri: string): Promise<boolean>;
  /** `RELOAD FUNCTIONS`: forgets loaded catalog functions; they load again (fresh realms) on next use. */
  reloadFunctions(): Promise<void>;
  /** `SHOW FUNCTIONS [LIKE 'pattern']`: sorted names (`*` and `|` as in Hive). */
  showFunctions(pattern?: string): Promise<string[]>;
  /** `DESCRIBE FUNCTION [EXTENDED] name`: the output lines. */
  describeFunction(name: string, extended?: boolean): Promise<string[]>;
  /** The coordinator's blob server: serves stored resource bytes by digest. */
  blobSource(): BlobSource;
  /** Realms alive in this registry. */
  realmCount(): number;
  /** Terminates every realm and removes the session directory (when the registry owns it). */
  close(): Promise<void>;
}

interface Binding {
  readonly resolved: ResolvedFunction;
  readonly stored: readonly StoredResource[];
  readonly realm: RealmLease;
  /** `performance.now()` when its realm was acquired. */
  readonly startedAt: number;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function nameParts(name: string | readonly string[]): string[] {
  const parts = (typeof name === 'string' ? name.split('.') : [...name]).map((p) => p.toLowerCase());
  if (parts.length < 1 || parts.length > 2 || parts.some((p) => !IDENTIFIER.test(p))) {
    throw new HiveBatchError(
      'INVALID_ARGUMENT',
      `\`${typeof name === 'string' ? name : name.join('.')}\` is not a function name`,
    );
  }
  return parts;
}

function catalogType(type: ResourceSpec['type']): FunctionResource['type'] {
  return type === 'jar' ? 'npm' : type;
}

function specType(type: FunctionResource['type']): ResourceSpec['type'] {
  return type === 'npm' ? 'jar' : type;
}

function withIntegrity(uri: string, integrity: string): string {
  const hash = uri.indexOf('#');
  return `${hash < 0 ? uri : uri.slice(0, hash)}#${integrity}`;
}

function likeToRegExp(pattern: string): RegExp {
  const alternatives = pattern.split('|').map((alt) =>
    alt
      .trim()
      .split('')
      .map((c) => (c === '*' || c === '%' ? '.*' : c === '_' ? '.' : c.replace(/[.+?^${}()[\]\\]/g, '\\$&')))
      .join(''),
  );
  return new RegExp(`^(?:${alternatives.join('|')})$`, 'i');
}

/**
 * Creates a function registry for one session.
 * @example
 * ```ts
 * const functions = createFunctionCatalog({ catalog });
 * await functions.createFunction({ name: 'plus_one', className: 'plusOne', temporary: true,
 *   resources: [{ type: 'jar', uri: './toy-udf-1.0.0.tgz' }] });
 * const f = await functions.resolveFunction('PLUS_ONE'); // { kind: 'scalar', source: 'temporary', … }
 * await functions.close();
 * ```
 */
export function createFunctionCatalog(options: FunctionCatalogOptions = {}): FunctionCatalog {
  const resources = options.resources ?? createResourceManager(options.resourceOptions);
  const ownsResources = options.resources == null;
  const pool = new RealmPool(hostVersion(), options.realmLimits ?? {});
  const catalog = options.catalog;
  const currentDatabase = options.currentDatabase ?? (() => 'default');
  const warn = options.onWarning ?? (() => undefined);
  const restartBackoffMs = options.restartBackoffMs ?? 1_000;
  const temporary = new Map<string, Binding>();
  const loadedCatalog = new Map<string, Binding>();
  const loadingCatalog = new Map<string, Promise<Binding | undefined>>();
  // Names the catalog did not have, like Hive's per-session registry cache: another session's CREATE FUNCTION
  // becomes visible after RELOAD FUNCTIONS (HIVE-2573), and built-in lookups do not query the metastore each time.
  const absentFromCatalog = new Set<string>();
  const leases = new Set<FunctionLease>();
  let closed = false;

  const builtins = new Map<string, ResolvedFunction>();
  const addBuiltin = (names: readonly string[], make: (name: string) => ResolvedFunction): void => {
    for (const n of names)
      if (!builtins.has(n.toLowerCase())) builtins.set(n.toLowerCase(), make(n.toLowerCase()));
  };
  const builtinBase = { source: 'builtin', className: null, resources: [] } as const;
  for (const definition of options.builtinScalars ?? builtinScalarFunctions()) {
    addBuiltin([definition.name, ...definition.aliases], (name) => ({
      ...builtinBase,
      kind: 'scalar',
      definition,
      name,
    }));
  }
  for (const definition of options.builtinAggregates ?? builtinAggregates()) {
    addBuiltin([definition.name, ...definition.aliases], (name) => ({
      ...builtinBase,
      kind: 'aggregate',
      definition,
      name,
    }));
  }
  for (const definition of options.builtinTables ?? []) {
    addBuiltin([definition.name, ...definition.aliases], (name) => ({
      ...builtinBase,
      kind: 'table',
      definition,
      name,
    }));
  }

  function checkOpen(): void {
    if (closed) throw new HiveBatchError('INVALID_ARGUMENT', 'The function registry is closed');
  }

  async function load(request: {
    readonly name: string;
    readonly className: string;
    readonly specs: readonly ResourceSpec[];
    readonly source: FunctionSource;
  }): Promise<Binding> {
    const { name, className, specs, source } = request;
    const stored = await resources.acquire(specs);
    let realm: RealmLease | undefined;
    try {
      if (stored.length === 0) {
        throw new HiveBatchError(
          'INVALID_ARGUMENT',
          `Function ${name} names no resources and no JAR was added`,
        );
      }
      realm = await pool.acquire(stored);
      const kinded = bindFunction(realm.realm, stored, { className, name });
      const resolved: ResolvedFunction = {
        ...kinded,
        name,
        source,
        className,
        resources: stored.map((r) => ({ uri: r.uri, integrity: r.digest.integrity })),
      };
      return { resolved, stored, realm, startedAt: performance.now() };
    } catch (error) {
      await realm?.release();
      for (const r of stored) await resources.release(r.digest.sha512);
      throw error;
    }
  }

  async function unload(binding: Binding): Promise<void> {
    await binding.realm.release();
    for (const r of binding.stored) await resources.release(r.digest.sha512);
  }

  function catalogId(parts: readonly string[]): { database: string; name: string } {
    const [first, second] = parts;
    return second == null
      ? { database: currentDatabase().toLowerCase(), name: first ?? '' }
      : { database: first ?? '', name: second };
  }

  async function getCatalogFunction(id: {
    database: string;
    name: string;
  }): Promise<CatalogFunction | undefined> {
    if (catalog == null) return undefined;
    try {
      return await catalog.getFunction(id);
    } catch (error) {
      if (
        isHiveBatchError(error) &&
        (error.code === 'FUNCTION_NOT_FOUND' || error.code === 'DATABASE_NOT_FOUND')
      ) {
        return undefined;
      }
      throw error;
    }
  }

  async function loadCatalogFunction(id: { database: string; name: string }): Promise<Binding | undefined> {
    const key = `${id.database}.${id.name}`;
    const loaded = loadedCatalog.get(key);
    if (loaded != null) return loaded;
    if (absentFromCatalog.has(key)) return undefined;
    const pending = loadingCatalog.get(key);
    if (pending != null) return pending;
    const promise = (async () => {
      const stored = await getCatalogFunction(id);
      if (stored == null) {
        absentFromCatalog.add(key);
        return undefined;
      }
      const specs = stored.resources.map((r) => ({ type: specType(r.type), uri: r.uri }));
      const binding = await load({ name: key, className: stored.className, specs, source: 'catalog' });
      // The catalog remembers SHA-256 too: a store entry whose bytes differ is refused before any use.
      for (const [i, r] of stored.resources.entries()) {
        const got = binding.stored[i]?.digest.sha256;
        if (r.sha256 != null && got !== r.sha256) {
          await unload(binding);
          throw new HiveBatchError(
            'INTEGRITY_MISMATCH',
            `Resource \`${r.uri}\` of ${key} no longer has the recorded sha256`,
          );
        }
      }
      loadedCatalog.set(key, binding);
      return binding;
    })();
    loadingCatalog.set(key, promise);
    try {
      return await promise;
    } finally {
      loadingCatalog.delete(key);
    }
  }

  /**
   * The binding, with a fresh realm when its realm died and the backoff has passed. The new binding takes over
   * the old one's resource references; leases on the old binding keep their own.
   */
  async function revived(binding: Binding, map: Map<string, Binding>, key: string): Promise<Binding> {
    if (binding.realm.realm.alive || performance.now() - binding.startedAt < restartBackoffMs) return binding;
    const realm = await pool.acquire(binding.stored);
    let next: Binding;
    try {
      const className = binding.resolved.className ?? '';
      const kinded = bindFunction(realm.realm, binding.stored, { className, name: binding.resolved.name });
      next = {
        ...binding,
        resolved: { ...binding.resolved, ...kinded },
        realm,
        startedAt: performance.now(),
      };
    } catch (error) {
      await realm.release();
      throw error;
    }
    if (map.get(key) !== binding) {
      await realm.release();
      return map.get(key) ?? binding;
    }
    map.set(key, next);
    await binding.realm.release();
    return next;
  }

  async function findBinding(parts: readonly string[]): Promise<Binding | undefined> {
    const tempKey = parts.join('.');
    const temp = temporary.get(tempKey);
    if (temp != null) return revived(temp, temporary, tempKey);
    const id = catalogId(parts);
    const fromCatalog = await loadCatalogFunction(id);
    return fromCatalog == null ? undefined : revived(fromCatalog, loadedCatalog, `${id.database}.${id.name}`);
  }

  async function lookupFunction(name: string): Promise<ResolvedFunction | undefined> {
    checkOpen();
    const parts = nameParts(name);
    const binding = await findBinding(parts);
    if (binding != null) return binding.resolved;
    return parts.length === 1 ? builtins.get(parts[0] ?? '') : undefined;
  }

  async function resolveFunction(name: string): Promise<ResolvedFunction> {
    const found = await lookupFunction(name);
    if (found == null) throw new HiveBatchError('UNKNOWN_FUNCTION', `Invalid function ${name}`);
    return found;
  }

  function describeDigests(binding: Binding): string {
    return binding.stored.map((r) => `sha512:${r.digest.sha512.slice(0, 12)}…`).join(', ');
  }

  function requestSpecs(request: CreateFunctionRequest): readonly ResourceSpec[] {
    const specs = request.resources ?? [];
    return specs.length > 0 ? specs : resources.sessionResources();
  }

  async function createTemporary(
    parts: readonly string[],
    request: CreateFunctionRequest,
  ): Promise<'CREATED' | 'EXISTED'> {
    const key = parts.join('.');
    const existing = temporary.get(key);
    if (existing != null) {
      if (request.ifNotExists === true) {
        warn(
          `Temporary function ${key} exists (${describeDigests(existing)}); kept it, ignored ${request.resources?.map((r) => r.uri).join(', ') ?? ''}`,
        );
        return 'EXISTED';
      }
      throw new HiveBatchError('FUNCTION_ALREADY_EXISTS', `Temporary function ${key} already exists`);
    }
    const binding = await load({
      name: key,
      className: request.className,
      specs: requestSpecs(request),
      source: 'temporary',
    });
    if (temporary.has(key) || closed) {
      await unload(binding);
      if (request.ifNotExists === true && !closed) return 'EXISTED';
      throw new HiveBatchError('FUNCTION_ALREADY_EXISTS', `Temporary function ${key} already exists`);
    }
    temporary.set(key, binding);
    return 'CREATED';
  }

  async function createPersistent(
    parts: readonly string[],
    request: CreateFunctionRequest,
  ): Promise<'CREATED' | 'EXISTED'> {
    if (catalog == null) {
      throw new HiveBatchError(
        'UNSUPPORTED_OPERATION',
        'No catalog: only TEMPORARY functions can be created',
      );
    }
    const id = catalogId(parts);
    const key = `${id.database}.${id.name}`;
    const shadowing =
      temporary.has(parts.join('.')) ||
      (id.database === currentDatabase().toLowerCase() && temporary.has(id.name));
    if (shadowing) {
      throw new HiveBatchError(
        'FUNCTION_ALREADY_EXISTS',
        `A temporary function ${parts.join('.')} exists; drop the temporary function first`,
      );
    }
    const existing = await getCatalogFunction(id);
    if (existing != null) {
      if (request.ifNotExists === true) {
        warn(`Function ${key} exists (${existing.resources.map((r) => r.uri).join(', ')}); kept it`);
        return 'EXISTED';
      }
      throw new HiveBatchError('FUNCTION_ALREADY_EXISTS', `Function ${key} already exists`);
    }
    // Validated now, not at first use (a deliberate departure from Flink): a bad package fails the DDL.
    const binding = await load({
      name: key,
      className: request.className,
      specs: requestSpecs(request),
      source: 'catalog',
    });
    try {
      const outcome = await catalog.createFunction(
        {
          id,
          className: request.className,
          resources: binding.stored.map((r) => ({
            type: catalogType(r.type),
            uri: withIntegrity(r.uri, r.digest.integrity),
            sha256: r.digest.sha256,
          })),
        },
        { ifNotExists: request.ifNotExists === true },
      );
      if (outcome === 'EXISTED') {
        await unload(binding);
        return 'EXISTED';
      }
    } catch (error) {
      await unload(binding);
      throw error;
    }
    const previous = loadedCatalog.get(key);
    absentFromCatalog.delete(key);
    loadedCatalog.set(key, binding);
    if (previous != null) await unload(previous);
    return 'CREATED';
  }

  async function acquireLease(names: readonly string[]): Promise<FunctionLease> {
    checkOpen();
    const functions = new Map<string, ResolvedFunction>();
    const pins: PinnedFunction[] = [];
    const holds: (() => Promise<void>)[] = [];
    try {
      for (const raw of names) {
        const name = raw.toLowerCase();
        const parts = nameParts(name);
        const binding = await findBinding(parts);
        if (binding == null) {
          const builtin = parts.length === 1 ? builtins.get(parts[0] ?? '') : undefined;
          if (builtin == null) throw new HiveBatchError('UNKNOWN_FUNCTION', `Invalid function ${raw}`);
          functions.set(name, builtin);
          continue;
        }
        // Hold the realm and every digest: a DROP or RELOAD while the job runs cannot unload them.
        const realm = await pool.acquire(binding.stored);
        for (const r of binding.stored) resources.retain(r.digest.sha512);
        holds.push(async () => {
          await realm.release();
          for (const r of binding.stored) await resources.release(r.digest.sha512);
        });
        functions.set(name, binding.resolved);
        pins.push({
          name: binding.resolved.name,
          className: binding.resolved.className ?? '',
          digests: binding.stored.map((r) => r.digest.sha512),
        });
      }
    } catch (error) {
      for (const hold of holds) await hold();
      throw error;
    }
    let released = false;
    const lease: FunctionLease = {
      functions,
      pins,
      release: async () => {
        if (released) return;
        released = true;
        leases.delete(lease);
        for (const hold of holds) await hold();
      },
    };
    leases.add(lease);
    return lease;
  }

  return {
    async createFunction(request) {
      checkOpen();
      const parts = nameParts(request.name);
      return request.temporary === true ? createTemporary(parts, request) : createPersistent(parts, request);
    },
    async dropFunction(request) {
      checkOpen();
      const parts = nameParts(request.name);
      if (request.temporary === true) {
        const key = parts.join('.');
        const binding = temporary.get(key);
        if (binding == null) {
          if (request.ifExists === true) return 'ABSENT';
          throw new HiveBatchError('FUNCTION_NOT_FOUND', `Temporary function ${key} does not exist`);
        }
        temporary.delete(key);
        await unload(binding);
        return 'DROPPED';
      }
      if (catalog == null) {
        if (request.ifExists === true) return 'ABSENT';
        throw new HiveBatchError('UNSUPPORTED_OPERATION', 'No catalog: only TEMPORARY functions exist');
      }
      const id = catalogId(parts);
      const outcome = await catalog.dropFunction(id, { ifExists: request.ifExists === true });
      const key = `${id.database}.${id.name}`;
      const binding = loadedCatalog.get(key);
      if (binding != null) {
        loadedCatalog.delete(key);
        await unload(binding);
      }
      return outcome;
    },
    lookupFunction,
    resolveFunction,
    acquireLease,
    async addResources(specs) {
      checkOpen();
      await resources.addSessionResources(specs);
    },
    listResources: () => resources.listResources(),
    deleteResource: (uri) => resources.deleteSessionResource(uri),
    async reloadFunctions() {
      checkOpen();
      const bindings = [...loadedCatalog.values()];
      loadedCatalog.clear();
      absentFromCatalog.clear();
      for (const binding of bindings) await unload(binding);
      resources.forgetUris();
    },
    async showFunctions(pattern) {
      checkOpen();
      const names = new Set<string>([...builtins.keys(), ...temporary.keys()]);
      if (catalog != null) {
        for (const db of await catalog.listDatabases()) {
          for (const fn of await catalog.listFunctions(db)) names.add(`${db}.${fn}`);
        }
      }
      const re = pattern == null ? null : likeToRegExp(pattern);
      return [...names].filter((n) => re == null || re.test(n)).sort();
    },
    async describeFunction(name, extended = false) {
      const found = await lookupFunction(name);
      if (found == null) return [`Function '${name}' does not exist.`];
      const description = found.definition.description;
      const lines =
        description === '' ? [`There is no documentation for function '${name}'`] : description.split('\n');
      if (!extended) return lines;
      const more = found.definition.extendedDescription ?? '';
      if (more !== '' && more !== description) lines.push(...more.split('\n'));
      if (found.className != null) lines.push(`Function class:${found.className}`);
      lines.push(
        `Function type:${found.source === 'builtin' ? 'BUILTIN' : found.source === 'temporary' ? 'TEMPORARY' : 'PERSISTENT'}`,
      );
      for (const r of found.resources) lines.push(`Resource:${r.uri}`);
      return lines;
    },
    blobSource() {
      return { fetchBlob: (sha512) => resources.readBlob(sha512) };
    },
    realmCount: () => pool.size,
    async close() {
      if (closed) return;
      closed = true;
      const all = [...temporary.values(), ...loadedCatalog.values()];
      temporary.clear();
      loadedCatalog.clear();
      leases.clear();
      await pool.close();
      for (const binding of all) for (const r of binding.stored) await resources.release(r.digest.sha512);
      if (ownsResources) await resources.close();
    },
  };
}

/** Realm worker threads alive in this process (all registries and executors). */
export function liveRealms(): number {
  return liveRealmCount();
}
