import type { DataType } from './data-type';

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Prints a type in Hive's canonical lower-case spelling (`TypeInfo.getTypeName`): `decimal(10,0)`,
 * `array<int>`, `map<string,double>`, `struct<a:int,b:string>`, `varchar(10)`. Field names keep their case;
 * names that are not plain identifiers are backquoted (a backquote inside is doubled) so the output re-parses.
 *
 * @param t - the type
 * @returns its canonical string
 * @example
 * ```ts
 * formatDataType(mapType(HiveTypes.string, decimalType(12, 2))); // 'map<string,decimal(12,2)>'
 * ```
 */
export function formatDataType(t: DataType): string {
  switch (t.kind) {
    case 'decimal':
      return `decimal(${t.precision},${t.scale})`;
    case 'varchar':
    case 'char':
      return `${t.kind}(${t.length})`;
    case 'array':
      return `array<${formatDataType(t.element)}>`;
    case 'map':
      return `map<${formatDataType(t.key)},${formatDataType(t.value)}>`;
    case 'struct':
      return `struct<${t.fields.map((f) => `${formatFieldName(f.name)}:${formatDataType(f.type)}`).join(',')}>`;
    default:
      return t.kind;
  }
}

function formatFieldName(name: string): string {
  return PLAIN_NAME.test(name) ? name : `\`${name.replaceAll('`', '``')}\``;
}
