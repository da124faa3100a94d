import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HiveTypes, castValue, columnFromValues, getValue } from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
import { widenNumberColumn } from '../src/internal/widen-column';

const sources: readonly [DataType, fc.Arbitrary<number>][] = [
  [HiveTypes.tinyint, fc.integer({ min: -128, max: 127 })],
  [HiveTypes.smallint, fc.integer({ min: -32768, max: 32767 })],
  [HiveTypes.int, fc.integer()],
  [HiveTypes.float, fc.float().map((x) => Math.fround(x))],
];
const targets: readonly DataType[] = [HiveTypes.int, HiveTypes.bigint, HiveTypes.double];

describe('widenNumberColumn (internal)', () => {
  for (const [from, arb] of sources) {
    for (const to of targets) {
      it(`${from.kind} → ${to.kind} equals core's castValue row by row (or declines)`, () => {
        fc.assert(
          fc.property(fc.array(fc.option(arb, { nil: null }), { maxLength: 50 }), (values) => {
            const column = columnFromValues(from, values);
            const widened = widenNumberColumn(column, to, values.length);
            const declines =
              (from.kind === 'float' && to.kind !== 'double') || (from.kind === 'int' && to.kind === 'int');
            expect(widened == null).toBe(declines);
            if (widened == null) return;
            expect(widened.type).toEqual(to);
            values.forEach((v, i) => {
              const want = v == null ? null : castValue(v, from, to);
              const got = getValue(widened, i);
              expect(Object.is(got, want) || got === want).toBe(true);
            });
          }),
          { numRuns: 50 },
        );
      });
    }
  }
});
