import { HiveDecimal } from '@hive-batch/core';
import type { DataType, Schema } from '@hive-batch/core';
import { mulberry32 } from './mulberry32';

/** Options of {@link randomRowsForSchema} when more than a seed is needed. */
export interface RandomRowsOptions {
  /** PRNG seed. */
  readonly seed: number;
  /** Share of NULL values at every level, in `[0, 1]`. Defaults to `0.1`. */
  readonly nullFraction?: number;
  /** Distinct non-NULL values per top-level column; unbounded when omitted. Values. */
  readonly cardinality?: number;
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 éß日本🙂';
const ALPHABET_CHARS = Array.from(ALPHABET);

/**
 * Deterministic rows for any schema (values in the core representation), for benches and large tests where
 * fast-check's shrinking is not needed.
 *
 * @param schema - the schema
 * @param rows - how many rows
 * @param seed - a seed, or {@link RandomRowsOptions}
 * @returns `rows` arrays with one value per field
 * @example
 * ```ts
 * randomRowsForSchema(schema, 1000, { seed: 3, nullFraction: 0.2, cardinality: 10 });
 * ```
 */
export function randomRowsForSchema(
  schema: Schema,
  rows: number,
  seed: number | RandomRowsOptions,
): unknown[][] {
  const opts: RandomRowsOptions = typeof seed === 'number' ? { seed } : seed;
  const rnd = mulberry32(opts.seed);
  const nullFraction = opts.nullFraction ?? 0.1;
  const gen = (type: DataType): unknown => randomValue(type, rnd, nullFraction);
  const pools = schema.fields.map((f) =>
    opts.cardinality == null
      ? null
      : Array.from({ length: Math.max(1, opts.cardinality) }, () => randomValue(f.type, rnd, 0)),
  );
  const out: unknown[][] = [];
  for (let r = 0; r < rows; r++) {
    out.push(
      schema.fields.map((f, k) => {
        const pool = pools[k];
        if (pool == null) return gen(f.type);
        if (rnd() < nullFraction) return null;
        return pool[Math.floor(rnd() * pool.length)] ?? null;
      }),
    );
  }
  return out;
}

function randomInt(rnd: () => number, min: number, max: number): number {
  return min + Math.floor(rnd() * (max - min + 1));
}

function randomBigInt(rnd: () => number, bits: number): bigint {
  let v = 0n;
  for (let b = 0; b < bits; b += 30) v = (v << 30n) | BigInt(Math.floor(rnd() * 2 ** 30));
  return BigInt.asIntN(bits, v);
}

function randomString(rnd: () => number, maxLength: number): string {
  const n = randomInt(rnd, 0, maxLength);
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHABET_CHARS[Math.floor(rnd() * ALPHABET_CHARS.length)] ?? 'a';
  return s;
}

function randomValue(type: DataType, rnd: () => number, nullFraction: number): unknown {
  if (type.kind === 'void' || rnd() < nullFraction) return null;
  switch (type.kind) {
    case 'boolean':
      return rnd() < 0.5;
    case 'tinyint':
      return randomInt(rnd, -128, 127);
    case 'smallint':
      return randomInt(rnd, -32768, 32767);
    case 'int':
      return randomInt(rnd, -2147483648, 2147483647);
    case 'bigint':
      return randomBigInt(rnd, 64);
    case 'float':
      return Math.fround((rnd() * 2 - 1) * 1e6);
    case 'double':
      return (rnd() * 2 - 1) * 1e9;
    case 'decimal': {
      const limit = 10n ** BigInt(type.precision);
      const u = randomBigInt(rnd, 128) % limit;
      return new HiveDecimal(type.scale === 0 ? u.toString() : `${u.toString()}e-${type.scale}`);
    }
    case 'string':
      return randomString(rnd, 16);
    case 'varchar':
      return randomString(rnd, Math.min(type.length, 16));
    case 'char': {
      const s = randomString(rnd, Math.min(type.length, 16));
      return s + ' '.repeat(type.length - Array.from(s).length);
    }
    case 'date':
      return randomInt(rnd, -719162, 2932896);
    case 'timestamp':
      return (
        BigInt(randomInt(rnd, -62135596800, 253402300799)) * 1_000_000n + BigInt(randomInt(rnd, 0, 999_999))
      );
    case 'binary':
      return Uint8Array.from({ length: randomInt(rnd, 0, 16) }, () => randomInt(rnd, 0, 255));
    case 'array':
      return Array.from({ length: randomInt(rnd, 0, 4) }, () => randomValue(type.element, rnd, nullFraction));
    case 'map': {
      const m = new Map<unknown, unknown>();
      const n = randomInt(rnd, 0, 4);
      for (let i = 0; i < n; i++) {
        const key = randomValue(type.key, rnd, 0);
        // Keys by value: decimals and byte arrays are objects, so keep only the first of equal printed keys.
        if (![...m.keys()].some((k) => String(k) === String(key)))
          m.set(key, randomValue(type.value, rnd, nullFraction));
      }
      return m;
    }
    case 'struct': {
      const o: Record<string, unknown> = {};
      for (const f of type.fields) o[f.name] = randomValue(f.type, rnd, nullFraction);
      return o;
    }
  }
}
