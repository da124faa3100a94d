import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  batchToRows,
  createSchema,
  createTextRowParser,
  createTextRowSerializer,
  HiveTypes,
  splitLines,
  textSerDeOptionsFromProperties,
  type Field,
} from '@hive-batch/core';
import { normalizeValue, rowsArbitrary, schemaArbitrary } from '@hive-batch/test-utils';
import {
  createDataFileWriter,
  createMemoryFileSystem,
  readHiveSplit,
  readTextLines,
  type FileRange,
  type FileSystem,
  type HiveFileFormat,
  type HiveSplit,
  type TableReadInfo,
} from '@hive-batch/connector-hive';

const encoder = new TextEncoder();

/** Random cut points tiling [0, n). */
const cutsArb = (n: number): fc.Arbitrary<number[]> =>
  fc
    .uniqueArray(fc.integer({ min: 1, max: Math.max(1, n - 1) }), { maxLength: 8 })
    .map((c) => [0, ...c.filter((x) => x < n).sort((a, b) => a - b), n]);

function rangesOf(path: string, cuts: readonly number[], n: number): FileRange[] {
  const out: FileRange[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i] ?? 0;
    const end = cuts[i + 1] ?? n;
    if (end > start) out.push({ path, start, length: end - start, fileLength: n });
  }
  if (out.length === 0) out.push({ path, start: 0, length: n, fileLength: n });
  return out;
}

async function allLines(
  fs: FileSystem,
  ranges: readonly FileRange[],
  skip = 0,
  chunkBytes?: number,
): Promise<string[]> {
  const out: string[] = [];
  const options = { skipHeaderLines: skip, ...(chunkBytes != null ? { chunkBytes } : {}) };
  for (const r of ranges)
    for await (const b of readTextLines(fs, r, options)) out.push(...b.map((l) => l.text));
  return out;
}

