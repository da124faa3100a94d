import type { ColumnBuilder, DataType } from '@hive-batch/core';
import { HiveBatchError } from '@hive-batch/core';
import { keyValueWidth } from './key-encoding';

const UTF8 = new TextDecoder();

/**
 * Appends the key columns of one normalized key (see `encodeKeys`) to `builders`, one builder per key column.
 * Runs once per output group, not per input row.
 */
export function appendDecodedKey(
  key: Uint8Array,
  types: readonly DataType[],
  builders: readonly ColumnBuilder[],
): void {
  const view = new DataView(key.buffer, key.byteOffset, key.byteLength);
  let p = 0;
  for (let k = 0; k < types.length; k++) {
    const type = types[k]!;
    const b = builders[k]!;
    const w = keyValueWidth(type);
    if (key[p++] === 0) {
      b.appendNull();
      p += Math.max(w, 0);
      continue;
    }
    switch (type.kind) {
      case 'void':
        b.appendNull();
        break;
      case 'boolean':
        b.append(key[p] === 1);
        break;
      case 'tinyint':
        b.append(view.getInt8(p));
        break;
      case 'smallint':
        b.append(view.getInt16(p, true));
        break;
      case 'int':
      case 'date':
        b.append(view.getInt32(p, true));
        break;
      case 'float':
        b.append(view.getFloat32(p, true));
        break;
      case 'double':
        b.append(view.getFloat64(p, true));
        break;
      case 'bigint':
      case 'timestamp':
        b.append(view.getBigInt64(p, true));
        break;
      case 'decimal': {
        const lo = view.getBigInt64(p, true);
        const unscaled = w === 16 ? (view.getBigInt64(p + 8, true) << 64n) | BigInt.asUintN(64, lo) : lo;
        b.appendUnscaled(unscaled);
        break;
      }
      case 'string':
      case 'varchar':
      case 'char': {
        const len = view.getInt32(p, true);
        b.append(UTF8.decode(key.subarray(p + 4, p + 4 + len)));
        p += 4 + len;
        break;
      }
      case 'binary': {
        const len = view.getInt32(p, true);
        b.append(key.slice(p + 4, p + 4 + len));
        p += 4 + len;
        break;
      }
      default:
        throw new HiveBatchError('UNSUPPORTED_TYPE', `Group-by keys must be primitive, got ${type.kind}`);
    }
    if (w > 0) p += w;
  }
}
