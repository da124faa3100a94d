import { HiveTypes, createColumnBuilder, createSchema } from '@hive-batch/core';
import type { ColumnBatch } from '@hive-batch/core';
import { mulberry32 } from './mulberry32';

/** Options of {@link generateKeyValueColumns}. */
export interface KeyValueOptions {
  /** Rows. */
  readonly rows: number;
  /** Distinct keys (cardinality); keys are drawn uniformly from `[0, groups)`. Defaults to `100`. */
  readonly groups?: number;
  /** Share of rows whose value is NULL, in `[0, 1]`. Keys are never NULL. Defaults to `0`. */
  readonly nullFraction?: number;
  /** PRNG seed. Defaults to `1`. */
  readonly seed?: number;
}

/** Parallel key/value arrays; `valid[i] === 0` marks `values[i]` NULL (its slot then holds 0). */
export interface KeyValueColumns {
  readonly keys: Int32Array;
  readonly values: Float64Array;
  readonly valid: Uint8Array;
}

/**
 * Deterministic grouped data: int keys and double values in `[-1000, 1000)` with two decimals.
 *
 * @param options - see {@link KeyValueOptions}
 * @returns the columns as typed arrays
 * @example
 * ```ts
 * generateKeyValueColumns({ rows: 1000, groups: 10, nullFraction: 0.1, seed: 7 }).keys.length; // 1000
 * ```
 */
export function generateKeyValueColumns(options: KeyValueOptions): KeyValueColumns {
  const { rows, groups = 100, nullFraction = 0, seed = 1 } = options;
  const rnd = mulberry32(seed);
  const keys = new Int32Array(rows);
  const values = new Float64Array(rows);
  const valid = new Uint8Array(rows);
  for (let i = 0; i < rows; i++) {
    keys[i] = Math.floor(rnd() * groups);
    const isNull = rnd() < nullFraction;
    valid[i] = isNull ? 0 : 1;
    values[i] = isNull ? 0 : Math.round((rnd() * 2000 - 1000) * 100) / 100;
  }
  return { keys, values, valid };
}

/**
 * {@link generateKeyValueColumns} as a batch with schema `(k int, v double)`.
 *
 * @param options - see {@link KeyValueOptions}
 * @returns one batch of `rows` rows
 * @example
 * ```ts
 * generateKeyValueBatch({ rows: 100, groups: 5 }).numRows; // 100
 * ```
 */
export function generateKeyValueBatch(options: KeyValueOptions): ColumnBatch {
  const { keys, values, valid } = generateKeyValueColumns(options);
  const k = createColumnBuilder(HiveTypes.int, { initialCapacity: options.rows });
  const v = createColumnBuilder(HiveTypes.double, { initialCapacity: options.rows });
  k.appendFixedValues(keys);
  v.appendFixedValues(values, valid);
  const schema = createSchema([
    { name: 'k', type: HiveTypes.int },
    { name: 'v', type: HiveTypes.double },
  ]);
  return { schema, columns: [k.finish(), v.finish()], numRows: options.rows };
}