describe('readTextLines', () => {
  it('reads every line exactly once for any tiling and read chunk size (LF, CRLF, lone CR, multi-byte text)', async () => {
    const lineArb = fc.string({ unit: fc.constantFrom('a', 'b', 'é', '€', '\u0001', ' '), maxLength: 8 });
    const termArb = fc.constantFrom('\n', '\r\n', '\r');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(lineArb, termArb), { maxLength: 12 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 1000 }),
        fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
        async (lines, finalTerminator, seed, chunkBytes) => {
          let text = lines.map(([l, t]) => l + t).join('');
          if (!finalTerminator && lines.length > 0)
            text = text.slice(0, -(lines[lines.length - 1]?.[1].length ?? 0));
          const bytes = encoder.encode(text);
          const fs = createMemoryFileSystem();
          await fs.writeFile('/f', bytes);
          const cuts = fc.sample(cutsArb(bytes.length), { seed, numRuns: 1 })[0] ?? [0, bytes.length];
          // Tiny read chunks put chunk boundaries inside lines and between CR and LF.
          expect(await allLines(fs, rangesOf('/f', cuts, bytes.length), 0, chunkBytes)).toEqual(
            splitLines(bytes),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('skips header lines only at the start of the file and reads gzip whole', async () => {
    const fs = createMemoryFileSystem();
    await fs.writeFile('/h', encoder.encode('head\nx\ny\n'));
    expect(await allLines(fs, rangesOf('/h', [0, 3, 9], 9), 1)).toEqual(['x', 'y']);
    expect(await allLines(fs, rangesOf('/h', [0, 3, 9], 9), 1, 2)).toEqual(['x', 'y']);
    expect(await allLines(fs, rangesOf('/h', [0, 9], 9), 2, 1)).toEqual(['y']);
    const gz = gzipSync(encoder.encode('1\n2\n'));
    await fs.writeFile('/z.gz', gz);
    expect(
      await allLines(fs, [{ path: '/z.gz', start: 0, length: gz.length, fileLength: gz.length }]),
    ).toEqual(['1', '2']);
  });

  it('reports a corrupt gzip file as MALFORMED_DATA', async () => {
    const fs = createMemoryFileSystem();
    await fs.writeFile('/bad.gz', encoder.encode('not gzip'));
    await expect(
      allLines(fs, [{ path: '/bad.gz', start: 0, length: 8, fileLength: 8 }]),
    ).rejects.toMatchObject({ code: 'MALFORMED_DATA' });
  });
});

function info(
  format: HiveFileFormat,
  columns: readonly Field[],
  properties: Record<string, string> = {},
): TableReadInfo {
  return { format, columns, partitionKeys: [], properties };
}

const ESCAPING = { 'escape.delim': '\\', 'serialization.escape.crlf': 'true' };

async function readFile(
  fs: FileSystem,
  table: TableReadInfo,
  ranges: readonly FileRange[],
): Promise<unknown[][]> {
  const rows: unknown[][] = [];
  for (const r of ranges) {
    const split: HiveSplit = { splitId: `${r.start}`, partitionId: '', format: table.format, ranges: [r] };
    for await (const b of readHiveSplit(split, { fileSystem: fs, table })) rows.push(...batchToRows(b));
  }
  return rows;
}

describe('writer → reader round trip', () => {
  it.each(['TEXTFILE', 'PARQUET'] as const)(
    '%s: random schemas and rows survive any tiling of the file',
    async (format) => {
      const schemas = schemaArbitrary({ maxColumns: 5, maxDepth: 2 });
      await fc.assert(
        fc.asyncProperty(
          schemas.chain((schema) =>
            fc.tuple(
              fc.constant(schema),
              rowsArbitrary(schema, { maxRows: 30 }),
              fc.integer({ min: 1, max: 7 }),
              fc.integer({ min: 0, max: 1000 }),
              fc.constantFrom({}, ESCAPING),
            ),
          ),
          async ([schema, rows, rowGroupRows, seed, props]) => {
            const serde = textSerDeOptionsFromProperties(props);
            const writer = createDataFileWriter({ format, columns: schema.fields, rowGroupRows, serde });
            for (const r of rows) writer.append(r);
            const done = writer.finish();
            expect(done.numRows).toBe(rows.length);
            const fs = createMemoryFileSystem();
            await fs.writeFile('/f', done.bytes);
            const n = done.bytes.length;
            const cuts = fc.sample(cutsArb(n), { seed, numRuns: 1 })[0] ?? [0, n];
            const got = await readFile(fs, info(format, schema.fields, props), rangesOf('/f', cuts, n));
            const expected = format === 'TEXTFILE' ? textExpected(schema.fields, rows, props) : rows;
            expect(got.map((r) => normalizeValue(r))).toEqual(expected.map((r) => normalizeValue(r)));
          },
        ),
        { numRuns: 60 },
      );
    },
  );

  it('reads parquet arrays and structs with nulls, empty arrays and nested decimals', async () => {
    const { HiveDecimal, arrayType, decimalType, structType } = await import('@hive-batch/core');
    const columns: Field[] = [
      { name: 'xs', type: arrayType(decimalType(30, 3)) },
      {
        name: 'st',
        type: structType([
          { name: 'a', type: HiveTypes.int },
          { name: 'b', type: arrayType(HiveTypes.string) },
        ]),
      },
    ];
    const rows = [
      [[new HiveDecimal('123456789012345678901234567.891'), null], { a: 1, b: ['x', null] }],
      [[], { a: null, b: [] }],
      [null, null],
      [[new HiveDecimal('-0.001')], { a: 3, b: null }],
    ];
    const w = createDataFileWriter({ format: 'PARQUET', columns, rowGroupRows: 2 });
    for (const r of rows) w.append(r);
    const done = w.finish();
    const fs = createMemoryFileSystem();
    await fs.writeFile('/n', done.bytes);
    const n = done.bytes.length;
    const got = await readFile(fs, info('PARQUET', columns), [
      { path: '/n', start: 0, length: n, fileLength: n },
    ]);
    expect(got.map((r) => normalizeValue(r))).toEqual(rows.map((r) => normalizeValue(r)));
  });

  it('reads parquet maps with typed keys (bigint, decimal) and NULL values', async () => {
    const { HiveDecimal, decimalType, mapType } = await import('@hive-batch/core');
    const columns: Field[] = [
      { name: 'm', type: mapType(HiveTypes.bigint, HiveTypes.string) },
      { name: 'd', type: mapType(decimalType(10, 2), HiveTypes.int) },
    ];
    const rows = [
      [
        new Map<unknown, unknown>([
          [1n, 'a'],
          [2n, null],
        ]),
        new Map([[new HiveDecimal('1.50'), 7]]),
      ],
      [new Map(), null],
      [null, new Map()],
    ];
    const w = createDataFileWriter({ format: 'PARQUET', columns });
    for (const r of rows) w.append(r);
    const done = w.finish();
    const fs = createMemoryFileSystem();
    await fs.writeFile('/m', done.bytes);
    const n = done.bytes.length;
    const got = await readFile(fs, info('PARQUET', columns), [
      { path: '/m', start: 0, length: n, fileLength: n },
    ]);
    expect(got.map((r) => normalizeValue(r))).toEqual(rows.map((r) => normalizeValue(r)));
  });

  it('decodes parquet decimals exactly beyond float precision', async () => {
    const columns: Field[] = [{ name: 'd', type: { kind: 'decimal', precision: 38, scale: 10 } }];
    const { HiveDecimal } = await import('@hive-batch/core');
    const v = new HiveDecimal('1234567890123456789012345678.0123456789');
    const w = createDataFileWriter({ format: 'PARQUET', columns });
    w.append([v]);
    w.append([null]);
    const fs = createMemoryFileSystem();
    const done = w.finish();
    await fs.writeFile('/d', done.bytes);
    const rows = await readFile(fs, info('PARQUET', columns), [
      { path: '/d', start: 0, length: done.bytes.length, fileLength: done.bytes.length },
    ]);
    expect(normalizeValue(rows)).toEqual(normalizeValue([[v], [null]]));
  });

  it('names the file for a corrupt parquet file (MALFORMED_DATA)', async () => {
    const fs = createMemoryFileSystem();
    await fs.writeFile('/bad.parquet', encoder.encode('PAR1 not really parquet PAR1'));
    const columns: Field[] = [{ name: 'a', type: HiveTypes.int }];
    await expect(
      readFile(fs, info('PARQUET', columns), [
        { path: '/bad.parquet', start: 0, length: 28, fileLength: 28 },
      ]),
    ).rejects.toMatchObject({
      code: 'MALFORMED_DATA',
      message: expect.stringContaining('/bad.parquet') as unknown,
    });
  });
});

/**
 * What Hive reads back from a text file: the rows serialized, the whole text split into lines and each parsed by
 * core's LazySimpleSerDe (an unescaped newline inside a string starts a new row in Hive too). The connector's
 * range reading must agree with that for every tiling.
 */
function textExpected(
  columns: readonly Field[],
  rows: readonly unknown[][],
  props: Record<string, string>,
): unknown[][] {
  const options = textSerDeOptionsFromProperties(props);
  const serializer = createTextRowSerializer(createSchema(columns), options);
  const parser = createTextRowParser(createSchema(columns), options);
  const text = rows.map((r) => serializer.serializeRow(r) + '\n').join('');
  return splitLines(text).map((l) => parser.parseLine(l));
}
