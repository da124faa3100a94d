import { HiveBatchError } from '@hive-batch/core';
import type { FileStatus, FileSystem } from './file-system';

function parentOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

function normalize(p: string): string {
  return p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p;
}

/**
 * An in-memory {@link FileSystem} (files are byte arrays, directories are implicit parents plus explicit
 * `mkdirs`). For tests and synthetic benchmarks; it is not shared between processes.
 *
 * @example
 * ```ts
 * const fs = createMemoryFileSystem();
 * await fs.writeFile('/w/t/a.txt', new TextEncoder().encode('1\n'));
 * ```
 */
export function createMemoryFileSystem(): FileSystem {
  const files = new Map<string, Uint8Array>();
  const dirs = new Set<string>(['/']);
  const children = new Map<string, Set<string>>();

  const link = (p: string): void => {
    let cur = p;
    while (cur !== '/') {
      const parent = parentOf(cur);
      let set = children.get(parent);
      if (set == null) children.set(parent, (set = new Set()));
      set.add(cur);
      if (parent !== '/' && !files.has(parent)) dirs.add(parent);
      cur = parent;
    }
  };
  const statOf = (p: string): FileStatus | undefined => {
    const f = files.get(p);
    if (f != null) return { path: p, length: f.length, isDirectory: false };
    if (dirs.has(p)) return { path: p, length: 0, isDirectory: true };
    return undefined;
  };
  const unlinkTree = (p: string): void => {
    for (const c of [...(children.get(p) ?? [])]) unlinkTree(c);
    children.delete(p);
    files.delete(p);
    dirs.delete(p);
    children.get(parentOf(p))?.delete(p);
  };

  return {
    list(dir) {
      const d = normalize(dir);
      if (!dirs.has(d)) return Promise.resolve(undefined);
      const out: FileStatus[] = [];
      for (const c of children.get(d) ?? []) {
        const s = statOf(c);
        if (s != null) out.push(s);
      }
      out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      return Promise.resolve(out);
    },
    stat(p) {
      return Promise.resolve(statOf(normalize(p)));
    },
    read(p, offset, length) {
      const f = files.get(normalize(p));
      if (f == null)
        return Promise.reject(new HiveBatchError('IO_ERROR', `read failed for ${p}: no such file`));
      return Promise.resolve(f.slice(offset, Math.min(f.length, offset + length)));
    },
    writeFile(p, data) {
      const n = normalize(p);
      if (dirs.has(n))
        return Promise.reject(new HiveBatchError('IO_ERROR', `write failed for ${p}: a directory`));
      files.set(n, data.slice());
      link(n);
      return Promise.resolve();
    },
    rename(from, to) {
      const f = normalize(from);
      const t = normalize(to);
      const s = statOf(f);
      if (s == null || statOf(t) != null) {
        return Promise.reject(new HiveBatchError('IO_ERROR', `rename failed for ${from} -> ${to}`));
      }
      const moves: [string, string][] = [];
      const collect = (p: string): void => {
        moves.push([p, t + p.slice(f.length)]);
        for (const c of children.get(p) ?? []) collect(c);
      };
      collect(f);
      const movedFiles = moves.filter(([a]) => files.has(a)).map(([a, b]) => [b, files.get(a)] as const);
      const movedDirs = moves.filter(([a]) => dirs.has(a)).map(([, b]) => b);
      unlinkTree(f);
      for (const d of movedDirs) {
        dirs.add(d);
        link(d);
      }
      for (const [b, data] of movedFiles) {
        if (data != null) files.set(b, data);
        link(b);
      }
      return Promise.resolve();
    },
    delete(p) {
      unlinkTree(normalize(p));
      return Promise.resolve();
    },
    mkdirs(dir) {
      const d = normalize(dir);
      if (files.has(d))
        return Promise.reject(new HiveBatchError('IO_ERROR', `mkdirs failed for ${dir}: a file`));
      dirs.add(d);
      link(d);
      return Promise.resolve();
    },
  };
}
