import { mkdirSync, readdirSync, renameSync, rmSync, rmdirSync, statSync } from 'node:fs';

/**
 * The file operations CTAS performs, all synchronous so a move can run inside a metastore transaction.
 * Replace it to run against another store or to inject faults in tests.
 */
export interface CtasFileSystem {
  /** Creates the directory and its parents; no error if it exists. */
  mkdirp(dir: string): void;
  /** Renames a file or directory (atomic on one POSIX filesystem). */
  rename(from: string, to: string): void;
  /** Removes a directory tree; no error if it is absent. */
  removeTree(dir: string): void;
  /** Removes an empty directory. */
  removeEmptyDir(dir: string): void;
  /** Names in a directory, or `undefined` when it does not exist. */
  list(dir: string): string[] | undefined;
  /** Size in bytes and whether it is a directory, or `undefined` when absent. */
  stat(file: string): { readonly size: number; readonly isDirectory: boolean } | undefined;
}

function isMissing(e: unknown): boolean {
  return (e as { code?: string }).code === 'ENOENT';
}

/** The local filesystem through `node:fs`. */
export const NODE_FILE_SYSTEM: CtasFileSystem = {
  mkdirp(dir) {
    mkdirSync(dir, { recursive: true });
  },
  rename(from, to) {
    renameSync(from, to);
  },
  removeTree(dir) {
    rmSync(dir, { recursive: true, force: true });
  },
  removeEmptyDir(dir) {
    rmdirSync(dir);
  },
  list(dir) {
    try {
      return readdirSync(dir);
    } catch (e) {
      if (isMissing(e)) return undefined;
      throw e;
    }
  },
  stat(file) {
    try {
      const s = statSync(file);
      return { size: s.size, isDirectory: s.isDirectory() };
    } catch (e) {
      if (isMissing(e)) return undefined;
      throw e;
    }
  },
};
