import { mkdir, open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { HiveBatchError } from '@hive-batch/core';
import type { FileStatus, FileSystem } from './file-system';

function isMissing(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function ioError(op: string, target: string, e: unknown): HiveBatchError {
  return new HiveBatchError('IO_ERROR', `${op} failed for ${target}`, { cause: e });
}

/**
 * The local-disk {@link FileSystem}. Renames use `rename(2)`, atomic within one file system; a rename onto an
 * existing path fails so two committers can never silently replace each other's data.
 *
 * @example
 * ```ts
 * const fs = createLocalFileSystem();
 * const files = await fs.list('/warehouse/db.db/t');
 * ```
 */
export function createLocalFileSystem(): FileSystem {
  return {
    async list(dir) {
      try {
        const entries = await readdir(dir, { withFileTypes: true });
        const out: FileStatus[] = [];
        for (const e of entries) {
          const p = path.join(dir, e.name);
          if (e.isDirectory()) out.push({ path: p, length: 0, isDirectory: true });
          else {
            const s = await stat(p).catch((err: unknown) => {
              if (isMissing(err)) return undefined;
              throw ioError('stat', p, err);
            });
            if (s != null)
              out.push({ path: p, length: s.isDirectory() ? 0 : s.size, isDirectory: s.isDirectory() });
          }
        }
        out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        return out;
      } catch (e) {
        if (isMissing(e)) return undefined;
        throw ioError('list', dir, e);
      }
    },
    async stat(p) {
      try {
        const s = await stat(p);
        return { path: p, length: s.isDirectory() ? 0 : s.size, isDirectory: s.isDirectory() };
      } catch (e) {
        if (isMissing(e)) return undefined;
        throw ioError('stat', p, e);
      }
    },
    async read(p, offset, length) {
      let handle;
      try {
        handle = await open(p, 'r');
        const buf = new Uint8Array(length);
        let filled = 0;
        while (filled < length) {
          const { bytesRead } = await handle.read(buf, filled, length - filled, offset + filled);
          if (bytesRead === 0) break;
          filled += bytesRead;
        }
        return filled === length ? buf : buf.subarray(0, filled);
      } catch (e) {
        throw ioError('read', p, e);
      } finally {
        await handle?.close();
      }
    },
    async writeFile(p, data) {
      try {
        await mkdir(path.dirname(p), { recursive: true });
        await writeFile(p, data);
      } catch (e) {
        throw ioError('write', p, e);
      }
    },
    async rename(from, to) {
      try {
        await mkdir(path.dirname(to), { recursive: true });
        // rename(2) replaces an existing file or empty directory; refuse instead (see the TSDoc).
        const existing = await stat(to).catch(() => undefined);
        if (existing != null) throw new Error(`target exists: ${to}`);
        await rename(from, to);
      } catch (e) {
        throw ioError('rename', `${from} -> ${to}`, e);
      }
    },
    async delete(p) {
      try {
        await rm(p, { recursive: true, force: true });
      } catch (e) {
        throw ioError('delete', p, e);
      }
    },
    async mkdirs(dir) {
      try {
        await mkdir(dir, { recursive: true });
      } catch (e) {
        throw ioError('mkdirs', dir, e);
      }
    },
  };
}
