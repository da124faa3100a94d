import type { DataType } from './data-type';

/**
 * Structural type equality as Hive's `TypeInfo.equals`: same kind and parameters; struct field names compare
 * case-insensitively (Hive lower-cases them in `StructTypeInfo`), in order.
 *
 * @example
 * ```ts
 * dataTypeEquals(parseDataType('struct<A:int>'), parseDataType('struct<a:int>')); // true
 * ```
 */
export function dataTypeEquals(a: DataType, b: DataType): boolean {
  if (a === b) return true;
  switch (a.kind) {
    case 'decimal':
      return b.kind === 'decimal' && a.precision === b.precision && a.scale === b.scale;
    case 'varchar':
    case 'char':
      return b.kind === a.kind && a.length === b.length;
    case 'array':
      return b.kind === 'array' && dataTypeEquals(a.element, b.element);
    case 'map':
      return b.kind === 'map' && dataTypeEquals(a.key, b.key) && dataTypeEquals(a.value, b.value);
    case 'struct': {
      if (b.kind !== 'struct' || a.fields.length !== b.fields.length) return false;
      return a.fields.every((f, i) => {
        const g = b.fields[i];
        return g != null && f.name.toLowerCase() === g.name.toLowerCase() && dataTypeEquals(f.type, g.type);
      });
    }
    default:
      return a.kind === b.kind;
  }
}
