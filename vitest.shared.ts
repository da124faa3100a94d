import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';
import type { UserWorkspaceConfig } from 'vitest/config';

const sourceCondition = '@hive-batch/source';
const setupFile = fileURLToPath(new URL('./vitest.setup.ts', import.meta.url));

/** Per-package vitest project: tests in `test/`, sibling packages resolved to their sources. */
export function packageProject(name: string): UserWorkspaceConfig {
  return defineProject({
    resolve: { conditions: [sourceCondition, 'import', 'module', 'node', 'default'] },
    ssr: { resolve: { conditions: [sourceCondition, 'import', 'module', 'node', 'default'] } },
    test: {
      name,
      include: ['test/**/*.test.ts'],
      setupFiles: [setupFile],
      restoreMocks: true,
      clearMocks: true,
      // CI has 2 shared cores: generous limits keep property tests from flaking on a busy machine.
      testTimeout: 30_000,
      hookTimeout: 60_000,
      tags: [{ name: 'slow', timeout: 60_000 }],
    },
  });
}
