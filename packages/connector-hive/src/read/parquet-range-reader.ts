import { HiveBatchError } from '@hive-batch/core';
import type { DataType, Field } from '@hive-batch/core';
import { parquetMetadataAsync, parquetRead } from 'hyparquet';
import type { AsyncBuffer, FileMetaData, RowGroup } from 'hyparquet';
import type { FileSystem } from '../fs/file-system';
import { decimalFromUnscaled } from '../internal/parquet-types';
import type { FileRange } from '../planning/hive-split';

function asyncBufferOf(fs: FileSystem, path: string, byteLength: number): AsyncBuffer {
  return {
    byteLength,
    async slice(start: number, end?: number): Promise<ArrayBuffer> {
      const to = end ?? byteLength;
      const bytes = await fs.read(path, start, to - start);
      if (
        bytes.byteOffset === 0 &&
        bytes.byteLength === bytes.buffer.byteLength &&
        bytes.buffer instanceof ArrayBuffer
      ) {
        return bytes.buffer;
      }
      return bytes.slice().buffer;
    },
  };
}

/** First byte of a row group (its first column chunk, dictionary page included) and its compressed size. */
function rowGroupExtent(rg: RowGroup): { start: number; size: number } {
  let start = Number.POSITIVE_INFINITY;
  let size = 0;
  for (const c of rg.columns) {
    const m = c.meta_data;
    if (m == null) continue;
    const dict = m.dictionary_page_offset;
    const first = Number(dict != null && dict > 0n && dict < m.data_page_offset ? dict : m.data_page_offset);
    start = Math.min(start, first);
    size += Number(m.total_compressed_size);
  }
  return { start: Number.isFinite(start) ? start : 0, size };
}

/**
 * Indices of the row groups a byte range reads: those whose midpoint (first byte + compressed size / 2) falls
 * in `[start, start + length)`, as Parquet's `ParquetMetadataConverter.range` does. Ranges that tile a file
 * select each row group exactly once.
 */
export function selectRowGroups(metadata: FileMetaData, start: number, length: number): number[] {
  const out: number[] = [];
  metadata.row_groups.forEach((rg, i) => {
    const { start: s, size } = rowGroupExtent(rg);
    const mid = s + Math.floor(size / 2);
    if (mid >= start && mid < start + length) out.push(i);
  });
  return out;
}

const metadataCache = new WeakMap<FileSystem, Map<string, Promise<FileMetaData>>>();

async function metadataOf(fs: FileSystem, range: FileRange): Promise<FileMetaData> {
  let perFs = metadataCache.get(fs);
  if (perFs == null) {
    perFs = new Map<string, Promise<FileMetaData>>();
    metadataCache.set(fs, perFs);
  }
  const key = `${range.path}\u0000${range.fileLength}`;
  let p = perFs.get(key);
  if (p == null) {
    p = parquetMetadataAsync(asyncBufferOf(fs, range.path, range.fileLength));
    perFs.set(key, p);
    // Bounded: the cache only needs to span the splits of files being read right now.
    if (perFs.size > 256) {
      const first = perFs.keys().next();
      if (first.done !== true) perFs.delete(first.value);
    }
  }
  try {
    return await p;
  } catch (e) {
    perFs.delete(key);
    throw new HiveBatchError(
      'MALFORMED_DATA',
      `Invalid parquet footer in ${range.path} at offset ${Math.max(0, range.fileLength - 8)}`,
      { cause: e },
    );
  }
}

/** Indices of the root's direct children in the flattened (depth-first) schema. */
function topLevelIndices(metadata: FileMetaData): Set<number> {
  const out = new Set<number>();
  // Walk the depth-first list: each element consumes its subtree.
  const skip = (i: number): number => {
    const n = metadata.schema[i]?.num_children ?? 0;
    let j = i + 1;
    for (let c = 0; c < n; c++) j = skip(j);
    return j;
  };
  const rootChildren = metadata.schema[0]?.num_children ?? 0;
  let i = 1;
  for (let c = 0; c < rootChildren && i < metadata.schema.length; c++) {
    out.add(i);
    i = skip(i);
  }
  return out;
}

function converterFor(type: DataType, scale: number | undefined): ((v: unknown) => unknown) | null {
  switch (type.kind) {
    case 'decimal': {
      const s = scale ?? type.scale;
      return (v) => (v == null ? null : decimalFromUnscaled(v, s));
    }
    case 'bigint':
      return (v) => (v == null ? null : typeof v === 'bigint' ? v : BigInt(v as number));
    case 'tinyint':
    case 'smallint':
    case 'int':
      return (v) => (v == null ? null : Number(v));
    case 'float':
      return (v) => (v == null ? null : Math.fround(v as number));
    case 'binary':
      return (v) => (v == null ? null : typeof v === 'string' ? new TextEncoder().encode(v) : v);
    case 'array': {
      const element = converterFor(type.element, undefined);
      return (v) =>
        v == null
          ? null
          : (v as readonly unknown[]).map((e) => (e == null ? null : element == null ? e : element(e)));
    }
    case 'map': {
      const key = converterFor(type.key, undefined);
      const value = converterFor(type.value, undefined);
      return (v) => {
        if (v == null) return null;
        const group = v as Readonly<Record<string, unknown>>;
        const entries = Object.values(group)[0];
        const out = new Map<unknown, unknown>();
        for (const e of Array.isArray(entries)
          ? (entries as readonly { key?: unknown; value?: unknown }[])
          : []) {
          // Hive drops entries with a NULL key; the first of duplicate keys wins.
          if (e.key == null) continue;
          const k = key == null ? e.key : key(e.key);
          if (!out.has(k)) out.set(k, e.value == null ? null : value == null ? e.value : value(e.value));
        }
        return out;
      };
    }
    case 'struct': {
      const fields = type.fields.map((f) => ({
        name: f.name,
        lower: f.name.toLowerCase(),
        conv: converterFor(f.type, undefined),
      }));
      return (v) => {
        if (v == null) return null;
        const src = v as Readonly<Record<string, unknown>>;
        const out: Record<string, unknown> = {};
        for (const f of fields) {
          const raw = src[f.name] ?? src[f.lower];
          out[f.name] = raw == null ? null : f.conv == null ? raw : f.conv(raw);
        }
        return out;
      };
    }
    default:
      return null;
  }
}

