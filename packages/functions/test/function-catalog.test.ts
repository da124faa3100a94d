import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { HiveTypes } from '@hive-batch/core';
import { createMemoryCatalog } from '@hive-batch/catalog';
import { createFunctionCatalog, defineUdf, liveRealms } from '@hive-batch/functions';
import { pluginPackage, udfModule, writeFixture } from './helpers/fixtures';
import { createTemporary, runScalar, session } from './helpers/session';
import { codeOf } from './helpers/errors';

const int = [HiveTypes.int];

describe('temporary functions', () => {
  test('CREATE TEMPORARY FUNCTION from a .mjs module and from a .tgz package, then call it', async () => {
    const { dir, functions } = await session();
    const mjs = await writeFixture(dir, 'toy.mjs', udfModule({ offset: 10 }));
    const tgz = await writeFixture(dir, 'toy.tgz', pluginPackage({ source: udfModule({ offset: 100 }) }));
    expect(await createTemporary(functions, 'p10', 'plusOne', mjs)).toBe('CREATED');
    expect(await createTemporary(functions, ['P100'], 'toy-udf#plusOne', tgz)).toBe('CREATED');
    expect(runScalar(await functions.lookupFunction('P10'), int, [[1, null, 3]])).toEqual([11, null, 13]);
    expect(runScalar(await functions.lookupFunction('p100'), int, [[1, null, 3]])).toEqual([101, null, 103]);
    const f = await functions.resolveFunction('p10');
    expect(f).toMatchObject({ kind: 'scalar', source: 'temporary', className: 'plusOne', name: 'p10' });
    expect(
      f.kind === 'scalar' &&
        f.definition.resolve({ argumentTypes: int, constantArguments: [undefined] }).evaluate([41]),
    ).toBe(51);
  });

  test('wrong argument types or count are refused at resolve time', async () => {
    const { dir, functions } = await session();
    const mjs = await writeFixture(dir, 'toy.mjs', udfModule());
    await createTemporary(functions, 'p', 'plusOne', mjs);
    const f = await functions.resolveFunction('p');
    if (f.kind !== 'scalar') throw new Error('scalar expected');
    expect(() =>
      f.definition.resolve({ argumentTypes: [HiveTypes.int, HiveTypes.int], constantArguments: [] }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }));
    expect(() => f.definition.resolve({ argumentTypes: [HiveTypes.binary], constantArguments: [] })).toThrow(
      expect.objectContaining({ code: 'INVALID_FUNCTION_ARGUMENTS' }),
    );
  });

  test('missing export or an export that is not a declared function fails CREATE (scenario 5)', async () => {
    const { dir, functions } = await session();
    const mjs = await writeFixture(dir, 'toy.mjs', udfModule());
    const noPlugin = await writeFixture(dir, 'none.mjs', 'export const x = 1;');
    const uri = [{ type: 'jar' as const, uri: mjs }];
    expect(
      await codeOf(
        functions.createFunction({ name: 'a', className: 'nope', temporary: true, resources: uri }),
      ),
    ).toBe('FUNCTION_LOAD_FAILED');
    expect(
      await codeOf(
        functions.createFunction({ name: 'b', className: 'notAFunction', temporary: true, resources: uri }),
      ),
    ).toBe('PLUGIN_API_MISMATCH');
    expect(
      await codeOf(
        functions.createFunction({
          name: 'c',
          className: 'other-pkg#plusOne',
          temporary: true,
          resources: uri,
        }),
      ),
    ).toBe('FUNCTION_LOAD_FAILED');
    expect(await codeOf(createTemporary(functions, 'd', 'x', noPlugin))).toBe('PLUGIN_API_MISMATCH');
    expect(await functions.lookupFunction('a')).toBeUndefined();
    expect(functions.realmCount()).toBe(0);
    expect(functions.listResources()).toEqual([]);
  });

  test('a plugin whose definePlugin apiVersion is unsupported fails CREATE (scenario 4)', async () => {
    const { dir, functions } = await session();
    const mjs = await writeFixture(dir, 'v2.mjs', udfModule().replace('apiVersion: 1', 'apiVersion: 2'));
    expect(await codeOf(createTemporary(functions, 'a', 'plusOne', mjs))).toBe('PLUGIN_API_MISMATCH');
  });

  test('second resource of a USING list failing registers nothing (scenario 2)', async () => {
    const { dir, functions } = await session();
    const good = await writeFixture(dir, 'good.mjs', udfModule());
    const request = {
      name: 'f',
      className: 'plusOne',
      temporary: true,
      resources: [
        { type: 'jar' as const, uri: good },
        { type: 'jar' as const, uri: join(dir, 'missing.tgz') },
      ],
    };
    expect(await codeOf(functions.createFunction(request))).toBe('RESOURCE_FETCH_FAILED');
    expect(await functions.lookupFunction('f')).toBeUndefined();
    expect(functions.listResources()).toEqual([]);
    expect(functions.realmCount()).toBe(0);
  });

  test('duplicates: error, IF NOT EXISTS keeps the old binding with a warning (scenario 7)', async () => {
    const warnings: string[] = [];
    const { dir, functions } = await session({ onWarning: (m) => warnings.push(m) });
    const v1 = await writeFixture(dir, 'v1.mjs', udfModule({ offset: 1 }));
    const v2 = await writeFixture(dir, 'v2.mjs', udfModule({ offset: 2 }));
    await createTemporary(functions, 'f', 'plusOne', v1);
    expect(await codeOf(createTemporary(functions, 'F', 'plusOne', v2))).toBe('FUNCTION_ALREADY_EXISTS');
    expect(
      await functions.createFunction({
        name: 'f',
        className: 'plusOne',
        temporary: true,
        ifNotExists: true,
        resources: [{ type: 'jar', uri: v2 }],
      }),
    ).toBe('EXISTED');
    expect(warnings).toHaveLength(1);
    expect(runScalar(await functions.lookupFunction('f'), int, [[1]])).toEqual([2]);
    expect(functions.realmCount()).toBe(1);
  });

  test('DROP TEMPORARY FUNCTION releases its realm and resources; IF EXISTS on an absent one', async () => {
    const { dir, functions, sessionDir } = await session();
    const v1 = await writeFixture(dir, 'v1.mjs', udfModule());
    await createTemporary(functions, 'f', 'plusOne', v1);
    await createTemporary(functions, 'g', 'tag', v1);
    expect(functions.realmCount()).toBe(1);
    expect(await functions.dropFunction({ name: 'f', temporary: true })).toBe('DROPPED');
    expect(functions.realmCount()).toBe(1);
    expect(await functions.dropFunction({ name: 'g', temporary: true })).toBe('DROPPED');
    expect(functions.realmCount()).toBe(0);
    expect(readdirSync(join(sessionDir, 'store'))).toEqual([]);
    expect(await functions.dropFunction({ name: 'g', temporary: true, ifExists: true })).toBe('ABSENT');
    expect(await codeOf(functions.dropFunction({ name: 'g', temporary: true }))).toBe('FUNCTION_NOT_FOUND');
  });

  test('ADD JAR then CREATE without USING resolves from the session resources; LIST/DELETE JAR', async () => {
    const { dir, functions } = await session();
    const v1 = await writeFixture(dir, 'v1.mjs', udfModule());
    await functions.addResources([{ type: 'jar', uri: v1 }]);
    await functions.createFunction({ name: 'f', className: 'plusOne', temporary: true });
    expect(functions.listResources().map((r) => [r.uri, r.references])).toEqual([[v1, 2]]);
    expect(await functions.deleteResource(v1)).toBe(true);
    expect(functions.listResources().map((r) => r.references)).toEqual([1]);
    expect(runScalar(await functions.lookupFunction('f'), int, [[1]])).toEqual([2]);
  });
});

