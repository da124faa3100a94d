import { compareHiveDoubles } from '@hive-batch/core';
import type { DataType, HiveDecimalValue } from '@hive-batch/core';

/** Orders two values of one type (NULL allowed): negative, zero or positive. */
export type ValueComparator = (a: unknown, b: unknown) => number;

/** Unsigned UTF-8 byte order (Hadoop `Text.compareTo`), which is code point order, on JS strings. */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let ca = a.charCodeAt(i);
    let cb = b.charCodeAt(i);
    if (ca === cb) continue;
    if (ca >= 0xd800 && cb >= 0xd800) {
      // Surrogates (code points above U+FFFF) sort after U+E000..U+FFFF in code point order.
      ca = ca < 0xe000 ? ca + 0x2000 : ca - 0x800;
      cb = cb < 0xe000 ? cb + 0x2000 : cb - 0x800;
    }
    return ca - cb;
  }
  return a.length - b.length;
}

function stripTrailingSpaces(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 0x20) end--;
  return s.slice(0, end);
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

function sign(n: number): number {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

function nullsFirst(inner: ValueComparator): ValueComparator {
  // ObjectInspectorUtils.compare: NULL is smaller than any value.
  return (a, b) => {
    if (a == null) return b == null ? 0 : -1;
    if (b == null) return 1;
    return inner(a, b);
  };
}

/**
 * Hive's `ObjectInspectorUtils.compare` for values of type `t` (core value representation), NULL smallest.
 * Not core's `hiveValueComparator`: this one orders `varchar`/`char` by UTF-8 bytes (core: UTF-16 units),
 * returns -1/0/1, and compares maps (core throws). Maps compare like Hive's `FullMapEqualComparer`: by size, then entry by entry in key order.
 */
export function comparatorFor(t: DataType): ValueComparator {
  switch (t.kind) {
    case 'void':
      return () => 0;
    case 'boolean':
      return nullsFirst((a, b) => Number(a) - Number(b));
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'date':
      return nullsFirst((a, b) => sign((a as number) - (b as number)));
    case 'float':
    case 'double':
      return nullsFirst((a, b) => compareHiveDoubles(a as number, b as number));
    case 'bigint':
    case 'timestamp':
      return nullsFirst((a, b) =>
        (a as bigint) < (b as bigint) ? -1 : (a as bigint) > (b as bigint) ? 1 : 0,
      );
    case 'decimal':
      return nullsFirst((a, b) => (a as HiveDecimalValue).cmp(b as HiveDecimalValue));
    case 'string':
    case 'varchar':
      return nullsFirst((a, b) => sign(compareUtf8(a as string, b as string)));
    case 'char':
      return nullsFirst((a, b) =>
        sign(compareUtf8(stripTrailingSpaces(a as string), stripTrailingSpaces(b as string))),
      );
    case 'binary':
      return nullsFirst((a, b) => sign(compareBytes(a as Uint8Array, b as Uint8Array)));
    case 'array': {
      const el = comparatorFor(t.element);
      return nullsFirst((a, b) => {
        const x = a as readonly unknown[];
        const y = b as readonly unknown[];
        const n = Math.min(x.length, y.length);
        for (let i = 0; i < n; i++) {
          const c = el(x[i], y[i]);
          if (c !== 0) return c;
        }
        return sign(x.length - y.length);
      });
    }
    case 'struct': {
      const fields = t.fields.map((f) => ({ name: f.name, cmp: comparatorFor(f.type) }));
      return nullsFirst((a, b) => {
        const x = a as Readonly<Record<string, unknown>>;
        const y = b as Readonly<Record<string, unknown>>;
        for (const f of fields) {
          const c = f.cmp(x[f.name] ?? null, y[f.name] ?? null);
          if (c !== 0) return c;
        }
        return 0;
      });
    }
    case 'map': {
      const kc = comparatorFor(t.key);
      const vc = comparatorFor(t.value);
      return nullsFirst((a, b) => {
        const x = a as ReadonlyMap<unknown, unknown>;
        const y = b as ReadonlyMap<unknown, unknown>;
        if (x.size !== y.size) return sign(x.size - y.size);
        const kx = [...x.keys()].sort(kc);
        const ky = [...y.keys()].sort(kc);
        for (let i = 0; i < kx.length; i++) {
          const c = kc(kx[i], ky[i]);
          if (c !== 0) return c;
          const d = vc(x.get(kx[i]) ?? null, y.get(ky[i]) ?? null);
          if (d !== 0) return d;
        }
        return 0;
      });
    }
  }
}
