import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HiveTypes, arrayType, decimalType, mapType, structType, varcharType } from '@hive-batch/core';
import { formatStatement, parseStatement } from '@hive-batch/sql';
import type { BinaryOperator, Expression, SourcePosition, Statement } from '@hive-batch/sql';
import { stripPositions } from './helpers';

const P: SourcePosition = { line: 1, column: 1, offset: 0 };

const BINARY_OPS: BinaryOperator[] = [
  'or',
  'and',
  '=',
  '<>',
  '<=>',
  '<',
  '<=',
  '>',
  '>=',
  '+',
  '-',
  '*',
  '/',
  '%',
  'div',
  '||',
  '&',
  '|',
  '^',
];

const TYPES = [
  HiveTypes.int,
  HiveTypes.string,
  HiveTypes.double,
  decimalType(10, 2),
  varcharType(5),
  arrayType(HiveTypes.string),
  mapType(HiveTypes.string, arrayType(HiveTypes.int)),
  structType([{ name: 'a', type: HiveTypes.int }]),
];

// Names: plain ones, keywords (need backquotes as columns), and odd characters.
const name = fc.oneof(
  fc.constantFrom('a', 'key', 'value', 'T1', 'x_2', 'GROUPING__ID'),
  fc.constantFrom('select', 'from', 'date', 'order', 'limit', 'sort'),
  fc.string({ minLength: 1, maxLength: 6 }),
);

const numberLit = fc.oneof(
  fc.record({
    text: fc.bigInt({ min: 0n, max: 10n ** 30n }).map(String),
    suffix: fc.constantFrom('none', 'Y', 'S', 'L', 'BD', 'D'),
  }),
  fc.record({
    text: fc.tuple(fc.nat(999), fc.nat(999), fc.boolean()).map(([a, b, e]) => `${a}.${b}${e ? 'E-3' : ''}`),
    suffix: fc.constantFrom('none', 'BD', 'D'),
  }),
);

const { expr } = fc.letrec<{ expr: Expression }>((tie) => {
  const sub = tie('expr');
  const leaf: fc.Arbitrary<Expression> = fc.oneof(
    fc.constant<Expression>({ kind: 'null', pos: P }),
    fc.boolean().map((value): Expression => ({ kind: 'boolean', pos: P, value })),
    fc
      .string({ maxLength: 8, unit: 'binary' })
      .map((value): Expression => ({ kind: 'string', pos: P, value })),
    numberLit.map((n): Expression => ({ kind: 'number', pos: P, text: n.text, suffix: n.suffix })),
    fc
      .array(name, { minLength: 1, maxLength: 3 })
      .map((parts): Expression => ({ kind: 'column', pos: P, parts })),
  );
  const call = fc
    .record({
      name: fc.oneof(
        fc.constant(['count']),
        fc.constant(['if']),
        fc.constant(['db', 'f']),
        fc.array(name, { minLength: 1, maxLength: 1 }),
      ),
      args: fc.array(sub, { maxLength: 3 }),
      distinct: fc.boolean(),
    })
    .map(({ name: n, args, distinct }): Expression => ({
      kind: 'call',
      pos: P,
      name: n,
      args,
      distinct: distinct && args.length > 0,
      star: false,
      withinGroup: null,
      over: null,
    }));
  const node: fc.Arbitrary<Expression> = fc.oneof(
    fc
      .tuple(fc.constantFrom('-', '+', '~', 'not'), sub)
      .map(([op, operand]): Expression => ({ kind: 'unary', pos: P, op: op as '-', operand })),
    fc
      .tuple(fc.constantFrom(...BINARY_OPS), sub, sub)
      .map(([op, left, right]): Expression => ({ kind: 'binary', pos: P, op, left, right })),
    fc
      .tuple(sub, fc.constantFrom('null', 'true', 'false'), fc.boolean())
      .map(([operand, test, negated]): Expression => ({
        kind: 'is',
        pos: P,
        operand,
        test: test as 'null',
        negated,
      })),
    fc.tuple(sub, sub, sub, fc.boolean()).map(([operand, low, high, negated]): Expression => ({
      kind: 'between',
      pos: P,
      operand,
      low,
      high,
      negated,
    })),
    fc
      .tuple(sub, fc.array(sub, { minLength: 1, maxLength: 3 }), fc.boolean())
      .map(([operand, list, negated]): Expression => ({ kind: 'inList', pos: P, operand, list, negated })),
    fc
      .tuple(fc.constantFrom('like', 'rlike', 'regexp'), sub, sub, fc.boolean())
      .map(([op, operand, pattern, negated]): Expression => ({
        kind: 'like',
        pos: P,
        op: op as 'like',
        operand,
        pattern,
        negated,
      })),
    fc
      .tuple(
        fc.option(sub, { nil: null }),
        fc.array(fc.record({ pos: fc.constant(P), when: sub, then: sub }), { minLength: 1, maxLength: 2 }),
        fc.option(sub, { nil: null }),
      )
      .map(([operand, whens, otherwise]): Expression => ({
        kind: 'case',
        pos: P,
        operand,
        whens,
        else: otherwise,
      })),
    fc
      .tuple(sub, fc.constantFrom(...TYPES))
      .map(([operand, type]): Expression => ({ kind: 'cast', pos: P, operand, type })),
    call,
    fc.tuple(sub, sub).map(([base, index]): Expression => ({ kind: 'index', pos: P, base, index })),
    fc
      .tuple(
        fc.oneof(
          call,
          fc.tuple(sub, sub).map(([base, index]): Expression => ({ kind: 'index', pos: P, base, index })),
        ),
        name,
      )
      .map(([base, field]): Expression => ({ kind: 'field', pos: P, base, field })),
    fc
      .array(sub, { minLength: 2, maxLength: 3 })
      .map((items): Expression => ({ kind: 'row', pos: P, items })),
  );
  return { expr: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, node) };
});

function selectOf(e: Expression): Statement {
  return {
    kind: 'query',
    pos: P,
    query: {
      kind: 'query',
      pos: P,
      with: [],
      body: {
        kind: 'select',
        pos: P,
        distinct: false,
        items: [{ pos: P, expr: e, aliases: [] }],
        from: null,
        where: null,
        groupBy: null,
        having: null,
        windows: [],
      },
      orderBy: [],
      clusterBy: [],
      distributeBy: [],
      sortBy: [],
      limit: null,
      offset: null,
    },
  };
}

describe('formatStatement ∘ parseStatement on generated expressions', () => {
  it('parse(format(select e)) is select e, for any expression tree', () => {
    fc.assert(
      fc.property(expr, (e) => {
        const stmt = selectOf(e);
        const text = formatStatement(stmt);
        expect(stripPositions(parseStatement(text))).toEqual(stripPositions(stmt));
      }),
      { numRuns: 1500 },
    );
  });
});
