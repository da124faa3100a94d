import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { HiveBatchError, isHiveBatchError } from '@hive-batch/core';
import type { CatalogFunction, Database, JournalEntry, Partition, Table } from '../catalog';
import type { MetastoreBackend } from './metastore-backend';
import { applyMigrations } from './migrations';

interface DocRow {
  doc: string;
}
interface NameRow {
  name: string;
}
interface JournalRow {
  id: string;
  kind: string;
  state: string;
  payload: string;
}

function parse<TValue>(row: DocRow | undefined): TValue | undefined {
  return row == null ? undefined : (JSON.parse(row.doc) as TValue);
}

function toMetastoreError(e: unknown): unknown {
  if (isHiveBatchError(e) || !(e instanceof Sqlite.SqliteError)) return e;
  const busy = e.code === 'SQLITE_BUSY' || e.code === 'SQLITE_LOCKED';
  return new HiveBatchError('METASTORE_ERROR', `Metastore error ${e.code}: ${e.message}`, {
    cause: e,
    retryable: busy,
  });
}

/** Options of {@link SqliteBackend}. */
export interface SqliteBackendOptions {
  readonly file: string;
  readonly busyTimeoutMs: number;
}

/** One SQLite file in WAL mode; every transaction is `BEGIN IMMEDIATE`, so writers from all processes serialize. */
export class SqliteBackend implements MetastoreBackend {
  readonly #db: Sqlite.Database;
  readonly #stmt: Map<string, Sqlite.Statement>;

  constructor(options: SqliteBackendOptions) {
    mkdirSync(path.dirname(options.file), { recursive: true });
    try {
      this.#db = new Sqlite(options.file, { timeout: options.busyTimeoutMs });
      // WAL lets readers run beside the one writer; FULL makes a commit durable once the call returns.
      this.#db.pragma('journal_mode = WAL');
      this.#db.pragma('synchronous = FULL');
      applyMigrations(this.#db);
    } catch (e) {
      throw toMetastoreError(e);
    }
    this.#stmt = new Map();
  }

  #run(sql: string, ...params: unknown[]): void {
    this.#prepare(sql).run(...params);
  }
  #get<TRow>(sql: string, ...params: unknown[]): TRow | undefined {
    return this.#prepare(sql).get(...params) as TRow | undefined;
  }
  #all<TRow>(sql: string, ...params: unknown[]): TRow[] {
    return this.#prepare(sql).all(...params) as TRow[];
  }
  #prepare(sql: string): Sqlite.Statement {
    let s = this.#stmt.get(sql);
    if (s == null) {
      s = this.#db.prepare(sql);
      this.#stmt.set(sql, s);
    }
    return s;
  }

  transaction<TResult>(fn: () => TResult): TResult {
    try {
      return this.#db.transaction(fn).immediate();
    } catch (e) {
      throw toMetastoreError(e);
    }
  }

  getDatabase(name: string): Database | undefined {
    return parse<Database>(this.#get<DocRow>('SELECT doc FROM dbs WHERE name = ?', name));
  }
  putDatabase(db: Database): void {
    this.#run(
      'INSERT OR REPLACE INTO dbs (name, location, doc) VALUES (?, ?, ?)',
      db.name,
      db.location,
      JSON.stringify(db),
    );
  }
  deleteDatabase(name: string): void {
    this.#run('DELETE FROM dbs WHERE name = ?', name);
  }
  listDatabases(): string[] {
    return this.#all<NameRow>('SELECT name FROM dbs ORDER BY name').map((r) => r.name);
  }

  getTable(database: string, table: string): Table | undefined {
    return parse<Table>(
      this.#get<DocRow>('SELECT doc FROM tbls WHERE db_name = ? AND tbl_name = ?', database, table),
    );
  }
  putTable(t: Table): void {
    this.#run(
      'INSERT OR REPLACE INTO tbls (db_name, tbl_name, tbl_type, location, doc) VALUES (?, ?, ?, ?, ?)',
      t.id.database,
      t.id.table,
      t.tableType,
      t.location,
      JSON.stringify(t),
    );
  }
  deleteTable(database: string, table: string): void {
    this.#run('DELETE FROM tbls WHERE db_name = ? AND tbl_name = ?', database, table);
  }
  listTables(database: string): string[] {
    return this.#all<NameRow>(
      'SELECT tbl_name AS name FROM tbls WHERE db_name = ? ORDER BY tbl_name',
      database,
    ).map((r) => r.name);
  }

  getPartition(database: string, table: string, name: string): Partition | undefined {
    return parse<Partition>(
      this.#get<DocRow>(
        'SELECT doc FROM partitions WHERE db_name = ? AND tbl_name = ? AND part_name = ?',
        database,
        table,
        name,
      ),
    );
  }
  putPartition(p: Partition): void {
    this.#run(
      'INSERT OR REPLACE INTO partitions (db_name, tbl_name, part_name, location, doc) VALUES (?, ?, ?, ?, ?)',
      p.table.database,
      p.table.table,
      p.name,
      p.location,
      JSON.stringify(p),
    );
  }
  deletePartition(database: string, table: string, name: string): void {
    this.#run(
      'DELETE FROM partitions WHERE db_name = ? AND tbl_name = ? AND part_name = ?',
      database,
      table,
      name,
    );
  }
  listPartitions(database: string, table: string): Partition[] {
    return this.#all<DocRow>(
      'SELECT doc FROM partitions WHERE db_name = ? AND tbl_name = ? ORDER BY part_name',
      database,
      table,
    ).map((r) => JSON.parse(r.doc) as Partition);
  }

  getFunction(database: string, name: string): CatalogFunction | undefined {
    return parse<CatalogFunction>(
      this.#get<DocRow>('SELECT doc FROM funcs WHERE db_name = ? AND func_name = ?', database, name),
    );
  }
  putFunction(fn: CatalogFunction): void {
    this.#run(
      'INSERT OR REPLACE INTO funcs (db_name, func_name, class_name, doc) VALUES (?, ?, ?, ?)',
      fn.id.database,
      fn.id.name,
      fn.className,
      JSON.stringify(fn),
    );
  }
  deleteFunction(database: string, name: string): void {
    this.#run('DELETE FROM funcs WHERE db_name = ? AND func_name = ?', database, name);
  }
  listFunctions(database: string): string[] {
    return this.#all<NameRow>(
      'SELECT func_name AS name FROM funcs WHERE db_name = ? ORDER BY func_name',
      database,
    ).map((r) => r.name);
  }

  getJournal(id: string): JournalEntry | undefined {
    const r = this.#get<JournalRow>('SELECT id, kind, state, payload FROM journal WHERE id = ?', id);
    return r == null ? undefined : toJournal(r);
  }
  putJournal(e: JournalEntry): void {
    this.#run(
      'INSERT OR REPLACE INTO journal (id, kind, state, payload, update_time) VALUES (?, ?, ?, ?, ?)',
      e.id,
      e.kind,
      e.state,
      JSON.stringify(e.payload),
      Date.now(),
    );
  }
  listJournal(kind: string): JournalEntry[] {
    return this.#all<JournalRow>(
      'SELECT id, kind, state, payload FROM journal WHERE kind = ? ORDER BY id',
      kind,
    ).map(toJournal);
  }

  close(): void {
    this.#db.close();
  }
}

function toJournal(r: JournalRow): JournalEntry {
  return {
    id: r.id,
    kind: r.kind,
    state: r.state,
    payload: JSON.parse(r.payload) as JournalEntry['payload'],
  };
}
