import { defineConfig } from 'vitest/config';

const sourceCondition = '@hive-batch/source';

export default defineConfig({
  resolve: { conditions: [sourceCondition] },
  ssr: { resolve: { conditions: [sourceCondition] } },
  test: {
    projects: ['packages/*'],
    restoreMocks: true,
    clearMocks: true,
  },
});
