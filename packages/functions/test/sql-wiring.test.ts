import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from 'vitest';
import { HiveTypes } from '@hive-batch/core';
import { parseStatement } from '@hive-batch/sql';
import { createMemoryCatalog } from '@hive-batch/catalog';
import { udfModule, writeFixture } from './helpers/fixtures';
import { createTemporary, runScalar, session } from './helpers/session';

// The engine passes the parser's AST values straight through: the request types are structurally compatible.
test('CREATE / DROP FUNCTION statements from @hive-batch/sql drive the registry unchanged', async () => {
  const catalog = createMemoryCatalog({ warehouse: '/tmp/unused-warehouse' });
  const { dir, functions } = await session({ catalog });
  const uri = await writeFixture(dir, 'toy.mjs', udfModule({ offset: 3 }));
  const create = parseStatement(`CREATE FUNCTION default.plus3 AS 'plusOne' USING JAR '${uri}'`);
  const createTemp = parseStatement(`CREATE TEMPORARY FUNCTION tag AS 'toy#tag' USING JAR '${uri}'`);
  const dropTemp = parseStatement('DROP TEMPORARY FUNCTION IF EXISTS tag');
  const drop = parseStatement('DROP FUNCTION default.plus3');
  if (create.kind !== 'createFunction' || createTemp.kind !== 'createFunction') throw new Error('parse');
  if (drop.kind !== 'dropFunction' || dropTemp.kind !== 'dropFunction') throw new Error('parse');
  expect(await functions.createFunction(create)).toBe('CREATED');
  expect(await functions.createFunction(createTemp)).toBe('CREATED');
  expect(runScalar(await functions.lookupFunction('plus3'), [HiveTypes.int], [[1]])).toEqual([4]);
  expect(runScalar(await functions.lookupFunction('TAG'), [HiveTypes.string], [['a']])).toEqual(['v1:a']);
  expect(await functions.dropFunction(dropTemp)).toBe('DROPPED');
  expect(await functions.dropFunction(dropTemp)).toBe('ABSENT');
  expect(await functions.dropFunction(drop)).toBe('DROPPED');
  expect(await functions.lookupFunction('plus3')).toBeUndefined();
  expect(functions.realmCount()).toBe(0);
});

test('a remote resource that does not answer within the fetch timeout fails to fetch', async () => {
  const server = createServer(() => {
    // never answers
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { functions } = await session({
      resourceOptions: { fetchTimeoutMs: 300, allowUnpinnedRemote: true },
    });
    const uri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slow.mjs`;
    await expect(createTemporary(functions, 'f', 'plusOne', uri)).rejects.toMatchObject({
      code: 'RESOURCE_FETCH_FAILED',
    });
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
