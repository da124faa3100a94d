// Bundles bench/<name>.ts (Node 20 cannot run TypeScript) and runs it in a fresh process: node bench/run-bench.mjs <name> [args].
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const outDir = fileURLToPath(new URL('../node_modules/.bench/', import.meta.url));
mkdirSync(outDir, { recursive: true });
const name = process.argv[2] ?? 'planning';
const out = `${outDir}${name}.mjs`;
await build({
  entryPoints: [fileURLToPath(new URL(`./${name}.ts`, import.meta.url))],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  conditions: ['@hive-batch/source'],
  outfile: out,
  logLevel: 'error',
});
const r = spawnSync(process.execPath, [out, ...process.argv.slice(3)], {
  stdio: 'inherit',
  env: process.env,
});
process.exit(r.status ?? 1);
