import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Result of a fixture child process. */
export interface FixtureRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `test/fixtures/<name>.ts` in a fresh Node process. Node 20 cannot run TypeScript, so tsx compiles it,
 * and the source condition makes `@hive-batch/*` resolve to the packages' sources as in vitest.
 */
export function runFixture(name: string, args: readonly string[]): Promise<FixtureRun> {
  const file = fileURLToPath(new URL(`./fixtures/${name}.ts`, import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=@hive-batch/source', '--import', 'tsx', file, ...args],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
