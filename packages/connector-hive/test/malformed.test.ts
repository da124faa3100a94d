import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HiveTypes, isHiveBatchError, type Field } from '@hive-batch/core';
import {
  createDataFileWriter,
  createMemoryFileSystem,
  readHiveSplit,
  type HiveFileFormat,
  type HiveSplit,
} from '@hive-batch/connector-hive';

const columns: Field[] = [
  { name: 'a', type: HiveTypes.int },
  { name: 's', type: HiveTypes.string },
  { name: 'd', type: { kind: 'decimal', precision: 20, scale: 2 } },
];

async function readCorrupted(
  format: HiveFileFormat,
  gzip: boolean,
  flips: readonly [number, number][],
  truncate: number,
): Promise<unknown> {
  const w = createDataFileWriter({ format, columns, rowGroupRows: 3, gzip });
  for (let i = 0; i < 10; i++) w.append([i, `v${i}`, null]);
  const bytes = w.finish().bytes.slice();
  for (const [pos, value] of flips) bytes[pos % bytes.length] = value;
  const data = bytes.subarray(0, Math.max(0, bytes.length - truncate));
  const fs = createMemoryFileSystem();
  const path = gzip ? '/t/f.gz' : '/t/f';
  await fs.writeFile(path, data);
  const split: HiveSplit = {
    splitId: 's',
    partitionId: '',
    format,
    ranges: [{ path, start: 0, length: data.length, fileLength: data.length }],
  };
  try {
    let rows = 0;
    for await (const b of readHiveSplit(split, {
      fileSystem: fs,
      table: { format, columns, partitionKeys: [], properties: {} },
    }))
      rows += b.numRows;
    return rows;
  } catch (e) {
    return e;
  }
}

describe('malformed files', () => {
  it.each([
    ['PARQUET', false],
    ['TEXTFILE', true],
  ] as const)(
    '%s (gzip %s): corrupted or truncated bytes read or fail with MALFORMED_DATA, never crash',
    async (format, gzip) => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
          fc.integer({ min: 0, max: 40 }),
          async (flips, truncate) => {
            const out = await readCorrupted(format, gzip, flips, truncate);
            const ok =
              typeof out === 'number' ||
              (isHiveBatchError(out) && out.code === 'MALFORMED_DATA' && out.message.includes('/t/f'));
            expect(ok ? 'ok' : out).toBe('ok');
          },
        ),
        { numRuns: 200 },
      );
    },
  );
});
