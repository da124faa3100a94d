import { gzipSync } from 'node:zlib';
import {
  createSchema,
  createTextRowSerializer,
  HiveBatchError,
  type Field,
  type TextSerDeOptions,
} from '@hive-batch/core';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { parquetElementsOf, toParquetValue } from '../internal/parquet-types';
import type { HiveFileFormat } from '../planning/hive-split';

/** The finished bytes of a data file plus what the catalog statistics need. */
export interface FinishedFile {
  readonly bytes: Uint8Array;
  readonly numRows: number;
  /** Hive's rawDataSize: text = serialized row bytes without terminators; parquet = uncompressed value bytes. */
  readonly rawDataSize: number;
}

/** Buffers the rows of one data file and encodes them on {@link DataFileWriter.finish}. */
export interface DataFileWriter {
  append(row: readonly unknown[]): void;
  readonly numRows: number;
  /** Estimated encoded bytes so far (exact for text). */
  readonly estimatedBytes: number;
  finish(): FinishedFile;
}

/** Options of {@link createDataFileWriter}. */
export interface DataFileWriterOptions {
  readonly format: HiveFileFormat;
  /** Data columns in file order (no partition columns). */
  readonly columns: readonly Field[];
  /** LazySimpleSerDe options for TEXTFILE. Defaults to Hive's (`^A` fields, `\N` nulls). */
  readonly serde?: TextSerDeOptions;
  /** Gzip the text file (the file name should end in `.gz`). Defaults to `false`. */
  readonly gzip?: boolean;
  /** Rows per parquet row group. Rows. Defaults to `100000`. */
  readonly rowGroupRows?: number;
}

const encoder = new TextEncoder();

function estimateValue(v: unknown): number {
  if (v == null) return 1;
  if (typeof v === 'string') return v.length + 4;
  if (v instanceof Uint8Array) return v.length + 4;
  return 8;
}

/**
 * A writer for one TEXTFILE (LazySimpleSerDe, `\n` line terminator) or PARQUET data file.
 *
 * @throws {HiveBatchError} `UNSUPPORTED_TYPE` for a VOID (untyped NULL) parquet column
 */
export function createDataFileWriter(options: DataFileWriterOptions): DataFileWriter {
  const { columns } = options;
  if (options.format === 'TEXTFILE') {
    const serializer = createTextRowSerializer(createSchema(columns), options.serde);
    const lines: string[] = [];
    let bytes = 0;
    let raw = 0;
    return {
      append(row) {
        const line = serializer.serializeRow(row);
        lines.push(line);
        const n = Buffer.byteLength(line, 'utf8');
        bytes += n + 1;
        raw += n;
      },
      get numRows() {
        return lines.length;
      },
      get estimatedBytes() {
        return bytes;
      },
      finish() {
        const text = lines.length === 0 ? '' : lines.join('\n') + '\n';
        const data = encoder.encode(text);
        return {
          bytes: options.gzip === true ? gzipSync(data) : data,
          numRows: lines.length,
          rawDataSize: raw,
        };
      },
    };
  }
  const elements = columns.flatMap((c) => parquetElementsOf(c.name, c.type));
  const data: unknown[][] = columns.map(() => []);
  let rows = 0;
  let estimate = 0;
  return {
    append(row) {
      if (row.length !== columns.length) {
        throw new HiveBatchError(
          'INVALID_ARGUMENT',
          `Row has ${row.length} values, the file has ${columns.length} columns`,
        );
      }
      for (let c = 0; c < columns.length; c++) {
        const v = row[c];
        const col = columns[c];
        const out = col == null ? null : toParquetValue(col.type, v);
        data[c]?.push(out);
        estimate += estimateValue(v);
      }
      rows++;
    },
    get numRows() {
      return rows;
    },
    get estimatedBytes() {
      return estimate;
    },
    finish() {
      const buffer = parquetWriteBuffer({
        columnData: columns.map((c, i) => ({ name: c.name, data: data[i] ?? [] })),
        schema: [{ name: 'hive_schema', num_children: columns.length }, ...elements],
        rowGroupSize: options.rowGroupRows ?? 100_000,
        statistics: false,
      });
      return { bytes: new Uint8Array(buffer), numRows: rows, rawDataSize: estimate };
    },
  };
}
