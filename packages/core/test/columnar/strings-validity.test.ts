import { describe, expect, it } from 'vitest';
import {
  HiveTypes,
  bytesAt,
  columnFromValues,
  isNullAt,
  isValidAt,
  stringAt,
  validityFromNulls,
} from '@hive-batch/core';
import type { VarBinaryColumn } from '@hive-batch/core';

function varbinary(type: typeof HiveTypes.string, values: readonly unknown[]): VarBinaryColumn {
  const col = columnFromValues(type, values);
  if (col.layout !== 'varbinary') throw new Error(col.layout);
  return col;
}

describe('stringAt / bytesAt', () => {
  const values = [
    '',
    'ascii',
    'x'.repeat(24),
    'y'.repeat(25),
    'héllo',
    '日本語',
    '🙂 emoji',
    'a'.repeat(23) + 'é',
    null,
  ];
  const col = varbinary(HiveTypes.string, values);

  it('decodes short, long, ASCII and non-ASCII strings', () => {
    expect(values.map((_, i) => stringAt(col, i))).toEqual(values.map((v) => v ?? ''));
    expect(stringAt(col, values.length - 1)).toBe('');
  });

  it('bytesAt is a zero-copy view of the UTF-8 bytes', () => {
    const view = bytesAt(col, 4);
    expect(Array.from(view)).toEqual(Array.from(new TextEncoder().encode('héllo')));
    expect(view.buffer).toBe(col.data.buffer);
    const bin = varbinary(HiveTypes.binary, [new Uint8Array([1, 2, 3]), new Uint8Array(0)]);
    expect(Array.from(bytesAt(bin, 0))).toEqual([1, 2, 3]);
    expect(bytesAt(bin, 1).length).toBe(0);
  });
});

describe('validity helpers', () => {
  it('validityFromNulls builds an LSB-first bitmap, or null without NULLs', () => {
    expect(validityFromNulls([false, false])).toBeNull();
    expect(validityFromNulls([])).toBeNull();
    expect(Array.from(validityFromNulls([false, true, false]) ?? [])).toEqual([0b101]);
    const nulls = Array.from({ length: 20 }, (_, i) => i % 3 === 0);
    const bitmap = validityFromNulls(nulls);
    expect(bitmap?.length).toBe(3);
    const col = {
      ...columnFromValues(
        HiveTypes.int,
        nulls.map(() => 1),
      ),
      validity: bitmap,
      nullCount: 7,
    };
    nulls.forEach((n, i) => {
      expect(isValidAt(col, i)).toBe(!n);
      expect(isNullAt(col, i)).toBe(n);
    });
  });

  it('void columns are NULL everywhere', () => {
    const col = columnFromValues(HiveTypes.void, [null, undefined]);
    expect(col.nullCount).toBe(2);
    expect(isValidAt(col, 0)).toBe(false);
  });
});
