import type { Field } from '@hive-batch/core';

/** A table name qualified by its database. Both parts are case-insensitive and stored lower-case. */
export interface TableId {
  readonly database: string;
  readonly table: string;
}

/** Hive's table types: dropping a managed table deletes its data, dropping an external one does not. */
export type TableType = 'MANAGED_TABLE' | 'EXTERNAL_TABLE';

/** A JSON value, the only thing journal payloads may hold (no functions, no class instances). */
export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [k: string]: JsonValue };

/** How a table's files are laid out and read (Hive's StorageDescriptor, flattened). */
export interface StorageDescriptor {
  /** Hive's `STORED AS` name, upper-case, e.g. `TEXTFILE`, `ORC`, `PARQUET`. Defaults to `TEXTFILE`. */
  readonly format: string;
  /** The SerDe class name. Defaults to `org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe`. */
  readonly serde: string;
  /** SerDe properties such as `field.delim`. Defaults to none. */
  readonly serdeProperties: Readonly<Record<string, string>>;
}

/** Basic statistics Hive keeps in table/partition parameters. All counts; sizes in bytes. */
export interface Statistics {
  readonly numRows?: number;
  readonly numFiles?: number;
  /** Bytes on disk. */
  readonly totalSize?: number;
  /** Bytes of uncompressed row data. */
  readonly rawDataSize?: number;
}

/** Input of {@link Catalog.createDatabase}. */
export interface DatabaseDefinition {
  readonly name: string;
  /** Absolute directory. Defaults to `<warehouse>` for `default`, else `<warehouse>/<name>.db`. */
  readonly location?: string;
  readonly comment?: string;
  /** `DBPROPERTIES`. Defaults to none. */
  readonly properties?: Readonly<Record<string, string>>;
}

/** A database as stored in the metastore. */
export interface Database {
  /** Lower-case name. */
  readonly name: string;
  readonly location: string;
  readonly comment?: string;
  readonly properties: Readonly<Record<string, string>>;
}

/** Input of {@link Catalog.createTable}. */
export interface TableDefinition {
  readonly id: TableId;
  /** Data columns, partition keys excluded. */
  readonly columns: readonly Field[];
  /** Partition keys, in order. Defaults to none (unpartitioned). */
  readonly partitionKeys?: readonly Field[];
  /** Absolute directory. Defaults to `<database location>/<table>`. */
  readonly location?: string;
  /** Defaults to `MANAGED_TABLE`. */
  readonly tableType?: TableType;
  /** Defaults to TEXTFILE with LazySimpleSerDe. */
  readonly storage?: Partial<StorageDescriptor>;
  /** `TBLPROPERTIES`. Defaults to none. */
  readonly properties?: Readonly<Record<string, string>>;
  /** Defaults to none. */
  readonly statistics?: Statistics;
  readonly comment?: string;
}

/** A table as stored in the metastore. */
export interface Table {
  /** Lower-case identifier. */
  readonly id: TableId;
  readonly columns: readonly Field[];
  readonly partitionKeys: readonly Field[];
  readonly location: string;
  readonly tableType: TableType;
  readonly storage: StorageDescriptor;
  readonly properties: Readonly<Record<string, string>>;
  readonly statistics: Statistics;
  readonly comment?: string;
  /** Milliseconds since the epoch. */
  readonly createTime: number;
}

/** Input of {@link Catalog.addPartition}. */
export interface PartitionDefinition {
  /** One value per partition key, in key order; `null` is Hive's default partition. */
  readonly values: readonly (string | null)[];
  /** Absolute directory. Defaults to `<table location>/<k1=v1>/<k2=v2>` with Hive's path escaping. */
  readonly location?: string;
  /** Defaults to none. */
  readonly statistics?: Statistics;
}

/** A partition as stored in the metastore. */
export interface Partition {
  readonly table: TableId;
  /** Values in key order; Hive's default partition is `__HIVE_DEFAULT_PARTITION__`. */
  readonly values: readonly string[];
  /** Hive's partition name, e.g. `ds=2024-01-01/hr=00` (escaped). */
  readonly name: string;
  readonly location: string;
  readonly statistics: Statistics;
  /** Milliseconds since the epoch. */
  readonly createTime: number;
}

/** A resource a persistent function needs, pinned by content hash. */
export interface FunctionResource {
  /** What the URI names: an npm package tarball, a JS module file, or an archive. */
  readonly type: 'npm' | 'file' | 'archive';
  readonly uri: string;
  /** Hex SHA-256 of the resource content, checked when the function is loaded. Defaults to unchecked. */
  readonly sha256?: string;
}

/** A persistent function's name, qualified by its database. */
export interface FunctionId {
  readonly database: string;
  readonly name: string;
}

/** Input of {@link Catalog.createFunction}. */
export interface FunctionDefinition {
  readonly id: FunctionId;
  /** The module export implementing the function (Hive's class name), e.g. `my-udfs#myUpper`. */
  readonly className: string;
  /** Defaults to none. */
  readonly resources?: readonly FunctionResource[];
}

