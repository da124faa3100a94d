import { HiveBatchError } from '@hive-batch/core';
import type { DataType, Field, Schema } from '@hive-batch/core';

/** One output column of the CTAS query, as the planner sees it. */
export interface QueryColumn {
  /** The alias, or the column name of a bare column reference; `undefined` for an unnamed expression. */
  readonly name?: string;
  readonly type: DataType;
  /**
   * Position of the producing item in the SELECT list, 0-based. `*` is one item however many columns it
   * expands to. Defaults to the column's ordinal in `columns`.
   */
  readonly selectIndex?: number;
}

/** Options of {@link deriveCtasSchema}. */
export interface DeriveCtasSchemaOptions {
  /** Prefix of generated names (`hive.autogen.columnalias.prefix.label`). Defaults to `_c`. */
  readonly columnAliasPrefix?: string;
}

function containsVoid(t: DataType): boolean {
  switch (t.kind) {
    case 'void':
      return true;
    case 'array':
      return containsVoid(t.element);
    case 'map':
      return containsVoid(t.key) || containsVoid(t.value);
    case 'struct':
      return t.fields.some((f) => containsVoid(f.type));
    default:
      return false;
  }
}

/**
 * The target schema of `CREATE TABLE … AS SELECT`, named as Hive 3.1 names it: an alias or bare column
 * name is kept (lower-cased, as the metastore stores it); an unnamed expression becomes `_c<k>` with `k`
 * its 0-based position in the SELECT list. Every column is nullable.
 *
 * @param columns - The query's output columns, in output order.
 * @param options - See {@link DeriveCtasSchemaOptions}.
 * @returns A new schema; deterministic for the same input.
 * @throws {HiveBatchError} `SEMANTIC_ERROR` for no columns, a `void` (untyped NULL) column — Hive's
 *   CTAS_CREATES_VOID_TYPE, fix it with a CAST — or two columns with the same name (case-insensitive).
 * @example
 * ```ts
 * // select *, key + 1, concat(value, value) from src   (src: key string, value string)
 * deriveCtasSchema([
 *   { name: 'key', type: HiveTypes.string, selectIndex: 0 },
 *   { name: 'value', type: HiveTypes.string, selectIndex: 0 },
 *   { type: HiveTypes.double, selectIndex: 1 },
 *   { type: HiveTypes.string, selectIndex: 2 },
 * ]); // key, value, _c1, _c2
 * ```
 */
export function deriveCtasSchema(
  columns: readonly QueryColumn[],
  options: DeriveCtasSchemaOptions = {},
): Schema {
  const prefix = options.columnAliasPrefix ?? '_c';
  if (columns.length === 0) throw new HiveBatchError('SEMANTIC_ERROR', 'CTAS query has no output columns');
  const seen = new Set<string>();
  const fields: Field[] = columns.map((c, ordinal) => {
    const name = (c.name ?? `${prefix}${c.selectIndex ?? ordinal}`).toLowerCase();
    if (name.length === 0)
      throw new HiveBatchError('SEMANTIC_ERROR', `Empty column name at position ${ordinal}`);
    if (containsVoid(c.type)) {
      throw new HiveBatchError(
        'SEMANTIC_ERROR',
        `CREATE-TABLE-AS-SELECT creates a VOID type for column \`${name}\`, please use CAST to specify the type`,
      );
    }
    if (seen.has(name)) throw new HiveBatchError('SEMANTIC_ERROR', `Duplicate column name: ${name}`);
    seen.add(name);
    return { name, type: c.type };
  });
  return { fields };
}
