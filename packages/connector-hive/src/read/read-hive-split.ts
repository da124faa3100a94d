import {
  ColumnBatchBuilder,
  HiveBatchError,
  HiveTypes,
  castValue,
  columnFromValues,
  createSchema,
  createTextRowParser,
  isHiveBatchError,
  textSerDeOptionsFromProperties,
  type ColumnBatch,
  type Field,
  type Schema,
} from '@hive-batch/core';
import type { FileSystem } from '../fs/file-system';
import { parsePartitionPath } from '../layout/hive-paths';
import type { HiveSplit } from '../planning/hive-split';
import { readParquetRange } from './parquet-range-reader';
import type { TableReadInfo } from './table-read-info';
import { readTextLines } from './text-lines';

/** Options of {@link readHiveSplit}. */
export interface ReadHiveSplitOptions {
  readonly fileSystem: FileSystem;
  readonly table: TableReadInfo;
  /** Column names to produce, in order (data or partition columns). Defaults to all data columns, then partition keys. */
  readonly projection?: readonly string[];
  /** Rows per batch. Rows. Defaults to `1024`. */
  readonly batchRows?: number;
}

/** Output schema for a projection: the named fields in projection order. */
export function projectedSchema(table: TableReadInfo, projection?: readonly string[]): Schema {
  const all = [...table.columns, ...table.partitionKeys];
  if (projection == null) return createSchema(all);
  return createSchema(
    projection.map((name) => {
      const f = all.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (f == null) throw new HiveBatchError('COLUMN_NOT_FOUND', `Column ${name} is not in the table`);
      return f;
    }),
  );
}

/**
 * Reads one split into column batches: the projected data columns decoded from the files (TEXTFILE through
 * LazySimpleSerDe, PARQUET with column projection and row-group selection) and the partition columns filled
 * from the split's partition values (converted from STRING to the key type; the default partition is NULL).
 *
 * @throws {HiveBatchError} `MALFORMED_DATA` naming file and offset for undecodable data; `COLUMN_NOT_FOUND`
 */
export async function* readHiveSplit(
  split: HiveSplit,
  options: ReadHiveSplitOptions,
): AsyncGenerator<ColumnBatch, void, undefined> {
  const { table } = options;
  const schema = projectedSchema(table, options.projection);
  const keyNames = table.partitionKeys.map((k) => k.name);
  const rawValues = split.partitionId === '' ? [] : parsePartitionPath(keyNames, split.partitionId);
  const partValues = table.partitionKeys.map((k, i) => {
    const raw = rawValues[i];
    return raw == null ? null : castValue(raw, HiveTypes.string, k.type);
  });
  // For each output field: ['data', index in file columns] or ['part', index in keys].
  const plan = schema.fields.map((f): readonly ['data' | 'part', number] => {
    const d = table.columns.findIndex((c) => c.name.toLowerCase() === f.name.toLowerCase());
    if (d >= 0) return ['data', d];
    return ['part', table.partitionKeys.findIndex((c) => c.name.toLowerCase() === f.name.toLowerCase())];
  });
  const dataFields: Field[] = [];
  const dataSlot = plan.map(([kind, i]) => {
    if (kind !== 'data') return -1;
    const f = table.columns[i];
    if (f != null) dataFields.push(f);
    return dataFields.length - 1;
  });
  const builder = new ColumnBatchBuilder(schema, { highWaterMarkRows: options.batchRows ?? 1024 });
  // For each output column: the index in the parsed file row, or -1 for a partition column.
  const fileIndex = plan.map(([kind, i]) => (kind === 'data' ? i : -1));
  const constant = plan.map(([kind, i]) => (kind === 'part' ? (partValues[i] ?? null) : null));
  const row = new Array<unknown>(plan.length); // reused: appendRow copies the values out
  const emitRow = (parsed: readonly unknown[]): void => {
    for (let k = 0; k < row.length; k++) {
      const f = fileIndex[k] ?? -1;
      row[k] = f < 0 ? constant[k] : (parsed[f] ?? null);
    }
    builder.appendRow(row);
  };
  if (table.format === 'TEXTFILE') {
    const parser = createTextRowParser(
      createSchema(table.columns),
      textSerDeOptionsFromProperties(table.properties),
    );
    const skip = Number.parseInt(table.properties['skip.header.line.count'] ?? '0', 10);
    for (const range of split.ranges) {
      for await (const lines of readTextLines(options.fileSystem, range, {
        skipHeaderLines: Number.isFinite(skip) && skip > 0 ? skip : 0,
      })) {
        for (const line of lines) {
          let parsed: unknown[];
          try {
            parsed = parser.parseLine(line.text);
          } catch (e) {
            throw new HiveBatchError(
              'MALFORMED_DATA',
              `Cannot parse the line of ${range.path} at offset ${line.offset}`,
              { cause: e },
            );
          }
          emitRow(parsed);
          if (builder.isFull()) yield builder.finish();
        }
      }
    }
  } else {
    const batchRows = options.batchRows ?? 1024;
    for (const range of split.ranges) {
      try {
        for await (const group of readParquetRange(options.fileSystem, range, dataFields)) {
          for (let o = 0; o < group.numRows; o += batchRows) {
            const n = Math.min(batchRows, group.numRows - o);
            const cols = plan.map(([kind, i], k) => {
              const type = schema.fields[k]?.type ?? HiveTypes.void;
              if (kind === 'part')
                return columnFromValues(type, new Array<unknown>(n).fill(partValues[i] ?? null));
              const values = group.columns[dataSlot[k] ?? -1] ?? [];
              return columnFromValues(type, o === 0 && n === values.length ? values : values.slice(o, o + n));
            });
            yield { schema, columns: cols, numRows: n };
          }
        }
      } catch (e) {
        if (isHiveBatchError(e)) throw e;
        throw new HiveBatchError('MALFORMED_DATA', `Cannot read ${range.path} at offset ${range.start}`, {
          cause: e,
        });
      }
    }
  }
  if (builder.numRows > 0) yield builder.finish();
}
