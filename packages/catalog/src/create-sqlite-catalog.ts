import path from 'node:path';
import type { Catalog } from './catalog';
import { SqliteBackend } from './internal/sqlite-backend';
import { StoreCatalog } from './internal/store-catalog';

/** Options of {@link createSqliteCatalog}. */
export interface SqliteCatalogOptions {
  /** Warehouse directory; created if missing. The metastore is `<warehouse>/metastore.db`. */
  readonly warehouse: string;
  /** Metastore file. Defaults to `<warehouse>/metastore.db`. */
  readonly file?: string;
  /** Milliseconds a call waits for another process's write lock before failing. Defaults to `30_000`. */
  readonly busyTimeoutMs?: number;
}

/**
 * Opens (creating on first use) the embedded metastore: one SQLite file in WAL mode, like Hive's embedded
 * Derby metastore, safe to share between processes. The `default` database is created with it.
 *
 * @throws {HiveBatchError} `METASTORE_ERROR` when the file cannot be opened or was written by a newer version.
 * @example
 * ```ts
 * const catalog = createSqliteCatalog({ warehouse: '/data/warehouse' });
 * await catalog.createTable({ id: { database: 'default', table: 't' }, columns: [{ name: 'a', type: HiveTypes.int }] });
 * await catalog.close();
 * ```
 */
export function createSqliteCatalog(options: SqliteCatalogOptions): Catalog {
  const warehouse = path.resolve(options.warehouse);
  const backend = new SqliteBackend({
    file: options.file != null ? path.resolve(options.file) : path.join(warehouse, 'metastore.db'),
    busyTimeoutMs: options.busyTimeoutMs ?? 30_000,
  });
  return new StoreCatalog(warehouse, backend);
}
