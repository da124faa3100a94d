import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HiveBatchError } from '@hive-batch/core';
import { digestOf, verifyIntegrity } from './integrity';
import type { ResourceDigest } from './integrity';
import { fetchResource, parseResourceUri } from './fetch-resource';
import { readManifest } from './read-manifest';
import type { PluginManifest } from './read-manifest';
import { readTarball } from './read-tarball';
import type { TarFile } from './read-tarball';
import { hostVersion } from '../internal/host-version';
import { SUPPORTED_API_VERSIONS } from '../internal/realm';

/** A resource named in `USING …` or `ADD JAR`. */
export interface ResourceSpec {
  /** SQL resource kind. `jar` and `file` name plugin code (an npm `.tgz` or one ES module); `archive` is refused. */
  readonly type: 'jar' | 'file' | 'archive';
  /** A path, `file:` or `http(s):` URL; a `#sha512-…` fragment pins its integrity. */
  readonly uri: string;
  /** SRI (`sha512-…`) to verify against, in addition to any fragment. */
  readonly integrity?: string;
}

/** A verified resource in the content-addressed store. */
export interface StoredResource {
  readonly uri: string;
  readonly type: 'jar' | 'file';
  /** `package`: an npm tarball with a manifest; `module`: one self-contained ES module. */
  readonly format: 'package' | 'module';
  readonly digest: ResourceDigest;
  /** Size of the resource bytes. */
  readonly size: number;
  /** `file:` URL of the module to import; contains the digest, so it always denotes the same bytes. */
  readonly entryUrl: string;
  /** The package manifest (`null` for a module). */
  readonly manifest: PluginManifest | null;
}

/** Something that serves store blobs by digest: the coordinator's blob server, seen from an executor. */
export interface BlobSource {
  /** The bytes stored under the hex SHA-512 `sha512`. */
  fetchBlob(sha512: string): Promise<Uint8Array>;
}

/** Options of {@link createResourceManager}. */
export interface ResourceManagerOptions {
  /**
   * Session directory holding `staging/` and `store/`; deleted by `close()`. Defaults to a new directory under
   * the OS temp dir.
   */
  readonly directory?: string;
  /** Directory relative resource paths resolve against. Defaults to `process.cwd()`. */
  readonly baseDir?: string;
  /** Largest resource, in bytes. Defaults to `64 MiB`. */
  readonly maxResourceBytes?: number;
  /** Most bytes a tarball may unpack to, in bytes. Defaults to `256 MiB`. */
  readonly maxUnpackedBytes?: number;
  /** Most entries in a tarball. Defaults to `10_000`. */
  readonly maxArchiveEntries?: number;
  /** Deepest path in a tarball, in directory levels. Defaults to `32`. */
  readonly maxArchiveDepth?: number;
  /** Longest remote fetch, in milliseconds. Defaults to `30_000`. */
  readonly fetchTimeoutMs?: number;
  /** Accept `http(s):` resources without an integrity. Defaults to `false` (refused). */
  readonly allowUnpinnedRemote?: boolean;
}

/** One row of `LIST JARS`. */
export interface ResourceListing {
  readonly uri: string;
  readonly integrity: string;
  /** Functions, session entries (ADD JAR) and job leases holding the resource. */
  readonly references: number;
}

interface Entry {
  resource: StoredResource;
  references: number;
  dir: string;
}

interface Staged {
  readonly resource: Omit<StoredResource, 'entryUrl'>;
  readonly stagingDir: string;
  readonly entryPath: string;
}

/**
 * The classloader's resource side: fetch → verify → unpack defensively → content-addressed store →
 * reference counts. Nothing here runs plugin code.
 */
