// INTERIM: TEXTFILE writing (INSERT, CTAS) and LOAD DATA on the local file system, until the engine writes
// through @hive-batch/connector-hive's HiveTableSink. Reads go through HiveSource (hive-source-scan.ts).
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  HiveBatchError,
  HiveTypes,
  castValue,
  createSchema,
  createTextRowSerializer,
  textSerDeOptionsFromProperties,
} from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
import type { Table } from '@hive-batch/catalog';

/** Progress of a scan, for the CLI's stderr line. */
export interface ScanProgress {
  readonly table: string;
  readonly splitsDone: number;
  readonly splitsTotal: number;
  readonly rowsRead: number;
}

function dataFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || name.startsWith('_')) continue;
    const p = path.join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...dataFiles(p));
    else out.push(p);
  }
  return out;
}

/** Partition value text → typed value (Hive casts partition strings to the key's type). */
export function partitionValue(text: string | null, type: DataType): unknown {
  if (text == null || text === '__HIVE_DEFAULT_PARTITION__') return null;
  return castValue(text, HiveTypes.string, type);
}

/** Removes the data files of a directory (keeps the directory). */
export function clearDirectory(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) rmSync(path.join(dir, name), { recursive: true, force: true });
}

function freshName(dir: string, base: string): string {
  if (!existsSync(path.join(dir, base))) return base;
  for (let i = 1; ; i++) {
    const n = `${base}_copy_${i}`;
    if (!existsSync(path.join(dir, n))) return n;
  }
}

/** Writes rows as one text file into `dir` (created if missing); returns the file's byte size. */
export function writeTextFile(table: Table, dir: string, rows: readonly (readonly unknown[])[]): number {
  mkdirSync(dir, { recursive: true });
  const ser = createTextRowSerializer(
    createSchema(table.columns),
    textSerDeOptionsFromProperties(table.storage.serdeProperties),
  );
  let text = '';
  for (const r of rows) text += ser.serializeRow(r) + '\n';
  if (rows.length === 0) return 0;
  const file = path.join(dir, freshName(dir, '000000_0'));
  writeFileSync(file, text);
  return Buffer.byteLength(text);
}

/** LOAD DATA: copies a file, or the files of a directory, into `dir`. */
export function loadFiles(source: string, dir: string, overwrite: boolean): number {
  if (!existsSync(source))
    throw new HiveBatchError('INVALID_ARGUMENT', `Invalid path '${source}': No files matching path`);
  if (overwrite) clearDirectory(dir);
  mkdirSync(dir, { recursive: true });
  const files = statSync(source).isDirectory() ? dataFiles(source) : [source];
  for (const f of files) copyFileSync(f, path.join(dir, freshName(dir, path.basename(f))));
  return files.length;
}
