import fc from 'fast-check';
import { HiveDecimal } from '@hive-batch/core';
import type { DataType, Field, Schema } from '@hive-batch/core';
import { dataTypeArbitrary } from './data-type';
import type { DataTypeArbitraryOptions } from './data-type';

/** Options of {@link valueArbitrary}. */
export interface ValueArbitraryOptions {
  /** Produce `null` sometimes (about 1 in 6), at every nesting level. Defaults to `true`. */
  readonly nullable?: boolean;
  /** Longest generated string/binary/array/map. Elements. Defaults to `12` for strings, `4` for collections. */
  readonly maxLength?: number;
}

/** First and last day Hive's date type covers (0001-01-01 and 9999-12-31), as days since 1970-01-01. */
export const MIN_DATE_DAYS = -719162;
export const MAX_DATE_DAYS = 2932896;
/** Same range for timestamps, in microseconds since the epoch. */
export const MIN_TIMESTAMP_MICROS = -62135596800000000n;
export const MAX_TIMESTAMP_MICROS = 253402300799999999n;

/** A string key that is equal for two map keys exactly when a JS `Map` would treat them as one key by value. */
export function mapKeyIdentity(key: unknown): string {
  if (HiveDecimal.isDecimal(key)) return `d:${new HiveDecimal(key).toString()}`;
  if (key instanceof Uint8Array) return `b:${Array.from(key).join(',')}`;
  if (typeof key === 'bigint') return `n:${key.toString()}`;
  return `${typeof key}:${String(key)}`;
}

/**
 * Valid values of `type` in the core value representation: decimals within precision/scale (HiveDecimal),
 * chars padded with spaces to their length, floats `Math.fround`ed, dates as days and timestamps as µs
 * within years 1–9999, strings of any Unicode code points (no lone surrogates).
 *
 * @param type - the Hive type
 * @param options - see {@link ValueArbitraryOptions}
 * @returns an arbitrary of values (`null` included unless `nullable: false`)
 * @example
 * ```ts
 * fc.sample(valueArbitrary(decimalType(5, 2)), 3); // e.g. [HiveDecimal(-999.99), null, HiveDecimal(0.01)]
 * ```
 */
export function valueArbitrary(type: DataType, options: ValueArbitraryOptions = {}): fc.Arbitrary<unknown> {
  const base = nonNullValueArbitrary(type, options);
  if (options.nullable === false || type.kind === 'void') return base;
  return fc.option(base, { nil: null, freq: 5 });
}

function nonNullValueArbitrary(type: DataType, options: ValueArbitraryOptions): fc.Arbitrary<unknown> {
  const maxString = options.maxLength ?? 12;
  const maxItems = options.maxLength ?? 4;
  switch (type.kind) {
    case 'void':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'tinyint':
      return fc.integer({ min: -128, max: 127 });
    case 'smallint':
      return fc.integer({ min: -32768, max: 32767 });
    case 'int':
      return fc.integer();
    case 'bigint':
      return fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n });
    case 'float':
      return fc.float().map((x) => Math.fround(x));
    case 'double':
      return fc.double();
    case 'decimal': {
      const limit = 10n ** BigInt(type.precision) - 1n;
      const scale = type.scale;
      return fc
        .bigInt({ min: -limit, max: limit })
        .map((u) => new HiveDecimal(scale === 0 ? u.toString() : `${u.toString()}e-${scale}`));
    }
    case 'string':
      return fc.string({ unit: 'binary', maxLength: maxString });
    case 'varchar':
      return fc.string({ unit: 'binary', maxLength: Math.min(type.length, maxString) });
    case 'char': {
      const n = type.length;
      return fc
        .string({ unit: 'binary', maxLength: Math.min(n, maxString) })
        .map((s) => s + ' '.repeat(n - Array.from(s).length));
    }
    case 'date':
      return fc.integer({ min: MIN_DATE_DAYS, max: MAX_DATE_DAYS });
    case 'timestamp':
      return fc.bigInt({ min: MIN_TIMESTAMP_MICROS, max: MAX_TIMESTAMP_MICROS });
    case 'binary':
      return fc.uint8Array({ maxLength: maxString });
    case 'array':
      return fc.array(valueArbitrary(type.element, options), { maxLength: maxItems });
    case 'map':
      return fc
        .uniqueArray(
          fc.tuple(
            valueArbitrary(type.key, { ...options, nullable: false }),
            valueArbitrary(type.value, options),
          ),
          {
            maxLength: maxItems,
            selector: ([k]) => mapKeyIdentity(k),
          },
        )
        .map((entries) => new Map<unknown, unknown>(entries));
    case 'struct': {
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const f of type.fields) model[f.name] = valueArbitrary(f.type, options);
      return fc.record(model);
    }
  }
}

/** Options of {@link rowsArbitrary}. */
export interface RowsArbitraryOptions extends ValueArbitraryOptions {
  /** Fewest rows. Rows. Defaults to `0`. */
  readonly minRows?: number;
  /** Most rows. Rows. Defaults to `20`. */
  readonly maxRows?: number;
}

/**
 * Rows for `schema`: arrays with one value per field, in schema order.
 *
 * @param schema - the schema
 * @param options - see {@link RowsArbitraryOptions}
 * @returns an arbitrary of row lists
 * @example
 * ```ts
 * fc.sample(rowsArbitrary(createSchema([{ name: 'a', type: HiveTypes.int }])), 1); // e.g. [[[3], [null]]]
 * ```
 */
export function rowsArbitrary(schema: Schema, options: RowsArbitraryOptions = {}): fc.Arbitrary<unknown[][]> {
  const row = fc.tuple<unknown[]>(...schema.fields.map((f) => valueArbitrary(f.type, options)));
  return fc.array(row, { minLength: options.minRows ?? 0, maxLength: options.maxRows ?? 20 });
}

/** Options of {@link schemaArbitrary}. */
export interface SchemaArbitraryOptions extends DataTypeArbitraryOptions {
  /** Most columns. Columns. Defaults to `4` (at least 1). */
  readonly maxColumns?: number;
}

/**
 * Schemas with columns `c0`, `c1`, … of arbitrary types.
 *
 * @param options - see {@link SchemaArbitraryOptions}
 * @returns an arbitrary of {@link Schema}
 * @example
 * ```ts
 * fc.sample(schemaArbitrary({ maxColumns: 2, primitivesOnly: true }), 1);
 * ```
 */
export function schemaArbitrary(options: SchemaArbitraryOptions = {}): fc.Arbitrary<Schema> {
  return fc
    .array(dataTypeArbitrary(options), { minLength: 1, maxLength: Math.max(1, options.maxColumns ?? 4) })
    .map((types) => ({ fields: types.map((type, k): Field => ({ name: `c${k}`, type })) }));
}