export interface ResourceManager {
  /** The session directory. */
  readonly directory: string;
  /**
   * Stages every spec, then commits all of them (each gains one reference) or none.
   * @throws {HiveBatchError} `RESOURCE_FETCH_FAILED`, `INTEGRITY_MISMATCH`, `UNSAFE_ARCHIVE`,
   *   `PLUGIN_API_MISMATCH`, `UNSUPPORTED_OPERATION` (archive), `INVALID_ARGUMENT`
   */
  acquire(specs: readonly ResourceSpec[]): Promise<StoredResource[]>;
  /** Adds a reference to a stored digest. @throws {HiveBatchError} `INVALID_ARGUMENT` when absent */
  retain(sha512: string): void;
  /** Drops one reference; the store entry is deleted when none remain. */
  release(sha512: string): Promise<void>;
  /** Current reference count of a digest (0 when absent). */
  references(sha512: string): number;
  /** `ADD JAR`: acquires the specs as session resources (all or nothing). Re-adding a URI is a no-op. */
  addSessionResources(specs: readonly ResourceSpec[]): Promise<StoredResource[]>;
  /** `DELETE JAR`: releases a session resource; false when the URI was not added. */
  deleteSessionResource(uri: string): Promise<boolean>;
  /** Specs of the session resources (ADD JAR), in the order they were added. */
  sessionResources(): ResourceSpec[];
  /** `LIST JARS`: session resources and resources of loaded functions, sorted by URI. */
  listResources(): ResourceListing[];
  /** The exact bytes stored under a digest (the blob server side). @throws {HiveBatchError} `INVALID_ARGUMENT` */
  readBlob(sha512: string): Promise<Uint8Array>;
  /**
   * Executor side: obtains a digest from `source`, verifies it, and stores it (one reference) unless present.
   * @throws {HiveBatchError} `INTEGRITY_MISMATCH` (nothing is stored), `UNSAFE_ARCHIVE`, `PLUGIN_API_MISMATCH`
   */
  acquireByDigest(sha512: string, source: BlobSource): Promise<StoredResource>;
  /** Forgets which digest each URI had, so re-adding a changed URI is accepted (RELOAD). */
  forgetUris(): void;
  /** Deletes the session directory; later calls fail. */
  close(): Promise<void>;
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Creates a resource manager with its own session directory.
 * @example
 * ```ts
 * const resources = createResourceManager();
 * const [r] = await resources.acquire([{ type: 'jar', uri: './toy-udf-1.0.0.tgz' }]);
 * await resources.release(r.digest.sha512);
 * await resources.close();
 * ```
 */
export function createResourceManager(options: ResourceManagerOptions = {}): ResourceManager {
  const directory = options.directory ?? mkdtempSync(join(tmpdir(), 'hive-batch-functions-'));
  mkdirSync(join(directory, 'store'), { recursive: true });
  mkdirSync(join(directory, 'staging'), { recursive: true });
  const baseDir = options.baseDir ?? process.cwd();
  const limits = {
    maxBytes: options.maxResourceBytes ?? 64 * 1024 * 1024,
    timeoutMs: options.fetchTimeoutMs ?? 30_000,
  };
  const archiveLimits = {
    maxEntries: options.maxArchiveEntries ?? 10_000,
    maxUnpackedBytes: options.maxUnpackedBytes ?? 256 * 1024 * 1024,
    maxDepth: options.maxArchiveDepth ?? 32,
  };
  const host = { version: hostVersion(), apiVersions: SUPPORTED_API_VERSIONS };
  const entries = new Map<string, Entry>();
  const uriDigests = new Map<string, string>();
  const session = new Map<string, { sha512: string; spec: ResourceSpec }>();
  let closed = false;

  function checkOpen(): void {
    if (closed) throw new HiveBatchError('INVALID_ARGUMENT', 'The resource manager is closed');
  }

  async function stageBytes(input: {
    readonly uri: string;
    readonly type: 'jar' | 'file';
    readonly bytes: Uint8Array;
    readonly digest: ResourceDigest;
  }): Promise<Staged> {
    const { uri, type, bytes, digest } = input;
    const stagingDir = join(directory, 'staging', randomUUID());
    const root = join(stagingDir, 'root');
    let files: TarFile[];
    let manifest: PluginManifest | null = null;
    let entry: string;
    if (isGzip(bytes)) {
      files = readTarball(bytes, archiveLimits);
      manifest = readManifest(files, `\`${uri}\``, host);
      entry = manifest.entry;
    } else {
      // A single bundled ES module; the .mjs name makes Node treat it as ESM whatever the URI's extension.
      files = [{ path: 'module.mjs', data: bytes }];
      entry = 'module.mjs';
    }
    // Every path was validated by readTarball before this point; nothing is written for a refused archive.
    try {
      await mkdir(root, { recursive: true });
      await writeFile(join(stagingDir, 'blob'), bytes);
      for (const file of files) {
        const target = join(root, ...file.path.split('/'));
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, file.data, { flag: 'wx' });
      }
    } catch (error) {
      await rm(stagingDir, { recursive: true, force: true });
      throw new HiveBatchError('UNSAFE_ARCHIVE', `Unpacking \`${uri}\` failed`, { cause: error });
    }
    return {
      resource: {
        uri,
        type,
        format: manifest == null ? 'module' : 'package',
        digest,
        size: bytes.byteLength,
        manifest,
      },
      stagingDir,
      entryPath: entry,
    };
  }

