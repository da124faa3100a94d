import { spawnBundledFixture } from '@hive-batch/test-utils';
import type { SpawnedFixture } from '@hive-batch/test-utils';

/** Starts `test/fixtures/<name>.ts` (bundled) in a fresh Node process. */
export function spawnFixture(name: string, args: readonly string[]): Promise<SpawnedFixture> {
  return spawnBundledFixture(new URL('.', import.meta.url), name, args);
}
