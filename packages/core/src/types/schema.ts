import type { DataType } from './data-type';

/** A named column of a schema. */
export interface Field {
  readonly name: string;
  readonly type: DataType;
  /** Hive columns are always nullable; `false` only documents a producer's guarantee. Defaults to `true`. */
  readonly nullable?: boolean;
  readonly comment?: string;
}

/** An ordered list of fields. Column names are case-insensitive in Hive; they keep their declared case here. */
export interface Schema {
  readonly fields: readonly Field[];
}

/** Builds a schema from fields. */
export function createSchema(fields: readonly Field[]): Schema {
  return { fields };
}

/** Index of a column by case-insensitive name, or -1. */
export function fieldIndex(schema: Schema, name: string): number {
  const wanted = name.toLowerCase();
  return schema.fields.findIndex((f) => f.name.toLowerCase() === wanted);
}
