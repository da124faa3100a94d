import { posix } from 'node:path';
import semver from 'semver';
import { HiveBatchError } from '@hive-batch/core';
import type { TarFile } from './read-tarball';
import { HOST_PACKAGE_NAME } from '../internal/host-version';

/** What the host takes from a plugin package's package.json. */
export interface PluginManifest {
  readonly name: string;
  readonly version: string;
  /** Path of the module the `.` export names, relative to the package root. */
  readonly entry: string;
  /** `hiveBatch.apiVersion`. */
  readonly apiVersion: number;
  /** `peerDependencies['@hive-batch/functions']`, or `null` when the package does not declare one. */
  readonly hostRange: string | null;
}

function mismatch(what: string, message: string): HiveBatchError {
  return new HiveBatchError('PLUGIN_API_MISMATCH', `${what}: ${message}`);
}

function exportTarget(exportsField: unknown): unknown {
  if (typeof exportsField === 'string') return exportsField;
  if (exportsField == null || typeof exportsField !== 'object') return undefined;
  const map = exportsField as Record<string, unknown>;
  const dot = '.' in map ? map['.'] : map;
  if (typeof dot === 'string') return dot;
  if (dot != null && typeof dot === 'object') {
    const conditions = dot as Record<string, unknown>;
    return conditions['import'] ?? conditions['node'] ?? conditions['default'];
  }
  return undefined;
}

/**
 * Reads and checks `package/package.json`: name, version, `type: "module"`, an `exports` entry inside the
 * package, `hiveBatch.apiVersion` among the supported ones, the host peer range satisfied by `hostVersion`, and
 * no runtime `dependencies` (v1 accepts bundled packages only: installing a tree would run lifecycle scripts).
 * @throws {HiveBatchError} `PLUGIN_API_MISMATCH`
 */
export function readManifest(
  files: readonly TarFile[],
  what: string,
  host: { readonly version: string; readonly apiVersions: readonly number[] },
): PluginManifest {
  const file = files.find((f) => f.path === 'package.json');
  if (file == null) throw mismatch(what, 'the package has no package.json');
  let pkg: Record<string, unknown>;
  try {
    pkg = JSON.parse(new TextDecoder().decode(file.data)) as Record<string, unknown>;
  } catch (error) {
    throw new HiveBatchError('PLUGIN_API_MISMATCH', `${what}: package.json is not valid JSON`, {
      cause: error,
    });
  }
  const { name, version } = pkg;
  if (typeof name !== 'string' || name === '') throw mismatch(what, 'package.json has no name');
  if (typeof version !== 'string' || semver.valid(version) == null) {
    throw mismatch(what, `package.json version \`${String(version)}\` is not semver`);
  }
  if (pkg['type'] !== 'module') throw mismatch(what, 'package.json must set "type": "module"');
  const deps = pkg['dependencies'];
  if (deps != null && typeof deps === 'object' && Object.keys(deps).length > 0) {
    throw mismatch(what, 'runtime dependencies are not supported; bundle them into the package');
  }
  const target = exportTarget(pkg['exports']);
  if (typeof target !== 'string' || !target.startsWith('./')) {
    throw mismatch(what, 'package.json needs an "exports" entry for "." (a ./relative path)');
  }
  const entry = posix.normalize(target.slice(2));
  if (entry.startsWith('..') || posix.isAbsolute(entry) || !files.some((f) => f.path === entry)) {
    throw mismatch(what, `the "." export \`${target}\` is not a file of the package`);
  }
  const block = pkg['hiveBatch'];
  const apiVersion =
    block != null && typeof block === 'object' ? (block as Record<string, unknown>)['apiVersion'] : undefined;
  if (typeof apiVersion !== 'number' || !host.apiVersions.includes(apiVersion)) {
    throw mismatch(
      what,
      `hiveBatch.apiVersion is ${String(apiVersion)}; this host (${HOST_PACKAGE_NAME}@${host.version}) supports ${host.apiVersions.join(', ')}`,
    );
  }
  const peers = pkg['peerDependencies'];
  const range =
    peers != null && typeof peers === 'object'
      ? (peers as Record<string, unknown>)[HOST_PACKAGE_NAME]
      : undefined;
  if (range != null) {
    if (typeof range !== 'string' || semver.validRange(range) == null) {
      throw mismatch(
        what,
        `peer range \`${JSON.stringify(range)}\` for ${HOST_PACKAGE_NAME} is not a semver range`,
      );
    }
    if (!semver.satisfies(host.version, range, { includePrerelease: true })) {
      throw mismatch(what, `requires ${HOST_PACKAGE_NAME}@${range}, host is ${host.version}`);
    }
  }
  return { name, version, entry, apiVersion, hostRange: typeof range === 'string' ? range : null };
}
