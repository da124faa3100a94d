import { HiveBatchError } from '../errors/hive-batch-error';
import type { DataType, StructField } from './data-type';
import { HiveTypes, arrayType, charType, decimalType, mapType, structType, varcharType } from './data-type';
import { TYPE_LIMITS } from './type-limits';

/**
 * Parses a Hive type string (`int`, `decimal(10,2)`, `map<string,array<int>>`, `struct<a:int,`b c`:string>`).
 * Case-insensitive and whitespace-tolerant, like Hive's `TypeInfoUtils.TypeInfoParser`. A bare `decimal` is
 * `decimal(10,0)`, `integer` is `int`, `double precision` is `double`.
 *
 * @param text - the type string
 * @returns the parsed type, valid per {@link validateDataType}
 * @throws {HiveBatchError} code `TYPE_PARSE_ERROR`, the message names the 0-based position and what was expected
 * @example
 * ```ts
 * parseDataType('Map<STRING, decimal(12,2)>'); // { kind: 'map', key: string, value: decimal(12,2) }
 * ```
 */
export function parseDataType(text: string): DataType {
  const p = new TypeParser(text);
  p.skipWs();
  const t = p.parseType();
  p.skipWs();
  if (p.pos < text.length) p.fail('end of input');
  return t;
}

// A Map, not an object literal, so names like `constructor` do not hit Object.prototype.
const SIMPLE_NAMES: ReadonlyMap<string, DataType> = new Map<string, DataType>([
  ['void', HiveTypes.void],
  ['boolean', HiveTypes.boolean],
  ['tinyint', HiveTypes.tinyint],
  ['smallint', HiveTypes.smallint],
  ['int', HiveTypes.int],
  ['integer', HiveTypes.int],
  ['bigint', HiveTypes.bigint],
  ['float', HiveTypes.float],
  ['double', HiveTypes.double],
  ['string', HiveTypes.string],
  ['date', HiveTypes.date],
  ['timestamp', HiveTypes.timestamp],
  ['binary', HiveTypes.binary],
]);

const isIdentChar = (c: string): boolean => /[A-Za-z0-9_$]/.test(c);

// A small recursive-descent parser; `pos` always points at the next unread character.
class TypeParser {
  readonly text: string;
  pos = 0;

  constructor(text: string) {
    this.text = text;
  }

  fail(expected: string, at: number = this.pos): never {
    const found = at < this.text.length ? ` but found '${this.text.charAt(at)}'` : ' but found end of input';
    throw new HiveBatchError(
      'TYPE_PARSE_ERROR',
      `Error parsing type '${this.text}' at position ${at}: expected ${expected}${found}`,
    );
  }

  skipWs(): void {
    while (this.pos < this.text.length && /\s/.test(this.text.charAt(this.pos))) this.pos++;
  }

  peek(): string {
    this.skipWs();
    return this.text.charAt(this.pos);
  }

  expect(ch: string): void {
    if (this.peek() !== ch) this.fail(`'${ch}'`);
    this.pos++;
  }

  word(): string {
    this.skipWs();
    const start = this.pos;
    while (this.pos < this.text.length && isIdentChar(this.text.charAt(this.pos))) this.pos++;
    return this.text.slice(start, this.pos);
  }

  integer(what: string, min: number, max: number): number {
    this.skipWs();
    const start = this.pos;
    while (this.pos < this.text.length && /[0-9]/.test(this.text.charAt(this.pos))) this.pos++;
    if (start === this.pos) this.fail(what);
    const n = Number(this.text.slice(start, this.pos));
    if (n < min || n > max) this.fail(`${what} between ${min} and ${max}`, start);
    return n;
  }

  parseType(): DataType {
    this.skipWs();
    const start = this.pos;
    const name = this.word().toLowerCase();
    if (name === '') this.fail('a type name');
    if (name === 'double') {
      // `double precision` is a synonym; only consume the second word when it is exactly that.
      const save = this.pos;
      if (this.word().toLowerCase() !== 'precision') this.pos = save;
      return HiveTypes.double;
    }
    const simple = SIMPLE_NAMES.get(name);
    if (simple != null) return simple;
    switch (name) {
      case 'decimal':
        return this.parseDecimal();
      case 'varchar': {
        this.expect('(');
        const n = this.integer('a varchar length', 1, TYPE_LIMITS.maxVarcharLength);
        this.expect(')');
        return varcharType(n);
      }
      case 'char': {
        this.expect('(');
        const n = this.integer('a char length', 1, TYPE_LIMITS.maxCharLength);
        this.expect(')');
        return charType(n);
      }
      case 'array': {
        this.expect('<');
        const element = this.parseType();
        this.expect('>');
        return arrayType(element);
      }
      case 'map': {
        this.expect('<');
        const keyAt = this.pos;
        const key = this.parseType();
        if (key.kind === 'array' || key.kind === 'map' || key.kind === 'struct') {
          this.fail('a primitive map key type', keyAt);
        }
        this.expect(',');
        const value = this.parseType();
        this.expect('>');
        return mapType(key, value);
      }
      case 'struct':
        return this.parseStruct();
      default:
        return this.fail('a type name', start);
    }
  }

  parseDecimal(): DataType {
    if (this.peek() !== '(') return decimalType(10, 0);
    this.pos++;
    const precision = this.integer('a decimal precision', 1, TYPE_LIMITS.maxDecimalPrecision);
    let scale = 0;
    if (this.peek() === ',') {
      this.pos++;
      scale = this.integer('a decimal scale', 0, precision);
    }
    this.expect(')');
    return decimalType(precision, scale);
  }

  parseStruct(): DataType {
    this.expect('<');
    const fields: StructField[] = [];
    const seen = new Set<string>();
    if (this.peek() === '>') this.fail('a field name');
    for (;;) {
      this.skipWs();
      const nameAt = this.pos;
      const name = this.fieldName();
      if (seen.has(name.toLowerCase())) this.fail(`a field name other than '${name}' (duplicate)`, nameAt);
      seen.add(name.toLowerCase());
      this.expect(':');
      fields.push({ name, type: this.parseType() });
      const c = this.peek();
      if (c === ',') {
        this.pos++;
        continue;
      }
      if (c === '>') {
        this.pos++;
        return structType(fields);
      }
      this.fail(`',' or '>'`);
    }
  }

  fieldName(): string {
    if (this.text.charAt(this.pos) === '`') {
      // Backquoted: any characters, a doubled backquote stands for one.
      let out = '';
      let i = this.pos + 1;
      for (;;) {
        if (i >= this.text.length) this.fail("closing '`'", i);
        const c = this.text.charAt(i);
        if (c === '`') {
          if (this.text.charAt(i + 1) === '`') {
            out += '`';
            i += 2;
            continue;
          }
          break;
        }
        out += c;
        i++;
      }
      if (out === '') this.fail('a non-empty field name', this.pos);
      this.pos = i + 1;
      return out;
    }
    const name = this.word();
    if (name === '') this.fail('a field name');
    return name;
  }
}
