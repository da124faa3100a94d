import { HiveBatchError, HiveDecimal, HiveTypes, structType } from '@hive-batch/core';
import type { DataType, HiveDecimalValue, StructField } from '@hive-batch/core';
import type { AggregateEvaluator, AggregateFunctionDefinition } from '../contract';
import { rowWiseBatch } from '../internal/column-value';
import { decodeValue, encodeValue, valueFromJson, valueToJson } from '../internal/partial-codec';
import { FMSketch, javaStringHashCode } from '../internal/sketches/fm-sketch';
import { HyperLogLog } from '../internal/sketches/hyper-log-log';
import { argumentError, hiveTypeName, rejectStar } from '../internal/udaf-support';

/** Hive's MAX_BIT_VECTORS for the FM sketch. */
const MAX_BIT_VECTORS = 1024;

type Sketch = FMSketch | HyperLogLog;
type StatsKind = 'Boolean' | 'Long' | 'Double' | 'String' | 'Binary' | 'Decimal' | 'Date';

/** The variable part of every per-type state; fields unused by a kind stay at their initial value. */
interface StatsState {
  countNulls: number;
  countTrues: number;
  countFalses: number;
  min: unknown;
  max: unknown;
  maxLength: number;
  sumLength: number;
  count: number;
  sketch: Sketch | null;
}

/** Partial = Hive's intermediate struct, as a plain object (binary sketch bytes under `bitvector`). */
type StatsPartial = Record<string, unknown>;

function statsKind(t: DataType): StatsKind | null {
  switch (t.kind) {
    case 'boolean':
      return 'Boolean';
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'bigint':
    case 'timestamp':
      return 'Long';
    case 'float':
    case 'double':
      return 'Double';
    case 'string':
    case 'char':
    case 'varchar':
      return 'String';
    case 'binary':
      return 'Binary';
    case 'decimal':
      return 'Decimal';
    case 'date':
      return 'Date';
    default:
      return null;
  }
}

function resultFields(kind: StatsKind, inputType: DataType): StructField[] {
  const columntype = { name: 'columntype', type: HiveTypes.string };
  const countnulls = { name: 'countnulls', type: HiveTypes.bigint };
  const ndv = [
    { name: 'numdistinctvalues', type: HiveTypes.bigint },
    { name: 'ndvbitvector', type: HiveTypes.binary },
  ];
  switch (kind) {
    case 'Boolean':
      return [
        columntype,
        { name: 'counttrues', type: HiveTypes.bigint },
        { name: 'countfalses', type: HiveTypes.bigint },
        countnulls,
      ];
    case 'String':
    case 'Binary':
      return [
        columntype,
        { name: 'maxlength', type: HiveTypes.bigint },
        { name: 'avglength', type: HiveTypes.double },
        countnulls,
        ...(kind === 'String' ? ndv : []),
      ];
    default: {
      const valueType = kind === 'Long' ? HiveTypes.bigint : kind === 'Double' ? HiveTypes.double : inputType;
      return [
        columntype,
        { name: 'min', type: valueType },
        { name: 'max', type: valueType },
        countnulls,
        ...ndv,
      ];
    }
  }
}

/** Hive's intermediate struct per kind (GenericUDAFComputeStats' partial field lists). */
function partialFields(kind: StatsKind, inputType: DataType): StructField[] {
  const bigint = (name: string): StructField => ({ name, type: HiveTypes.bigint });
  const columntype = { name: 'columntype', type: HiveTypes.string };
  const bitvector = { name: 'bitvector', type: HiveTypes.binary };
  switch (kind) {
    case 'Boolean':
      return [columntype, bigint('counttrues'), bigint('countfalses'), bigint('countnulls')];
    case 'String':
    case 'Binary':
      return [
        columntype,
        bigint('maxlength'),
        bigint('sumlength'),
        bigint('count'),
        bigint('countnulls'),
        ...(kind === 'String' ? [bitvector] : []),
      ];
    default: {
      const valueType = kind === 'Long' ? HiveTypes.bigint : kind === 'Double' ? HiveTypes.double : inputType;
      return [
        columntype,
        { name: 'min', type: valueType },
        { name: 'max', type: valueType },
        bigint('countnulls'),
        bitvector,
      ];
    }
  }
}

