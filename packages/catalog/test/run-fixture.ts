import { spawn } from 'node:child_process';
import { mkdirSync, renameSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** Result of a fixture child process. */
export interface FixtureRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

const bundles = new Map<string, Promise<string>>();

/**
 * Node 20 cannot run TypeScript, so each fixture is bundled once per test file with esbuild, resolving
 * `@hive-batch/*` to the packages' sources as vitest does. The bundle lives under this package's
 * node_modules so `better-sqlite3` (kept external: it is a native addon) resolves from it.
 */
function bundleFixture(name: string): Promise<string> {
  let p = bundles.get(name);
  if (p == null) {
    const dir = fileURLToPath(new URL('../node_modules/.fixtures/', import.meta.url));
    const out = `${dir}${name}.mjs`;
    const tmp = `${out}.${process.pid}.${Date.now()}.tmp.mjs`;
    mkdirSync(dir, { recursive: true });
    p = build({
      entryPoints: [fileURLToPath(new URL(`./fixtures/${name}.ts`, import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      conditions: ['@hive-batch/source'],
      external: ['better-sqlite3'],
      outfile: tmp,
      logLevel: 'error',
    }).then(() => {
      // Renamed into place so test files bundling at the same time never run a half-written file.
      renameSync(tmp, out);
      return out;
    });
    bundles.set(name, p);
  }
  return p;
}

/** Runs `test/fixtures/<name>.ts` (bundled) in a fresh Node process and collects its output. */
export async function runFixture(name: string, args: readonly string[]): Promise<FixtureRun> {
  const file = await bundleFixture(name);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
