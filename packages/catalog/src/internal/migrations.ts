import type Sqlite from 'better-sqlite3';
import { HiveBatchError } from '@hive-batch/core';

/**
 * Schema migrations, applied in order; entry `i` moves the metastore from version `i` to `i + 1`.
 * Append only: a published migration never changes, so every metastore file can be brought up to date.
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE dbs (
     name TEXT PRIMARY KEY,
     location TEXT NOT NULL,
     doc TEXT NOT NULL
   );
   CREATE TABLE tbls (
     db_name TEXT NOT NULL,
     tbl_name TEXT NOT NULL,
     tbl_type TEXT NOT NULL,
     location TEXT NOT NULL,
     doc TEXT NOT NULL,
     PRIMARY KEY (db_name, tbl_name)
   );
   CREATE TABLE partitions (
     db_name TEXT NOT NULL,
     tbl_name TEXT NOT NULL,
     part_name TEXT NOT NULL,
     location TEXT NOT NULL,
     doc TEXT NOT NULL,
     PRIMARY KEY (db_name, tbl_name, part_name)
   );
   CREATE TABLE funcs (
     db_name TEXT NOT NULL,
     func_name TEXT NOT NULL,
     class_name TEXT NOT NULL,
     doc TEXT NOT NULL,
     PRIMARY KEY (db_name, func_name)
   );
   CREATE TABLE journal (
     id TEXT PRIMARY KEY,
     kind TEXT NOT NULL,
     state TEXT NOT NULL,
     payload TEXT NOT NULL,
     update_time INTEGER NOT NULL
   );
   CREATE INDEX journal_kind ON journal (kind, state);`,
];

/** The schema version this build writes. */
export const METASTORE_SCHEMA_VERSION: number = MIGRATIONS.length;

/** Brings the metastore up to {@link METASTORE_SCHEMA_VERSION} in one exclusive transaction (safe when processes race). */
export function applyMigrations(db: Sqlite.Database): void {
  db.transaction(() => {
    db.exec(
      'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at INTEGER NOT NULL)',
    );
    const row = db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null };
    const current = row.v ?? 0;
    if (current > MIGRATIONS.length) {
      throw new HiveBatchError(
        'METASTORE_ERROR',
        `Metastore schema version ${current} is newer than this build supports (${MIGRATIONS.length})`,
      );
    }
    for (let v = current; v < MIGRATIONS.length; v++) {
      db.exec(MIGRATIONS[v] ?? '');
      db.prepare('INSERT INTO schema_version (version, applied_at) VALUES (?, ?)').run(v + 1, Date.now());
    }
  }).immediate();
}
