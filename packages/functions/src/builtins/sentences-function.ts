import { HiveTypes, arrayType } from '@hive-batch/core';
import type { ScalarCallInfo, ScalarEvaluator, ScalarFunctionDefinition } from '../scalar-contract';
import { argType, checkArity, defineScalar, makeEvaluator, typeError } from './internal/define';

const LETTER_OR_DIGIT = /^[\p{L}\p{Nd}]/u;

function localeOf(lang: unknown, country: unknown): string {
  if (typeof lang !== 'string' || lang === '') return 'en-US';
  const tag = typeof country === 'string' && country !== '' ? `${lang}-${country}` : lang;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}

/**
 * Splits text into sentences of words like Hive's GenericUDFSentences: sentence boundaries, then word
 * boundaries within each sentence, keeping the tokens whose first character is a letter or digit
 * (`Character.isLetterOrDigit`). Hive uses java.text.BreakIterator; this uses ICU's `Intl.Segmenter` (UAX #29),
 * which agrees on ordinary prose (see ADR 0007 for the known differences). Sentences without words are dropped.
 */
export function splitSentences(text: string, locale: string): string[][] {
  const sentenceSeg = new Intl.Segmenter(locale, { granularity: 'sentence' });
  const wordSeg = new Intl.Segmenter(locale, { granularity: 'word' });
  const out: string[][] = [];
  for (const { segment } of sentenceSeg.segment(text)) {
    const words: string[] = [];
    for (const w of wordSeg.segment(segment)) if (LETTER_OR_DIGIT.test(w.segment)) words.push(w.segment);
    if (words.length > 0) out.push(words);
  }
  return out;
}

function resolveSentences(call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, 'sentences', [1, 3]);
  const inputTypes = call.argumentTypes.map((t, i) => {
    if (t.kind === 'array' || t.kind === 'map' || t.kind === 'struct')
      throw typeError('sentences', i, { expected: 'a string', found: t });
    return HiveTypes.string;
  });
  void argType(call, 0);
  return makeEvaluator({ inputTypes, resultType: arrayType(arrayType(HiveTypes.string)) }, (args) => {
    const text = args[0];
    if (text == null) return null;
    return splitSentences(text as string, localeOf(args[1], args[2]));
  });
}

/** `sentences(str[, lang[, country]])` → array<array<string>>. */
export function sentencesFunction(): ScalarFunctionDefinition {
  return defineScalar({
    name: 'sentences',
    description:
      "sentences(str, lang, country) - Splits str into arrays of sentences, where each sentence is an array of words. The 'lang' and'country' arguments are optional, and if omitted, the default locale is used.",
    extendedDescription:
      'Example:\n  > SELECT sentences(\'Hello there! I am a UDF.\') FROM src LIMIT 1;\n  [ ["Hello", "there"], ["I", "am", "a", "UDF"] ]\n  > SELECT sentences(review, language) FROM movies;\nUnnecessary punctuation, such as periods and commas in English, is automatically stripped. If specified, \'lang\' should be a two-letter ISO-639 language code (such as \'en\'), and \'country\' should be a two-letter ISO-3166 code (such as \'us\'). Not all country and language codes are fully supported, and if an unsupported code is specified, a default locale is used to process that string.',
    resolve: resolveSentences,
  });
}
