import { mkdtemp, open, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HiveBatchError } from '@hive-batch/core';
import type { ColumnBatch } from '@hive-batch/core';
import { decodeColumnBatch, encodeColumnBatch } from '../encode-column-batch';

function spillError(what: string, cause: unknown): HiveBatchError {
  return new HiveBatchError('SPILL_FAILED', `Spilling aggregation state failed: ${what}`, { cause });
}

/**
 * Partitioned spill files of one operator, in a private temporary directory created on the first write.
 * Each file is a sequence of frames `[u32 length][encodeColumnBatch bytes]`. `close()` removes everything and is
 * idempotent, so callers can run it on success, on error and on abort alike.
 */
export class SpillStore {
  private readonly parent: string;
  private readonly partitions: number;
  private dir: string | null = null;
  private handles: (FileHandle | null)[];
  private sizes: number[];
  private closed = false;
  /** Bytes written so far. */
  bytesWritten = 0;

  constructor(parent: string | undefined, partitions: number) {
    this.parent = parent ?? tmpdir();
    this.partitions = partitions;
    this.handles = new Array<FileHandle | null>(partitions).fill(null);
    this.sizes = new Array<number>(partitions).fill(0);
  }

  /** Number of partitions. */
  get partitionCount(): number {
    return this.partitions;
  }

  /** True once anything was written. */
  get used(): boolean {
    return this.dir != null;
  }

  private path(p: number): string {
    if (this.dir == null) throw spillError('no spill directory', null);
    return join(this.dir, `partition-${p}.bin`);
  }

  /** Appends one batch to partition `p`. */
  async write(p: number, batch: ColumnBatch): Promise<void> {
    if (this.closed) throw spillError('the store is closed', null);
    try {
      this.dir ??= await mkdtemp(join(this.parent, 'hive-batch-agg-'));
      let h = this.handles[p] ?? null;
      if (h == null) {
        h = await open(this.path(p), 'a');
        this.handles[p] = h;
      }
      const body = encodeColumnBatch(batch);
      const frame = new Uint8Array(4 + body.length);
      new DataView(frame.buffer).setUint32(0, body.length, true);
      frame.set(body, 4);
      await h.write(frame);
      this.sizes[p] = (this.sizes[p] ?? 0) + frame.length;
      this.bytesWritten += frame.length;
    } catch (cause) {
      if (cause instanceof HiveBatchError) throw cause;
      throw spillError(`writing partition ${p}`, cause);
    }
  }

  /** Partitions that hold data. */
  nonEmptyPartitions(): number[] {
    const out: number[] = [];
    for (let p = 0; p < this.partitions; p++) if ((this.sizes[p] ?? 0) > 0) out.push(p);
    return out;
  }

  /** Reads partition `p` frame by frame, then deletes its file. */
  async *read(p: number): AsyncGenerator<ColumnBatch> {
    try {
      await this.handles[p]?.close();
      this.handles[p] = null;
    } catch (cause) {
      throw spillError(`closing partition ${p}`, cause);
    }
    let h: FileHandle;
    try {
      h = await open(this.path(p), 'r');
    } catch (cause) {
      throw spillError(`opening partition ${p}`, cause);
    }
    try {
      const head = new Uint8Array(4);
      let pos = 0;
      const size = this.sizes[p] ?? 0;
      while (pos < size) {
        await readFully(h, head, pos);
        const len = new DataView(head.buffer).getUint32(0, true);
        const body = new Uint8Array(len);
        await readFully(h, body, pos + 4);
        pos += 4 + len;
        yield decodeColumnBatch(body);
      }
    } finally {
      await h.close();
    }
    await rm(this.path(p), { force: true });
    this.sizes[p] = 0;
  }

  /** Closes and removes every spill file and the directory. Safe to call more than once. */
  async close(): Promise<void> {
    this.closed = true;
    const handles = this.handles;
    this.handles = handles.map(() => null);
    await Promise.allSettled(handles.map((h) => (h == null ? Promise.resolve() : h.close())));
    if (this.dir != null) {
      const dir = this.dir;
      this.dir = null;
      await rm(dir, { recursive: true, force: true });
    }
  }
}

async function readFully(h: FileHandle, into: Uint8Array, position: number): Promise<void> {
  let off = 0;
  while (off < into.length) {
    const { bytesRead } = await h.read(into, off, into.length - off, position + off);
    if (bytesRead === 0) throw new HiveBatchError('SPILL_FAILED', 'Spill file is truncated');
    off += bytesRead;
  }
}
