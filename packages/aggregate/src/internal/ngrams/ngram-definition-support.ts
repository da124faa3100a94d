import { HiveBatchError, HiveTypes, arrayType, isIntegralType, structType } from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
import type { AggregateEvaluator, JsonValue } from '../../contract';
import { PartialReader, PartialWriter } from '../partial-codec';
import { argumentError, hiveTypeName } from '../udaf-support';

/** `array<struct<ngram:array<string>, estfrequency:double>>`, the result of ngrams/context_ngrams. */
export const NGRAM_RESULT_TYPE: DataType = arrayType(
  structType([
    { name: 'ngram', type: arrayType(HiveTypes.string) },
    { name: 'estfrequency', type: HiveTypes.double },
  ]),
);

/** Whether the sequences argument is `array<array<string>>` (else `array<string>`); throws Hive's errors. */
export function checkSequencesArgument(t: DataType): boolean {
  if (t.kind !== 'array') {
    throw argumentError(
      `Only list type arguments are accepted but ${hiveTypeName(t)} was passed as parameter 1.`,
    );
  }
  let nested = false;
  let element = t.element;
  if (element.kind === 'array') {
    nested = true;
    element = element.element;
  } else if (element.kind === 'map' || element.kind === 'struct') {
    throw argumentError(
      `Only arrays of strings or arrays of arrays of strings are accepted but ${hiveTypeName(t)} was passed as parameter 1.`,
    );
  }
  if (element.kind !== 'string') {
    throw argumentError(
      `Only array<string> or array<array<string>> is allowed, but ${hiveTypeName(t)} was passed as parameter 1.`,
    );
  }
  return nested;
}

/** Hive's integer checks of parameters `from..` (n, k, pf): tinyint..bigint only. */
export function checkIntegerArguments(types: readonly DataType[], from: number): void {
  for (let i = from; i < types.length; i++) {
    const t = types[i] as DataType;
    if (!isIntegralType(t)) {
      throw argumentError(
        `Only integers are accepted but ${hiveTypeName(t)} was passed as parameter ${i + 1}.`,
      );
    }
  }
}

/** Hive's runtime check of n/k/pf. */
export function requireAtLeastOne(evaluator: string, what: string, v: number): void {
  if (v < 1) {
    throw new HiveBatchError(
      'INVALID_FUNCTION_ARGUMENTS',
      `${evaluator} needs '${what}' to be at least 1, but you supplied ${v}`,
    );
  }
}

/** Codec of `array<string>` partials whose entries may be NULL (context placeholders). */
export const STRING_LIST_CODEC: Pick<
  AggregateEvaluator<(string | null)[]>,
  'partialToJson' | 'partialFromJson' | 'encodePartial' | 'decodePartial'
> = {
  partialToJson(partial): JsonValue {
    return partial;
  },
  partialFromJson(json) {
    if (json == null) return null;
    if (!Array.isArray(json) || !json.every((x) => x == null || typeof x === 'string')) {
      throw new HiveBatchError(
        'INVALID_AGGREGATE_STATE',
        'Corrupt aggregate partial: expected array<string>',
      );
    }
    return [...(json as (string | null)[])];
  },
  encodePartial(partial) {
    const w = new PartialWriter();
    if (partial == null) return w.u8(0).finish();
    w.u8(1).uvarint(partial.length);
    for (const s of partial) {
      if (s == null) w.u8(0);
      else w.u8(1).string(s);
    }
    return w.finish();
  },
  decodePartial(bytes) {
    const r = new PartialReader(bytes);
    if (r.u8() === 0) {
      r.end();
      return null;
    }
    const n = r.uvarint();
    const out: (string | null)[] = [];
    for (let i = 0; i < n; i++) out.push(r.u8() === 0 ? null : r.string());
    r.end();
    return out;
  },
};

/** Integer value of an n/k/pf argument (Hive's getInt on a long). */
export function intArg(v: unknown): number {
  return typeof v === 'bigint' ? Number(BigInt.asIntN(32, v)) : Math.trunc(Number(v));
}
