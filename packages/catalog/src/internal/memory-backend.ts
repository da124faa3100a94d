import type { CatalogFunction, Database, JournalEntry, Partition, Table } from '../catalog';
import type { MetastoreBackend } from './metastore-backend';

interface State {
  dbs: Map<string, Database>;
  tables: Map<string, Table>;
  partitions: Map<string, Partition>;
  functions: Map<string, CatalogFunction>;
  journal: Map<string, JournalEntry>;
}

const SEP = '\u0000';

function sortedKeys<TValue>(map: Map<string, TValue>, prefix: string): string[] {
  return [...map.keys()]
    .filter((k) => k.startsWith(prefix))
    .map((k) => k.slice(prefix.length))
    .sort();
}

/** Maps in one process. A transaction snapshots the maps and restores them if its function throws. */
export class MemoryBackend implements MetastoreBackend {
  #state: State = {
    dbs: new Map(),
    tables: new Map(),
    partitions: new Map(),
    functions: new Map(),
    journal: new Map(),
  };

  transaction<TResult>(fn: () => TResult): TResult {
    const s = this.#state;
    // Records are never mutated in place (writes put new objects), so copying the maps is a full snapshot.
    const snapshot: State = {
      dbs: new Map(s.dbs),
      tables: new Map(s.tables),
      partitions: new Map(s.partitions),
      functions: new Map(s.functions),
      journal: new Map(s.journal),
    };
    try {
      return fn();
    } catch (e) {
      this.#state = snapshot;
      throw e;
    }
  }

  getDatabase(name: string): Database | undefined {
    return this.#state.dbs.get(name);
  }
  putDatabase(db: Database): void {
    this.#state.dbs.set(db.name, db);
  }
  deleteDatabase(name: string): void {
    this.#state.dbs.delete(name);
  }
  listDatabases(): string[] {
    return [...this.#state.dbs.keys()].sort();
  }

  getTable(database: string, table: string): Table | undefined {
    return this.#state.tables.get(database + SEP + table);
  }
  putTable(table: Table): void {
    this.#state.tables.set(table.id.database + SEP + table.id.table, table);
  }
  deleteTable(database: string, table: string): void {
    this.#state.tables.delete(database + SEP + table);
  }
  listTables(database: string): string[] {
    return sortedKeys(this.#state.tables, database + SEP);
  }

  getPartition(database: string, table: string, name: string): Partition | undefined {
    return this.#state.partitions.get(database + SEP + table + SEP + name);
  }
  putPartition(p: Partition): void {
    this.#state.partitions.set(p.table.database + SEP + p.table.table + SEP + p.name, p);
  }
  deletePartition(database: string, table: string, name: string): void {
    this.#state.partitions.delete(database + SEP + table + SEP + name);
  }
  listPartitions(database: string, table: string): Partition[] {
    const prefix = database + SEP + table + SEP;
    return sortedKeys(this.#state.partitions, prefix).flatMap((n) => {
      const p = this.#state.partitions.get(prefix + n);
      return p == null ? [] : [p];
    });
  }

  getFunction(database: string, name: string): CatalogFunction | undefined {
    return this.#state.functions.get(database + SEP + name);
  }
  putFunction(fn: CatalogFunction): void {
    this.#state.functions.set(fn.id.database + SEP + fn.id.name, fn);
  }
  deleteFunction(database: string, name: string): void {
    this.#state.functions.delete(database + SEP + name);
  }
  listFunctions(database: string): string[] {
    return sortedKeys(this.#state.functions, database + SEP);
  }

  getJournal(id: string): JournalEntry | undefined {
    return this.#state.journal.get(id);
  }
  putJournal(entry: JournalEntry): void {
    this.#state.journal.set(entry.id, entry);
  }
  listJournal(kind: string): JournalEntry[] {
    return [...this.#state.journal.values()]
      .filter((e) => e.kind === kind)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  close(): void {
    // Nothing to release.
  }
}
