import type { Catalog } from './catalog';
import { MemoryBackend } from './internal/memory-backend';
import { StoreCatalog } from './internal/store-catalog';

/** Options of {@link createMemoryCatalog}. */
export interface MemoryCatalogOptions {
  /** Warehouse directory for default locations (data still lives on disk). */
  readonly warehouse: string;
}

/**
 * A catalog held in this process's memory, with exactly the semantics of the SQLite metastore; for unit
 * tests. Managed-table drops still delete their directories on disk.
 *
 * @example
 * ```ts
 * const catalog = createMemoryCatalog({ warehouse: '/tmp/wh' });
 * await catalog.listDatabases(); // ['default']
 * ```
 */
export function createMemoryCatalog(options: MemoryCatalogOptions): Catalog {
  return new StoreCatalog(options.warehouse, new MemoryBackend());
}
