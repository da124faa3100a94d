import path from 'node:path';
import type { Statistics } from '@hive-batch/catalog';
import type { CtasFileSystem } from '../ctas-file-system';

/** numFiles and totalSize (bytes) of a directory tree, skipping hidden `.`/`_` entries as Hive's readers do. */
export function directoryStatistics(
  fs: CtasFileSystem,
  dir: string,
): { numFiles: number; totalSize: number } {
  let numFiles = 0;
  let totalSize = 0;
  const walk = (d: string): void => {
    for (const name of fs.list(d) ?? []) {
      if (name.startsWith('.') || name.startsWith('_')) continue;
      const full = path.join(d, name);
      const s = fs.stat(full);
      if (s == null) continue;
      if (s.isDirectory) walk(full);
      else {
        numFiles++;
        totalSize += s.size;
      }
    }
  };
  walk(dir);
  return { numFiles, totalSize };
}

export function withRows(
  stats: { numFiles: number; totalSize: number },
  numRows: number | undefined,
): Statistics {
  return numRows == null ? stats : { ...stats, numRows };
}
