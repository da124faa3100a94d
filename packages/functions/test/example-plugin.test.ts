import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ColumnBatch } from '@hive-batch/core';
import {
  batchFromRows,
  batchToRows,
  columnFromValues,
  createSchema,
  getValue,
  HiveTypes,
} from '@hive-batch/core';
import { aggregateBatchGrouped, mergePartialsGrouped, resolveAggregate } from '@hive-batch/aggregate';
import { hashAggregate } from '@hive-batch/operators';
import { tempDir } from '@hive-batch/test-utils';
import type { TempDir } from '@hive-batch/test-utils';
import { createTemporary, runScalar, session } from './helpers/session';

const EXAMPLE = fileURLToPath(new URL('../../../examples/udf-plugin', import.meta.url));

let packed: { path: string; integrity: string; bytes: Uint8Array };
let server: Server;
let baseUrl: string;
let packDir: TempDir;

beforeAll(async () => {
  packDir = await tempDir('fn-pack-');
  // `npm pack` of a local folder runs offline and never runs scripts of the packed package here (it has none).
  const { stdout } = await promisify(execFile)(
    'npm',
    ['pack', EXAMPLE, '--json', '--pack-destination', packDir.path],
    {
      cwd: packDir.path,
    },
  );
  const [info] = JSON.parse(stdout) as { filename: string; integrity: string }[];
  if (info == null) throw new Error('npm pack printed nothing');
  const path = join(packDir.path, info.filename);
  packed = { path, integrity: info.integrity, bytes: new Uint8Array(await readFile(path)) };
  server = createServer((req, res) => {
    if (req.url === '/plugin.tgz') res.end(packed.bytes);
    else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await packDir.cleanup();
});

describe('examples/udf-plugin packed with npm pack', () => {
  test('loads through USING JAR from a path: scalar UDFs', async () => {
    const { functions } = await session();
    const jar = [{ type: 'jar' as const, uri: packed.path }];
    await functions.createFunction({
      name: 'plus_one',
      className: 'plusOne',
      temporary: true,
      resources: jar,
    });
    await functions.createFunction({
      name: 'initials',
      className: 'hive-batch-example-udf-plugin#initials',
      temporary: true,
      resources: jar,
    });
    expect(
      runScalar(await functions.lookupFunction('plus_one'), [HiveTypes.int], [[1, null, 2147483647]]),
    ).toEqual([2, null, -2147483648]);
    expect(
      runScalar(
        await functions.lookupFunction('initials'),
        [HiveTypes.string],
        [['hive batch plugin', null, '']],
      ),
    ).toEqual(['HBP', null, '']);
    expect(await functions.describeFunction('plus_one')).toEqual(['plus_one(x) - Returns x + 1']);
  });

  test('loads from http with the integrity npm pack reported; refuses it without', async () => {
    const { functions } = await session();
    const uri = `${baseUrl}/plugin.tgz`;
    await expect(createTemporary(functions, 'p', 'plusOne', uri)).rejects.toMatchObject({
      code: 'INTEGRITY_MISMATCH',
    });
    await functions.createFunction({
      name: 'p',
      className: 'plusOne',
      temporary: true,
      resources: [{ type: 'jar', uri: `${uri}#${packed.integrity}` }],
    });
    expect(runScalar(await functions.lookupFunction('p'), [HiveTypes.int], [[41]])).toEqual([42]);
    expect(functions.listResources()[0]?.integrity).toBe(packed.integrity);
  });

  test('the UDTF produces rows per input row', async () => {
    const { functions } = await session();
    await createTemporary(functions, 'split_words', 'splitWords', packed.path);
    const f = await functions.resolveFunction('split_words');
    if (f.kind !== 'table') throw new Error('table function expected');
    const evaluator = f.definition.resolve({
      argumentTypes: [HiveTypes.string],
      constantArguments: [undefined],
    });
    expect(evaluator.outputSchema.fields.map((x) => x.name)).toEqual(['pos', 'word']);
    const out = evaluator.evaluateBatch([columnFromValues(HiveTypes.string, ['a b', null, 'c'])], 3);
    expect(Array.from(out.rowIndex)).toEqual([0, 0, 2]);
    const rows = Array.from({ length: out.batch.numRows }, (_, i) =>
      out.batch.columns.map((c) => getValue(c, i)),
    );
    expect(rows).toEqual([
      [0, 'a'],
      [1, 'b'],
      [0, 'c'],
    ]);
  });

  test('the UDAF runs through the aggregate contract: grouped batches, partials, merge', async () => {
    const { functions } = await session();
    await createTemporary(functions, 'geomean', 'geomean', packed.path);
    const f = await functions.resolveFunction('geomean');
    if (f.kind !== 'aggregate') throw new Error('aggregate expected');
    const evaluator = resolveAggregate(f.definition, { argumentTypes: [HiveTypes.double] });
    const values = [1, 8, null, 2, 4, -3, 16];
    const groups = [0, 0, 0, 1, 1, 1, 2];
    const complete = aggregateBatchGrouped(evaluator, [columnFromValues(HiveTypes.double, values)], {
      mode: 'complete',
      groupIds: groups,
      numGroups: 4,
      numRows: values.length,
    });
    expect(complete).toEqual([
      expect.closeTo(Math.sqrt(8), 12),
      expect.closeTo(Math.sqrt(8), 12),
      expect.closeTo(16, 12),
      null,
    ]);
    // Split the rows in two halves, aggregate each to partials, ship them as bytes, merge: same results.
    const half = (from: number, to: number) =>
      aggregateBatchGrouped(evaluator, [columnFromValues(HiveTypes.double, values.slice(from, to))], {
        mode: 'partial1',
        groupIds: groups.slice(from, to),
        numGroups: 4,
        numRows: to - from,
      });
    const partials = [...half(0, 4), ...half(4, 7)].map((p) =>
      evaluator.decodePartial(evaluator.encodePartial(p)),
    );
    const merged = mergePartialsGrouped(evaluator, partials, {
      mode: 'final',
      groupIds: [0, 1, 2, 3, 0, 1, 2, 3],
      numGroups: 4,
    });
    expect(merged).toEqual(complete);
    expect(evaluator.partialFromJson(evaluator.partialToJson(partials[0] ?? null))).toEqual(partials[0]);
  });

  test('the UDAF runs in the hash-aggregation operator, also across partial/final stages', async () => {
    const { functions } = await session();
    await createTemporary(functions, 'geomean', 'geomean', packed.path);
    const f = await functions.resolveFunction('geomean');
    if (f.kind !== 'aggregate') throw new Error('aggregate expected');
    const inputSchema = createSchema([
      { name: 'k', type: HiveTypes.string },
      { name: 'x', type: HiveTypes.double },
    ]);
    const rows = [
      ['a', 2],
      ['b', 3],
      ['a', 8],
      ['b', null],
      ['c', -1],
      ['b', 27],
    ];
    const batches = [batchFromRows(inputSchema, rows.slice(0, 3)), batchFromRows(inputSchema, rows.slice(3))];
    const collect = async (
      input: Parameters<typeof hashAggregate>[0],
      options: Parameters<typeof hashAggregate>[1],
    ) => {
      const out: unknown[][] = [];
      for await (const b of hashAggregate(input, options)) out.push(...batchToRows(b));
      return out.sort((p, q) => String(p[0]).localeCompare(String(q[0])));
    };
    const complete = await collect(batches, {
      inputSchema,
      groupBy: [0],
      aggregates: [{ function: f.definition, args: [1] }],
    });
    expect(complete).toEqual([
      ['a', expect.closeTo(4, 12)],
      ['b', expect.closeTo(9, 12)],
      ['c', null],
    ]);
    const partialBatches: ColumnBatch[] = [];
    let partialSchema = inputSchema;
    for await (const b of hashAggregate(batches, {
      inputSchema,
      groupBy: [0],
      aggregates: [{ function: f.definition, args: [1] }],
      mode: 'partial1',
    })) {
      partialBatches.push(b);
      partialSchema = b.schema;
    }
    const final = await collect(partialBatches, {
      inputSchema: partialSchema,
      groupBy: [0],
      aggregates: [{ function: f.definition, args: [1], argumentTypes: [HiveTypes.double] }],
      mode: 'final',
    });
    expect(final).toEqual(complete);
  });
});
