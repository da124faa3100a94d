import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { HiveTypes } from '@hive-batch/core';
import { createFunctionExecutor, liveRealms } from '@hive-batch/functions';
import { pluginPackage, udfModule, writeFixture } from './helpers/fixtures';
import { createTemporary, runScalar, session } from './helpers/session';
import { codeOf } from './helpers/errors';

const str = [HiveTypes.string];

describe('two versions of one package (scenario 9)', () => {
  test('are usable side by side in separate realms with no shared state', async () => {
    const { dir, functions } = await session();
    const v1 = await writeFixture(
      dir,
      'toy-1.0.0.tgz',
      pluginPackage({ version: '1.0.0', source: udfModule({ label: 'v1' }) }),
    );
    const v2 = await writeFixture(
      dir,
      'toy-2.0.0.tgz',
      pluginPackage({ version: '2.0.0', source: udfModule({ label: 'v2' }) }),
    );
    await createTemporary(functions, 'tag1', 'toy-udf#tag', v1);
    await createTemporary(functions, 'tag2', 'toy-udf#tag', v2);
    await createTemporary(functions, 'c1', 'counter', v1);
    await createTemporary(functions, 'c2', 'counter', v2);
    expect(runScalar(await functions.lookupFunction('tag1'), str, [['x']])).toEqual(['v1:x']);
    expect(runScalar(await functions.lookupFunction('tag2'), str, [['x']])).toEqual(['v2:x']);
    expect(functions.realmCount()).toBe(2);
    expect(runScalar(await functions.lookupFunction('c1'), [], [[null, null, null]])).toEqual([1, 2, 3]);
    expect(runScalar(await functions.lookupFunction('c2'), [], [[null]])).toEqual([1]);
    const uris = functions.listResources().map((r) => r.uri);
    expect(uris).toEqual([v1, v2]);
  });
});

describe('host API injection (scenario 10)', () => {
  test('a plugin that brings its own copy of definePlugin is refused; the injected one is required', async () => {
    const { dir, functions } = await session();
    const ownCopy = `
      const definePlugin = (spec) => ({ ...spec });
      export function plugin(api) {
        return definePlugin({ name: 'copy', apiVersion: 1, functions: { f: api.defineUdf({ argumentTypes: [], resultType: 'int', evaluate: (_c, n) => new Array(n).fill(1) }) } });
      }`;
    const uri = await writeFixture(dir, 'copy.mjs', ownCopy);
    expect(await codeOf(createTemporary(functions, 'f', 'f', uri))).toBe('PLUGIN_API_MISMATCH');
    const checks = `
      export function plugin(api) {
        const p = api.definePlugin({ name: 'checks', apiVersion: 1, functions: {
          ok: api.defineUdf({ argumentTypes: [], resultType: 'boolean', evaluate: (_c, n) => new Array(n).fill(ok) }) } });
        const ok = p instanceof api.PluginDefinition && api.hostVersion.length > 0 && api.apiVersion === 1;
        return p;
      }`;
    const checksUri = await writeFixture(dir, 'checks.mjs', checks);
    await createTemporary(functions, 'ok', 'ok', checksUri);
    expect(runScalar(await functions.lookupFunction('ok'), [], [[null]])).toEqual([true]);
  });
});

describe('jobs hold what they use (scenario 11)', () => {
  test('DROP FUNCTION while a job holds a lease: the job keeps working; the realm ends with the lease', async () => {
    const { dir, functions, sessionDir } = await session();
    const v1 = await writeFixture(dir, 'v1.tgz', pluginPackage());
    await createTemporary(functions, 'f', 'plusOne', v1);
    const lease = await functions.acquireLease(['F', 'sum']);
    expect(lease.pins).toHaveLength(1);
    expect(lease.functions.get('sum')?.source).toBe('builtin');
    await functions.dropFunction({ name: 'f', temporary: true });
    expect(await functions.lookupFunction('f')).toBeUndefined();
    expect(runScalar(lease.functions.get('f'), [HiveTypes.int], [[1, 2]])).toEqual([2, 3]);
    expect(functions.realmCount()).toBe(1);
    expect(readdirSync(join(sessionDir, 'store'))).toHaveLength(1);
    await lease.release();
    await lease.release();
    expect(functions.realmCount()).toBe(0);
    expect(readdirSync(join(sessionDir, 'store'))).toEqual([]);
  });

  test('a lease on an unknown function fails and holds nothing', async () => {
    const { dir, functions } = await session();
    const v1 = await writeFixture(dir, 'v1.mjs', udfModule());
    await createTemporary(functions, 'f', 'plusOne', v1);
    expect(await codeOf(functions.acquireLease(['f', 'nope']))).toBe('UNKNOWN_FUNCTION');
    await functions.dropFunction({ name: 'f', temporary: true });
    expect(functions.realmCount()).toBe(0);
  });
});

