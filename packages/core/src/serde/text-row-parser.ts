import type { DataType } from '../types/data-type';
import type { Schema } from '../types/schema';
import type { HiveDecimalValue } from '../values/hive-decimal';
import {
  parseLazyBigint,
  parseLazyBinary,
  parseLazyBoolean,
  parseLazyDate,
  parseLazyDecimal,
  parseLazyDouble,
  parseLazyFloat,
  parseLazyIntegral,
  parseLazyTimestamp,
} from './lazy-primitives';
import type { Delimiter } from './split-escaped';
import { indexOfUnescaped, splitEscaped, unescapeText } from './split-escaped';
import type { ResolvedTextSerDeOptions, TextSerDeOptions } from './text-serde-options';
import { resolveTextSerDeOptions, separatorAt } from './text-serde-options';

/** Parses lines of a LazySimpleSerDe text table into values of the schema's column types. */
export interface TextRowParser {
  /**
   * One line (without its terminator) → one value per column, in core's value representation. Bad fields
   * become NULL as in Hive; missing trailing columns are NULL, extra fields are dropped.
   */
  parseLine(line: string): unknown[];
}

/** Parses a non-NULL raw field (still escaped) of one type. */
type FieldParser = (raw: string) => unknown;

const utf8 = new TextEncoder();

function truncateCodePoints(s: string, n: number): string {
  if (s.length <= n) return s;
  let count = 0;
  let i = 0;
  while (i < s.length && count < n) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
    count++;
  }
  return s.slice(0, i);
}

function codePointCount(s: string): number {
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) i++;
    count++;
  }
  return count;
}

function mapKeyIdentity(key: unknown): unknown {
  if (key instanceof Uint8Array) return 'b:' + Array.from(key).join(',');
  if (typeof key === 'object' && key != null) return 'd:' + (key as HiveDecimalValue).toString();
  return key;
}

function compile(type: DataType, level: number, o: ResolvedTextSerDeOptions): FieldParser {
  const esc = o.escapeChar;
  const nullFormat = o.nullFormat;
  switch (type.kind) {
    case 'void':
      return () => null;
    case 'boolean': {
      const ext = o.extendedBooleanLiteral;
      return (s) => parseLazyBoolean(s, ext);
    }
    case 'tinyint':
      return (s) => parseLazyIntegral(s, -128, 127);
    case 'smallint':
      return (s) => parseLazyIntegral(s, -32768, 32767);
    case 'int':
      return (s) => parseLazyIntegral(s, -2147483648, 2147483647);
    case 'bigint':
      return parseLazyBigint;
    case 'float':
      return parseLazyFloat;
    case 'double':
      return parseLazyDouble;
    case 'decimal': {
      const { precision, scale } = type;
      return (s) => parseLazyDecimal(s, precision, scale);
    }
    case 'date':
      return parseLazyDate;
    case 'timestamp':
      return parseLazyTimestamp;
    case 'binary':
      // LazyBinary works on the raw bytes: no unescaping.
      return (s) => parseLazyBinary(utf8.encode(s));
    case 'string':
      return esc == null ? (s) => s : (s) => unescapeText(s, esc);
    case 'varchar': {
      const n = type.length;
      return (s) => truncateCodePoints(esc == null ? s : unescapeText(s, esc), n);
    }
    case 'char': {
      const n = type.length;
      return (s) => {
        const t = truncateCodePoints(esc == null ? s : unescapeText(s, esc), n);
        const len = codePointCount(t);
        return len < n ? t + ' '.repeat(n - len) : t;
      };
    }
    case 'array': {
      const sep = separatorAt(o, level);
      const element = compile(type.element, level + 1, o);
      return (s) => {
        // An empty field is an empty array, not NULL (LazyArray).
        if (s.length === 0) return [];
        const parts = splitEscaped(s, sep, esc);
        const out: unknown[] = new Array<unknown>(parts.length);
        for (let i = 0; i < parts.length; i++) {
          const p = parts[i] ?? '';
          out[i] = p === nullFormat ? null : element(p);
        }
        return out;
      };
    }
    case 'map': {
      const sep = separatorAt(o, level);
      const kvSep = separatorAt(o, level + 1);
      const keyParser = compile(type.key, level + 2, o);
      const valueParser = compile(type.value, level + 2, o);
      const byIdentity = type.key.kind === 'decimal' || type.key.kind === 'binary';
      return (s) => {
        const out = new Map<unknown, unknown>();
        if (s.length === 0) return out;
        const seen = byIdentity ? new Set<unknown>() : null;
        for (const entry of splitEscaped(s, sep, esc)) {
          const k = indexOfUnescaped(entry, 0, { sep: kvSep, escape: esc });
          const rawKey = k < 0 ? entry : entry.slice(0, k);
          if (rawKey === nullFormat) continue;
          const key = keyParser(rawKey);
          // Entries whose key is NULL are dropped; on duplicate keys the first one wins (LazyMap).
          if (key == null) continue;
          if (seen != null) {
            const id = mapKeyIdentity(key);
            if (seen.has(id)) continue;
            seen.add(id);
          } else if (out.has(key)) continue;
          const rawValue = k < 0 ? null : entry.slice(k + 1);
          out.set(key, rawValue == null || rawValue === nullFormat ? null : valueParser(rawValue));
        }
        return out;
      };
    }
    case 'struct': {
      const sep = separatorAt(o, level);
      const fields = type.fields.map((f) => ({ name: f.name, parse: compile(f.type, level + 1, o) }));
      const takesRest = o.lastColumnTakesRest;
      return (s) => {
        const parts = splitFields(s, { sep, escape: esc }, takesRest ? fields.length : 0);
        const out: Record<string, unknown> = {};
        for (let i = 0; i < fields.length; i++) {
          const f = fields[i];
          if (f === undefined) continue;
          const p = parts[i];
          out[f.name] = p == null || p === nullFormat ? null : f.parse(p);
        }
        return out;
      };
    }
  }
}

