import { readFileSync } from 'node:fs';

let cached: string | undefined;

/**
 * This package's version, the "host API" version plugins declare a peer range against. Read from package.json at
 * run time (one level above both src/internal/… and dist/…) so a release bump needs no code change.
 */
export function hostVersion(): string {
  if (cached != null) return cached;
  for (const rel of ['../../package.json', '../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as {
        name?: unknown;
        version?: unknown;
      };
      if (pkg.name === HOST_PACKAGE_NAME && typeof pkg.version === 'string') {
        cached = pkg.version;
        return cached;
      }
    } catch {
      // try the next location
    }
  }
  cached = '0.0.0';
  return cached;
}

/** The package plugins name in `peerDependencies` to declare which hosts they support. */
export const HOST_PACKAGE_NAME = '@hive-batch/functions';
