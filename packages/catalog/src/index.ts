// Public surface of @hive-batch/catalog. Every export is listed by name.

export type {
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
  FunctionResource,
  JournalEntry,
  JournalWrite,
  JsonValue,
  Partition,
  PartitionDefinition,
  Statistics,
  StorageDescriptor,
  Table,
  TableDefinition,
  TableId,
  TableType,
} from './catalog';
export { CTAS_OWNER_PROPERTY } from './catalog';
export type { SqliteCatalogOptions } from './create-sqlite-catalog';
export { createSqliteCatalog } from './create-sqlite-catalog';
export type { MemoryCatalogOptions } from './create-memory-catalog';
export { createMemoryCatalog } from './create-memory-catalog';
export { parseTableId } from './parse-table-id';
