// INTERIM: TEXTFILE table reading and writing on the local file system, until @hive-batch/connector-hive's
// HiveSource and table sink are published; then scans go through HiveSource + SourceCoordinator.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import {
  HiveBatchError,
  HiveTypes,
  castValue,
  createSchema,
  createTextRowParser,
  createTextRowSerializer,
  splitLines,
  textSerDeOptionsFromProperties,
} from '@hive-batch/core';
import type { DataType, Field } from '@hive-batch/core';
import type { Catalog, Partition, Table } from '@hive-batch/catalog';

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

function checkFormat(table: Table): void {
  const f = table.storage.format.toUpperCase();
  if (f !== 'TEXTFILE') {
    throw new HiveBatchError(
      'NOT_IMPLEMENTED',
      `Reading ${f} tables is not supported yet (table ${table.id.table})`,
    );
  }
}

/** Partition value text → typed value (Hive casts partition strings to the key's type). */
export function partitionValue(text: string | null, type: DataType): unknown {
  if (text == null || text === '__HIVE_DEFAULT_PARTITION__') return null;
  return castValue(text, HiveTypes.string, type);
}

/** Reads every row of a table (data columns, then partition columns). */
export async function readTextTable(
  catalog: Catalog,
  table: Table,
  options: ReadTableOptions = {},
): Promise<unknown[][][]> {
  const { prune = null, onProgress, splitPerFile = false } = options;
  checkFormat(table);
  const parser = createTextRowParser(
    createSchema(table.columns),
    textSerDeOptionsFromProperties(table.storage.serdeProperties),
  );
  const units: { dir: string; partValues: unknown[] }[] = [];
  if (table.partitionKeys.length === 0) units.push({ dir: table.location, partValues: [] });
  else {
    const parts: Partition[] = await catalog.listPartitions(table.id);
    for (const p of parts) {
      const vals = p.values.map((v, i) => partitionValue(v, (table.partitionKeys[i] as Field).type));
      if (prune != null && !prune(vals)) continue;
      units.push({ dir: p.location, partValues: vals });
    }
  }
  const files = units.flatMap((u) => dataFiles(u.dir).map((f) => ({ file: f, partValues: u.partValues })));
  // Hive's default CombineHiveInputFormat reads a small table as one split; BucketizedHiveInputFormat gives
  // one split per file, and MapReduce orders splits by size, largest first.
  if (splitPerFile) files.sort((a, b) => statSync(b.file).size - statSync(a.file).size);
  const splits: unknown[][][] = [];
  let rows: unknown[][] = [];
  let done = 0;
  let total = 0;
  for (const { file, partValues } of files) {
    if (splitPerFile && rows.length > 0) {
      splits.push(rows);
      rows = [];
    }
    let content: Buffer;
    try {
      content = readFileSync(file);
    } catch (cause) {
      throw new HiveBatchError('IO_ERROR', `Cannot read ${file}`, { cause });
    }
    const lines = splitLines(content);
    if (lines.length > 0 && lines[lines.length - 1] === '' && content[content.length - 1] === 10) lines.pop();
    for (const line of lines) {
      const r = parser.parseLine(line);
      for (const v of partValues) r.push(v);
      rows.push(r);
    }
    done++;
    total += lines.length;
    onProgress?.({
      table: `${table.id.database}.${table.id.table}`,
      splitsDone: done,
      splitsTotal: files.length,
      rowsRead: total,
    });
  }
  splits.push(rows);
  return splits;
}

/** Options of {@link readTextTable}. */
export interface ReadTableOptions {
  /** Keeps a partition when true for its typed partition values. Defaults to all. */
  readonly prune?: ((partitionRow: readonly unknown[]) => boolean) | null;
  readonly onProgress?: (p: ScanProgress) => void;
  /** One split per file (BucketizedHiveInputFormat) instead of one per table. Defaults to false. */
  readonly splitPerFile?: boolean;
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
