import fc from 'fast-check';
import {
  HiveTypes,
  arrayType,
  charType,
  decimalType,
  mapType,
  structType,
  varcharType,
} from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';

/** Options of {@link dataTypeArbitrary}. */
export interface DataTypeArbitraryOptions {
  /** Nesting levels of array/map/struct. Levels. Defaults to `2`. */
  readonly maxDepth?: number;
  /** Only primitive types. Defaults to `false`. */
  readonly primitivesOnly?: boolean;
  /** Include `void` (an all-NULL column). Defaults to `false`. */
  readonly includeVoid?: boolean;
}

const SIMPLE_KINDS = [
  'boolean',
  'tinyint',
  'smallint',
  'int',
  'bigint',
  'float',
  'double',
  'string',
  'date',
  'timestamp',
  'binary',
] as const;

/** Primitive Hive types; decimals cover both column widths (precision ≤ 18 and > 18). */
export function primitiveTypeArbitrary(
  options: { readonly includeVoid?: boolean } = {},
): fc.Arbitrary<DataType> {
  const kinds = options.includeVoid === true ? [...SIMPLE_KINDS, 'void' as const] : SIMPLE_KINDS;
  return fc.oneof(
    { arbitrary: fc.constantFrom(...kinds).map((k): DataType => HiveTypes[k]), weight: 6 },
    {
      arbitrary: fc
        .integer({ min: 1, max: 38 })
        .chain((p) => fc.integer({ min: 0, max: p }).map((s): DataType => decimalType(p, s))),
      weight: 2,
    },
    { arbitrary: fc.integer({ min: 1, max: 40 }).map((n): DataType => varcharType(n)), weight: 1 },
    { arbitrary: fc.integer({ min: 1, max: 20 }).map((n): DataType => charType(n)), weight: 1 },
  );
}

/** Struct field names: lower-case identifiers, unique ignoring case. */
const fieldNamesArbitrary: fc.Arbitrary<string[]> = fc.uniqueArray(
  fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/),
  {
    minLength: 1,
    maxLength: 4,
  },
);

/**
 * Any Hive type, nested up to `maxDepth` levels. Map keys are primitive (as Hive requires) and never void.
 *
 * @param options - see {@link DataTypeArbitraryOptions}
 * @returns a fast-check arbitrary of {@link DataType}
 * @example
 * ```ts
 * fc.sample(dataTypeArbitrary({ maxDepth: 1 }), 3);
 * ```
 */
export function dataTypeArbitrary(options: DataTypeArbitraryOptions = {}): fc.Arbitrary<DataType> {
  const maxDepth = options.maxDepth ?? 2;
  const primitive = primitiveTypeArbitrary({ includeVoid: options.includeVoid ?? false });
  if (options.primitivesOnly === true || maxDepth <= 0) return primitive;
  const key = primitiveTypeArbitrary();
  const at = (depth: number): fc.Arbitrary<DataType> => {
    if (depth <= 0) return primitive;
    const inner = at(depth - 1);
    return fc.oneof(
      { arbitrary: primitive, weight: 4 },
      { arbitrary: inner.map((t): DataType => arrayType(t)), weight: 1 },
      { arbitrary: fc.tuple(key, inner).map(([k, v]): DataType => mapType(k, v)), weight: 1 },
      {
        arbitrary: fieldNamesArbitrary.chain((names) =>
          fc
            .tuple(...names.map(() => inner))
            .map((types): DataType =>
              structType(names.map((name, i) => ({ name, type: types[i] ?? HiveTypes.int }))),
            ),
        ),
        weight: 1,
      },
    );
  };
  return at(maxDepth);
}
