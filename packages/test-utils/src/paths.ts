import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | null = null;

/**
 * The monorepo root: the nearest directory above this file whose package.json has `workspaces`.
 *
 * @returns an absolute path
 * @throws {Error} when no such directory exists (test-utils used outside the repo)
 */
export function repoRoot(): string {
  if (cachedRoot != null) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      const json = JSON.parse(readFileSync(pkg, 'utf8')) as { workspaces?: unknown };
      if (json.workspaces != null) {
        cachedRoot = dir;
        return dir;
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('No package.json with "workspaces" above @hive-batch/test-utils');
    dir = parent;
  }
}

/** The read-only shared directory beside the repo (`<root>/../shared`). Absolute path. */
export function sharedDir(): string {
  return resolve(repoRoot(), '..', 'shared');
}

/** The Hive q-test corpus (`<root>/../shared/hive-qtests`). Absolute path. */
export function qtestsDir(): string {
  return join(sharedDir(), 'hive-qtests');
}
