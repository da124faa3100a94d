import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HiveTypes, decimalType, structType } from '@hive-batch/core';
import type { Catalog, TableDefinition } from '@hive-batch/catalog';
import { CTAS_OWNER_PROPERTY } from '@hive-batch/catalog';

/** Builds a fresh catalog over a new warehouse directory. */
export type CatalogFactory = (warehouse: string) => Catalog;

function tempWarehouse(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'hb-catalog-'));
}

function table(name: string, extra: Partial<TableDefinition> = {}): TableDefinition {
  return {
    id: { database: 'default', table: name },
    columns: [
      { name: 'id', type: HiveTypes.int },
      { name: 'Amount', type: decimalType(10, 2), comment: 'money' },
      { name: 's', type: structType([{ name: 'x', type: HiveTypes.string }]) },
    ],
    ...extra,
  };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as { code?: string }).code ?? 'NO_CODE';
  }
  return 'NO_ERROR';
}

/** The behaviour every {@link Catalog} implementation must share. */
export function catalogContract(name: string, create: CatalogFactory): void {
  describe(`${name} catalog contract`, () => {
    function open(): { catalog: Catalog; warehouse: string } {
      const warehouse = tempWarehouse();
      return { catalog: create(warehouse), warehouse };
    }

    it('starts with the default database at the warehouse root', async () => {
      const { catalog, warehouse } = open();
      expect(await catalog.listDatabases()).toEqual(['default']);
      expect((await catalog.getDatabase('DEFAULT')).location).toBe(warehouse);
      await catalog.close();
    });

    it('creates databases at <warehouse>/<db>.db, names case-insensitive', async () => {
      const { catalog, warehouse } = open();
      expect(await catalog.createDatabase({ name: 'Sales', properties: { a: 'b' } })).toBe('CREATED');
      const db = await catalog.getDatabase('SALES');
      expect(db).toMatchObject({
        name: 'sales',
        location: path.join(warehouse, 'sales.db'),
        properties: { a: 'b' },
      });
      expect(await codeOf(catalog.createDatabase({ name: 'sales' }))).toBe('DATABASE_ALREADY_EXISTS');
      expect(await catalog.createDatabase({ name: 'sAles' }, { ifNotExists: true })).toBe('EXISTED');
      expect(await codeOf(catalog.getDatabase('nope'))).toBe('DATABASE_NOT_FOUND');
      expect(await codeOf(catalog.createDatabase({ name: 'bad-name' }))).toBe('INVALID_ARGUMENT');
      expect(await catalog.listDatabases()).toEqual(['default', 'sales']);
      await catalog.close();
    });

    it('drops databases: refuses non-empty without cascade, deletes managed data with cascade', async () => {
      const { catalog, warehouse } = open();
      await catalog.createDatabase({ name: 'd' });
      await catalog.createTable(table('t', { id: { database: 'd', table: 't' } }));
      const dir = path.join(warehouse, 'd.db', 't');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, '000000_0'), '1\n');
      expect(await codeOf(catalog.dropDatabase('d'))).toBe('DATABASE_NOT_EMPTY');
      expect(await catalog.dropDatabase('D', { cascade: true })).toBe('DROPPED');
      expect(existsSync(dir)).toBe(false);
      expect(await catalog.listDatabases()).toEqual(['default']);
      expect(await codeOf(catalog.dropDatabase('d'))).toBe('DATABASE_NOT_FOUND');
      expect(await catalog.dropDatabase('d', { ifExists: true })).toBe('ABSENT');
      expect(await codeOf(catalog.dropDatabase('default'))).toBe('INVALID_ARGUMENT');
      await catalog.close();
    });

    it('never deletes the warehouse with a database located at its root', async () => {
      const { catalog, warehouse } = open();
      await catalog.createDatabase({ name: 'rooted', location: warehouse });
      writeFileSync(path.join(warehouse, 'keep'), 'x');
      expect(await catalog.dropDatabase('rooted')).toBe('DROPPED');
      expect(existsSync(path.join(warehouse, 'keep'))).toBe(true);
      expect(await catalog.listDatabases()).toEqual(['default']);
      await catalog.close();
    });

    it('stores every part of a table and derives Hive default locations', async () => {
      const { catalog, warehouse } = open();
      await catalog.createDatabase({ name: 'x' });
      const def = table('Orders', {
        id: { database: 'X', table: 'Orders' },
        partitionKeys: [{ name: 'ds', type: HiveTypes.string }],
        storage: {
          format: 'orc',
          serde: 'org.apache.hadoop.hive.ql.io.orc.OrcSerde',
          serdeProperties: { k: 'v' },
        },
        properties: { p: '1' },
        statistics: { numRows: 3, totalSize: 99 },
        comment: 'c',
      });
      expect(await catalog.createTable(def)).toBe('CREATED');
      const t = await catalog.getTable({ database: 'x', table: 'ORDERS' });
      expect(t).toMatchObject({
        id: { database: 'x', table: 'orders' },
        columns: def.columns,
        partitionKeys: def.partitionKeys,
        location: path.join(warehouse, 'x.db', 'orders'),
        tableType: 'MANAGED_TABLE',
        storage: {
          format: 'ORC',
          serde: 'org.apache.hadoop.hive.ql.io.orc.OrcSerde',
          serdeProperties: { k: 'v' },
        },
        properties: { p: '1' },
        statistics: { numRows: 3, totalSize: 99 },
        comment: 'c',
      });
      await catalog.createTable(table('plain'));
      const plain = await catalog.getTable({ database: 'default', table: 'plain' });
      expect(plain.location).toBe(path.join(warehouse, 'plain'));
      expect(plain.storage.format).toBe('TEXTFILE');
      expect(plain.storage.serde).toBe('org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe');
      expect(await catalog.listTables('X')).toEqual(['orders']);
      await catalog.close();
    });

    it('rejects duplicates, missing databases, bad names and duplicate columns', async () => {
      const { catalog } = open();
      await catalog.createTable(table('t', { properties: { v: '1' } }));
      expect(await codeOf(catalog.createTable(table('T')))).toBe('TABLE_ALREADY_EXISTS');
      expect(await catalog.createTable(table('t', { properties: { v: '2' } }), { ifNotExists: true })).toBe(
        'EXISTED',
      );
      expect((await catalog.getTable({ database: 'default', table: 't' })).properties).toEqual({ v: '1' });
      expect(await codeOf(catalog.createTable(table('u', { id: { database: 'nodb', table: 'u' } })))).toBe(
        'DATABASE_NOT_FOUND',
      );
      expect(await codeOf(catalog.createTable(table('a b')))).toBe('INVALID_ARGUMENT');
      expect(
        await codeOf(
          catalog.createTable(
            table('dup', {
              columns: [
                { name: 'a', type: HiveTypes.int },
                { name: 'A', type: HiveTypes.int },
              ],
            }),
          ),
        ),
      ).toBe('INVALID_ARGUMENT');
      expect(await codeOf(catalog.getTable({ database: 'default', table: 'zz' }))).toBe('TABLE_NOT_FOUND');
      expect(await catalog.findTable({ database: 'default', table: 'zz' })).toBeUndefined();
      await catalog.close();
    });

    it('drop deletes a managed table’s data and keeps an external table’s', async () => {
      const { catalog, warehouse } = open();
      const extDir = path.join(warehouse, 'ext-data');
      mkdirSync(extDir);
      writeFileSync(path.join(extDir, 'f'), 'x');
      await catalog.createTable(table('ext', { tableType: 'EXTERNAL_TABLE', location: extDir }));
      await catalog.createTable(table('man'));
      const manDir = path.join(warehouse, 'man');
      mkdirSync(manDir);
      writeFileSync(path.join(manDir, 'f'), 'x');
      expect(await catalog.dropTable({ database: 'default', table: 'EXT' })).toBe('DROPPED');
      expect(await catalog.dropTable({ database: 'default', table: 'man' })).toBe('DROPPED');
      expect(existsSync(path.join(extDir, 'f'))).toBe(true);
      expect(existsSync(manDir)).toBe(false);
      expect(await catalog.listTables('default')).toEqual([]);
      expect(await codeOf(catalog.dropTable({ database: 'default', table: 'man' }))).toBe('TABLE_NOT_FOUND');
      expect(await catalog.dropTable({ database: 'default', table: 'man' }, { ifExists: true })).toBe(
        'ABSENT',
      );
      await catalog.close();
    });

    it('drops with an owner token only the table that token created', async () => {
      const { catalog } = open();
      await catalog.createTable(table('t', { properties: { [CTAS_OWNER_PROPERTY]: 'job-1' } }));
      const id = { database: 'default', table: 't' };
      expect(await catalog.dropTable(id, { expectOwnerToken: 'job-2' })).toBe('OWNER_MISMATCH');
      expect(await catalog.findTable(id)).toBeDefined();
      expect(await catalog.dropTable(id, { expectOwnerToken: 'job-1' })).toBe('DROPPED');
      expect(await catalog.findTable(id)).toBeUndefined();
    });

    it('rolls the creation back when the in-transaction action or the journal check fails', async () => {
      const { catalog } = open();
      const boom = new Error('move failed');
      await expect(
        catalog.createTable(table('t'), {
          inTransaction: () => {
            throw boom;
          },
        }),
      ).rejects.toBe(boom);
      expect(await catalog.findTable({ database: 'default', table: 't' })).toBeUndefined();
      await catalog.writeJournal({ entry: { id: 'j', kind: 'k', state: 'A', payload: null } });
      expect(
        await codeOf(
          catalog.createTable(table('t'), {
            journal: { entry: { id: 'j', kind: 'k', state: 'C', payload: null }, expectState: 'B' },
          }),
        ),
      ).toBe('COMMIT_CONFLICT');
      expect(await catalog.findTable({ database: 'default', table: 't' })).toBeUndefined();
      expect((await catalog.readJournal('j'))?.state).toBe('A');
      await catalog.createTable(table('t'), {
        journal: { entry: { id: 'j', kind: 'k', state: 'C', payload: { n: 1 } }, expectState: 'A' },
      });
      expect(await catalog.readJournal('j')).toEqual({ id: 'j', kind: 'k', state: 'C', payload: { n: 1 } });
    });

    it('journal writes are compare-and-set', async () => {
      const { catalog } = open();
      await catalog.writeJournal({
        entry: { id: 'b', kind: 'ctas', state: 'P', payload: [1] },
        expectState: null,
      });
      expect(
        await codeOf(
          catalog.writeJournal({
            entry: { id: 'b', kind: 'ctas', state: 'P', payload: [] },
            expectState: null,
          }),
        ),
      ).toBe('COMMIT_CONFLICT');
      await catalog.writeJournal({
        entry: { id: 'a', kind: 'ctas', state: 'Q', payload: {} },
        expectState: null,
      });
      await catalog.writeJournal({ entry: { id: 'c', kind: 'other', state: 'Q', payload: {} } });
      expect((await catalog.listJournal('ctas')).map((e) => e.id)).toEqual(['a', 'b']);
      expect(await catalog.readJournal('zz')).toBeUndefined();
    });

    it('manages partitions with Hive names, escaping and the default partition', async () => {
      const { catalog, warehouse } = open();
      const id = { database: 'default', table: 'p' };
      await catalog.createTable(
        table('p', {
          partitionKeys: [
            { name: 'DS', type: HiveTypes.string },
            { name: 'hr', type: HiveTypes.string },
          ],
        }),
      );
      expect(
        await catalog.addPartition(id, { values: ['2024-01-01', '0:1'], statistics: { numRows: 5 } }),
      ).toBe('CREATED');
      expect(await catalog.addPartition(id, { values: ['2024-01-02', null] })).toBe('CREATED');
      const p = await catalog.getPartition(id, ['2024-01-01', '0:1']);
      expect(p).toMatchObject({
        name: 'ds=2024-01-01/hr=0%3A1',
        location: path.join(warehouse, 'p', 'ds=2024-01-01', 'hr=0%3A1'),
        statistics: { numRows: 5 },
      });
      expect((await catalog.listPartitions(id)).map((x) => x.name)).toEqual([
        'ds=2024-01-01/hr=0%3A1',
        'ds=2024-01-02/hr=__HIVE_DEFAULT_PARTITION__',
      ]);
      expect(await codeOf(catalog.addPartition(id, { values: ['2024-01-01', '0:1'] }))).toBe(
        'PARTITION_ALREADY_EXISTS',
      );
      expect(await catalog.addPartition(id, { values: ['2024-01-01', '0:1'] }, { ifNotExists: true })).toBe(
        'EXISTED',
      );
      expect(await codeOf(catalog.addPartition(id, { values: ['x'] }))).toBe('INVALID_ARGUMENT');
      mkdirSync(p.location, { recursive: true });
      expect(await catalog.dropPartition(id, ['2024-01-01', '0:1'])).toBe('DROPPED');
      expect(existsSync(p.location)).toBe(false);
      expect(await codeOf(catalog.getPartition(id, ['2024-01-01', '0:1']))).toBe('PARTITION_NOT_FOUND');
      expect(await catalog.dropPartition(id, ['2024-01-01', '0:1'], { ifExists: true })).toBe('ABSENT');
      expect(
        await codeOf(catalog.addPartition({ database: 'default', table: 'none' }, { values: ['a'] })),
      ).toBe('TABLE_NOT_FOUND');
    });

    it('stores persistent functions with resource hashes', async () => {
      const { catalog } = open();
      const sha = 'a'.repeat(64);
      const def = {
        id: { database: 'default', name: 'My_Upper' },
        className: 'my-udfs#myUpper',
        resources: [{ type: 'npm' as const, uri: 'file:///r/my-udfs-1.0.0.tgz', sha256: sha }],
      };
      expect(await catalog.createFunction(def)).toBe('CREATED');
      expect(await catalog.getFunction({ database: 'DEFAULT', name: 'my_upper' })).toMatchObject({
        id: { database: 'default', name: 'my_upper' },
        className: 'my-udfs#myUpper',
        resources: def.resources,
      });
      expect(await codeOf(catalog.createFunction(def))).toBe('FUNCTION_ALREADY_EXISTS');
      expect(await catalog.createFunction(def, { ifNotExists: true })).toBe('EXISTED');
      expect(
        await codeOf(
          catalog.createFunction({
            ...def,
            id: { database: 'default', name: 'f2' },
            resources: [{ type: 'file', uri: 'x', sha256: 'xyz' }],
          }),
        ),
      ).toBe('INVALID_ARGUMENT');
      expect(await catalog.listFunctions('default')).toEqual(['my_upper']);
      expect(await catalog.dropFunction({ database: 'default', name: 'MY_UPPER' })).toBe('DROPPED');
      expect(await codeOf(catalog.getFunction({ database: 'default', name: 'my_upper' }))).toBe(
        'FUNCTION_NOT_FOUND',
      );
      expect(await catalog.dropFunction({ database: 'default', name: 'my_upper' }, { ifExists: true })).toBe(
        'ABSENT',
      );
    });

    it('alters statistics and merges properties', async () => {
      const { catalog } = open();
      const id = { database: 'default', table: 't' };
      await catalog.createTable(table('t', { properties: { a: '1' }, statistics: { numRows: 1 } }));
      await catalog.alterTable(id, { statistics: { numRows: 7, numFiles: 2 }, properties: { b: '2' } });
      const t = await catalog.getTable(id);
      expect(t.statistics).toEqual({ numRows: 7, numFiles: 2 });
      expect(t.properties).toEqual({ a: '1', b: '2' });
      expect(await codeOf(catalog.alterTable({ database: 'default', table: 'none' }, {}))).toBe(
        'TABLE_NOT_FOUND',
      );
    });

    it('alters an existing partition’s statistics, keeping its location and creation time', async () => {
      const { catalog } = open();
      const id = { database: 'default', table: 'p' };
      await catalog.createTable(table('p', { partitionKeys: [{ name: 'ds', type: HiveTypes.string }] }));
      await catalog.addPartition(id, { values: ['a'], statistics: { numFiles: 1, numRows: 2 } });
      await catalog.addPartition(id, { values: [null], statistics: { numRows: 9 } });
      const before = await catalog.getPartition(id, ['a']);
      const stats = { numFiles: 3, numRows: 10, totalSize: 120, rawDataSize: 100 };
      await catalog.alterPartition({ database: 'DEFAULT', table: 'P' }, ['a'], { statistics: stats });
      (stats as { numRows: number }).numRows = -1; // the caller's object is not stored
      const after = await catalog.getPartition(id, ['a']);
      expect(after).toEqual({
        ...before,
        statistics: { numFiles: 3, numRows: 10, totalSize: 120, rawDataSize: 100 },
      });
      // An empty change changes nothing; the other partition is untouched; `null` is the default partition.
      await catalog.alterPartition(id, ['a'], {});
      expect((await catalog.getPartition(id, ['a'])).statistics.numRows).toBe(10);
      expect((await catalog.getPartition(id, [null])).statistics).toEqual({ numRows: 9 });
      await catalog.alterPartition(id, [null], { statistics: { numRows: 0 } });
      expect((await catalog.getPartition(id, [''])).statistics).toEqual({ numRows: 0 });
      expect((await catalog.listPartitions(id)).map((p) => p.statistics.numRows)).toEqual([0, 10]);
    });

    it('refuses to alter a missing partition, a missing table or with the wrong number of values', async () => {
      const { catalog } = open();
      const id = { database: 'default', table: 'p' };
      await catalog.createTable(table('p', { partitionKeys: [{ name: 'ds', type: HiveTypes.string }] }));
      await catalog.createTable(table('flat'));
      expect(await codeOf(catalog.alterPartition(id, ['nope'], { statistics: { numRows: 1 } }))).toBe(
        'PARTITION_NOT_FOUND',
      );
      // Not created by the failed call.
      expect(await catalog.listPartitions(id)).toEqual([]);
      expect(await codeOf(catalog.alterPartition({ database: 'default', table: 'none' }, ['a'], {}))).toBe(
        'TABLE_NOT_FOUND',
      );
      await catalog.addPartition(id, { values: ['a'] });
      expect(await codeOf(catalog.alterPartition(id, ['a', 'b'], {}))).toBe('INVALID_ARGUMENT');
      expect(await codeOf(catalog.alterPartition({ database: 'default', table: 'flat' }, ['a'], {}))).toBe(
        'INVALID_ARGUMENT',
      );
      expect((await catalog.getPartition(id, ['a'])).statistics).toEqual({});
      await catalog.close();
      expect(await codeOf(catalog.alterPartition(id, ['a'], {}))).toBe('METASTORE_ERROR');
    });

    it('serializes concurrent partition alters: the last committed statistics win whole', async () => {
      const { catalog } = open();
      const id = { database: 'default', table: 'p' };
      await catalog.createTable(table('p', { partitionKeys: [{ name: 'ds', type: HiveTypes.string }] }));
      await catalog.addPartition(id, { values: ['a'] });
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          catalog.alterPartition(id, ['a'], { statistics: { numFiles: i, numRows: i * 10 } }),
        ),
      );
      const { statistics } = await catalog.getPartition(id, ['a']);
      expect(statistics.numRows).toBe((statistics.numFiles ?? -1) * 10);
    });

    it('lets exactly one of many concurrent creators of a name win', async () => {
      const { catalog } = open();
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, () => catalog.createTable(table('race'))),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const codes = results.flatMap((r) =>
        r.status === 'rejected' ? [(r.reason as { code: string }).code] : [],
      );
      expect(codes).toEqual(Array.from({ length: 7 }, () => 'TABLE_ALREADY_EXISTS'));
    });

    it('matches a set model under random create/drop sequences', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.record({ drop: fc.boolean(), name: fc.constantFrom('a', 'B', 'b', 'c', 'C', 'd') }), {
            maxLength: 20,
          }),
          async (ops) => {
            const { catalog } = open();
            const model = new Set<string>();
            for (const op of ops) {
              const key = op.name.toLowerCase();
              const id = { database: 'default', table: op.name };
              const existed = model.has(key);
              const r = op.drop
                ? await catalog.dropTable(id, { ifExists: true })
                : await catalog.createTable(table(op.name), { ifNotExists: true });
              const expected = op.drop ? (existed ? 'DROPPED' : 'ABSENT') : existed ? 'EXISTED' : 'CREATED';
              expect(r).toBe(expected);
              if (op.drop) model.delete(key);
              else model.add(key);
            }
            expect(await catalog.listTables('default')).toEqual([...model].sort());
            await catalog.close();
          },
        ),
        { numRuns: 25 },
      );
    });

    it('fails every call after close', async () => {
      const { catalog } = open();
      await catalog.close();
      expect(await codeOf(catalog.listDatabases())).toBe('METASTORE_ERROR');
    });
  });
}
