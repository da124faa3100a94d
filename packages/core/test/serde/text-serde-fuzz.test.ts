import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { DataType, TextSerDeOptions } from '@hive-batch/core';
import {
  HiveDecimal,
  HiveTypes,
  arrayType,
  charType,
  createSchema,
  createTextRowParser,
  createTextRowSerializer,
  decimalType,
  isHiveBatchError,
  mapType,
  structType,
  varcharType,
} from '@hive-batch/core';

// A small DataType arbitrary of this suite's own; depth ≤ 3 keeps within LazySimpleSerDe's 8 separator levels.
const primitive: fc.Arbitrary<DataType> = fc.oneof(
  fc.constantFrom(
    HiveTypes.boolean,
    HiveTypes.tinyint,
    HiveTypes.smallint,
    HiveTypes.int,
    HiveTypes.bigint,
    HiveTypes.float,
    HiveTypes.double,
    HiveTypes.string,
    HiveTypes.date,
    HiveTypes.timestamp,
    HiveTypes.binary,
  ),
  fc.integer({ min: 1, max: 38 }).chain((p) => fc.integer({ min: 0, max: p }).map((s) => decimalType(p, s))),
  fc.integer({ min: 1, max: 6 }).map((n) => varcharType(n)),
  fc.integer({ min: 1, max: 6 }).map((n) => charType(n)),
);
const mapKey: fc.Arbitrary<DataType> = fc.constantFrom(
  HiveTypes.int,
  HiveTypes.bigint,
  HiveTypes.string,
  HiveTypes.date,
  HiveTypes.boolean,
);

const dataType: fc.Arbitrary<DataType> = fc.letrec<{ t: DataType }>((tie) => ({
  t: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    primitive,
    tie('t').map((e) => arrayType(e)),
    fc.tuple(mapKey, tie('t')).map(([k, v]) => mapType(k, v)),
    fc
      .array(tie('t'), { minLength: 2, maxLength: 3 })
      .map((ts) => structType(ts.map((type, i) => ({ name: `f${String(i)}`, type })))),
  ),
})).t;

/** Nesting depth in separator levels used below a column (arrays/structs 1, maps 2). */
function levels(t: DataType): number {
  switch (t.kind) {
    case 'array':
      return 1 + levels(t.element);
    case 'map':
      return 2 + Math.max(levels(t.key), levels(t.value));
    case 'struct':
      return 1 + Math.max(0, ...t.fields.map((f) => levels(f.type)));
    default:
      return 0;
  }
}

interface Ctx {
  readonly forbidden: string; // characters strings may not contain (no escape configured)
  readonly nullFormat: string;
}

function stringArb(ctx: Ctx, maxLength: number): fc.Arbitrary<string> {
  const chars = fc.oneof(
    fc.constantFrom(
      'a',
      'b',
      'N',
      '\\',
      ',',
      '|',
      ':',
      '\t',
      ' ',
      '.',
      '"',
      '\u0001',
      '\u0002',
      '\u0003',
      '\u0004',
      'é',
      '😀',
    ),
    fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' }),
  );
  return fc
    .array(chars, { maxLength })
    .map((cs) => cs.join(''))
    .filter((s) => s !== ctx.nullFormat && ![...s].some((c) => ctx.forbidden.includes(c)));
}

function cpLen(s: string): number {
  return [...s].length;
}

function valueArb(t: DataType, ctx: Ctx): fc.Arbitrary<unknown> {
  const nullable = (a: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> => fc.option(a, { nil: null, freq: 6 });
  switch (t.kind) {
    case 'boolean':
      return nullable(fc.boolean());
    case 'tinyint':
      return nullable(fc.integer({ min: -128, max: 127 }));
    case 'smallint':
      return nullable(fc.integer({ min: -32768, max: 32767 }));
    case 'int':
      return nullable(fc.integer());
    case 'bigint':
      return nullable(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }));
    case 'float':
      return nullable(fc.float());
    case 'double':
      return nullable(fc.double());
    case 'decimal': {
      const bound = 10n ** BigInt(t.precision) - 1n;
      const scale = t.scale;
      return nullable(
        fc
          .bigInt({ min: -bound, max: bound })
          .map((u) =>
            new HiveDecimal(u.toString()).div(10 ** scale === Infinity ? 1 : new HiveDecimal(10).pow(scale)),
          ),
      );
    }
    case 'string':
      return nullable(stringArb(ctx, 8));
    case 'varchar':
      return nullable(stringArb(ctx, t.length).filter((s) => cpLen(s) <= t.length));
    case 'char': {
      const n = t.length;
      return nullable(
        stringArb(ctx, n)
          .filter((s) => cpLen(s) <= n)
          .map((s) => s + ' '.repeat(n - cpLen(s)))
          .filter((s) => s !== ctx.nullFormat),
      );
    }
    case 'date':
      return nullable(fc.integer({ min: -719162, max: 2932896 }));
    case 'timestamp':
      return nullable(fc.bigInt({ min: -62135596800000000n, max: 253402300799999999n }));
    case 'binary':
      return nullable(fc.uint8Array({ maxLength: 8 }));
    case 'array':
      // One-element arrays whose element prints as '' cannot be told from [] in Hive's format: use 0 or ≥ 2.
      return nullable(
        fc.oneof(fc.constant([]), fc.array(valueArb(t.element, ctx), { minLength: 2, maxLength: 3 })),
      );
    case 'map': {
      const keyArb = valueArb(t.key, ctx).filter((k) => k != null);
      return nullable(
        fc
          .array(fc.tuple(keyArb, valueArb(t.value, ctx)), { maxLength: 3 })
          .map((entries) => new Map(entries)),
      );
    }
    case 'struct':
      return nullable(
        fc
          .tuple(...t.fields.map((f) => valueArb(f.type, ctx)))
          .map((vs) => Object.fromEntries(t.fields.map((f, i) => [f.name, vs[i]]))),
      );
    default:
      return fc.constant(null);
  }
}

