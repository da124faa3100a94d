// String columns: UTF-8 offsets+bytes (the pinned layout) vs a plain string[] — build, read, hash-like access.
// Run: npx vitest bench --run --project @hive-batch/core bench/strings.bench.ts
import { bench, describe } from 'vitest';
import { HiveTypes, bytesAt, createColumnBuilder, stringAt } from '@hive-batch/core';
import type { VarBinaryColumn } from '@hive-batch/core';

const ROWS = 100_000;
const OPTIONS = { time: 300, warmupTime: 100 };

// Deterministic mix: mostly short ASCII keys (like group-by keys), 1 in 8 with non-ASCII, 1 in 16 long.
let seed = 12345;
const rnd = (): number => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 4294967296;
};
const strings: string[] = Array.from({ length: ROWS }, (_, i) => {
  const base = `key_${Math.floor(rnd() * 5000)}`;
  if (i % 16 === 0) return base.repeat(8);
  if (i % 8 === 0) return `${base}_é日`;
  return base;
});

function buildColumn(): VarBinaryColumn {
  const b = createColumnBuilder(HiveTypes.string, { initialCapacity: ROWS });
  for (const s of strings) b.append(s);
  const col = b.finish();
  if (col.layout !== 'varbinary') throw new Error(col.layout);
  return col;
}
const column = buildColumn();
const decoded: string[] = Array.from({ length: ROWS }, (_, i) => stringAt(column, i));
const decoder = new TextDecoder();

let sink = 0;

describe('build 100k strings', () => {
  bench(
    'offsets+bytes: ColumnBuilder.append',
    () => {
      sink += buildColumn().length;
    },
    OPTIONS,
  );
  bench(
    'string[]: push',
    () => {
      const arr: string[] = [];
      for (const s of strings) arr.push(s);
      sink += arr.length;
    },
    OPTIONS,
  );
});

describe('read all 100k as JS strings', () => {
  bench(
    'offsets+bytes: stringAt (ASCII fast path + TextDecoder)',
    () => {
      for (let i = 0; i < ROWS; i++) sink += stringAt(column, i).length;
    },
    OPTIONS,
  );
  bench(
    'offsets+bytes: TextDecoder.decode on every row',
    () => {
      for (let i = 0; i < ROWS; i++) sink += decoder.decode(bytesAt(column, i)).length;
    },
    OPTIONS,
  );
  bench(
    'string[] (decoded once, cached)',
    () => {
      for (let i = 0; i < ROWS; i++) sink += (decoded[i] ?? '').length;
    },
    OPTIONS,
  );
});

describe('hash-like access over 100k (FNV-1a)', () => {
  bench(
    'offsets+bytes: hash UTF-8 bytes in place',
    () => {
      const { offsets, data } = column;
      for (let i = 0; i < ROWS; i++) {
        let h = 0x811c9dc5;
        for (let k = offsets[i] ?? 0, end = offsets[i + 1] ?? 0; k < end; k++)
          h = Math.imul(h ^ (data[k] ?? 0), 16777619);
        sink ^= h;
      }
    },
    OPTIONS,
  );
  bench(
    'string[]: hash UTF-16 code units',
    () => {
      for (let i = 0; i < ROWS; i++) {
        const s = decoded[i] ?? '';
        let h = 0x811c9dc5;
        for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 16777619);
        sink ^= h;
      }
    },
    OPTIONS,
  );
  bench(
    'offsets+bytes: decode with stringAt, then hash',
    () => {
      for (let i = 0; i < ROWS; i++) {
        const s = stringAt(column, i);
        let h = 0x811c9dc5;
        for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 16777619);
        sink ^= h;
      }
    },
    OPTIONS,
  );
});

describe('sink', () => {
  bench(
    'keep results alive',
    () => {
      if (sink === 0.5) throw new Error('unreachable');
    },
    { iterations: 1, time: 0 },
  );
});
