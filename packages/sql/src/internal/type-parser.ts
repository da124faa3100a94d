// Hive type names (column definitions, CAST targets). The token span of the type is found here and its
// text handed to core's parseDataType, so the SQL front end and the metastore read types identically.
import { HiveBatchError, isHiveBatchError, parseDataType } from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
import { positionText } from './lexer';
import type { TokenCursor } from './token-cursor';

const CONTEXT = 'type';

/** Deeper types are rejected: core's type parser recurses, and no real schema nests this far. */
const MAX_TYPE_DEPTH = 100;

/** Parses one Hive type at the cursor. */
export function parseType(c: TokenCursor): DataType {
  const first = c.peek();
  if (first.type !== 'word') return c.fail(CONTEXT, 'a type name');
  const parts: string[] = [c.next().text];
  if (first.value === 'DOUBLE' && c.isWord('PRECISION')) parts.push(c.next().text);
  if (c.isOp('(') || c.isOp('<')) {
    // Take tokens up to the bracket that closes the first one; `<`/`(` nest independently.
    let angle = 0;
    let paren = 0;
    do {
      const t = c.next();
      if (t.type === 'eof') return c.fail(CONTEXT, "'>' or ')' closing the type");
      if (t.type === 'op') {
        if (t.value === '<') angle++;
        else if (t.value === '>') angle--;
        else if (t.value === '(') paren++;
        else if (t.value === ')') paren--;
        else if (t.value === '<>') return c.fail(CONTEXT, 'a type');
        if (angle + paren > MAX_TYPE_DEPTH) {
          throw new HiveBatchError(
            'PARSE_ERROR',
            `${positionText(first.pos)} type nested deeper than ${MAX_TYPE_DEPTH} levels`,
          );
        }
      }
      parts.push(t.text);
    } while (angle > 0 || paren > 0);
  }
  try {
    return parseDataType(parts.join(' '));
  } catch (e) {
    if (isHiveBatchError(e)) {
      throw new HiveBatchError('PARSE_ERROR', `${positionText(first.pos)} invalid type: ${e.message}`, {
        cause: e,
      });
    }
    throw e;
  }
}
