/**
 * Hive's value ordering (`ObjectInspectorUtils.compare`), shared by min/max and sorting-style built-ins.
 */
import { InternalError } from '../errors/hive-batch-error';
import type { DataType } from '../types/data-type';
import { HiveDecimal } from './hive-decimal';

/** Orders two values of one type: negative, zero or positive. */
export type HiveValueComparator = (a: unknown, b: unknown) => number;

/** Java `Double.compare` except that `-0.0 == 0.0` (ObjectInspectorUtils.compare): NaN is the greatest. */
export function compareHiveDoubles(a: number, b: number): number {
  if (a === b) return 0;
  if (a < b) return -1;
  if (a > b) return 1;
  const an = Number.isNaN(a);
  const bn = Number.isNaN(b);
  if (an && bn) return 0;
  return an ? 1 : -1;
}

/**
 * Java `Double.compare` itself: -0.0 before 0.0, NaN after +Infinity and equal to itself. The order of Hive's
 * reduce keys and sorted `DoubleWritable`s (DISTINCT values, histogram merges, percentile keys).
 */
export function compareJavaDoubles(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b) {
    if (a !== 0) return 0;
    const na = Object.is(a, -0);
    const nb = Object.is(b, -0);
    return na === nb ? 0 : na ? -1 : 1;
  }
  const an = Number.isNaN(a);
  const bn = Number.isNaN(b);
  return an === bn ? 0 : an ? 1 : -1;
}

/**
 * Unsigned UTF-8 byte order (Hadoop `Text.compareTo`) on JS strings: equal to code point order, which differs
 * from UTF-16 order only between surrogate pairs and U+E000–U+FFFF.
 */
function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let ca = a.charCodeAt(i);
    let cb = b.charCodeAt(i);
    if (ca === cb) continue;
    if (ca >= 0xd800 && cb >= 0xd800) {
      // Move surrogates above U+E000..U+FFFF so code units order like code points.
      ca = ca < 0xe000 ? ca + 0x2000 : ca - 0x800;
      cb = cb < 0xe000 ? cb + 0x2000 : cb - 0x800;
    }
    return ca - cb;
  }
  return a.length - b.length;
}

/** Java `String.compareTo`: UTF-16 code unit order. */
function compareUtf16(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function stripTrailingSpaces(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 0x20) end--;
  return s.slice(0, end);
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

function compareBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function structField(v: unknown, name: string, index: number): unknown {
  if (Array.isArray(v)) return v[index] ?? null;
  return (v as Record<string, unknown>)[name] ?? null;
}

/**
 * Hive's `ObjectInspectorUtils.compare` for two non-NULL values of type `t`, built once per call site (the
 * comparator for hot loops; {@link compareHiveValues} is the one-off form). `nullsHigh` sets how NULL
 * elements and fields inside arrays/structs order: false puts them first (Hive's default), true last (Hive's
 * `min` passes NULL as the maximum).
 *
 * @throws {InternalError} for map types: Hive cannot compare maps.
 */
export function hiveValueComparator(t: DataType, nullsHigh: boolean): HiveValueComparator {
  switch (t.kind) {
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'float':
    case 'double':
    case 'date':
      return (a, b) => compareHiveDoubles(a as number, b as number);
    case 'bigint':
    case 'timestamp':
      return (a, b) => compareBig(a as bigint, b as bigint);
    case 'boolean':
      return (a, b) => (a === b ? 0 : a === true ? 1 : -1);
    case 'decimal':
      return (a, b) => (HiveDecimal.isDecimal(a) ? a.cmp(b as InstanceType<typeof HiveDecimal>) : 0);
    case 'string':
      return (a, b) => compareUtf8(a as string, b as string);
    case 'varchar':
      return (a, b) => compareUtf16(a as string, b as string);
    case 'char':
      return (a, b) => compareUtf16(stripTrailingSpaces(a as string), stripTrailingSpaces(b as string));
    case 'binary':
      return (a, b) => compareBytes(a as Uint8Array, b as Uint8Array);
    case 'void':
      return () => 0;
    case 'array': {
      const elem = withNulls(hiveValueComparator(t.element, nullsHigh), nullsHigh);
      return (a, b) => {
        const xa = a as readonly unknown[];
        const xb = b as readonly unknown[];
        const n = Math.min(xa.length, xb.length);
        for (let i = 0; i < n; i++) {
          const c = elem(xa[i] ?? null, xb[i] ?? null);
          if (c !== 0) return c;
        }
        return xa.length - xb.length;
      };
    }
    case 'struct': {
      const fields = t.fields.map((f) => ({
        name: f.name,
        cmp: withNulls(hiveValueComparator(f.type, nullsHigh), nullsHigh),
      }));
      return (a, b) => {
        for (let i = 0; i < fields.length; i++) {
          const f = fields[i];
          if (f == null) continue;
          const c = f.cmp(structField(a, f.name, i), structField(b, f.name, i));
          if (c !== 0) return c;
        }
        return 0;
      };
    }
    case 'map':
      throw new InternalError('map values are not comparable');
  }
}

function withNulls(cmp: HiveValueComparator, nullsHigh: boolean): HiveValueComparator {
  return (a, b) => {
    if (a == null) return b == null ? 0 : nullsHigh ? 1 : -1;
    if (b == null) return nullsHigh ? -1 : 1;
    return cmp(a, b);
  };
}

/**
 * Compares two values of one Hive type as Hive's `ObjectInspectorUtils.compare` does: NULL before any value
 * (at the top and inside arrays/structs); numbers and dates numerically, doubles as Java `Double.compare`
 * except `-0.0 == 0.0` (NaN greatest); `string` by unsigned UTF-8 bytes (Hadoop `Text`), `varchar` by
 * UTF-16 code units, `char` by UTF-16 with trailing spaces ignored; `binary` by unsigned bytes; booleans
 * false < true; arrays element by element then by length; structs field by field.
 *
 * Builds the comparator on each call; where one type is compared many times use {@link hiveValueComparator}.
 *
 * @returns negative, zero or positive.
 * @throws {InternalError} for map types: Hive cannot compare maps.
 *
 * @example
 * compareHiveValues(null, 1, { kind: 'int' }); // < 0
 * compareHiveValues(NaN, Infinity, { kind: 'double' }); // > 0
 */
export function compareHiveValues(a: unknown, b: unknown, t: DataType): number {
  return withNulls(hiveValueComparator(t, false), false)(a, b);
}
