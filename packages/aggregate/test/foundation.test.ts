import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HiveDecimal, isHiveBatchError } from '@hive-batch/core';
import { createAccumulatorState, createAggregateRegistry, growAccumulatorState } from '@hive-batch/aggregate';
import type { AggregateFunctionDefinition, AccumulatorLayout, JsonValue } from '@hive-batch/aggregate';
import {
  decodeValue,
  encodeValue,
  PartialReader,
  PartialWriter,
  valueFromJson,
  valueToJson,
} from '../src/internal/partial-codec';
import { exactEquals } from './helpers/split-invariance';

const layout: AccumulatorLayout = {
  slots: [
    { name: 'a', type: 'f64' },
    { name: 'b', type: 'i64' },
    { name: 'c', type: 'i32' },
    { name: 'd', type: 'u8' },
  ],
  usesSideState: true,
};

describe('accumulator state', () => {
  it('allocates one typed array per slot and grows by doubling, keeping values', () => {
    const s = createAccumulatorState(layout, 2);
    expect(s.slots.map((a) => a.constructor.name)).toEqual([
      'Float64Array',
      'BigInt64Array',
      'Int32Array',
      'Uint8Array',
    ]);
    (s.slots[0] as Float64Array)[1] = 1.5;
    (s.slots[1] as BigInt64Array)[1] = -7n;
    s.side[1] = ['x'];
    growAccumulatorState(s, layout, 9);
    expect(s.capacity).toBe(16);
    expect(s.slots[0]?.length).toBe(16);
    expect((s.slots[0] as Float64Array)[1]).toBe(1.5);
    expect((s.slots[1] as BigInt64Array)[1]).toBe(-7n);
    expect(s.side).toHaveLength(16);
    expect(s.side[1]).toEqual(['x']);
    growAccumulatorState(s, layout, 3);
    expect(s.capacity).toBe(16);
  });
});

const valueArb: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.bigInt({ min: -(2n ** 130n), max: 2n ** 130n }),
    fc.string({ unit: 'grapheme' }),
    fc
      .bigInt({ min: -(10n ** 38n) + 1n, max: 10n ** 38n - 1n })
      .map((u) => new HiveDecimal(u.toString()).div(1e10)),
    fc.uint8Array({ maxLength: 8 }),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 3 }), tie('v'), { maxKeys: 3 }),
    fc
      .array(fc.tuple(fc.string({ maxLength: 2 }), tie('v')), { maxLength: 3 })
      .map((es) => new Map<unknown, unknown>(es)),
  ),
})).v;

describe('partial codec', () => {
  it('round-trips any value through the binary form', () => {
    fc.assert(
      fc.property(valueArb, (v) => {
        expect(exactEquals(decodeValue(encodeValue(v)), v)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
  it('round-trips any value through JSON text', () => {
    fc.assert(
      fc.property(valueArb, (v) => {
        const json = JSON.parse(JSON.stringify(valueToJson(v))) as JsonValue;
        expect(exactEquals(valueFromJson(json), v)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
  it('round-trips primitive fields in order', () => {
    const w = new PartialWriter()
      .uvarint(300)
      .varint(-5)
      .f64(-0)
      .bool(true)
      .string('é€😀')
      .bigint(-(2n ** 70n));
    const r = new PartialReader(w.finish());
    expect(r.uvarint()).toBe(300);
    expect(r.varint()).toBe(-5);
    expect(Object.is(r.f64(), -0)).toBe(true);
    expect(r.bool()).toBe(true);
    expect(r.string()).toBe('é€😀');
    expect(r.bigint()).toBe(-(2n ** 70n));
    expect(() => r.end()).not.toThrow();
  });
  it('rejects truncated and trailing input with INVALID_AGGREGATE_STATE', () => {
    const bytes = encodeValue(['abc', 1n]);
    for (const bad of [bytes.subarray(0, bytes.length - 1), new Uint8Array([...bytes, 0])]) {
      let caught: unknown;
      try {
        decodeValue(bad);
      } catch (e) {
        caught = e;
      }
      expect(isHiveBatchError(caught) && caught.code).toBe('INVALID_AGGREGATE_STATE');
    }
  });
});

function def(name: string, aliases: string[] = []): AggregateFunctionDefinition {
  return {
    name,
    aliases,
    description: name,
    resolve: () => {
      throw new Error('unused');
    },
  };
}

function codeOf(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return isHiveBatchError(e) ? e.code : e;
  }
  return undefined;
}

describe('aggregate registry', () => {
  it('looks up names and aliases case-insensitively', () => {
    const std = def('stddev', ['std', 'stddev_pop']);
    const r = createAggregateRegistry([def('sum'), std]);
    expect(r.lookup('STD')).toBe(std);
    expect(r.lookup('Stddev_Pop')).toBe(std);
    expect(r.lookup('nope')).toBeUndefined();
    expect(r.list().map((d) => d.name)).toEqual(['sum', 'stddev']);
  });
  it('rejects empty and duplicate names unless overridden', () => {
    const r = createAggregateRegistry([def('sum', ['total'])]);
    expect(codeOf(() => r.register(def('')))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => r.register(def('x', [' '])))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => r.register(def('SUM')))).toBe('DUPLICATE_FUNCTION');
    expect(codeOf(() => r.register(def('other', ['Total'])))).toBe('DUPLICATE_FUNCTION');
    const replacement = def('sum');
    r.register(replacement, { override: true });
    expect(r.lookup('sum')).toBe(replacement);
    expect(r.lookup('total')).toBeUndefined();
    expect(r.list()).toEqual([replacement]);
  });
});
