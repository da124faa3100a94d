import { rmSync } from 'node:fs';
import path from 'node:path';
import { HiveBatchError } from '@hive-batch/core';
import type {
  AddPartitionOptions,
  AlterPartitionChange,
  AlterTableChange,
  Catalog,
  CatalogFunction,
  CreateDatabaseOptions,
  CreateFunctionOptions,
  CreateTableOptions,
  Database,
  DatabaseDefinition,
  DropDatabaseOptions,
  DropFunctionOptions,
  DropPartitionOptions,
  DropTableOptions,
  FunctionDefinition,
  FunctionId,
  JournalEntry,
  JournalWrite,
  Partition,
  PartitionDefinition,
  Table,
  TableDefinition,
  TableId,
} from '../catalog';
import { CTAS_OWNER_PROPERTY } from '../catalog';
import type { MetastoreBackend } from './metastore-backend';
import {
  DEFAULT_PARTITION_NAME,
  formatTableId,
  normalizeName,
  normalizeTableId,
  partitionName,
} from './names';

const DEFAULT_DATABASE = 'default';
const DEFAULT_SERDE = 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe';

/** The one implementation of Hive catalog semantics, over any {@link MetastoreBackend}. */
export class StoreCatalog implements Catalog {
  readonly warehouse: string;
  readonly #backend: MetastoreBackend;
  #closed = false;

