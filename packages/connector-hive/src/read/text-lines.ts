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

/**
 * The lines of a byte range with Hadoop `LineRecordReader` ownership: a line belongs to the range when its
 * first byte `p` satisfies `start < p ≤ start + length` (or `p = 0` for the range starting at 0), so ranges
 * that tile a file read every line exactly once. Terminators are LF, CR LF and a lone CR. Gzip files are
 * read whole (they are never cut). `skipHeaderLines` skips the file's first lines (`skip.header.line.count`).
 *
 * @throws {HiveBatchError} `MALFORMED_DATA` naming the file for a corrupt gzip stream; `IO_ERROR` on read
 */
export async function* readTextLines(
  fs: FileSystem,
  range: FileRange,
  skipHeaderLines = 0,
): AsyncGenerator<TextLine[], void, undefined> {
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
  // Lines start at 0 or right after a terminator; this range owns starts in (start, end] (or [0, end]).
  const pos = range.start;
  let buf = await fs.read(range.path, pos, Math.min(CHUNK, Math.max(1, end - pos + 1)));
  let bufStart = pos;
  let lineStart: number;
  const byteAt = async (p: number): Promise<number> => {
    if (p >= bufStart + buf.length) {
      const more = await fs.read(range.path, p, CHUNK);
      if (more.length === 0) return -1;
      buf = more;
      bufStart = p;
    }
    return buf[p - bufStart] ?? -1;
  };
  let headerLeft = range.start === 0 ? skipHeaderLines : 0;
  if (range.start === 0) lineStart = 0;
  else {
    // Skip to the first line start after `start`.
    let p = range.start;
    for (;;) {
      const b = await byteAt(p);
      if (b < 0) return;
      if (b === 10) {
        lineStart = p + 1;
        break;
      }
      if (b === 13) {
        lineStart = (await byteAt(p + 1)) === 10 ? p + 2 : p + 1;
        break;
      }
      p++;
    }
  }
  let batch: TextLine[] = [];
  while (lineStart <= end && lineStart < range.fileLength) {
    // Read one line starting at lineStart.
    let p = lineStart;
    const pieces: Uint8Array[] = [];
    let next: number;
    for (;;) {
      const b = await byteAt(p);
      if (b < 0) {
        next = range.fileLength + 1;
        break;
      }
      if (b === 10 || b === 13) {
        next = b === 13 && (await byteAt(p + 1)) === 10 ? p + 2 : p + 1;
        break;
      }
      // Take the whole run up to the buffer end or the next terminator in one copy.
      const from = p - bufStart;
      let to = from;
      while (to < buf.length && buf[to] !== 10 && buf[to] !== 13) to++;
      pieces.push(buf.subarray(from, to));
      p += to - from;
    }
    const bytes = pieces.length === 1 ? pieces[0] : concat(pieces);
    const text = bytes == null ? '' : decoder.decode(bytes);
    if (headerLeft > 0) headerLeft--;
    else batch.push({ text, offset: lineStart });
    if (batch.length >= 4096) {
      yield batch;
      batch = [];
    }
    lineStart = next;
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
