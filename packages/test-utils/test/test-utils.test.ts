import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchFromRows, isPrimitiveType } from '@hive-batch/core';
import type { DataType, HiveDecimalValue } from '@hive-batch/core';
import {
  dataTypeArbitrary,
  expectRowsEqual,
  generateKeyValueColumns,
  mulberry32,
  qtestsDir,
  randomRowsForSchema,
  repoRoot,
  schemaArbitrary,
  sharedDir,
  tempDir,
  valueArbitrary,
} from '@hive-batch/test-utils';

function depth(t: DataType): number {
  switch (t.kind) {
    case 'array':
      return 1 + depth(t.element);
    case 'map':
      return 1 + Math.max(depth(t.key), depth(t.value));
    case 'struct':
      return 1 + Math.max(0, ...t.fields.map((f) => depth(f.type)));
    default:
      return 0;
  }
}

describe('arbitraries', () => {
  it('dataTypeArbitrary respects maxDepth and primitivesOnly, map keys are primitive', () => {
    fc.assert(
      fc.property(dataTypeArbitrary({ maxDepth: 2 }), (t) => {
        expect(depth(t)).toBeLessThanOrEqual(2);
        expect(t.kind !== 'map' || isPrimitiveType(t.key)).toBe(true);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(dataTypeArbitrary({ primitivesOnly: true }), (t) => {
        expect(isPrimitiveType(t)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('valueArbitrary keeps decimals within precision/scale, chars padded, floats fround-ed', () => {
    const dec = { kind: 'decimal', precision: 7, scale: 3 } as const;
    fc.assert(
      fc.property(valueArbitrary(dec, { nullable: false }), (v) => {
        const d = v as HiveDecimalValue;
        expect(d.decimalPlaces()).toBeLessThanOrEqual(3);
        expect(d.abs().lt(10_000)).toBe(true);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(valueArbitrary({ kind: 'char', length: 5 }, { nullable: false }), (v) => {
        expect(Array.from(v as string)).toHaveLength(5);
      }),
    );
    fc.assert(
      fc.property(valueArbitrary({ kind: 'float' }, { nullable: false }), (v) => {
        expect(Object.is(Math.fround(v as number), v)).toBe(true);
      }),
    );
  });
});

describe('generators', () => {
  it('mulberry32 is deterministic and in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(xs[0]);
  });

  it('generateKeyValueColumns honours groups and nullFraction', () => {
    const { keys, valid } = generateKeyValueColumns({ rows: 10_000, groups: 8, nullFraction: 0.25, seed: 5 });
    expect(new Set(keys).size).toBe(8);
    expect(Math.max(...keys)).toBe(7);
    const nulls = valid.reduce((n, v) => n + (v === 0 ? 1 : 0), 0);
    expect(nulls / 10_000).toBeCloseTo(0.25, 1);
  });

  it('randomRowsForSchema is deterministic, builds valid batches and limits cardinality', () => {
    fc.assert(
      fc.property(schemaArbitrary({ maxColumns: 3, maxDepth: 2 }), fc.nat(), (schema, seed) => {
        const rows = randomRowsForSchema(schema, 30, seed);
        expectRowsEqual(rows, randomRowsForSchema(schema, 30, seed));
        expect(batchFromRows(schema, rows).numRows).toBe(30);
      }),
      { numRuns: 50 },
    );
    const schema = { fields: [{ name: 's', type: { kind: 'string' } }] } as const;
    const rows = randomRowsForSchema(schema, 500, { seed: 1, cardinality: 4, nullFraction: 0 });
    expect(new Set(rows.map((r) => r[0])).size).toBeLessThanOrEqual(4);
  });
});

describe('paths and temp dirs', () => {
  it('finds the repo root and the shared corpus beside it', () => {
    expect(existsSync(join(repoRoot(), 'packages', 'test-utils'))).toBe(true);
    expect(basename(sharedDir())).toBe('shared');
    expect(qtestsDir()).toBe(join(sharedDir(), 'hive-qtests'));
  });

  let seen = '';
  it('tempDir creates a directory that is removed after the test', async () => {
    const dir = await tempDir();
    await writeFile(join(dir.path, 'x.txt'), 'x');
    expect(existsSync(join(dir.path, 'x.txt'))).toBe(true);
    seen = dir.path;
  });
  it('… and it is gone by the next test', () => {
    expect(seen).not.toBe('');
    expect(existsSync(seen)).toBe(false);
  });
});
