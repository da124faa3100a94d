import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
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

/** A running fixture. */
export interface SpawnedFixture {
  readonly child: ChildProcess;
  readonly done: Promise<FixtureRun>;
  /** Resolves once stdout contains `text` (or the process ended). */
  waitFor(text: string): Promise<void>;
}

const bundles = new Map<string, Promise<string>>();

/**
 * Node 20 cannot run TypeScript, so each fixture is bundled once per test file with esbuild, resolving
 * `@hive-batch/*` to the packages' sources as vitest does. The bundle lives under the calling package's
 * node_modules so `better-sqlite3` (kept external: it is a native addon) resolves from it.
 */
function bundleFixture(testDir: URL, name: string): Promise<string> {
  const dir = fileURLToPath(new URL('../node_modules/.fixtures/', testDir));
  const out = `${dir}${name}.mjs`;
  let p = bundles.get(out);
  if (p == null) {
    const tmp = `${out}.${process.pid}.${Date.now()}.tmp.mjs`;
    mkdirSync(dir, { recursive: true });
    p = build({
      entryPoints: [fileURLToPath(new URL(`./fixtures/${name}.ts`, testDir))],
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
    bundles.set(out, p);
  }
  return p;
}

/**
 * Starts `<testDir>/fixtures/<name>.ts` (bundled, see {@link bundleFixture}) in a fresh Node process.
 * `testDir` is the calling package's test folder, e.g. `new URL('.', import.meta.url)` from a file in it.
 */
export async function spawnBundledFixture(
  testDir: URL,
  name: string,
  args: readonly string[],
): Promise<SpawnedFixture> {
  const file = await bundleFixture(testDir, name);
  const child = spawn(process.execPath, [file, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    for (const w of waiters.filter((x) => stdout.includes(x.text))) w.resolve();
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<FixtureRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      for (const w of waiters) w.resolve();
      resolve({ code, signal, stdout, stderr });
    });
  });
  return {
    child,
    done,
    waitFor: (text) =>
      new Promise<void>((resolve) => {
        if (stdout.includes(text) || child.exitCode != null || child.signalCode != null) resolve();
        else waiters.push({ text, resolve });
      }),
  };
}