/** Comparable form: decimals as plain strings, bytes and maps as arrays. */
function normalise(v: unknown): unknown {
  if (v == null) return null;
  if (v instanceof HiveDecimal) return `dec:${v.toFixed()}`;
  if (v instanceof Uint8Array) return { bytes: Array.from(v) };
  if (v instanceof Map) return { map: [...v].map(([k, x]) => [normalise(k), normalise(x)]) };
  if (Array.isArray(v)) return v.map(normalise);
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalise(x)]));
  return v;
}

const optionsArb: fc.Arbitrary<TextSerDeOptions> = fc.record(
  {
    fieldDelimiter: fc.constantFrom('\u0001', ',', '\t', '|'),
    collectionDelimiter: fc.constantFrom('\u0002', ';'),
    mapKeyDelimiter: fc.constantFrom('\u0003', '#'), // not ':' — timestamps contain it and Hive does not escape them
    escapeChar: fc.constant('\\'),
    escapeCrlf: fc.boolean(),
    nullFormat: fc.constantFrom('\\N', 'NULL'),
  },
  { requiredKeys: [] },
);

const SEPARATOR_LEVELS = '\u0004\u0005\u0006\u0007\u0008';

const caseArb = fc
  .tuple(
    optionsArb,
    fc.array(
      dataType.filter((t) => levels(t) <= 6),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .chain(([options, types]) => {
    const seps =
      (options.fieldDelimiter ?? '\u0001') +
      (options.collectionDelimiter ?? '\u0002') +
      (options.mapKeyDelimiter ?? '\u0003') +
      SEPARATOR_LEVELS;
    const ctx: Ctx = {
      forbidden: options.escapeChar == null ? seps + '\r\n\\' : '',
      nullFormat: options.nullFormat ?? '\\N',
    };
    return fc.tuple(
      fc.constant(options),
      fc.constant(types),
      fc.tuple(...types.map((t) => valueArb(t, ctx))),
    );
  });

describe('text SerDe round trip', () => {
  test('serialize then parse gives the row back', () => {
    fc.assert(
      fc.property(caseArb, ([options, types, row]) => {
        const schema = createSchema(types.map((type, i) => ({ name: `c${String(i)}`, type })));
        const line = createTextRowSerializer(schema, options).serializeRow(row);
        const back = createTextRowParser(schema, options).parseLine(line);
        expect(normalise(back)).toEqual(normalise(row));
      }),
      { numRuns: 300 },
    );
  });

  test('without an escape character, rows of delimiter-free strings round-trip', () => {
    const noEscape = caseArb.filter(() => true);
    fc.assert(
      fc.property(
        noEscape.chain(([options, types]) => {
          const { escapeChar: _e, escapeCrlf: _c, ...rest } = options;
          const seps =
            (rest.fieldDelimiter ?? '\u0001') +
            (rest.collectionDelimiter ?? '\u0002') +
            (rest.mapKeyDelimiter ?? '\u0003') +
            SEPARATOR_LEVELS;
          const ctx: Ctx = { forbidden: seps + '\r\n', nullFormat: rest.nullFormat ?? '\\N' };
          return fc.tuple(
            fc.constant(rest),
            fc.constant(types),
            fc.tuple(...types.map((t) => valueArb(t, ctx))),
          );
        }),
        ([options, types, row]) => {
          const schema = createSchema(types.map((type, i) => ({ name: `c${String(i)}`, type })));
          const line = createTextRowSerializer(schema, options).serializeRow(row);
          expect(normalise(createTextRowParser(schema, options).parseLine(line))).toEqual(normalise(row));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('text SerDe robustness', () => {
  const junk = fc
    .array(
      fc.oneof(
        fc.constantFrom(
          '\u0001',
          '\u0002',
          '\u0003',
          '\u0004',
          '\\',
          'N',
          '-',
          '+',
          '.',
          'e',
          'E',
          '0',
          '9',
          ' ',
          ':',
          'T',
          'x',
          '=',
          '/',
        ),
        fc.string({ maxLength: 2, unit: 'binary' }),
      ),
      { maxLength: 40 },
    )
    .map((cs) => cs.join(''));

  test('parseLine never throws on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.array(dataType, { minLength: 1, maxLength: 4 }),
        fc.option(fc.constant('\\'), { nil: undefined }),
        junk,
        (types, escapeChar, line) => {
          const schema = createSchema(types.map((type, i) => ({ name: `c${String(i)}`, type })));
          let outcome: unknown;
          try {
            outcome = createTextRowParser(schema, escapeChar == null ? {} : { escapeChar }).parseLine(
              line,
            ).length;
          } catch (e) {
            // Only a too-deep schema may be refused, and only with a coded error.
            outcome = isHiveBatchError(e) ? e.code : e;
          }
          expect([types.length, 'SERDE_ERROR']).toContain(outcome);
        },
      ),
      { numRuns: 500 },
    );
  });
});
