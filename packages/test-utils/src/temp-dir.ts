import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

/** A temporary directory and the function that removes it. */
export interface TempDir {
  /** Absolute path of the new, empty directory. */
  readonly path: string;
  /** Removes the directory and everything in it; safe to call twice. */
  readonly cleanup: () => Promise<void>;
}

/**
 * Creates an empty temporary directory. Inside a running test it is removed when the test finishes
 * (`onTestFinished`); elsewhere (e.g. `beforeAll`) call `cleanup` yourself.
 *
 * @param prefix - directory name prefix. Defaults to `'hive-batch-'`.
 * @returns the directory
 * @example
 * ```ts
 * const dir = await tempDir(); await writeFile(join(dir.path, 'x.txt'), 'x');
 * ```
 */
export async function tempDir(prefix = 'hive-batch-'): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  const cleanup = (): Promise<void> => rm(path, { recursive: true, force: true });
  try {
    onTestFinished(cleanup);
  } catch {
    // Not inside a test: the caller owns cleanup.
  }
  return { path, cleanup };
}
