import { copyFile } from 'node:fs/promises';
import { defineConfig } from 'tsup';
import { base } from '../../tsup.config.base';

// The realm entry and its resolution hooks are hand-written ESM (workers cannot run .ts on Node 20); ship them beside dist/index.js.
export default defineConfig({
  ...base,
  async onSuccess() {
    await copyFile('src/realm-worker.mjs', 'dist/realm-worker.mjs');
    await copyFile('src/realm-hooks.mjs', 'dist/realm-hooks.mjs');
  },
});
