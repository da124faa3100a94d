import { HiveBatchError } from '../errors/hive-batch-error';

/**
 * Settings of Hive's LazySimpleSerDe (TEXTFILE). All fields are optional; the defaults are Hive's.
 */
export interface TextSerDeOptions {
  /** Separator between top-level columns (`field.delim`). One ASCII character. Defaults to `'\u0001'`. */
  readonly fieldDelimiter?: string;
  /** Separator between array items / map entries / struct fields at the first nesting level (`colelction.delim`). Defaults to `'\u0002'`. */
  readonly collectionDelimiter?: string;
  /** Separator between a map key and its value at the first nesting level (`mapkey.delim`). Defaults to `'\u0003'`. */
  readonly mapKeyDelimiter?: string;
  /** Escape character (`escape.delim`), or none. With one set, delimiters inside values are escaped. Defaults to none. */
  readonly escapeChar?: string;
  /** Also escape CR and LF as `\r`/`\n` when writing (`serialization.escape.crlf`); needs `escapeChar`. Defaults to `false`. */
  readonly escapeCrlf?: boolean;
  /** The text that stands for NULL (`serialization.null.format`). Defaults to `'\\N'` (backslash, N). */
  readonly nullFormat?: string;
  /** The last column takes the rest of the line, delimiters included (`serialization.last.column.takes.rest`). Defaults to `false`. */
  readonly lastColumnTakesRest?: boolean;
  /** Allow more than 8 separator levels (`hive.serialization.extend.nesting.levels`). Defaults to `false`. */
  readonly extendedNesting?: boolean;
  /** Accept `t`/`f`/`1`/`0` as booleans (`hive.lazysimple.extended_boolean_literal`). Defaults to `false`. */
  readonly extendedBooleanLiteral?: boolean;
}

/** Options with defaults applied and the separator of every nesting level computed. Internal. */
export interface ResolvedTextSerDeOptions {
  /** `separators[0]` splits columns; level L of nesting uses `separators[L]`. */
  readonly separators: readonly string[];
  readonly escapeChar: string | null;
  readonly escapeCrlf: boolean;
  readonly nullFormat: string;
  readonly lastColumnTakesRest: boolean;
  readonly extendedBooleanLiteral: boolean;
}

/**
 * Hive's `LazySerDeParameters.getByte`: a delimiter property is a decimal byte (`'9'` is TAB, `'-1'` is 0xFF)
 * when it parses as a Java byte, otherwise its first character (low byte). Empty or absent → the default.
 */
function delimiterFromProperty(value: string | undefined, fallback: string): string {
  if (value == null || value.length === 0) return fallback;
  if (/^[+-]?\d+$/.test(value)) {
    const n = Number(value);
    if (n >= -128 && n <= 127) return String.fromCharCode(n & 0xff);
  }
  return String.fromCharCode(value.charCodeAt(0) & 0xff);
}

/**
 * Builds {@link TextSerDeOptions} from Hive table/SerDe properties: `field.delim` (else `serialization.format`),
 * `colelction.delim` (Hive's spelling; `collection.delim` is accepted too), `mapkey.delim`, `escape.delim`
 * (present but empty means `\`), `serialization.escape.crlf`, `serialization.null.format`,
 * `serialization.last.column.takes.rest`. Delimiters may be a character or a decimal byte number.
 *
 * @param props - the properties, e.g. from `ROW FORMAT DELIMITED` / `SERDEPROPERTIES`
 * @returns the options; absent properties are left out so the defaults apply
 * @example
 * ```ts
 * textSerDeOptionsFromProperties({ 'field.delim': '9' }); // { fieldDelimiter: '\t' }
 * ```
 */
export function textSerDeOptionsFromProperties(
  props: Readonly<Record<string, string | undefined>>,
): TextSerDeOptions {
  const out: {
    -readonly [K in keyof TextSerDeOptions]: TextSerDeOptions[K];
  } = {};
  const field = props['field.delim'] ?? props['serialization.format'];
  if (field != null && field.length > 0) out.fieldDelimiter = delimiterFromProperty(field, '\u0001');
  const coll = props['colelction.delim'] ?? props['collection.delim'];
  if (coll != null && coll.length > 0) out.collectionDelimiter = delimiterFromProperty(coll, '\u0002');
  const mapKey = props['mapkey.delim'];
  if (mapKey != null && mapKey.length > 0) out.mapKeyDelimiter = delimiterFromProperty(mapKey, '\u0003');
  const escape = props['escape.delim'];
  if (escape != null) out.escapeChar = delimiterFromProperty(escape, '\\');
  const crlf = props['serialization.escape.crlf'];
  if (crlf != null) out.escapeCrlf = crlf.toLowerCase() === 'true';
  const nullFormat = props['serialization.null.format'];
  if (nullFormat != null) out.nullFormat = nullFormat;
  const rest = props['serialization.last.column.takes.rest'];
  if (rest != null) out.lastColumnTakesRest = rest.toLowerCase() === 'true';
  return out;
}

function checkChar(name: string, value: string): string {
  if (value.length !== 1 || value.charCodeAt(0) > 0x7f) {
    throw new HiveBatchError(
      'SERDE_ERROR',
      `${name} must be one ASCII character (non-ASCII bytes cannot be split in decoded text): ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** Applies defaults and computes the separator list (Hive's `LazySerDeParameters.collectSeparators`). */
export function resolveTextSerDeOptions(options: TextSerDeOptions | undefined): ResolvedTextSerDeOptions {
  const o = options ?? {};
  const separators = [
    checkChar('fieldDelimiter', o.fieldDelimiter ?? '\u0001'),
    checkChar('collectionDelimiter', o.collectionDelimiter ?? '\u0002'),
    checkChar('mapKeyDelimiter', o.mapKeyDelimiter ?? '\u0003'),
  ];
  for (let b = 4; b <= 8; b++) separators.push(String.fromCharCode(b));
  if (o.extendedNesting === true) {
    // Control characters unlikely to occur in text (TAB, LF, FF, CR, ESC skipped). Hive continues with the
    // bytes 0x80–0xFF, which cannot be separators of decoded UTF-8 text, so nesting stops here.
    separators.push('\u000b');
    for (let b = 14; b <= 26; b++) separators.push(String.fromCharCode(b));
    for (let b = 28; b <= 31; b++) separators.push(String.fromCharCode(b));
  }
  const escapeChar = o.escapeChar == null ? null : checkChar('escapeChar', o.escapeChar);
  return {
    separators,
    escapeChar,
    escapeCrlf: o.escapeCrlf === true && escapeChar != null,
    nullFormat: o.nullFormat ?? '\\N',
    lastColumnTakesRest: o.lastColumnTakesRest === true,
    extendedBooleanLiteral: o.extendedBooleanLiteral === true,
  };
}

/**
 * The separator of nesting level `n` (0 = fields), or `SERDE_ERROR` when the type nests deeper than
 * LazySimpleSerDe has separators for.
 */
export function separatorAt(o: ResolvedTextSerDeOptions, n: number): string {
  const sep = o.separators[n];
  if (sep == null) {
    throw new HiveBatchError(
      'SERDE_ERROR',
      `LazySimpleSerDe supports ${String(o.separators.length)} levels of nesting; the type needs level ${String(n)}`,
    );
  }
  return sep;
}
