// Hive type names (as in column definitions and CAST) parsed into core's DataType values.
import {
  HIVE_DECIMAL_DEFAULT_PRECISION,
  HIVE_DECIMAL_DEFAULT_SCALE,
  HIVE_DECIMAL_MAX_PRECISION,
  HiveBatchError,
  HiveTypes,
  arrayType,
  charType,
  decimalType,
  mapType,
  structType,
  varcharType,
} from '@hive-batch/core';
import type { DataType, StructField } from '@hive-batch/core';
import { positionText } from './lexer';
import type { TokenCursor } from './token-cursor';

const SIMPLE: Readonly<Record<string, DataType>> = {
  TINYINT: HiveTypes.tinyint,
  SMALLINT: HiveTypes.smallint,
  INT: HiveTypes.int,
  INTEGER: HiveTypes.int,
  BIGINT: HiveTypes.bigint,
  BOOLEAN: HiveTypes.boolean,
  FLOAT: HiveTypes.float,
  REAL: HiveTypes.float,
  STRING: HiveTypes.string,
  BINARY: HiveTypes.binary,
  DATE: HiveTypes.date,
  TIMESTAMP: HiveTypes.timestamp,
  DATETIME: HiveTypes.timestamp,
};

const CONTEXT = 'type';

function rangeError(c: TokenCursor, message: string): never {
  throw new HiveBatchError('PARSE_ERROR', `${positionText(c.pos)} ${message}`);
}

function lengthArg(c: TokenCursor, name: string, max: number): number {
  c.expectOp('(', CONTEXT);
  const at = c.pos;
  const n = c.integer(CONTEXT);
  if (n < 1 || n > max) {
    throw new HiveBatchError(
      'PARSE_ERROR',
      `${positionText(at)} ${name} length must be between 1 and ${max}`,
    );
  }
  c.expectOp(')', CONTEXT);
  return n;
}

/** Parses one Hive type at the cursor. */
export function parseType(c: TokenCursor): DataType {
  const t = c.peek();
  if (t.type !== 'word') return c.fail(CONTEXT, 'a type name');
  c.enter(CONTEXT);
  try {
    return parseTypeBody(c, t.value);
  } finally {
    c.leave();
  }
}

function parseTypeBody(c: TokenCursor, word: string): DataType {
  c.next();
  const simple = SIMPLE[word];
  if (simple != null) {
    if (word === 'TIMESTAMP' && c.isWord('WITH')) {
      return rangeError(c, 'TIMESTAMP WITH LOCAL TIME ZONE is not supported');
    }
    return simple;
  }
  switch (word) {
    case 'DOUBLE':
      c.acceptWord('PRECISION');
      return HiveTypes.double;
    case 'DECIMAL':
    case 'DEC':
    case 'NUMERIC': {
      if (!c.acceptOp('(')) return decimalType(HIVE_DECIMAL_DEFAULT_PRECISION, HIVE_DECIMAL_DEFAULT_SCALE);
      const at = c.pos;
      const precision = c.integer(CONTEXT);
      const scale = c.acceptOp(',') ? c.integer(CONTEXT) : 0;
      c.expectOp(')', CONTEXT);
      if (precision < 1 || precision > HIVE_DECIMAL_MAX_PRECISION) {
        rangeError(
          c,
          `decimal precision must be between 1 and ${HIVE_DECIMAL_MAX_PRECISION}, got ${precision}`,
        );
      }
      if (scale > precision) {
        throw new HiveBatchError(
          'PARSE_ERROR',
          `${positionText(at)} decimal scale must not exceed precision, got (${precision},${scale})`,
        );
      }
      return decimalType(precision, scale);
    }
    case 'VARCHAR':
      return varcharType(lengthArg(c, 'varchar', 65535));
    case 'CHAR':
      return charType(lengthArg(c, 'char', 255));
    case 'ARRAY': {
      c.expectOp('<', CONTEXT);
      const element = parseType(c);
      c.expectOp('>', CONTEXT);
      return arrayType(element);
    }
    case 'MAP': {
      c.expectOp('<', CONTEXT);
      const key = parseType(c);
      c.expectOp(',', CONTEXT);
      const value = parseType(c);
      c.expectOp('>', CONTEXT);
      return mapType(key, value);
    }
    case 'STRUCT': {
      c.expectOp('<', CONTEXT);
      const fields: StructField[] = [];
      do {
        const name = c.anyName(CONTEXT);
        c.expectOp(':', CONTEXT);
        const type = parseType(c);
        // Field comments are accepted and dropped: DataType has nowhere to keep them.
        if (c.acceptWord('COMMENT')) c.string(CONTEXT);
        fields.push({ name, type });
      } while (c.acceptOp(','));
      c.expectOp('>', CONTEXT);
      return structType(fields);
    }
    case 'UNIONTYPE':
      return rangeError(c, 'UNIONTYPE is not supported');
    default:
      c.index--;
      return c.fail(CONTEXT, 'a type name');
  }
}