/** Splits a struct's fields; with `restAfter` > 0 the field number `restAfter` takes the rest. */
function splitFields(s: string, delim: Delimiter, restAfter: number): string[] {
  if (restAfter === 0) return splitEscaped(s, delim.sep, delim.escape);
  const out: string[] = [];
  let from = 0;
  while (out.length < restAfter - 1) {
    const i = indexOfUnescaped(s, from, delim);
    if (i < 0) break;
    out.push(s.slice(from, i));
    from = i + 1;
  }
  out.push(s.slice(from));
  return out;
}

/**
 * Creates a parser for lines of a TEXTFILE table read through Hive's LazySimpleSerDe. Column types are
 * resolved once here; `parseLine` then splits by the field delimiter (honouring the escape character) and
 * parses each field with Hive's Lazy* rules: a field equal to the null format is NULL; numbers, booleans,
 * decimals, dates and timestamps that do not parse are NULL (an empty field too); strings keep the empty
 * string; varchar truncates and char pads; binary is base64-decoded when it looks like base64; arrays, maps
 * and structs split by the next nesting level's separator.
 *
 * @param schema - the table's columns
 * @param options - {@link TextSerDeOptions}; defaults are Hive's
 * @returns the parser
 * @throws {HiveBatchError} code `SERDE_ERROR` when a delimiter is not one ASCII character or the types nest
 *   deeper than the separators allow (8 levels, more with `extendedNesting`)
 * @example
 * ```ts
 * const p = createTextRowParser(createSchema([{ name: 'key', type: HiveTypes.int }, { name: 'value', type: HiveTypes.string }]));
 * p.parseLine('238\u0001val_238'); // [238, 'val_238']
 * ```
 */
export function createTextRowParser(schema: Schema, options?: TextSerDeOptions): TextRowParser {
  const o = resolveTextSerDeOptions(options);
  const parsers = schema.fields.map((f) => compile(f.type, 1, o));
  const ncols = parsers.length;
  const sep = o.separators[0] ?? '\u0001';
  const esc = o.escapeChar;
  const nullFormat = o.nullFormat;
  const takesRest = o.lastColumnTakesRest;
  const top: Delimiter = { sep, escape: esc };
  return {
    parseLine(line: string): unknown[] {
      const out = new Array<unknown>(ncols);
      let from = 0;
      let col = 0;
      const n = line.length;
      while (col < ncols) {
        let end: number;
        if (from > n) end = -1;
        else if (takesRest && col === ncols - 1) end = n;
        else {
          end = indexOfUnescaped(line, from, top);
          if (end < 0) end = n;
        }
        if (end < 0) break;
        const raw = line.slice(from, end);
        const parse = parsers[col];
        out[col] = raw === nullFormat || parse === undefined ? null : parse(raw);
        col++;
        from = end + 1;
      }
      for (; col < ncols; col++) out[col] = null;
      return out;
    },
  };
}