/** A persistent function as stored in the metastore. */
export interface CatalogFunction {
  /** Lower-case identifier. */
  readonly id: FunctionId;
  readonly className: string;
  readonly resources: readonly FunctionResource[];
  /** Milliseconds since the epoch. */
  readonly createTime: number;
}

/** A record of the coordinator's job journal (e.g. a pending CTAS), plain data so a restarted process can finish it. */
export interface JournalEntry {
  readonly id: string;
  /** Which component owns the record, e.g. `ctas`. */
  readonly kind: string;
  /** The component's state name, e.g. `PENDING`. */
  readonly state: string;
  readonly payload: JsonValue;
}

/**
 * A compare-and-set write of a journal entry, done in the same transaction as a catalog change.
 * `expectState: null` means the entry must not exist yet; a string means its state must equal it;
 * omitted means unconditional.
 */
export interface JournalWrite {
  readonly entry: JournalEntry;
  readonly expectState?: string | null;
}

/** Options of {@link Catalog.createDatabase}. */
export interface CreateDatabaseOptions {
  /** Return `'EXISTED'` instead of throwing when the database exists. Defaults to `false`. */
  readonly ifNotExists?: boolean;
}

/** Options of {@link Catalog.dropDatabase}. */
export interface DropDatabaseOptions {
  /** Return `'ABSENT'` instead of throwing when the database does not exist. Defaults to `false`. */
  readonly ifExists?: boolean;
  /** Drop the tables and functions in it too (managed tables lose their data). Defaults to `false`. */
  readonly cascade?: boolean;
}

/** Options of {@link Catalog.createTable}. */
export interface CreateTableOptions {
  /** Return `'EXISTED'` (and change nothing) when the table exists. Defaults to `false`. */
  readonly ifNotExists?: boolean;
  /** A journal entry to write atomically with the creation. Defaults to none. */
  readonly journal?: JournalWrite;
  /**
   * A synchronous action run inside the transaction after the absence check, as its last step (e.g. moving
   * staged files into place). If it throws, nothing is created. Defaults to none.
   */
  readonly inTransaction?: () => void;
}

/** Input of {@link Catalog.alterTable}. */
export interface AlterTableChange {
  /** Replaces the statistics. Defaults to unchanged. */
  readonly statistics?: Statistics;
  /** Merged over the existing properties. Defaults to none. */
  readonly properties?: Readonly<Record<string, string>>;
}

/** Input of {@link Catalog.alterPartition}. */
export interface AlterPartitionChange {
  /** Replaces the statistics (Hive's `numFiles`, `numRows`, `totalSize`, `rawDataSize`). Defaults to unchanged. */
  readonly statistics?: Statistics;
}

/** Options of {@link Catalog.dropTable}. */
export interface DropTableOptions {
  /** Return `'ABSENT'` instead of throwing when the table does not exist. Defaults to `false`. */
  readonly ifExists?: boolean;
  /** Drop only if the table property `ctas.owner` equals this token, else return `'OWNER_MISMATCH'`. Defaults to none. */
  readonly expectOwnerToken?: string;
  /** A journal entry to write atomically with the drop. Defaults to none. */
  readonly journal?: JournalWrite;
}

/** Options of {@link Catalog.addPartition}. */
export interface AddPartitionOptions {
  /** Return `'EXISTED'` instead of throwing when the partition exists. Defaults to `false`. */
  readonly ifNotExists?: boolean;
}

/** Options of {@link Catalog.dropPartition}. */
export interface DropPartitionOptions {
  /** Return `'ABSENT'` instead of throwing when the partition does not exist. Defaults to `false`. */
  readonly ifExists?: boolean;
}

/** Options of {@link Catalog.createFunction}. */
export interface CreateFunctionOptions {
  /** Return `'EXISTED'` instead of throwing when the function exists. Defaults to `false`. */
  readonly ifNotExists?: boolean;
}

/** Options of {@link Catalog.dropFunction}. */
export interface DropFunctionOptions {
  /** Return `'ABSENT'` instead of throwing when the function does not exist. Defaults to `false`. */
  readonly ifExists?: boolean;
}

/** The table property that marks the job that created a table (used by CTAS drop-on-failure). */
export const CTAS_OWNER_PROPERTY = 'ctas.owner';

/**
 * Hive metastore operations. Every mutating call is one transaction; names are case-insensitive.
 * Concurrent creators of one name (also across processes for the SQLite metastore): exactly one wins, the
 * others get `TABLE_ALREADY_EXISTS`.
 */
export interface Catalog {
  /** Absolute warehouse directory (`hive.metastore.warehouse.dir`). */
  readonly warehouse: string;