function newSketch(func: unknown, numVectors: unknown): Sketch {
  // Hive's getString of the second argument (a string, or e.g. the int 16 in `compute_stats(col, 16)`).
  const name = func == null ? 'fm' : (typeof func === 'string' ? func : JSON.stringify(func)).toLowerCase();
  const n = numVectors == null ? 0 : Number(numVectors);
  if (n > MAX_BIT_VECTORS) {
    throw new HiveBatchError(
      'INVALID_FUNCTION_ARGUMENTS',
      `The maximum allowed value for number of bit vectors  is ${MAX_BIT_VECTORS}, but was passed ${n} bit vectors`,
    );
  }
  if (name === 'fm') return new FMSketch(n);
  if (name === 'hll') return new HyperLogLog();
  throw new HiveBatchError('INVALID_FUNCTION_ARGUMENTS', `Can not recognize ${name}`);
}

function deserializeSketch(bytes: Uint8Array): Sketch {
  return bytes[0] === 0x46 ? FMSketch.deserialize(bytes) : HyperLogLog.deserialize(bytes);
}

function mergeSketch(s: StatsState, bytes: unknown): void {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) return;
  const other = deserializeSketch(bytes);
  if (s.sketch == null) {
    s.sketch = other;
    return;
  }
  if (s.sketch instanceof FMSketch && other instanceof FMSketch) s.sketch.merge(other);
  else if (s.sketch instanceof HyperLogLog && other instanceof HyperLogLog) s.sketch.merge(other);
  else throw new HiveBatchError('INVALID_AGGREGATE_STATE', 'Cannot merge FM and HLL sketches');
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** The long Hive feeds min/max and the sketch for integers and timestamps (seconds since epoch). */
function toLong(v: unknown, t: DataType): bigint {
  if (typeof v === 'bigint') return t.kind === 'timestamp' ? floorDiv(v, 1000000n) : v;
  return BigInt(v as number);
}

function lessThan(a: unknown, b: unknown): boolean {
  if (HiveDecimal.isDecimal(a)) return a.lt(b as HiveDecimalValue);
  return (a as number | bigint) < (b as number | bigint);
}

/**
 * `compute_stats(col, 'fm' | 'hll' [, numBitVectors])`: Hive 3's column statistics struct, per input type —
 * long/double/decimal/date `{columntype, min, max, countnulls, numdistinctvalues, ndvbitvector}`, string
 * `{columntype, maxlength, avglength, countnulls, numdistinctvalues, ndvbitvector}`, binary
 * `{columntype, maxlength, avglength, countnulls}`, boolean `{columntype, counttrues, countfalses, countnulls}`.
 * The FM sketch is Hive's byte for byte; HLL estimates agree for small columns (see HyperLogLog).
 */