/** The decoded rows of one row group, column-major in the requested column order. */
export interface ParquetRowGroupData {
  readonly numRows: number;
  readonly columns: readonly (readonly unknown[])[];
}

/**
 * Reads the row groups of a parquet byte range (midpoint rule), only the `columns` asked for, column-major in
 * `columns` order; a column missing from the file reads as NULL (schema evolution). Decimals are decoded
 * exactly, dates as days, timestamps as microseconds.
 *
 * @throws {HiveBatchError} `MALFORMED_DATA` naming the file and offset for an invalid file
 */
export async function* readParquetRange(
  fs: FileSystem,
  range: FileRange,
  columns: readonly Field[],
): AsyncGenerator<ParquetRowGroupData, void, undefined> {
  const metadata = await metadataOf(fs, range);
  const groups = selectRowGroups(metadata, range.start, range.length);
  if (groups.length === 0) return;
  // Strip DECIMAL annotations so hyparquet hands over raw unscaled values (its own conversion goes through
  // float64); the scale is applied exactly here.
  const scales = new Map<string, number>();
  const topLevel = topLevelIndices(metadata);
  const schema = metadata.schema.map((el, index) => {
    // Without its MAP annotation a map reads as {key_value: [{key, value}]}, keeping typed keys (hyparquet
    // would otherwise build an object keyed by the stringified keys).
    if (
      el.converted_type === 'MAP' ||
      el.converted_type === 'MAP_KEY_VALUE' ||
      el.logical_type?.type === 'MAP'
    ) {
      const { converted_type: _c, logical_type: _l, ...rest } = el;
      return rest;
    }
    if (el.converted_type === 'DECIMAL' || el.logical_type?.type === 'DECIMAL') {
      if (topLevel.has(index)) scales.set(el.name.toLowerCase(), el.scale ?? 0);
      const { converted_type: _c, logical_type: _l, ...rest } = el;
      return rest;
    }
    return el;
  });
  const meta: FileMetaData = { ...metadata, schema };
  const fileColumns = new Map<string, string>();
  schema.forEach((el, index) => {
    if (topLevel.has(index)) fileColumns.set(el.name.toLowerCase(), el.name);
  });
  const present = columns.map((c) => fileColumns.get(c.name.toLowerCase()));
  const readNames = present.filter((n): n is string => n != null);
  const converters = columns.map((c) => converterFor(c.type, scales.get(c.name.toLowerCase())));
  const file = asyncBufferOf(fs, range.path, range.fileLength);
  let rowStart = 0;
  const starts: number[] = [];
  for (const rg of metadata.row_groups) {
    starts.push(rowStart);
    rowStart += Number(rg.num_rows);
  }
  for (const g of groups) {
    const rg = metadata.row_groups[g];
    const from = starts[g];
    if (rg == null || from == null) continue;
    const n = Number(rg.num_rows);
    const to = from + n;
    const decoded = new Map<string, unknown[]>();
    for (const name of readNames) decoded.set(name, new Array<unknown>(n).fill(null));
    try {
      if (readNames.length > 0) {
        await parquetRead({
          file,
          metadata: meta,
          columns: readNames,
          rowStart: from,
          rowEnd: to,
          utf8: false,
          parsers: {
            dateFromDays: (d: number) => d,
            timestampFromMicroseconds: (m: bigint) => m,
            timestampFromMilliseconds: (m: bigint) => m * 1000n,
            timestampFromNanoseconds: (ns: bigint) => ns / 1000n,
          },
          // Column chunks, not row objects: assembling rows costs more than decoding (see ADR 0006).
          onChunk: (chunk) => {
            const out = decoded.get(chunk.columnName);
            if (out == null) return;
            const a = Math.max(from, chunk.rowStart);
            const b = Math.min(to, chunk.rowEnd);
            const data = chunk.columnData;
            for (let r = a; r < b; r++) out[r - from] = data[r - chunk.rowStart];
          },
        });
      }
    } catch (e) {
      const offset = rowGroupExtent(rg).start;
      throw new HiveBatchError(
        'MALFORMED_DATA',
        `Cannot decode row group ${g} of ${range.path} at offset ${offset}`,
        { cause: e },
      );
    }
    const out = columns.map((_, c) => {
      const name = present[c];
      const raw = name == null ? null : decoded.get(name);
      if (raw == null) return new Array<unknown>(n).fill(null);
      const conv = converters[c];
      if (conv == null) {
        for (let r = 0; r < n; r++) if (raw[r] === undefined) raw[r] = null;
        return raw;
      }
      for (let r = 0; r < n; r++) raw[r] = raw[r] == null ? null : conv(raw[r]);
      return raw;
    });
    yield { numRows: n, columns: out };
  }
}
