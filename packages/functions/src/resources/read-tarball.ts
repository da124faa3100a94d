import { gunzipSync } from 'node:zlib';
import { HiveBatchError } from '@hive-batch/core';

/** Caps applied while reading an archive. */
export interface ArchiveLimits {
  /** Most entries (files and directories). */
  readonly maxEntries: number;
  /** Most bytes after decompression (headers included). */
  readonly maxUnpackedBytes: number;
  /** Deepest path, in segments below `package/`. */
  readonly maxDepth: number;
}

/** One regular file of a package, its path relative to the package root (`package/` stripped). */
export interface TarFile {
  readonly path: string;
  readonly data: Uint8Array;
}

const BLOCK = 512;
const decoder = new TextDecoder('utf-8', { fatal: false });

function unsafe(message: string): HiveBatchError {
  return new HiveBatchError('UNSAFE_ARCHIVE', message);
}

function cString(block: Uint8Array, start: number, length: number): string {
  const slice = block.subarray(start, start + length);
  const end = slice.indexOf(0);
  return decoder.decode(end < 0 ? slice : slice.subarray(0, end));
}

function octal(block: Uint8Array, start: number, length: number): number {
  const first = block[start] ?? 0;
  if ((first & 0x80) !== 0) {
    // Base-256 (GNU) sizes only appear for files ≥ 8 GiB, far above any cap: refuse rather than parse.
    throw unsafe('Archive entry uses a base-256 size field (entry too large)');
  }
  const text = cString(block, start, length).trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) throw unsafe(`Archive header has a malformed number \`${text}\``);
  return parseInt(text, 8);
}

function checksumOk(block: Uint8Array): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (block[i] ?? 0);
  return sum === octal(block, 148, 8);
}

function parsePax(data: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  const text = decoder.decode(data);
  let at = 0;
  while (at < text.length) {
    const space = text.indexOf(' ', at);
    if (space < 0) break;
    const length = Number(text.slice(at, space));
    if (!Number.isInteger(length) || length <= 0) throw unsafe('Malformed pax header');
    const record = text.slice(space + 1, at + length - 1);
    const eq = record.indexOf('=');
    if (eq > 0) out.set(record.slice(0, eq), record.slice(eq + 1));
    at += length;
  }
  return out;
}

/**
 * Validates an entry path and strips npm's `package/` prefix. Refuses absolute paths, drive letters, `..`,
 * backslashes, NUL and empty segments, so nothing can name a file outside the extraction directory.
 */
function safeRelativePath(raw: string, maxDepth: number): string | null {
  if (raw.includes('\0') || raw.includes('\\')) throw unsafe(`Archive entry \`${raw}\` contains \\ or NUL`);
  if (raw.startsWith('/') || /^[A-Za-z]:/.test(raw)) throw unsafe(`Archive entry \`${raw}\` is absolute`);
  const segments = raw.split('/').filter((s, i, all) => !(s === '' && i === all.length - 1));
  if (segments.some((s) => s === '..' || s === ''))
    throw unsafe(`Archive entry \`${raw}\` escapes the package`);
  const inner = segments.filter((s) => s !== '.');
  if (inner[0] !== 'package')
    throw unsafe(`Archive entry \`${raw}\` is not under package/ (not an npm pack tarball)`);
  if (inner.length - 1 > maxDepth) throw unsafe(`Archive entry \`${raw}\` is deeper than ${maxDepth} levels`);
  return inner.length === 1 ? null : inner.slice(1).join('/');
}

/**
 * Reads a gzip'd npm package tarball into memory and validates every entry before anything touches the disk.
 * Accepts only regular files and directories under `package/` (pax and GNU long-name headers are honoured);
 * links, devices, FIFOs, path escapes, duplicates and oversized archives are refused.
 * @throws {HiveBatchError} `UNSAFE_ARCHIVE`
 */
export function readTarball(gzipped: Uint8Array, limits: ArchiveLimits): TarFile[] {
  let tar: Uint8Array;
  try {
    // +1 block of slack so an archive exactly at the cap is not refused for its trailer alone.
    tar = gunzipSync(gzipped, { maxOutputLength: limits.maxUnpackedBytes + 2 * BLOCK });
  } catch (error) {
    throw new HiveBatchError(
      'UNSAFE_ARCHIVE',
      'Not a gzip archive, or it unpacks to more than the size cap',
      {
        cause: error,
      },
    );
  }
  const files: TarFile[] = [];
  const seen = new Set<string>();
  let entries = 0;
  let pending: Map<string, string> | null = null;
  let longName: string | null = null;
  let at = 0;
  while (at + BLOCK <= tar.length) {
    const header = tar.subarray(at, at + BLOCK);
    if (header.every((b) => b === 0)) break;
    if (!checksumOk(header)) throw unsafe(`Archive header checksum mismatch at byte ${at}`);
    const type = String.fromCharCode(header[156] ?? 0);
    const size = octal(header, 124, 12);
    const dataStart = at + BLOCK;
    const dataEnd = dataStart + size;
    if (dataEnd > tar.length) throw unsafe('Archive is truncated');
    const data = tar.subarray(dataStart, dataEnd);
    at = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x') {
      pending = parsePax(data);
      continue;
    }
    if (type === 'g') continue;
    if (type === 'L') {
      longName = cString(data, 0, data.length);
      continue;
    }
    entries++;
    if (entries > limits.maxEntries) throw unsafe(`Archive has more than ${limits.maxEntries} entries`);
    const prefix = cString(header, 345, 155);
    const name = cString(header, 0, 100);
    const raw = pending?.get('path') ?? longName ?? (prefix === '' ? name : `${prefix}/${name}`);
    pending = null;
    longName = null;
    const path = safeRelativePath(raw, limits.maxDepth);
    if (type === '5') continue;
    if (type !== '0' && type !== '\0' && type !== '7') {
      const what = type === '1' ? 'hard link' : type === '2' ? 'symbolic link' : `entry of type '${type}'`;
      throw unsafe(`Archive entry \`${raw}\` is a ${what}; only regular files and directories are accepted`);
    }
    if (path == null) throw unsafe(`Archive entry \`${raw}\` is a file named like the package root`);
    const key = path.toLowerCase();
    if (seen.has(key)) throw unsafe(`Archive contains \`${raw}\` twice`);
    seen.add(key);
    files.push({ path, data });
  }
  return files;
}