export const computeStats: AggregateFunctionDefinition = {
  name: 'compute_stats',
  aliases: [],
  description: 'compute_stats(x) - Returns the statistical summary of a set of primitive type values.',
  resolve(call): AggregateEvaluator<StatsPartial> {
    rejectStar(call);
    const types = call.argumentTypes;
    if (types.length < 2) {
      throw argumentError('Exactly 2 (col + hll) or 3 (col + fm + #bitvectors) arguments are expected.');
    }
    const inputType = types[0] as DataType;
    if (inputType.kind === 'array' || inputType.kind === 'map' || inputType.kind === 'struct') {
      throw argumentError(
        `Only primitive type arguments are accepted but ${hiveTypeName(inputType)} is passed.`,
      );
    }
    const kind = statsKind(inputType);
    if (kind == null) {
      throw argumentError(
        `Only integer/long/timestamp/date/float/double/string/binary/boolean/decimal type argument is accepted but ${hiveTypeName(inputType)} is passed.`,
      );
    }
    const fields = resultFields(kind, inputType);
    const usesSketch = kind !== 'Boolean' && kind !== 'Binary';
    const get = (side: unknown[], g: number): StatsState => side[g] as StatsState;

    const accumulate = (s: StatsState, args: readonly unknown[]): void => {
      if (usesSketch && s.sketch == null) s.sketch = newSketch(args[1], args[2]);
      s.count++;
      const v = args[0];
      if (v == null) {
        s.countNulls++;
        return;
      }
      switch (kind) {
        case 'Boolean':
          if (v === true) s.countTrues++;
          else s.countFalses++;
          return;
        case 'String':
        case 'Binary': {
          const len = typeof v === 'string' ? v.length : (v as Uint8Array).length;
          if (len > s.maxLength) s.maxLength = len;
          s.sumLength += len;
          if (kind === 'String') {
            // FM hashes String.hashCode(); HLL hashes the UTF-8 bytes with Murmur3.
            (s.sketch as Sketch).addString(v as string);
          }
          return;
        }
        default:
          break;
      }
      let value: unknown = v;
      if (kind === 'Long') {
        value = toLong(v, inputType);
        (s.sketch as Sketch).addLong(value as bigint);
      } else if (kind === 'Double') {
        (s.sketch as Sketch).addDouble(v as number);
      } else if (kind === 'Date') {
        (s.sketch as Sketch).addLong(BigInt(v as number));
      } else {
        const sk = s.sketch as Sketch;
        // HLL adds the decimal's double value. FM hashes HiveDecimal.hashCode(), which is not reproduced: the
        // hash of the normalized decimal string stands in for it.
        if (sk instanceof HyperLogLog) sk.addDouble((v as HiveDecimalValue).toNumber());
        else sk.addLong(BigInt(javaStringHashCode((v as HiveDecimalValue).toString())));
      }
      if (s.min == null || lessThan(value, s.min)) s.min = value;
      if (s.max == null || lessThan(s.max, value)) s.max = value;
    };

    const partialOf = (s: StatsState): StatsPartial => {
      const p: StatsPartial = { columntype: kind };
      switch (kind) {
        case 'Boolean':
          return {
            ...p,
            counttrues: BigInt(s.countTrues),
            countfalses: BigInt(s.countFalses),
            countnulls: BigInt(s.countNulls),
          };
        case 'String':
        case 'Binary':
          return {
            ...p,
            maxlength: BigInt(s.maxLength),
            sumlength: BigInt(s.sumLength),
            count: BigInt(s.count),
            countnulls: BigInt(s.countNulls),
            ...(kind === 'String' ? { bitvector: s.sketch?.serialize() ?? new Uint8Array(0) } : {}),
          };
        default:
          return {
            ...p,
            min: s.min,
            max: s.max,
            countnulls: BigInt(s.countNulls),
            bitvector: s.sketch?.serialize() ?? new Uint8Array(0),
          };
      }
    };

    return {
      inputTypes: types,
      partialType: structType(partialFields(kind, inputType)),
      resultType: structType(fields),
      layout: { slots: [], usesSideState: true },
      init(state, group) {
        state.side[group] = {
          countNulls: 0,
          countTrues: 0,
          countFalses: 0,
          min: null,
          max: null,
          maxLength: 0,
          sumLength: 0,
          count: 0,
          sketch: null,
        } satisfies StatsState;
      },
      accumulate(state, group, args) {
        accumulate(get(state.side, group), args);
      },
      accumulateBatch: rowWiseBatch((state, g, a) => accumulate(get(state.side, g), a)),
      merge(state, group, partial) {
        if (partial == null) return;
        const s = get(state.side, group);
        s.countNulls += Number(partial['countnulls'] ?? 0);
        if (kind === 'Boolean') {
          s.countTrues += Number(partial['counttrues'] ?? 0);
          s.countFalses += Number(partial['countfalses'] ?? 0);
          return;
        }
        if (kind === 'String' || kind === 'Binary') {
          s.maxLength = Math.max(s.maxLength, Number(partial['maxlength'] ?? 0));
          s.sumLength += Number(partial['sumlength'] ?? 0);
          s.count += Number(partial['count'] ?? 0);
        } else {
          const pmin = partial['min'];
          const pmax = partial['max'];
          if (pmin != null && (s.min == null || lessThan(pmin, s.min))) s.min = pmin;
          if (pmax != null && (s.max == null || lessThan(s.max, pmax))) s.max = pmax;
        }
        if (usesSketch) mergeSketch(s, partial['bitvector']);
      },
      terminatePartial(state, group) {
        return partialOf(get(state.side, group));
      },
      terminate(state, group) {
        const s = get(state.side, group);
        const out: Record<string, unknown> = { columntype: kind };
        if (kind === 'Boolean') {
          return {
            ...out,
            counttrues: BigInt(s.countTrues),
            countfalses: BigInt(s.countFalses),
            countnulls: BigInt(s.countNulls),
          };
        }
        const ndv = {
          numdistinctvalues: BigInt(s.sketch?.estimate() ?? 0),
          ndvbitvector: s.sketch?.serialize() ?? new Uint8Array(0),
        };
        if (kind === 'String' || kind === 'Binary') {
          const nonNull = s.count - s.countNulls;
          return {
            ...out,
            maxlength: BigInt(s.maxLength),
            avglength: nonNull === 0 ? 0 : s.sumLength / (1.0 * nonNull),
            countnulls: BigInt(s.countNulls),
            ...(kind === 'String' ? ndv : {}),
          };
        }
        return { ...out, min: s.min, max: s.max, countnulls: BigInt(s.countNulls), ...ndv };
      },
      partialToJson(partial) {
        return valueToJson(partial);
      },
      partialFromJson(json) {
        return valueFromJson(json) as StatsPartial | null;
      },
      encodePartial(partial) {
        return encodeValue(partial);
      },
      decodePartial(bytes) {
        return decodeValue(bytes) as StatsPartial | null;
      },
    };
  },
};
