import { HiveDecimal, arrayType } from '@hive-batch/core';
import type {
  AccumulatorState,
  AggregateCallInfo,
  AggregateEvaluator,
  AggregateFunctionDefinition,
  JsonValue,
} from '../contract';
import { rowWiseBatch } from './column-value';
import { decodeValue, encodeValue, valueFromJson, valueToJson } from './partial-codec';
import { argumentError, rejectStar } from './udaf-support';

/**
 * Equality key of a value for collect_set, mirroring the Java containers Hive copies values into: a double NaN
 * never equals anything (DoubleWritable.equals is `==`), -0.0 and 0.0 stay distinct (their hash codes differ,
 * so a LinkedHashSet keeps both), decimals compare by value (HiveDecimal strips trailing zeros), strings and
 * binary by content, arrays/structs/maps element-wise.
 */
export function collectKey(v: unknown): string | null {
  if (v == null) return 'z';
  switch (typeof v) {
    case 'number':
      if (Number.isNaN(v)) return null;
      return Object.is(v, -0) ? 'n-0' : `n${v}`;
    case 'bigint':
      return `b${v}`;
    case 'string':
      return `s${JSON.stringify(v)}`;
    case 'boolean':
      return v ? 't' : 'f';
    default:
      break;
  }
  if (HiveDecimal.isDecimal(v)) return `d${v.toString()}`;
  if (v instanceof Uint8Array) return `x${Buffer.from(v).toString('hex')}`;
  const parts: string[] = [];
  let open = '[';
  if (Array.isArray(v)) {
    for (const e of v as unknown[]) {
      const k = collectKey(e);
      if (k == null) return null;
      parts.push(k);
    }
  } else if (v instanceof Map) {
    open = '{';
    const entries: string[] = [];
    for (const [mk, mv] of v as Map<unknown, unknown>) {
      const a = collectKey(mk);
      const b = collectKey(mv);
      if (a == null || b == null) return null;
      entries.push(`${a}:${b}`);
    }
    // HashMap equality ignores entry order.
    parts.push(...entries.sort());
  } else if (typeof v === 'object') {
    open = '(';
    for (const e of Object.values(v)) {
      const k = collectKey(e);
      if (k == null) return null;
      parts.push(k);
    }
  }
  return `${open}${parts.map((p) => `${p.length}:${p}`).join('')}`;
}

/** Per-group state: elements in insertion order, plus the key set when duplicates are dropped. */
interface CollectState {
  readonly items: unknown[];
  readonly keys: Set<string> | null;
}

/** Hive copies every element (copyToStandardObject); arrays/objects/binary are copied so callers may reuse theirs. */
function copyValue(v: unknown): unknown {
  if (v instanceof Uint8Array) return v.slice();
  if (Array.isArray(v)) return (v as unknown[]).map(copyValue);
  if (v instanceof Map)
    return new Map([...(v as Map<unknown, unknown>)].map(([k, x]) => [copyValue(k), copyValue(x)]));
  if (v != null && typeof v === 'object' && !HiveDecimal.isDecimal(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = copyValue(x);
    return out;
  }
  return v;
}

function add(s: CollectState, v: unknown): void {
  if (v == null) return;
  if (s.keys != null) {
    const k = collectKey(v);
    if (k != null) {
      if (s.keys.has(k)) return;
      s.keys.add(k);
    }
  }
  s.items.push(copyValue(v));
}

/** Builds collect_set (`dedup`) or collect_list: Hive's GenericUDAFMkCollectionEvaluator. */
export function mkCollectionDefinition(options: {
  readonly name: string;
  readonly description: string;
  readonly dedup: boolean;
}): AggregateFunctionDefinition {
  const { name, description, dedup } = options;
  return {
    name,
    aliases: [],
    description,
    extendedDescription: description,
    resolve(call: AggregateCallInfo): AggregateEvaluator<unknown[]> {
      rejectStar(call);
      const [argType] = call.argumentTypes;
      if (call.argumentTypes.length !== 1 || argType == null) {
        throw argumentError('Exactly one argument is expected.');
      }
      const resultType = arrayType(argType);
      const get = (state: AccumulatorState, group: number): CollectState => state.side[group] as CollectState;
      const evaluator: AggregateEvaluator<unknown[]> = {
        inputTypes: [argType],
        partialType: resultType,
        resultType,
        layout: { slots: [], usesSideState: true },
        init(state, group) {
          state.side[group] = { items: [], keys: dedup ? new Set<string>() : null } satisfies CollectState;
        },
        accumulate(state, group, args) {
          add(get(state, group), args[0]);
        },
        accumulateBatch: rowWiseBatch((state, g, a) => add(get(state, g), a[0])),
        merge(state, group, partial) {
          if (partial == null) return;
          const s = get(state, group);
          for (const v of partial) add(s, v);
        },
        terminatePartial(state, group) {
          return get(state, group).items.map(copyValue);
        },
        terminate(state, group) {
          return get(state, group).items.map(copyValue);
        },
        partialToJson(partial): JsonValue {
          return valueToJson(partial);
        },
        partialFromJson(json) {
          return valueFromJson(json) as unknown[] | null;
        },
        encodePartial(partial) {
          return encodeValue(partial);
        },
        decodePartial(bytes) {
          return decodeValue(bytes) as unknown[] | null;
        },
      };
      return evaluator;
    },
  };
}
