import type { CatalogFunction, Database, JournalEntry, Partition, Table } from '../catalog';

/**
 * The storage under a catalog: plain synchronous reads and writes of whole records, keyed by lower-case
 * names. All Hive semantics live in `StoreCatalog`, so the SQLite and in-memory metastores cannot drift.
 */
export interface MetastoreBackend {
  /** Runs `fn` as one exclusive transaction: all of its writes happen, or none (also if `fn` throws). */
  transaction<TResult>(fn: () => TResult): TResult;

  getDatabase(name: string): Database | undefined;
  putDatabase(db: Database): void;
  deleteDatabase(name: string): void;
  listDatabases(): string[];

  getTable(database: string, table: string): Table | undefined;
  putTable(table: Table): void;
  deleteTable(database: string, table: string): void;
  listTables(database: string): string[];

  getPartition(database: string, table: string, name: string): Partition | undefined;
  putPartition(partition: Partition): void;
  deletePartition(database: string, table: string, name: string): void;
  listPartitions(database: string, table: string): Partition[];

  getFunction(database: string, name: string): CatalogFunction | undefined;
  putFunction(fn: CatalogFunction): void;
  deleteFunction(database: string, name: string): void;
  listFunctions(database: string): string[];

  getJournal(id: string): JournalEntry | undefined;
  putJournal(entry: JournalEntry): void;
  listJournal(kind: string): JournalEntry[];

  close(): void;
}
