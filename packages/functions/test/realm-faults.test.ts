import { describe, expect, test } from 'vitest';
import { HiveTypes } from '@hive-batch/core';
import { liveRealms } from '@hive-batch/functions';
import { udfModule, writeFixture } from './helpers/fixtures';
import { createTemporary, runScalar, session } from './helpers/session';
import { codeOf } from './helpers/errors';

function callCode(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'NO_ERROR';
}

// Scenario 6: a faulty plugin fails its own CREATE or calls with a coded error; the host and other realms live on.
describe('faulty plugins at load', () => {
  const cases: [string, string][] = [
    ['throws at top level', 'throw new Error("boom at import");'],
    ['throws in plugin(api)', 'export function plugin() { throw new Error("boom in factory"); }'],
    ['loops at top level', 'for (;;) {}'],
    [
      'runs out of memory at top level',
      'const hog = []; for (;;) hog.push(new Array(1e5).fill({ x: Math.random() }));',
    ],
    ['imports a missing module', 'import "./does-not-exist.mjs";'],
  ];
  test.each(cases)('a plugin that %s fails CREATE and leaves no worker', async (_name, source) => {
    const { dir, functions } = await session({
      realmLimits: { loadTimeoutMs: 1_500, maxOldGenerationSizeMb: 16 },
    });
    const bad = await writeFixture(dir, 'bad.mjs', source);
    const before = liveRealms();
    expect(await codeOf(createTemporary(functions, 'f', 'plusOne', bad))).toBe('FUNCTION_LOAD_FAILED');
    expect(liveRealms()).toBe(before);
    expect(functions.realmCount()).toBe(0);
    expect(functions.listResources()).toEqual([]);
  });
});

describe('faulty plugins at call', () => {
  const faults = `
    export function plugin(api) {
      return api.definePlugin({ name: 'faults', apiVersion: 1, functions: {
        thrower: api.defineUdf({ argumentTypes: ['int'], resultType: 'int', evaluate: ([xs]) => xs.map((x) => { if (x === 3) throw new Error('three'); return x; }) }),
        looper: api.defineUdf({ argumentTypes: ['int'], resultType: 'int', evaluate: () => { for (;;) {} } }),
        hog: api.defineUdf({ argumentTypes: ['int'], resultType: 'int', evaluate: () => { const a = []; for (;;) a.push(new Array(1e5).fill({ y: Math.random() })); } }),
        liar: api.defineUdf({ argumentTypes: ['int'], resultType: 'int', evaluate: ([xs]) => xs.map(() => 'not an int') }),
        short: api.defineUdf({ argumentTypes: ['int'], resultType: 'int', evaluate: () => [] }),
        hangOn13: api.defineUdf({ argumentTypes: ['int'], resultType: 'int', evaluate: ([xs]) => xs.map((x) => { if (x === 13) for (;;) {} return x; }) }),
        fine: api.defineUdf({ argumentTypes: ['int'], resultType: 'int', evaluate: ([xs]) => xs }),
      } });
    }`;

  test('a throwing call fails with FUNCTION_CALL_FAILED and the realm stays usable', async () => {
    const { dir, functions } = await session();
    const uri = await writeFixture(dir, 'faults.mjs', faults);
    await createTemporary(functions, 'thrower', 'thrower', uri);
    const f = await functions.resolveFunction('thrower');
    expect(callCode(() => runScalar(f, [HiveTypes.int], [[1, 2, 3]]))).toBe('FUNCTION_CALL_FAILED');
    expect(runScalar(f, [HiveTypes.int], [[1, 2]])).toEqual([1, 2]);
  });

  test('results of the wrong type or count fail the call', async () => {
    const { dir, functions } = await session();
    const uri = await writeFixture(dir, 'faults.mjs', faults);
    await createTemporary(functions, 'liar', 'liar', uri);
    await createTemporary(functions, 'short', 'short', uri);
    const liar = await functions.resolveFunction('liar');
    const short = await functions.resolveFunction('short');
    expect(callCode(() => runScalar(liar, [HiveTypes.int], [[1]]))).toBe('FUNCTION_CALL_FAILED');
    expect(callCode(() => runScalar(short, [HiveTypes.int], [[1]]))).toBe('FUNCTION_CALL_FAILED');
  });

  test.each([
    ['looping', 'looper'],
    ['out-of-memory', 'hog'],
  ])(
    'a %s call times out, its realm is terminated, the host and other realms survive',
    async (_name, exportName) => {
      const { dir, functions } = await session({
        realmLimits: { callTimeoutMs: 1_500, maxOldGenerationSizeMb: 16 },
      });
      const uri = await writeFixture(dir, 'faults.mjs', faults);
      const other = await writeFixture(dir, 'other.mjs', udfModule());
      await createTemporary(functions, 'bad', exportName, uri);
      await createTemporary(functions, 'good', 'plusOne', other);
      const bad = await functions.resolveFunction('bad');
      expect(callCode(() => runScalar(bad, [HiveTypes.int], [[1]]))).toBe('FUNCTION_CALL_FAILED');
      // The dead realm fails fast afterwards instead of hanging again.
      const started = performance.now();
      expect(callCode(() => runScalar(bad, [HiveTypes.int], [[1]]))).toBe('FUNCTION_CALL_FAILED');
      expect(performance.now() - started).toBeLessThan(500);
      expect(runScalar(await functions.resolveFunction('good'), [HiveTypes.int], [[1]])).toEqual([2]);
      // Re-creating the function starts a fresh realm for it.
      await functions.dropFunction({ name: 'bad', temporary: true });
      await createTemporary(functions, 'fine', 'fine', uri);
      expect(runScalar(await functions.resolveFunction('fine'), [HiveTypes.int], [[5]])).toEqual([5]);
    },
  );

  test('after its realm died, the next lookup restarts the function in a fresh realm (after the backoff)', async () => {
    const { dir, functions } = await session({
      realmLimits: { callTimeoutMs: 1_000 },
      restartBackoffMs: 2_500,
    });
    const uri = await writeFixture(dir, 'faults.mjs', faults);
    await createTemporary(functions, 'h', 'hangOn13', uri);
    const first = await functions.resolveFunction('h');
    expect(runScalar(first, [HiveTypes.int], [[1, 2]])).toEqual([1, 2]);
    expect(callCode(() => runScalar(first, [HiveTypes.int], [[13]]))).toBe('FUNCTION_CALL_FAILED');
    // Within the backoff (2.5 s after the realm started) lookups return the dead binding, which fails fast.
    const started = performance.now();
    const during = await functions.resolveFunction('h');
    expect(callCode(() => runScalar(during, [HiveTypes.int], [[1]]))).toBe('FUNCTION_CALL_FAILED');
    expect(performance.now() - started).toBeLessThan(500);
    await new Promise((resolve) => setTimeout(resolve, 2_600));
    const second = await functions.resolveFunction('h');
    expect(runScalar(second, [HiveTypes.int], [[7]])).toEqual([7]);
    await functions.dropFunction({ name: 'h', temporary: true });
    expect(functions.realmCount()).toBe(0);
    expect(functions.listResources()).toEqual([]);
  });
});