  async function stage(spec: ResourceSpec): Promise<Staged | StoredResource> {
    if (spec.type === 'archive') {
      throw new HiveBatchError(
        'UNSUPPORTED_OPERATION',
        `ARCHIVE resources are not supported (\`${spec.uri}\`); use JAR with an npm package tarball`,
      );
    }
    const parsed = parseResourceUri(spec.uri, baseDir);
    const pins = [parsed.integrity, spec.integrity ?? null].filter((p): p is string => p != null);
    if (parsed.scheme !== 'file' && pins.length === 0 && options.allowUnpinnedRemote !== true) {
      throw new HiveBatchError(
        'INTEGRITY_MISMATCH',
        `Remote resource \`${spec.uri}\` has no integrity; add #sha512-… or allow unpinned remote resources`,
      );
    }
    const bytes = await fetchResource(parsed, limits);
    let digest = digestOf(bytes);
    for (const pin of pins) digest = verifyIntegrity(bytes, pin, `\`${spec.uri}\``);
    const key = parsed.scheme === 'file' ? pathToFileURL(parsed.location).href : parsed.location;
    const known = uriDigests.get(key);
    if (known != null && known !== digest.sha512 && (entries.get(known)?.references ?? 0) > 0) {
      throw new HiveBatchError(
        'INTEGRITY_MISMATCH',
        `\`${spec.uri}\` now has digest sha512:${digest.sha512.slice(0, 16)}…, registered sha512:${known.slice(0, 16)}…; RELOAD FUNCTIONS or drop its users first`,
      );
    }
    const existing = entries.get(digest.sha512);
    if (existing != null) return existing.resource;
    return stageBytes({ uri: spec.uri, type: spec.type, bytes, digest });
  }

  async function commit(staged: Staged): Promise<StoredResource> {
    const sha = staged.resource.digest.sha512;
    const dir = join(directory, 'store', sha);
    const existing = entries.get(sha);
    if (existing != null) {
      await rm(staged.stagingDir, { recursive: true, force: true });
      return existing.resource;
    }
    await rm(dir, { recursive: true, force: true });
    await rename(staged.stagingDir, dir);
    const resource: StoredResource = {
      ...staged.resource,
      entryUrl: pathToFileURL(join(dir, 'root', ...staged.entryPath.split('/'))).href,
    };
    entries.set(sha, { resource, references: 0, dir });
    return resource;
  }

  function retain(sha512: string): void {
    const entry = entries.get(sha512);
    if (entry == null) throw new HiveBatchError('INVALID_ARGUMENT', `No stored resource sha512:${sha512}`);
    entry.references++;
  }

