import { spawnBundledFixture } from '@hive-batch/test-utils';
import type { FixtureRun } from '@hive-batch/test-utils';

/** Runs `test/fixtures/<name>.ts` (bundled) in a fresh Node process and collects its output. */
export async function runFixture(name: string, args: readonly string[]): Promise<FixtureRun> {
  return (await spawnBundledFixture(new URL('.', import.meta.url), name, args)).done;
}
