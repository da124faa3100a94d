import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, renameSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const bundles = new Map<string, Promise<string>>();

/**
 * Node 20 cannot run TypeScript, so a fixture is bundled once per test file with esbuild, resolving
 * `@hive-batch/*` to the packages' sources as vitest does (the approach of the ctas tests). The bundle lives
 * under this package's node_modules so native `better-sqlite3` (kept external) resolves from it.
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
      renameSync(tmp, out);
      return out;
    });
    bundles.set(name, p);
  }
  return p;
}

/** A running fixture process. */
export interface SpawnedFixture {
  readonly child: ChildProcess;
  readonly done: Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>;
  /** Resolves once stdout contains `text` (or the process ended). */
  waitFor(text: string): Promise<void>;
  stdout(): string;
}

/** Starts `test/fixtures/<name>.ts` (bundled) in a fresh Node process. */
export async function spawnFixture(name: string, args: readonly string[]): Promise<SpawnedFixture> {
  const file = await bundleFixture(name);
  const child = spawn(process.execPath, [file, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
    for (const w of waiters.filter((x) => out.includes(x.text))) w.resolve();
  });
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      for (const w of waiters) w.resolve();
      resolve({ code, signal, stdout: out, stderr: err });
    });
  });
  return {
    child,
    done,
    stdout: () => out,
    waitFor: (text) =>
      new Promise<void>((resolve) => {
        if (out.includes(text) || child.exitCode != null || child.signalCode != null) resolve();
        else waiters.push({ text, resolve });
      }),
  };
}