  async function release(sha512: string): Promise<void> {
    const entry = entries.get(sha512);
    if (entry == null) return;
    entry.references--;
    if (entry.references > 0) return;
    entries.delete(sha512);
    for (const [uri, sha] of uriDigests) if (sha === sha512) uriDigests.delete(uri);
    await rm(entry.dir, { recursive: true, force: true });
  }

  async function acquire(specs: readonly ResourceSpec[]): Promise<StoredResource[]> {
    checkOpen();
    const results: (Staged | StoredResource)[] = [];
    try {
      // Stage everything first (Flink's staging map): a failure of any spec registers none of them.
      for (const spec of specs) results.push(await stage(spec));
    } catch (error) {
      const staged = results.filter((r): r is Staged => 'stagingDir' in r);
      await Promise.all(staged.map((r) => rm(r.stagingDir, { recursive: true, force: true })));
      throw error;
    }
    const committed: StoredResource[] = [];
    for (const r of results) {
      const resource = 'stagingDir' in r ? await commit(r) : r;
      retain(resource.digest.sha512);
      committed.push(resource);
    }
    for (const [i, spec] of specs.entries()) {
      const resource = committed[i];
      if (resource == null) continue;
      const parsed = parseResourceUri(spec.uri, baseDir);
      uriDigests.set(
        parsed.scheme === 'file' ? pathToFileURL(parsed.location).href : parsed.location,
        resource.digest.sha512,
      );
    }
    return committed;
  }

  return {
    directory,
    acquire,
    retain,
    release,
    references: (sha512) => entries.get(sha512)?.references ?? 0,
    async addSessionResources(specs) {
      const fresh = specs.filter((s) => !session.has(s.uri));
      const acquired = await acquire(fresh);
      for (const [i, spec] of fresh.entries()) {
        const resource = acquired[i];
        if (resource != null) session.set(spec.uri, { sha512: resource.digest.sha512, spec });
      }
      return specs.map((s) => {
        const sha = session.get(s.uri)?.sha512;
        const entry = sha == null ? undefined : entries.get(sha);
        if (entry == null)
          throw new HiveBatchError('INVALID_ARGUMENT', `Resource \`${s.uri}\` vanished while adding`);
        return entry.resource;
      });
    },
    async deleteSessionResource(uri) {
      const added = session.get(uri);
      if (added == null) return false;
      session.delete(uri);
      await release(added.sha512);
      return true;
    },
    sessionResources() {
      return [...session.values()].map((s) => s.spec);
    },
    listResources() {
      const rows: ResourceListing[] = [];
      for (const entry of entries.values()) {
        rows.push({
          uri: entry.resource.uri,
          integrity: entry.resource.digest.integrity,
          references: entry.references,
        });
      }
      return rows.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    },
    async readBlob(sha512) {
      const entry = entries.get(sha512);
      if (entry == null) throw new HiveBatchError('INVALID_ARGUMENT', `No stored resource sha512:${sha512}`);
      return new Uint8Array(await readFile(join(entry.dir, 'blob')));
    },
    async acquireByDigest(sha512, source) {
      checkOpen();
      const existing = entries.get(sha512);
      if (existing != null) {
        existing.references++;
        return existing.resource;
      }
      const bytes = await source.fetchBlob(sha512);
      const digest = digestOf(bytes);
      if (digest.sha512 !== sha512) {
        throw new HiveBatchError(
          'INTEGRITY_MISMATCH',
          `Blob sha512:${sha512.slice(0, 16)}… arrived with content sha512:${digest.sha512.slice(0, 16)}…; not loaded`,
        );
      }
      const staged = await stageBytes({ uri: `blob:sha512:${sha512}`, type: 'jar', bytes, digest });
      const resource = await commit(staged);
      retain(sha512);
      return resource;
    },
    forgetUris() {
      uriDigests.clear();
    },
    async close() {
      if (closed) return;
      closed = true;
      entries.clear();
      session.clear();
      uriDigests.clear();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