describe('resolution order', () => {
  test('temporary shadows catalog shadows built-in; lookups ignore case', async () => {
    const catalog = createMemoryCatalog({ warehouse: '/tmp/unused-warehouse' });
    const builtin = defineUdf({
      name: 'plus_one',
      argumentTypes: ['int'],
      resultType: 'int',
      evaluate: ([xs]) => (xs ?? []).map(() => 0),
    });
    const { dir, functions } = await session({ catalog, builtinScalars: [builtin] });
    expect(runScalar(await functions.lookupFunction('PLUS_ONE'), int, [[5]])).toEqual([0]);
    const v10 = await writeFixture(dir, 'v10.mjs', udfModule({ offset: 10 }));
    const v20 = await writeFixture(dir, 'v20.mjs', udfModule({ offset: 20 }));
    await functions.createFunction({
      name: 'plus_one',
      className: 'plusOne',
      resources: [{ type: 'jar', uri: v10 }],
    });
    expect(await functions.lookupFunction('plus_one')).toMatchObject({
      source: 'catalog',
      name: 'default.plus_one',
    });
    expect(runScalar(await functions.lookupFunction('Plus_One'), int, [[5]])).toEqual([15]);
    await createTemporary(functions, 'plus_one', 'plusOne', v20);
    expect(runScalar(await functions.lookupFunction('plus_one'), int, [[5]])).toEqual([25]);
    expect(runScalar(await functions.lookupFunction('default.plus_one'), int, [[5]])).toEqual([15]);
    await functions.dropFunction({ name: 'plus_one', temporary: true });
    expect(runScalar(await functions.lookupFunction('plus_one'), int, [[5]])).toEqual([15]);
    await functions.dropFunction({ name: 'plus_one' });
    expect(runScalar(await functions.lookupFunction('plus_one'), int, [[5]])).toEqual([0]);
    expect(await functions.lookupFunction('sum')).toMatchObject({ kind: 'aggregate', source: 'builtin' });
    expect(await codeOf(functions.resolveFunction('nope'))).toBe('UNKNOWN_FUNCTION');
  });

  test('a catalog function cannot be created while a temporary one has its name (scenario 7)', async () => {
    const catalog = createMemoryCatalog({ warehouse: '/tmp/unused-warehouse' });
    const { dir, functions } = await session({ catalog });
    const v1 = await writeFixture(dir, 'v1.mjs', udfModule());
    await createTemporary(functions, 'f', 'plusOne', v1);
    expect(
      await codeOf(
        functions.createFunction({ name: 'f', className: 'plusOne', resources: [{ type: 'jar', uri: v1 }] }),
      ),
    ).toBe('FUNCTION_ALREADY_EXISTS');
    await functions.createFunction({
      name: 'g',
      className: 'plusOne',
      resources: [{ type: 'jar', uri: v1 }],
    });
    expect(
      await codeOf(
        functions.createFunction({
          name: 'default.g',
          className: 'tag',
          resources: [{ type: 'jar', uri: v1 }],
        }),
      ),
    ).toBe('FUNCTION_ALREADY_EXISTS');
    expect(
      await functions.createFunction({
        name: 'g',
        className: 'tag',
        ifNotExists: true,
        resources: [{ type: 'jar', uri: v1 }],
      }),
    ).toBe('EXISTED');
    expect(runScalar(await functions.lookupFunction('g'), int, [[1]])).toEqual([2]);
  });

  test('a catalog function is validated at CREATE: a bad export is not stored', async () => {
    const catalog = createMemoryCatalog({ warehouse: '/tmp/unused-warehouse' });
    const { dir, functions } = await session({ catalog });
    const v1 = await writeFixture(dir, 'v1.mjs', udfModule());
    expect(
      await codeOf(
        functions.createFunction({ name: 'f', className: 'missing', resources: [{ type: 'jar', uri: v1 }] }),
      ),
    ).toBe('FUNCTION_LOAD_FAILED');
    expect(await catalog.listFunctions('default')).toEqual([]);
  });

  test('without a catalog only temporary functions can be created', async () => {
    const { dir, functions } = await session();
    const v1 = await writeFixture(dir, 'v1.mjs', udfModule());
    expect(
      await codeOf(
        functions.createFunction({ name: 'f', className: 'plusOne', resources: [{ type: 'jar', uri: v1 }] }),
      ),
    ).toBe('UNSUPPORTED_OPERATION');
  });
});

