import { HiveBatchError } from '../errors/hive-batch-error';
import type { DataType } from './data-type';
import { formatDataType } from './format-data-type';
import { TYPE_LIMITS } from './type-limits';

const isIntIn = (n: number, min: number, max: number): boolean => Number.isInteger(n) && n >= min && n <= max;

/**
 * Checks a programmatically built type against Hive's limits: decimal 1 ≤ p ≤ 38 and 0 ≤ s ≤ p,
 * varchar 1..65535, char 1..255, primitive map keys, non-empty structs with non-empty, case-insensitively
 * unique field names.
 *
 * @param t - the type to check
 * @returns `t` itself
 * @throws {HiveBatchError} code `INVALID_ARGUMENT` naming the offending part
 */
export function validateDataType(t: DataType): DataType {
  const bad = (what: string): never => {
    throw new HiveBatchError('INVALID_ARGUMENT', `Invalid type ${describe(t)}: ${what}`);
  };
  switch (t.kind) {
    case 'decimal':
      if (!isIntIn(t.precision, 1, TYPE_LIMITS.maxDecimalPrecision)) bad('precision must be 1..38');
      if (!isIntIn(t.scale, 0, t.precision)) bad('scale must be 0..precision');
      break;
    case 'varchar':
      if (!isIntIn(t.length, 1, TYPE_LIMITS.maxVarcharLength)) bad('varchar length must be 1..65535');
      break;
    case 'char':
      if (!isIntIn(t.length, 1, TYPE_LIMITS.maxCharLength)) bad('char length must be 1..255');
      break;
    case 'array':
      validateDataType(t.element);
      break;
    case 'map':
      if (t.key.kind === 'array' || t.key.kind === 'map' || t.key.kind === 'struct')
        bad('map key must be primitive');
      validateDataType(t.key);
      validateDataType(t.value);
      break;
    case 'struct': {
      if (t.fields.length === 0) bad('struct needs at least one field');
      const seen = new Set<string>();
      for (const f of t.fields) {
        if (f.name === '') bad('empty field name');
        const k = f.name.toLowerCase();
        if (seen.has(k)) bad(`duplicate field name '${f.name}'`);
        seen.add(k);
        validateDataType(f.type);
      }
      break;
    }
    case 'void':
    case 'boolean':
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'bigint':
    case 'float':
    case 'double':
    case 'string':
    case 'date':
    case 'timestamp':
    case 'binary':
      break;
    default:
      bad('unknown kind');
  }
  return t;
}

function describe(t: DataType): string {
  try {
    return formatDataType(t);
  } catch {
    return JSON.stringify(t);
  }
}
