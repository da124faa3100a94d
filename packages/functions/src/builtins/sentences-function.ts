import { HiveTypes, arrayType } from '@hive-batch/core';
import type { ScalarCallInfo, ScalarEvaluator, ScalarFunctionDefinition } from '../scalar-contract';
import { argType, checkArity, defineScalar, makeEvaluator, typeError } from './internal/define';

// Closing punctuation that may follow a sentence terminator before the space.
const CLOSERS = `["')\\]\u201d\u2019]*`;

/**
 * Sentence boundaries of the JDK's sentence BreakIterator as far as ordinary prose needs: after `?` or `!`
 * (plus closing quotes/brackets) and whitespace; after `.` when two or more whitespace characters follow, or
 * when the next character is not a lower-case letter (so "e.g. the" and "mr. smith" stay one sentence).
 */
const SENTENCE_BOUNDARY = new RegExp(
  `(?<=[?!]+${CLOSERS}\\s+)|(?<=[.]+${CLOSERS}\\s\\s+)|(?<=[.]+${CLOSERS}\\s+)(?!\\p{Ll})`,
  'u',
);

/**
 * Words of the JDK's word BreakIterator that start with a letter or digit (the only ones Hive keeps): runs of
 * letters and digits joined by a single inner apostrophe, hyphen, period, comma or em dash ("don't", "3.14",
 * "armour-like" stay whole; the typographic apostrophe U+2019 splits).
 */
const WORD = /[\p{L}\p{N}]+(?:['\-.,\u2014][\p{L}\p{N}]+)*/gu;

/**
 * Splits text into sentences of words like Hive's GenericUDFSentences (java.text.BreakIterator sentence and
 * word instances, keeping tokens that start with a letter or digit). The JDK rules are reproduced for
 * ordinary prose (checked against udaf_ngrams' text); see ADR 0007 for what is not covered. Sentences without
 * words are dropped.
 */
export function splitSentences(text: string): string[][] {
  const out: string[][] = [];
  for (const segment of text.split(SENTENCE_BOUNDARY)) {
    const words = segment.match(WORD);
    if (words != null && words.length > 0) out.push(words);
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
    // The JDK rules used are the same for every locale of Latin-script text; lang/country are accepted, unused.
    return splitSentences(text as string);
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