describe('shipping to executors (scenario 16)', () => {
  test('an executor fetches pinned digests from the blob server, verifies them and runs the function', async () => {
    const { dir, functions } = await session();
    const v1 = await writeFixture(dir, 'v1.tgz', pluginPackage({ source: udfModule({ offset: 5 }) }));
    await createTemporary(functions, 'f', 'plusOne', v1);
    const lease = await functions.acquireLease(['f']);
    const pin = lease.pins[0];
    if (pin == null) throw new Error('no pin');
    const executor = createFunctionExecutor({
      blobs: functions.blobSource(),
      resourceOptions: { directory: join(dir, 'executor') },
    });
    try {
      const f = await executor.load(pin);
      expect(
        runScalar(
          { ...f, source: 'temporary', className: pin.className, resources: [] },
          [HiveTypes.int],
          [[1]],
        ),
      ).toEqual([6]);
      await f.release();
      expect(executor.realmCount()).toBe(0);
    } finally {
      await executor.close();
      await lease.release();
    }
  });

  test('bytes that do not match the digest fail the task before loading; the coordinator copy stays', async () => {
    const { dir, functions } = await session();
    const v1 = await writeFixture(dir, 'v1.tgz', pluginPackage());
    await createTemporary(functions, 'f', 'plusOne', v1);
    const lease = await functions.acquireLease(['f']);
    const pin = lease.pins[0];
    if (pin == null) throw new Error('no pin');
    const tampered = {
      fetchBlob: () => Promise.resolve(pluginPackage({ source: udfModule({ offset: 666 }) })),
    };
    const executor = createFunctionExecutor({
      blobs: tampered,
      resourceOptions: { directory: join(dir, 'executor') },
    });
    const before = liveRealms();
    try {
      expect(await codeOf(executor.load(pin))).toBe('INTEGRITY_MISMATCH');
      expect(liveRealms()).toBe(before);
      expect(readdirSync(join(dir, 'executor', 'store'))).toEqual([]);
      const original = await functions.blobSource().fetchBlob(pin.digests[0] ?? '');
      expect(original.byteLength).toBeGreaterThan(0);
      const retry = createFunctionExecutor({
        blobs: functions.blobSource(),
        resourceOptions: { directory: join(dir, 'executor2') },
      });
      const f = await retry.load(pin);
      expect(f.kind).toBe('scalar');
      await retry.close();
    } finally {
      await executor.close();
      await lease.release();
    }
  });
});

describe('restricted imports (scenario 14)', () => {
  const spawner = `
    import { execSync } from 'node:child_process';
    export function plugin(api) {
      return api.definePlugin({ name: 'spawner', apiVersion: 1, functions: {
        f: api.defineUdf({ argumentTypes: [], resultType: 'string', evaluate: (_c, n) => new Array(n).fill(String(execSync('echo hi'))) }) } });
    }`;
  const sneaky = `
    export function plugin(api) {
      return api.definePlugin({ name: 'sneaky', apiVersion: 1, functions: {
        f: api.defineUdf({ argumentTypes: [], resultType: 'string', evaluate: (_c, n) => new Array(n).fill(typeof process.getBuiltinModule) }) } });
    }`;

  test('with restrictImports, child_process and host packages cannot be imported; loader escapes are gone', async () => {
    const { dir, functions } = await session({
      realmLimits: { restrictImports: true, loadTimeoutMs: 10_000 },
    });
    const a = await writeFixture(dir, 'spawner.mjs', spawner);
    const b = await writeFixture(dir, 'host.mjs', `import '@hive-batch/core';\n${udfModule()}`);
    const c = await writeFixture(dir, 'sneaky.mjs', sneaky);
    expect(await codeOf(createTemporary(functions, 'a', 'f', a))).toBe('FUNCTION_LOAD_FAILED');
    expect(await codeOf(createTemporary(functions, 'b', 'plusOne', b))).toBe('FUNCTION_LOAD_FAILED');
    await createTemporary(functions, 'c', 'f', c);
    expect(runScalar(await functions.lookupFunction('c'), [], [[null]])).toEqual(['undefined']);
  });

  test('without it (the default) the same plugin loads', async () => {
    const { dir, functions } = await session();
    const a = await writeFixture(dir, 'spawner.mjs', spawner);
    await createTemporary(functions, 'a', 'f', a);
    expect(runScalar(await functions.lookupFunction('a'), [], [[null]])).toEqual(['hi\n']);
  });
});
