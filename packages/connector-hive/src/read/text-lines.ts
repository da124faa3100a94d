import { gunzipSync } from 'node:zlib';
import { HiveBatchError, splitLines } from '@hive-batch/core';
import type { FileSystem } from '../fs/file-system';
import type { FileRange } from '../planning/hive-split';

const CHUNK = 1 << 20;
const decoder = new TextDecoder('utf-8');

/** A line and the byte offset where it starts (for error messages). */
export interface TextLine {
  readonly text: string;
  readonly offset: number;
}

function isCompressed(path: string): boolean {
  return /\.(gz|gzip)$/i.test(path);
}

/** Options of {@link readTextLines}. */
export interface TextLinesOptions {
  /** Lines skipped at the start of the file (`skip.header.line.count`). Lines. Defaults to `0`. */
  readonly skipHeaderLines?: number;
  /** Bytes read per file-system call. Bytes. Defaults to `1 MiB`. */
  readonly chunkBytes?: number;
}

/**
 * The lines of a byte range with Hadoop `LineRecordReader` ownership: a line belongs to the range when its
 * first byte `p` satisfies `start < p ≤ start + length` (or `p = 0` for the range starting at 0), so ranges
 * that tile a file read every line exactly once. Terminators are LF, CR LF and a lone CR. Gzip files are
 * read whole (they are never cut). `skipHeaderLines` skips the file's first lines.
 *
 * @throws {HiveBatchError} `MALFORMED_DATA` naming the file for a corrupt gzip stream; `IO_ERROR` on read
 */
export async function* readTextLines(
  fs: FileSystem,
  range: FileRange,
  options: TextLinesOptions = {},
): AsyncGenerator<TextLine[], void, undefined> {
  const skipHeaderLines = options.skipHeaderLines ?? 0;
  const chunk = Math.max(1, options.chunkBytes ?? CHUNK);
  if (isCompressed(range.path)) {
    if (range.start !== 0) return;
    const raw = await fs.read(range.path, 0, range.fileLength);
    let bytes: Uint8Array;
    try {
      bytes = raw.length === 0 ? raw : gunzipSync(raw);
    } catch (e) {
      throw new HiveBatchError('MALFORMED_DATA', `Corrupt gzip data in ${range.path} at offset 0`, {
        cause: e,
      });
    }
    const lines = splitLines(bytes).slice(skipHeaderLines);
    yield lines.map((text) => ({ text, offset: -1 }));
    return;
  }
  const end = range.start + range.length;
  const fileLength = range.fileLength;
  // `data` holds bytes from absolute offset `base`; `lineStart` is the absolute start of the current line, or -1
  // while skipping to the first line start after `range.start` (that line belongs to the previous range).
  let base = range.start;
  let data = await fs.read(range.path, base, Math.min(chunk, Math.max(1, end - base + 1)));
  let lineStart = range.start === 0 ? 0 : -1;
  let headerLeft = range.start === 0 ? skipHeaderLines : 0;
  let batch: TextLine[] = [];
  let eof = base + data.length >= fileLength;
  let scan = 0; // index in data where scanning resumes
  for (;;) {
    let i = scan;
    const n = data.length;
    let needMore = false;
    while (i < n) {
      const b = data[i] ?? 0;
      if (b !== 10 && b !== 13) {
        i++;
        continue;
      }
      let next: number;
      if (b === 13) {
        // CR LF needs one byte of lookahead.
        if (i + 1 >= n && !eof) {
          needMore = true;
          break;
        }
        next = i + 1 < n && data[i + 1] === 10 ? i + 2 : i + 1;
      } else next = i + 1;
      if (lineStart >= 0) {
        if (headerLeft > 0) headerLeft--;
        else batch.push({ text: decoder.decode(data.subarray(lineStart - base, i)), offset: lineStart });
        if (batch.length >= 4096) {
          yield batch;
          batch = [];
        }
      }
      lineStart = base + next;
      i = next;
      if (lineStart > end || lineStart >= fileLength) break;
    }
    if (lineStart > end || lineStart >= fileLength) break;
    if (!needMore && eof) {
      // A last line without terminator.
      if (lineStart >= 0 && lineStart < base + n && headerLeft === 0) {
        batch.push({ text: decoder.decode(data.subarray(lineStart - base)), offset: lineStart });
      }
      break;
    }
    // Keep the unfinished line (or the CR awaiting its LF) and read on.
    const keepFrom = Math.min(lineStart >= 0 ? lineStart - base : i, i);
    const more = await fs.read(range.path, base + n, chunk);
    if (more.length === 0) eof = true;
    const carry = data.subarray(keepFrom);
    data = more.length === 0 ? carry : concat([carry, more]);
    scan = i - keepFrom;
    base += keepFrom;
    eof = eof || base + data.length >= fileLength;
  }
  if (batch.length > 0) yield batch;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