  constructor(warehouse: string, backend: MetastoreBackend) {
    this.warehouse = path.resolve(warehouse);
    this.#backend = backend;
    // Like Hive's metastore init: the default database always exists, located at the warehouse root.
    this.#tx(() => {
      if (backend.getDatabase(DEFAULT_DATABASE) == null) {
        backend.putDatabase({
          name: DEFAULT_DATABASE,
          location: this.warehouse,
          comment: 'Default Hive database',
          properties: {},
        });
      }
    });
  }

  #tx<TResult>(fn: () => TResult): TResult {
    if (this.#closed) throw new HiveBatchError('METASTORE_ERROR', 'The catalog is closed');
    return this.#backend.transaction(fn);
  }

  #requireDatabase(name: string): Database {
    const db = this.#backend.getDatabase(name);
    if (db == null) throw new HiveBatchError('DATABASE_NOT_FOUND', `Database does not exist: ${name}`);
    return db;
  }

  #requireTable(id: TableId): Table {
    this.#requireDatabase(id.database);
    const t = this.#backend.getTable(id.database, id.table);
    if (t == null) throw new HiveBatchError('TABLE_NOT_FOUND', `Table not found: ${formatTableId(id)}`);
    return t;
  }

  #applyJournal(write: JournalWrite | undefined): void {
    if (write == null) return;
    const current = this.#backend.getJournal(write.entry.id);
    if (write.expectState !== undefined) {
      const actual = current?.state ?? null;
      if (actual !== write.expectState) {
        throw new HiveBatchError(
          'COMMIT_CONFLICT',
          `Journal entry ${write.entry.id} is in state ${String(actual)}, expected ${String(write.expectState)}`,
        );
      }
    }
    this.#backend.putJournal(cloneJson(write.entry));
  }

  async createDatabase(
    definition: DatabaseDefinition,
    options: CreateDatabaseOptions = {},
  ): Promise<'CREATED' | 'EXISTED'> {
    await Promise.resolve();
    const name = normalizeName(definition.name, 'database');
    return this.#tx(() => {
      if (this.#backend.getDatabase(name) != null) {
        if (options.ifNotExists === true) return 'EXISTED';
        throw new HiveBatchError('DATABASE_ALREADY_EXISTS', `Database ${name} already exists`);
      }
      const location =
        definition.location != null
          ? path.resolve(definition.location)
          : path.join(this.warehouse, `${name}.db`);
      this.#backend.putDatabase({
        name,
        location,
        ...(definition.comment != null ? { comment: definition.comment } : {}),
        properties: { ...definition.properties },
      });
      return 'CREATED';
    });
  }

  async getDatabase(name: string): Promise<Database> {
    await Promise.resolve();
    const n = normalizeName(name, 'database');
    return this.#tx(() => this.#requireDatabase(n));
  }

  async listDatabases(): Promise<string[]> {
    await Promise.resolve();
    return this.#tx(() => this.#backend.listDatabases());
  }

  async dropDatabase(name: string, options: DropDatabaseOptions = {}): Promise<'DROPPED' | 'ABSENT'> {
    await Promise.resolve();
    const n = normalizeName(name, 'database');
    if (n === DEFAULT_DATABASE) {
      throw new HiveBatchError('INVALID_ARGUMENT', 'Can not drop the default database');
    }
    const removed: { db: Database; dataDirs: string[] } | undefined = this.#tx(() => {
      const db = this.#backend.getDatabase(n);
      if (db == null) {
        if (options.ifExists === true) return undefined;
        throw new HiveBatchError('DATABASE_NOT_FOUND', `Database does not exist: ${n}`);
      }
      const tables = this.#backend.listTables(n);
      const functions = this.#backend.listFunctions(n);
      if ((tables.length > 0 || functions.length > 0) && options.cascade !== true) {
        throw new HiveBatchError('DATABASE_NOT_EMPTY', `Database ${n} is not empty (use cascade)`);
      }
      const dataDirs: string[] = [];
      for (const t of tables) dataDirs.push(...this.#deleteTableMetadata({ database: n, table: t }));
      for (const f of functions) this.#backend.deleteFunction(n, f);
      this.#backend.deleteDatabase(n);
      return { db, dataDirs };
    });
    if (removed == null) return 'ABSENT';
    // Hive deletes the database directory with the database (its managed tables live inside it), but a
    // database placed at or above the warehouse root must never take the warehouse (and metastore) with it.
    const dbDir = removed.db.location;
    const holdsWarehouse = !path.relative(dbDir, this.warehouse).startsWith('..');
    removeDirectories([...removed.dataDirs, ...(holdsWarehouse ? [] : [dbDir])], `database ${n}`);
    return 'DROPPED';
  }

  async createTable(
    definition: TableDefinition,
    options: CreateTableOptions = {},
  ): Promise<'CREATED' | 'EXISTED'> {
    await Promise.resolve();
    const id = normalizeTableId(definition.id);
    validateColumns(definition);
    return this.#tx(() => {
      const db = this.#requireDatabase(id.database);
      if (this.#backend.getTable(id.database, id.table) != null) {
        if (options.ifNotExists === true) return 'EXISTED';
        throw new HiveBatchError('TABLE_ALREADY_EXISTS', `Table ${formatTableId(id)} already exists`);
      }
      const table: Table = {
        id,
        columns: cloneJson(definition.columns),
        partitionKeys: cloneJson(definition.partitionKeys ?? []),
        location:
          definition.location != null ? path.resolve(definition.location) : path.join(db.location, id.table),
        tableType: definition.tableType ?? 'MANAGED_TABLE',
        storage: {
          format: (definition.storage?.format ?? 'TEXTFILE').toUpperCase(),
          serde: definition.storage?.serde ?? DEFAULT_SERDE,
          serdeProperties: { ...definition.storage?.serdeProperties },
        },
        properties: { ...definition.properties },
        statistics: { ...definition.statistics },
        ...(definition.comment != null ? { comment: definition.comment } : {}),
        createTime: Date.now(),
      };
      this.#backend.putTable(table);
      this.#applyJournal(options.journal);
      options.inTransaction?.();
      return 'CREATED';
    });
  }

  async getTable(id: TableId): Promise<Table> {
    await Promise.resolve();
    const n = normalizeTableId(id);
    return this.#tx(() => this.#requireTable(n));
  }

  async findTable(id: TableId): Promise<Table | undefined> {
    await Promise.resolve();
    const n = normalizeTableId(id);
    return this.#tx(() => this.#backend.getTable(n.database, n.table));
  }

  async listTables(database: string): Promise<string[]> {
    await Promise.resolve();
    const n = normalizeName(database, 'database');
    return this.#tx(() => {
      this.#requireDatabase(n);
      return this.#backend.listTables(n);
    });
  }

  async alterTable(id: TableId, change: AlterTableChange): Promise<void> {
    await Promise.resolve();
    const n = normalizeTableId(id);
    this.#tx(() => {
      const t = this.#requireTable(n);
      this.#backend.putTable({
        ...t,
        statistics: change.statistics != null ? { ...change.statistics } : t.statistics,
        properties: { ...t.properties, ...change.properties },
      });
    });
  }

  /** Deletes the table's metadata and returns the directories whose data must go with it. */
  #deleteTableMetadata(id: TableId): string[] {
    const t = this.#requireTable(id);
    const partitions = this.#backend.listPartitions(id.database, id.table);
    for (const p of partitions) this.#backend.deletePartition(id.database, id.table, p.name);
    this.#backend.deleteTable(id.database, id.table);
    if (t.tableType !== 'MANAGED_TABLE') return [];
    return [t.location, ...partitions.map((p) => p.location)];
  }

  async dropTable(
    id: TableId,
    options: DropTableOptions = {},
  ): Promise<'DROPPED' | 'ABSENT' | 'OWNER_MISMATCH'> {
    await Promise.resolve();
    const n = normalizeTableId(id);
    const outcome = this.#tx(
      (): { result: 'ABSENT' | 'OWNER_MISMATCH' } | { result: 'DROPPED'; dirs: string[] } => {
        this.#requireDatabase(n.database);
        const t = this.#backend.getTable(n.database, n.table);
        if (t == null) {
          if (options.ifExists !== true) {
            throw new HiveBatchError('TABLE_NOT_FOUND', `Table not found: ${formatTableId(n)}`);
          }
          this.#applyJournal(options.journal);
          return { result: 'ABSENT' };
        }
        if (
          options.expectOwnerToken != null &&
          t.properties[CTAS_OWNER_PROPERTY] !== options.expectOwnerToken
        ) {
          this.#applyJournal(options.journal);
          return { result: 'OWNER_MISMATCH' };
        }
        const dirs = this.#deleteTableMetadata(n);
        this.#applyJournal(options.journal);
        return { result: 'DROPPED', dirs };
      },
    );
    if (outcome.result !== 'DROPPED') return outcome.result;
    // Data goes after the metadata, as in Hive: a reader never sees a table whose files are half deleted.
    removeDirectories(outcome.dirs, `table ${formatTableId(n)}`);
    return 'DROPPED';
  }

  #partitionOf(t: Table, values: readonly (string | null)[]): { values: string[]; name: string } {
    if (t.partitionKeys.length === 0) {
      throw new HiveBatchError('INVALID_ARGUMENT', `Table ${formatTableId(t.id)} is not partitioned`);
    }
    if (values.length !== t.partitionKeys.length) {
      throw new HiveBatchError(
        'INVALID_ARGUMENT',
        `Table ${formatTableId(t.id)} has ${t.partitionKeys.length} partition keys, got ${values.length} values`,
      );
    }
    const vs = values.map((v) => (v == null || v === '' ? DEFAULT_PARTITION_NAME : v));
    return {
      values: vs,
      name: partitionName(
        t.partitionKeys.map((k) => k.name),
        vs,
      ),
    };
  }

  async addPartition(
    id: TableId,
    definition: PartitionDefinition,
    options: AddPartitionOptions = {},
  ): Promise<'CREATED' | 'EXISTED'> {
    await Promise.resolve();
    const n = normalizeTableId(id);
    return this.#tx(() => {
      const t = this.#requireTable(n);
      const { values, name } = this.#partitionOf(t, definition.values);
      if (this.#backend.getPartition(n.database, n.table, name) != null) {
        if (options.ifNotExists === true) return 'EXISTED';
        throw new HiveBatchError(
          'PARTITION_ALREADY_EXISTS',
          `Partition ${name} of ${formatTableId(n)} exists`,
        );
      }
      this.#backend.putPartition({
        table: n,
        values,
        name,
        location:
          definition.location != null
            ? path.resolve(definition.location)
            : path.join(t.location, ...name.split('/')),
        statistics: { ...definition.statistics },
        createTime: Date.now(),
      });
      return 'CREATED';
    });
  }

  async getPartition(id: TableId, values: readonly (string | null)[]): Promise<Partition> {
    await Promise.resolve();
    const n = normalizeTableId(id);
    return this.#tx(() => {
      const t = this.#requireTable(n);
      const { name } = this.#partitionOf(t, values);
      const p = this.#backend.getPartition(n.database, n.table, name);
      if (p == null)
        throw new HiveBatchError('PARTITION_NOT_FOUND', `Partition ${name} of ${formatTableId(n)} not found`);
      return p;
    });
  }

  async alterPartition(
    id: TableId,
    values: readonly (string | null)[],
    change: AlterPartitionChange,
  ): Promise<void> {
    await Promise.resolve();
    const n = normalizeTableId(id);
    this.#tx(() => {
      const t = this.#requireTable(n);
      const { name } = this.#partitionOf(t, values);
      const p = this.#backend.getPartition(n.database, n.table, name);
      if (p == null)
        throw new HiveBatchError('PARTITION_NOT_FOUND', `Partition ${name} of ${formatTableId(n)} not found`);
      this.#backend.putPartition({
        ...p,
        statistics: change.statistics != null ? { ...change.statistics } : p.statistics,
      });
    });
  }

  async listPartitions(id: TableId): Promise<Partition[]> {
    await Promise.resolve();
    const n = normalizeTableId(id);
    return this.#tx(() => {
      this.#requireTable(n);
      return this.#backend.listPartitions(n.database, n.table);
    });
  }

  async dropPartition(
    id: TableId,
    values: readonly (string | null)[],
    options: DropPartitionOptions = {},
  ): Promise<'DROPPED' | 'ABSENT'> {
    await Promise.resolve();
    const n = normalizeTableId(id);
    const dir = this.#tx((): string | null | undefined => {
      const t = this.#requireTable(n);
      const { name } = this.#partitionOf(t, values);
      const p = this.#backend.getPartition(n.database, n.table, name);
      if (p == null) {
        if (options.ifExists === true) return undefined;
        throw new HiveBatchError('PARTITION_NOT_FOUND', `Partition ${name} of ${formatTableId(n)} not found`);
      }
      this.#backend.deletePartition(n.database, n.table, name);
      return t.tableType === 'MANAGED_TABLE' ? p.location : null;
    });
    if (dir === undefined) return 'ABSENT';
    if (dir != null) removeDirectories([dir], `partition of ${formatTableId(n)}`);
    return 'DROPPED';
  }

  async createFunction(
    definition: FunctionDefinition,
    options: CreateFunctionOptions = {},
  ): Promise<'CREATED' | 'EXISTED'> {
    await Promise.resolve();
    const id = normalizeFunctionId(definition.id);
    if (definition.className.length === 0) {
      throw new HiveBatchError('INVALID_ARGUMENT', `Function ${id.database}.${id.name} needs a class name`);
    }
    for (const r of definition.resources ?? []) {
      if (r.sha256 != null && !/^[0-9a-f]{64}$/.test(r.sha256)) {
        throw new HiveBatchError(
          'INVALID_ARGUMENT',
          `Resource ${r.uri}: sha256 must be 64 lower-case hex digits`,
        );
      }
    }
    return this.#tx(() => {
      this.#requireDatabase(id.database);
      if (this.#backend.getFunction(id.database, id.name) != null) {
        if (options.ifNotExists === true) return 'EXISTED';
        throw new HiveBatchError(
          'FUNCTION_ALREADY_EXISTS',
          `Function ${id.database}.${id.name} already exists`,
        );
      }
      const fn: CatalogFunction = {
        id,
        className: definition.className,
        resources: cloneJson(definition.resources ?? []),
        createTime: Date.now(),
      };
      this.#backend.putFunction(fn);
      return 'CREATED';
    });
  }

  async getFunction(id: FunctionId): Promise<CatalogFunction> {
    await Promise.resolve();
    const n = normalizeFunctionId(id);
    return this.#tx(() => {
      const f = this.#backend.getFunction(n.database, n.name);
      if (f == null)
        throw new HiveBatchError('FUNCTION_NOT_FOUND', `Function ${n.database}.${n.name} not found`);
      return f;
    });
  }

  async listFunctions(database: string): Promise<string[]> {
    await Promise.resolve();
    const n = normalizeName(database, 'database');
    return this.#tx(() => {
      this.#requireDatabase(n);
      return this.#backend.listFunctions(n);
    });
  }

  async dropFunction(id: FunctionId, options: DropFunctionOptions = {}): Promise<'DROPPED' | 'ABSENT'> {
    await Promise.resolve();
    const n = normalizeFunctionId(id);
    return this.#tx(() => {
      if (this.#backend.getFunction(n.database, n.name) == null) {
        if (options.ifExists === true) return 'ABSENT';
        throw new HiveBatchError('FUNCTION_NOT_FOUND', `Function ${n.database}.${n.name} not found`);
      }
      this.#backend.deleteFunction(n.database, n.name);
      return 'DROPPED';
    });
  }

  async writeJournal(write: JournalWrite): Promise<void> {
    await Promise.resolve();
    this.#tx(() => this.#applyJournal(write));
  }

  async readJournal(id: string): Promise<JournalEntry | undefined> {
    await Promise.resolve();
    return this.#tx(() => this.#backend.getJournal(id));
  }

  async listJournal(kind: string): Promise<JournalEntry[]> {
    await Promise.resolve();
    return this.#tx(() => this.#backend.listJournal(kind));
  }

  async close(): Promise<void> {
    await Promise.resolve();
    if (this.#closed) return;
    this.#closed = true;
    this.#backend.close();
  }
}

function normalizeFunctionId(id: FunctionId): FunctionId {
  return { database: normalizeName(id.database, 'database'), name: normalizeName(id.name, 'function') };
}

function validateColumns(definition: TableDefinition): void {
  const seen = new Set<string>();
  for (const f of [...definition.columns, ...(definition.partitionKeys ?? [])]) {
    const key = f.name.toLowerCase();
    if (key.length === 0) throw new HiveBatchError('INVALID_ARGUMENT', 'Column names must not be empty');
    if (seen.has(key)) {
      throw new HiveBatchError(
        'INVALID_ARGUMENT',
        `Duplicate column name \`${f.name}\` in ${formatTableId(definition.id)}`,
      );
    }
    seen.add(key);
  }
}

function removeDirectories(dirs: readonly string[], what: string): void {
  for (const dir of dirs) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch (cause) {
      throw new HiveBatchError('IO_ERROR', `Dropped ${what} but could not delete its data at ${dir}`, {
        cause,
      });
    }
  }
}

/** Records are stored detached from the caller's objects, so later mutation by the caller changes nothing. */
function cloneJson<TValue>(value: TValue): TValue {
  return JSON.parse(JSON.stringify(value)) as TValue;
}
