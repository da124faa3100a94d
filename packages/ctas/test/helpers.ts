import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { HiveTypes } from '@hive-batch/core';
import type { Catalog, TableId } from '@hive-batch/catalog';
import type { CtasFileSystem, CtasJobResult, CtasWriteTarget, QueryColumn } from '@hive-batch/ctas';
import { NODE_FILE_SYSTEM } from '@hive-batch/ctas';

export function tempWarehouse(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'hb-ctas-'));
}

/** `select key, value, count(*) …`: two named columns and one unnamed expression. */
export const COLUMNS: readonly QueryColumn[] = [
  { name: 'key', type: HiveTypes.int },
  { name: 'value', type: HiveTypes.string },
  { type: HiveTypes.bigint },
];

/** Hive text rows (fields separated by ^A) for file `f` of a writer. */
export function rowsOf(file: number, rowsPerFile: number): string {
  let s = '';
  for (let r = 0; r < rowsPerFile; r++) s += `${file * rowsPerFile + r}\u0001v${r}\u0001${r}\n`;
  return s;
}

/** Options of {@link textWriter}. */
export interface TextWriterOptions {
  readonly files?: number;
  readonly rowsPerFile?: number;
  /** Throw this after writing this many files. */
  readonly failAfterFiles?: number;
  readonly error?: Error;
  /** Called before each file, e.g. to check visibility or to cancel. */
  readonly beforeFile?: (index: number, target: CtasWriteTarget) => Promise<void> | void;
}

/** A minimal CTAS job: writes Hive-style text files `00000N_0` into the directory it is given. */
export function textWriter(
  options: TextWriterOptions = {},
): (target: CtasWriteTarget) => Promise<CtasJobResult> {
  const files = options.files ?? 3;
  const rowsPerFile = options.rowsPerFile ?? 4;
  return async (target) => {
    for (let f = 0; f < files; f++) {
      await options.beforeFile?.(f, target);
      if (options.failAfterFiles === f) throw options.error ?? new Error(`write failed after ${f} files`);
      writeFileSync(path.join(target.location, `${String(f).padStart(6, '0')}_0`), rowsOf(f, rowsPerFile));
    }
    if (options.failAfterFiles === files) throw options.error ?? new Error('write failed at the end');
    return { numRows: files * rowsPerFile };
  };
}

/** All rows of a table directory, sorted. */
export function readRows(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => !f.startsWith('.') && !f.startsWith('_'))
    .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean))
    .sort();
}

/** Rows a complete {@link textWriter} run produces. */
export function expectedRows(files = 3, rowsPerFile = 4): string[] {
  return Array.from({ length: files }, (_, f) => rowsOf(f, rowsPerFile).split('\n').filter(Boolean))
    .flat()
    .sort();
}

export function stagingDirs(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith('.hive-staging')) : [];
}

/** The CTAS invariants after a failure: no table, no staging directory, no data at the target location. */
export async function expectNothingLeft(catalog: Catalog, id: TableId, dbLocation: string): Promise<void> {
  expect(await catalog.findTable(id)).toBeUndefined();
  expect(await catalog.listTables(id.database)).not.toContain(id.table);
  expect(stagingDirs(dbLocation)).toEqual([]);
  expect(existsSync(path.join(dbLocation, id.table))).toBe(false);
}

/** A fault to inject into one catalog method. */
export interface CatalogFault {
  readonly method: keyof Catalog;
  /** Only calls whose arguments match; defaults to every call. */
  readonly when?: (args: readonly unknown[]) => boolean;
  readonly error: Error;
  /** How many matching calls fail. Defaults to all. */
  readonly times?: number;
}

/** Wraps a catalog so the given calls fail. */
export function faultyCatalog(catalog: Catalog, faults: readonly CatalogFault[]): Catalog {
  const remaining = faults.map((f) => f.times ?? Number.POSITIVE_INFINITY);
  return new Proxy(catalog, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]): unknown => {
        const i = faults.findIndex(
          (f, k) => f.method === prop && (remaining[k] ?? 0) > 0 && (f.when?.(args) ?? true),
        );
        const fault = faults[i];
        if (fault != null) {
          remaining[i] = (remaining[i] ?? 0) - 1;
          return Promise.reject(fault.error);
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** True for a `writeJournal` call that moves a record to `state`. */
export function journalTo(state: string): (args: readonly unknown[]) => boolean {
  return (args) => (args[0] as { entry?: { state?: string } } | undefined)?.entry?.state === state;
}

/** A fault to inject into one filesystem operation. */
export interface FsFault {
  readonly op: keyof CtasFileSystem;
  readonly when?: (arg: string) => boolean;
  readonly error: Error;
  readonly times?: number;
}

/** The local filesystem with some operations failing. */
export function faultyFs(faults: readonly FsFault[]): CtasFileSystem {
  const remaining = faults.map((f) => f.times ?? Number.POSITIVE_INFINITY);
  const check = (op: keyof CtasFileSystem, arg: string): void => {
    const i = faults.findIndex((f, k) => f.op === op && (remaining[k] ?? 0) > 0 && (f.when?.(arg) ?? true));
    const fault = faults[i];
    if (fault != null) {
      remaining[i] = (remaining[i] ?? 0) - 1;
      throw fault.error;
    }
  };
  return {
    mkdirp: (d) => (check('mkdirp', d), NODE_FILE_SYSTEM.mkdirp(d)),
    rename: (a, b) => (check('rename', a), NODE_FILE_SYSTEM.rename(a, b)),
    removeTree: (d) => (check('removeTree', d), NODE_FILE_SYSTEM.removeTree(d)),
    removeEmptyDir: (d) => (check('removeEmptyDir', d), NODE_FILE_SYSTEM.removeEmptyDir(d)),
    list: (d) => (check('list', d), NODE_FILE_SYSTEM.list(d)),
    stat: (f) => (check('stat', f), NODE_FILE_SYSTEM.stat(f)),
  };
}
