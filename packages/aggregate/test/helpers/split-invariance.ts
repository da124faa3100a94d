import fc from 'fast-check';
import { HiveDecimal } from '@hive-batch/core';
import { aggregateRows, mergePartials, resolveAggregate } from '@hive-batch/aggregate';
import type {
  AggregateEvaluator,
  AggregateFunctionDefinition,
  JsonValue,
  ResolveAggregateOptions,
} from '@hive-batch/aggregate';

/** Equality of two aggregate results or partials. */
export type ValueEquality = (actual: unknown, expected: unknown) => boolean;

/**
 * Deep equality for core values: numbers with Object.is except that 0 === -0 is *not* relaxed (bit-exact),
 * NaN equals NaN, bigints by value, decimals by numeric value, Uint8Array by bytes, arrays and plain objects
 * element-wise.
 */
export const exactEquals: ValueEquality = (a, b) => deepEqual(a, b, (x, y) => Object.is(x, y));

/** Like {@link exactEquals} but doubles compare with a relative tolerance (absolute near zero). */
export function approxEquals(relTol = 1e-9, absTol = 1e-9): ValueEquality {
  return (a, b) =>
    deepEqual(a, b, (x, y) => {
      if (Object.is(x, y) || x === y) return true;
      if (Number.isNaN(x) || Number.isNaN(y)) return false;
      if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
      return Math.abs(x - y) <= Math.max(absTol, relTol * Math.max(Math.abs(x), Math.abs(y)));
    });
}

function deepEqual(a: unknown, b: unknown, num: (x: number, y: number) => boolean): boolean {
  if (a == null || b == null) return a == null && b == null;
  if (typeof a === 'number' && typeof b === 'number') return num(a, b);
  if (typeof a === 'bigint' || typeof b === 'bigint') return a === b;
  if (HiveDecimal.isDecimal(a) || HiveDecimal.isDecimal(b)) {
    return HiveDecimal.isDecimal(a) && HiveDecimal.isDecimal(b) && a.eq(b);
  }
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return a instanceof Uint8Array && b instanceof Uint8Array && Buffer.from(a).equals(Buffer.from(b));
  }
  if (a instanceof Map || b instanceof Map) {
    if (!(a instanceof Map) || !(b instanceof Map) || a.size !== b.size) return false;
    const ea = [...(a as Map<unknown, unknown>)];
    const eb = [...(b as Map<unknown, unknown>)];
    return ea.every((e, i) => deepEqual(e, eb[i], num));
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i], num));
  }
  if (typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    return ka.every((k) =>
      deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], num),
    );
  }
  return a === b;
}

/** Options of {@link checkSplitInvariance}. */
export interface SplitInvarianceOptions {
  readonly definition: AggregateFunctionDefinition;
  readonly call: ResolveAggregateOptions;
  /** One argument tuple (values of the evaluator's input types). */
  readonly row: fc.Arbitrary<readonly unknown[]>;
  /** Result equality. Defaults to {@link exactEquals}. */
  readonly equals?: ValueEquality;
  /** Max rows per case. Defaults to 40. */
  readonly maxRows?: number;
  /** fast-check runs. Defaults to 100. */
  readonly numRuns?: number;
  /**
   * Whether chunks may be merged in any order (not only in row order). Defaults to `true`; set `false` for
   * order-sensitive functions (collect_list …) to check tree shapes only.
   */
  readonly reorder?: boolean;
}

/** Round-trips a partial through the binary and the JSON form and checks both give it back. */
export function roundTripPartial(ev: AggregateEvaluator, partial: unknown, useJson: boolean): unknown {
  const viaBinary = ev.decodePartial(ev.encodePartial(partial));
  if (!exactEquals(viaBinary, partial)) throw new Error(`binary round trip changed the partial`);
  const json = JSON.parse(JSON.stringify(ev.partialToJson(partial))) as JsonValue;
  const viaJson = ev.partialFromJson(json);
  if (!exactEquals(viaJson, partial)) throw new Error(`JSON round trip changed the partial`);
  return useJson ? viaJson : viaBinary;
}

/**
 * Split invariance: for any partition of the rows into chunks, PARTIAL1 per chunk → (serialize) → PARTIAL2 merges
 * in a random tree shape → FINAL equals COMPLETE over all rows. Also checks the partial codecs round-trip.
 */
export function checkSplitInvariance(options: SplitInvarianceOptions): void {
  const ev = resolveAggregate(options.definition, options.call);
  const equals = options.equals ?? exactEquals;
  const reorder = options.reorder ?? true;
  fc.assert(
    fc.property(
      // size 'max': fast-check's default size keeps arrays near 10 elements whatever maxLength says.
      fc.array(options.row, { maxLength: options.maxRows ?? 40, size: 'max' }),
      fc.array(fc.nat(1000), { maxLength: 12, size: 'max' }),
      fc.array(fc.nat(1000), { minLength: 1, maxLength: 20 }),
      (rows, cuts, plan) => {
        const expected = aggregateRows(ev, rows, 'complete');
        const bounds = [...new Set(cuts.map((c) => (rows.length === 0 ? 0 : c % (rows.length + 1))))].sort(
          (a, b) => a - b,
        );
        const chunks: (readonly unknown[])[][] = [];
        let start = 0;
        for (const b of [...bounds, rows.length]) {
          chunks.push(rows.slice(start, Math.max(start, b)));
          start = Math.max(start, b);
        }
        let partials = chunks.map((c, i) =>
          roundTripPartial(ev, aggregateRows(ev, c, 'partial1'), i % 2 === 0),
        );
        let step = 0;
        while (partials.length > 2) {
          const pick = plan[step % plan.length] ?? 0;
          step++;
          const size = 2 + (pick % 2);
          let at = pick % (partials.length - 1);
          let group = partials.slice(at, at + size);
          if (reorder && pick % 3 === 0) group = group.reverse();
          const merged = roundTripPartial(ev, mergePartials(ev, group, 'partial2'), step % 2 === 0);
          partials = [...partials.slice(0, at), merged, ...partials.slice(at + size)];
          if (reorder && pick % 5 === 0) {
            at = pick % partials.length;
            partials = [...partials.slice(at), ...partials.slice(0, at)];
          }
        }
        const actual = mergePartials(ev, partials, 'final');
        if (!equals(actual, expected)) {
          throw new Error(`FINAL ${show(actual)} differs from COMPLETE ${show(expected)}`);
        }
      },
    ),
    { numRuns: options.numRuns ?? 100 },
  );
}

/** Printable form of a value for failure messages. */
export function show(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    typeof x === 'bigint'
      ? `${x}n`
      : typeof x === 'number' && !Number.isFinite(x)
        ? String(x)
        : HiveDecimal.isDecimal(x)
          ? `${x.toFixed()}bd`
          : x,
  );
}