describe('persistence (scenario 15)', () => {
  test('catalog functions come back after a restart, verified against the stored hashes', async () => {
    const catalog = createMemoryCatalog({ warehouse: '/tmp/unused-warehouse' });
    const { dir, functions } = await session({ catalog });
    const tgz = await writeFixture(dir, 'toy.tgz', pluginPackage({ source: udfModule({ offset: 7 }) }));
    await functions.createFunction({
      name: 'default.p7',
      className: 'plusOne',
      resources: [{ type: 'jar', uri: tgz }],
    });
    const stored = await catalog.getFunction({ database: 'default', name: 'p7' });
    expect(stored.resources[0]?.uri).toMatch(/#sha512-/);
    expect(stored.resources[0]?.type).toBe('npm');
    expect(stored.resources[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    await functions.close();

    const restarted = createFunctionCatalog({
      catalog,
      resourceOptions: { directory: join(dir, 'session2') },
      builtinScalars: [],
    });
    try {
      expect(runScalar(await restarted.lookupFunction('p7'), int, [[1]])).toEqual([8]);
      expect(await restarted.showFunctions('default.*')).toEqual(['default.p7']);
    } finally {
      await restarted.close();
    }

    // The file changed behind the stored URI: the pinned integrity refuses it.
    await writeFixture(dir, 'toy.tgz', pluginPackage({ source: udfModule({ offset: 8 }) }));
    const again = createFunctionCatalog({
      catalog,
      resourceOptions: { directory: join(dir, 'session3') },
      builtinScalars: [],
    });
    try {
      expect(await codeOf(again.lookupFunction('p7'))).toBe('INTEGRITY_MISMATCH');
    } finally {
      await again.close();
    }
  });

  test("another session's CREATE FUNCTION becomes visible here after RELOAD FUNCTIONS (Hive's session cache)", async () => {
    const catalog = createMemoryCatalog({ warehouse: '/tmp/unused-warehouse' });
    const { dir, functions } = await session({ catalog });
    const other = createFunctionCatalog({
      catalog,
      resourceOptions: { directory: join(dir, 'other') },
      builtinScalars: [],
    });
    try {
      expect(await functions.lookupFunction('g')).toBeUndefined();
      const v1 = await writeFixture(dir, 'v1.mjs', udfModule());
      await other.createFunction({ name: 'g', className: 'plusOne', resources: [{ type: 'jar', uri: v1 }] });
      expect(await functions.lookupFunction('g')).toBeUndefined();
      await functions.reloadFunctions();
      expect(runScalar(await functions.lookupFunction('g'), int, [[1]])).toEqual([2]);
    } finally {
      await other.close();
    }
  });

  test('RELOAD FUNCTIONS drops loaded catalog functions; the next use loads them again in a fresh realm', async () => {
    const catalog = createMemoryCatalog({ warehouse: '/tmp/unused-warehouse' });
    const { dir, functions } = await session({ catalog });
    const v1 = await writeFixture(dir, 'v1.mjs', udfModule());
    await functions.createFunction({
      name: 'c',
      className: 'counter',
      resources: [{ type: 'jar', uri: v1 }],
    });
    const first = await functions.resolveFunction('c');
    expect(runScalar(first, [], [[null, null]])).toEqual([1, 2]);
    await functions.reloadFunctions();
    expect(functions.realmCount()).toBe(0);
    expect(runScalar(await functions.resolveFunction('c'), [], [[null]])).toEqual([1]);
  });
});

describe('SHOW and DESCRIBE FUNCTION', () => {
  test('SHOW FUNCTIONS lists built-ins, temporary and catalog functions, filtered by LIKE', async () => {
    const catalog = createMemoryCatalog({ warehouse: '/tmp/unused-warehouse' });
    const { dir, functions } = await session({ catalog });
    const v1 = await writeFixture(dir, 'v1.mjs', udfModule());
    await createTemporary(functions, 'my_plus', 'plusOne', v1);
    await functions.createFunction({
      name: 'my_tag',
      className: 'tag',
      resources: [{ type: 'jar', uri: v1 }],
    });
    const all = await functions.showFunctions();
    expect(all).toContain('sum');
    expect(all).toContain('my_plus');
    expect(all).toContain('default.my_tag');
    expect(all).toEqual([...all].sort());
    expect(await functions.showFunctions('my*')).toEqual(['my_plus']);
    expect(await functions.showFunctions('*my_*|count')).toEqual(['count', 'default.my_tag', 'my_plus']);
  });

  test('DESCRIBE FUNCTION [EXTENDED]', async () => {
    const { dir, functions } = await session();
    const v1 = await writeFixture(dir, 'v1.mjs', udfModule());
    await createTemporary(functions, 'p', 'plusOne', v1);
    await createTemporary(functions, 't', 'tag', v1);
    expect(await functions.describeFunction('p')).toEqual(['plus_one(x) - x + 1']);
    expect(await functions.describeFunction('t')).toEqual(["There is no documentation for function 't'"]);
    expect(await functions.describeFunction('P', true)).toEqual([
      'plus_one(x) - x + 1',
      'Function class:plusOne',
      'Function type:TEMPORARY',
      `Resource:${v1}`,
    ]);
    expect(await functions.describeFunction('nope')).toEqual(["Function 'nope' does not exist."]);
  });
});

describe('close (scenario 13)', () => {
  test('close terminates every realm and deletes the session directory', async () => {
    const { dir, functions, sessionDir } = await session();
    const v1 = await writeFixture(dir, 'v1.mjs', udfModule({ offset: 1 }));
    const v2 = await writeFixture(dir, 'v2.mjs', udfModule({ offset: 2 }));
    await createTemporary(functions, 'a', 'plusOne', v1);
    await createTemporary(functions, 'b', 'plusOne', v2);
    const lease = await functions.acquireLease(['a']);
    expect(functions.realmCount()).toBe(2);
    await functions.close();
    expect(functions.realmCount()).toBe(0);
    expect(liveRealms()).toBe(0);
    expect(existsSync(sessionDir)).toBe(false);
    await lease.release();
    expect(await codeOf(functions.lookupFunction('a'))).toBe('INVALID_ARGUMENT');
  });
});
