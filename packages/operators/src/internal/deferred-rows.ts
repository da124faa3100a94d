import type { ColumnBatch } from '@hive-batch/core';

/**
 * Input batches (by reference) and their group ids held back so that many batches are clustered and
 * accumulated at once: with many groups, one batch touches each accumulator window only sparsely, while a
 * million rows touch it densely enough for the caches to help.
 */
export class DeferredRows {
  private batches: ColumnBatch[] = [];
  private ids: Int32Array = new Int32Array(0);
  private bytes = 0;
  /** Rows held. */
  rows = 0;

  /** Holds `batch` with the group ids of its rows (copied: the caller reuses its buffer). */
  add(batch: ColumnBatch, groupIds: Int32Array): void {
    const n = batch.numRows;
    if (this.rows + n > this.ids.length) {
      const grown = new Int32Array(Math.max(this.rows + n, 2 * this.ids.length));
      grown.set(this.ids.subarray(0, this.rows));
      this.ids = grown;
    }
    this.ids.set(groupIds.subarray(0, n), this.rows);
    this.batches.push(batch);
    this.rows += n;
    for (const c of batch.columns) if (c.layout === 'fixed') this.bytes += c.values.byteLength;
  }

  /** Bytes held: the group ids plus the fixed-width buffers of the held batches. */
  get byteSize(): number {
    return this.ids.byteLength + this.bytes;
  }

  /** The held batches and their group ids (valid until the next `add`), leaving the holder empty. */
  take(): { readonly batches: readonly ColumnBatch[]; readonly groupIds: Int32Array } {
    const out = { batches: this.batches, groupIds: this.ids.subarray(0, this.rows) };
    this.batches = [];
    this.rows = 0;
    this.bytes = 0;
    return out;
  }

  /** Drops everything held. */
  clear(): void {
    this.take();
    this.ids = new Int32Array(0);
  }
}
