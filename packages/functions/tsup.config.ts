import { copyFile } from 'node:fs/promises';
import { defineConfig } from 'tsup';
import { base } from '../../tsup.config.base';

// The realm entry is hand-written ESM (workers cannot run .ts on Node 20); ship it beside dist/index.js.
export default defineConfig({
  ...base,
  async onSuccess() {
    await copyFile('src/realm-worker.mjs', 'dist/realm-worker.mjs');
  },
});