  /** @throws {HiveBatchError} `DATABASE_ALREADY_EXISTS`, `INVALID_ARGUMENT` */
  createDatabase(
    definition: DatabaseDefinition,
    options?: CreateDatabaseOptions,
  ): Promise<'CREATED' | 'EXISTED'>;
  /** @throws {HiveBatchError} `DATABASE_NOT_FOUND` */
  getDatabase(name: string): Promise<Database>;
  /** Lower-case names, sorted. */
  listDatabases(): Promise<string[]>;
  /** @throws {HiveBatchError} `DATABASE_NOT_FOUND`, `DATABASE_NOT_EMPTY`, `INVALID_ARGUMENT` (for `default`) */
  dropDatabase(name: string, options?: DropDatabaseOptions): Promise<'DROPPED' | 'ABSENT'>;

  /** @throws {HiveBatchError} `TABLE_ALREADY_EXISTS`, `DATABASE_NOT_FOUND`, `INVALID_ARGUMENT`, `COMMIT_CONFLICT` (journal) */
  createTable(definition: TableDefinition, options?: CreateTableOptions): Promise<'CREATED' | 'EXISTED'>;
  /** @throws {HiveBatchError} `TABLE_NOT_FOUND` */
  getTable(id: TableId): Promise<Table>;
  /** The table, or `undefined` when it does not exist. */
  findTable(id: TableId): Promise<Table | undefined>;
  /** Lower-case names, sorted. @throws {HiveBatchError} `DATABASE_NOT_FOUND` */
  listTables(database: string): Promise<string[]>;
  /** Replaces statistics and merges properties. @throws {HiveBatchError} `TABLE_NOT_FOUND` */
  alterTable(id: TableId, change: AlterTableChange): Promise<void>;
  /**
   * Drops the table; a managed table's directory (and its partitions' directories) is deleted after the
   * metadata is gone, an external table's data is kept.
   * @throws {HiveBatchError} `TABLE_NOT_FOUND`, `IO_ERROR` (metadata dropped, data not deleted), `COMMIT_CONFLICT` (journal)
   */
  dropTable(id: TableId, options?: DropTableOptions): Promise<'DROPPED' | 'ABSENT' | 'OWNER_MISMATCH'>;

  /** @throws {HiveBatchError} `TABLE_NOT_FOUND`, `PARTITION_ALREADY_EXISTS`, `INVALID_ARGUMENT` */
  addPartition(
    id: TableId,
    definition: PartitionDefinition,
    options?: AddPartitionOptions,
  ): Promise<'CREATED' | 'EXISTED'>;
  /** @throws {HiveBatchError} `TABLE_NOT_FOUND`, `PARTITION_NOT_FOUND` */
  getPartition(id: TableId, values: readonly (string | null)[]): Promise<Partition>;
  /**
   * Changes an existing partition (location and creation time are kept), e.g. its statistics after an
   * INSERT INTO / INSERT OVERWRITE into it.
   * @throws {HiveBatchError} `TABLE_NOT_FOUND`, `PARTITION_NOT_FOUND`, `INVALID_ARGUMENT`
   */
  alterPartition(
    id: TableId,
    values: readonly (string | null)[],
    change: AlterPartitionChange,
  ): Promise<void>;
  /** Partitions sorted by name. @throws {HiveBatchError} `TABLE_NOT_FOUND` */
  listPartitions(id: TableId): Promise<Partition[]>;
  /** Deletes a managed table's partition directory. @throws {HiveBatchError} `TABLE_NOT_FOUND`, `PARTITION_NOT_FOUND` */
  dropPartition(
    id: TableId,
    values: readonly (string | null)[],
    options?: DropPartitionOptions,
  ): Promise<'DROPPED' | 'ABSENT'>;

  /** @throws {HiveBatchError} `FUNCTION_ALREADY_EXISTS`, `DATABASE_NOT_FOUND`, `INVALID_ARGUMENT` */
  createFunction(
    definition: FunctionDefinition,
    options?: CreateFunctionOptions,
  ): Promise<'CREATED' | 'EXISTED'>;
  /** @throws {HiveBatchError} `FUNCTION_NOT_FOUND` */
  getFunction(id: FunctionId): Promise<CatalogFunction>;
  /** Lower-case names, sorted. @throws {HiveBatchError} `DATABASE_NOT_FOUND` */
  listFunctions(database: string): Promise<string[]>;
  /** @throws {HiveBatchError} `FUNCTION_NOT_FOUND` */
  dropFunction(id: FunctionId, options?: DropFunctionOptions): Promise<'DROPPED' | 'ABSENT'>;

  /** Writes a journal entry, compare-and-set on its state. @throws {HiveBatchError} `COMMIT_CONFLICT` */
  writeJournal(write: JournalWrite): Promise<void>;
  /** The entry, or `undefined`. */
  readJournal(id: string): Promise<JournalEntry | undefined>;
  /** Entries of one kind, sorted by id. */
  listJournal(kind: string): Promise<JournalEntry[]>;

  /** Releases the metastore connection. Further calls fail with `METASTORE_ERROR`. */
  close(): Promise<void>;
}
