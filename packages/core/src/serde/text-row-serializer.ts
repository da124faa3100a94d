import { formatHiveDate, formatHiveTimestamp } from '../printing/format-temporal';
import { formatJavaDouble, formatJavaFloat } from '../printing/java-double';
import type { DataType } from '../types/data-type';
import type { Schema } from '../types/schema';
import type { HiveDecimalValue } from '../values/hive-decimal';
import { HiveDecimal } from '../values/hive-decimal';
import { encodeBase64 } from './lazy-primitives';
import type { ResolvedTextSerDeOptions, TextSerDeOptions } from './text-serde-options';
import { resolveTextSerDeOptions, separatorAt } from './text-serde-options';

/** Writes rows of a LazySimpleSerDe text table. */
export interface TextRowSerializer {
  /** One row (a value per column, in core's representation) → one line, without a line terminator. */
  serializeRow(values: readonly unknown[]): string;
}

type FieldWriter = (value: unknown) => string;

/** Hive's `LazyUtils.writeEscaped` for string data: escape char, every separator, and CR/LF if configured. */
function makeEscaper(o: ResolvedTextSerDeOptions): (s: string) => string {
  const esc = o.escapeChar;
  if (esc == null) return (s) => s;
  const needs = new Uint8Array(128);
  needs[esc.charCodeAt(0)] = 1;
  for (const sep of o.separators) needs[sep.charCodeAt(0)] = 1;
  if (o.escapeCrlf) {
    needs[10] = 1;
    needs[13] = 1;
  }
  return (s) => {
    const n = s.length;
    let i = 0;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c < 128 && needs[c] === 1) break;
      i++;
    }
    if (i === n) return s;
    let out = s.slice(0, i);
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 128 && needs[c] === 1) out += esc + (c === 10 ? 'n' : c === 13 ? 'r' : s[i]);
      else out += s[i];
    }
    return out;
  };
}

function padChar(s: string, length: number): string {
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) i++;
    count++;
  }
  return count < length ? s + ' '.repeat(length - count) : s;
}

/** What every writer needs: the resolved options and the string escaper. */
interface WriterContext {
  readonly o: ResolvedTextSerDeOptions;
  readonly escape: (s: string) => string;
}

function compile(type: DataType, level: number, ctx: WriterContext): FieldWriter {
  const { o, escape } = ctx;
  const nullFormat = o.nullFormat;
  const orNull =
    (w: FieldWriter): FieldWriter =>
    (v) =>
      v == null ? nullFormat : w(v);
  switch (type.kind) {
    case 'void':
      return () => nullFormat;
    case 'boolean':
      return orNull((v) => (v === true ? 'true' : 'false'));
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'bigint':
      return orNull((v) => String(v));
    case 'float':
      return orNull((v) => formatJavaFloat(v as number));
    case 'double':
      return orNull((v) => formatJavaDouble(v as number));
    case 'decimal': {
      // LazyHiveDecimal.writeUTF8 pads to the column's scale, as the CLI does.
      const scale = type.scale;
      return orNull((v) => {
        const d: HiveDecimalValue = v instanceof HiveDecimal ? v : new HiveDecimal(v as string | number);
        return d.isZero() ? (scale === 0 ? '0' : '0.' + '0'.repeat(scale)) : d.toFixed(scale);
      });
    }
    case 'date':
      return orNull((v) => formatHiveDate(v as number));
    case 'timestamp':
      return orNull((v) => formatHiveTimestamp(v as bigint));
    case 'binary':
      return orNull((v) => encodeBase64(v as Uint8Array));
    case 'string':
    case 'varchar':
      return orNull((v) => escape(v as string));
    case 'char': {
      const n = type.length;
      return orNull((v) => escape(padChar(v as string, n)));
    }
    case 'array': {
      const sep = separatorAt(o, level);
      const element = compile(type.element, level + 1, ctx);
      return orNull((v) => {
        const arr = v as readonly unknown[];
        let out = '';
        for (let i = 0; i < arr.length; i++) {
          if (i > 0) out += sep;
          out += element(arr[i]);
        }
        return out;
      });
    }
    case 'map': {
      const sep = separatorAt(o, level);
      const kvSep = separatorAt(o, level + 1);
      const key = compile(type.key, level + 2, ctx);
      const value = compile(type.value, level + 2, ctx);
      return orNull((v) => {
        let out = '';
        let first = true;
        for (const [k, x] of v as ReadonlyMap<unknown, unknown>) {
          if (!first) out += sep;
          first = false;
          out += key(k) + kvSep + value(x);
        }
        return out;
      });
    }
    case 'struct': {
      const sep = separatorAt(o, level);
      const fields = type.fields.map((f) => ({ name: f.name, write: compile(f.type, level + 1, ctx) }));
      return orNull((v) => {
        const obj = v as Readonly<Record<string, unknown>>;
        let out = '';
        for (let i = 0; i < fields.length; i++) {
          const f = fields[i];
          if (f === undefined) continue;
          if (i > 0) out += sep;
          out += f.write(obj[f.name]);
        }
        return out;
      });
    }
  }
}

/**
 * Creates a writer of TEXTFILE lines as Hive's LazySimpleSerDe writes them: NULL (at any depth) as the null
 * format; booleans `true`/`false`; doubles and floats as Java's `toString`; decimals padded to the column's
 * scale; dates and timestamps as Hive prints them; binary as base64; strings with the escape character put
 * before the escape character itself and every separator (and CR/LF as `\r`/`\n` with `escapeCrlf`) when
 * one is configured, raw otherwise; arrays, maps and structs joined by the separator of their nesting level.
 *
 * @param schema - the table's columns
 * @param options - {@link TextSerDeOptions}; defaults are Hive's
 * @returns the serializer
 * @throws {HiveBatchError} code `SERDE_ERROR` when a delimiter is not one ASCII character or the types nest
 *   too deeply
 * @example
 * ```ts
 * const w = createTextRowSerializer(createSchema([{ name: 'a', type: arrayType(HiveTypes.double) }]));
 * w.serializeRow([[1, null]]); // '1.0\u0002\\N'
 * ```
 */
export function createTextRowSerializer(schema: Schema, options?: TextSerDeOptions): TextRowSerializer {
  const o = resolveTextSerDeOptions(options);
  const escape = makeEscaper(o);
  const writers = schema.fields.map((f) => compile(f.type, 1, { o, escape }));
  const sep = o.separators[0] ?? '\u0001';
  return {
    serializeRow(values: readonly unknown[]): string {
      let out = '';
      for (let i = 0; i < writers.length; i++) {
        const w = writers[i];
        if (w === undefined) continue;
        if (i > 0) out += sep;
        out += w(values[i]);
      }
      return out;
    },
  };
}
