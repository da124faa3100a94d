import { HiveTypes } from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
import type { AggregateEvaluator, AggregateFunctionDefinition } from '../contract';
import { rowWiseBatch } from '../internal/column-value';
import { NGramEstimator } from '../internal/ngrams/ngram-estimator';
import {
  NGRAM_RESULT_TYPE,
  STRING_LIST_CODEC,
  checkIntegerArguments,
  checkSequencesArgument,
  intArg,
  requireAtLeastOne,
} from '../internal/ngrams/ngram-definition-support';
import { argumentError, rejectStar } from '../internal/udaf-support';

interface NGramState {
  readonly nge: NGramEstimator;
  n: number;
}

const EVALUATOR = 'GenericUDAFnGramEvaluator';

function processSequence(s: NGramState, seq: readonly (string | null)[] | null): void {
  if (seq == null) return;
  // Hive enumerates the n-grams of a sequence from the last start position to the first.
  for (let i = seq.length - s.n; i >= 0; i--) {
    const ngram: string[] = [];
    for (let j = i; j < i + s.n; j++) {
      const w = seq[j];
      if (w == null) break;
      ngram.push(w);
    }
    if (ngram.length === s.n) s.nge.add(ngram);
  }
}

/**
 * `ngrams(sequences, n, k [, pf])`: the k most frequent n-grams of `array<string>` / `array<array<string>>`
 * sentences with Hive's NGramEstimator (precision factor `pf`, default so that k·pf ≥ 1000), as
 * `array<struct<ngram:array<string>,estfrequency:double>>` sorted by frequency desc then n-gram; NULL if none.
 */
export const ngrams: AggregateFunctionDefinition = {
  name: 'ngrams',
  aliases: [],
  description:
    "ngrams(expr, n, k, pf) - Estimates the top-k n-grams in rows that consist of sequences of strings, represented as arrays of strings, or arrays of arrays of strings. 'pf' is an optional precision factor that controls memory usage.",
  resolve(call): AggregateEvaluator<(string | null)[]> {
    rejectStar(call);
    const types = call.argumentTypes;
    if (types.length !== 3 && types.length !== 4)
      throw argumentError('Please specify either three or four arguments.');
    const nested = checkSequencesArgument(types[0] as DataType);
    checkIntegerArguments(types, 1);
    const get = (side: unknown[], g: number): NGramState => side[g] as NGramState;
    const accumulate = (s: NGramState, args: readonly unknown[]): void => {
      if (args[0] == null || args[1] == null || args[2] == null) return;
      if (!s.nge.isInitialized()) {
        const n = intArg(args[1]);
        const k = intArg(args[2]);
        requireAtLeastOne(EVALUATOR, 'n', n);
        requireAtLeastOne(EVALUATOR, 'k', k);
        let pf = 1; // placeholder; the estimator enforces its minimum
        if (types.length === 4) {
          pf = args[3] == null ? 0 : intArg(args[3]);
          requireAtLeastOne(EVALUATOR, 'pf', pf);
        }
        s.n = n;
        s.nge.initialize(k, pf, n);
      }
      const outer = args[0] as unknown[];
      if (nested) for (const inner of outer) processSequence(s, inner as (string | null)[] | null);
      else processSequence(s, outer as (string | null)[]);
    };
    return {
      inputTypes: types,
      partialType: { kind: 'array', element: HiveTypes.string },
      resultType: NGRAM_RESULT_TYPE,
      layout: { slots: [], usesSideState: true },
      init(state, group) {
        state.side[group] = { nge: new NGramEstimator(), n: 0 } satisfies NGramState;
      },
      accumulate(state, group, args) {
        accumulate(get(state.side, group), args);
      },
      accumulateBatch: rowWiseBatch((state, g, a) => accumulate(get(state.side, g), a)),
      merge(state, group, partial) {
        if (partial == null || partial.length === 0) return;
        const s = get(state.side, group);
        const n = Number.parseInt(partial[partial.length - 1] ?? '0', 10);
        // n = 0: the partial saw no qualifying row.
        if (n === 0) return;
        if (s.n > 0 && s.n !== n) {
          throw argumentError(
            `${EVALUATOR}: mismatch in value for 'n', which usually is caused by a non-constant expression. Found '${s.n}' and '${n}'.`,
          );
        }
        s.n = n;
        s.nge.merge(partial.slice(0, -1));
      },
      terminatePartial(state, group) {
        const s = get(state.side, group);
        return [...s.nge.serialize(), String(s.n)];
      },
      terminate(state, group) {
        return get(state.side, group).nge.getNGrams();
      },
      ...STRING_LIST_CODEC,
    };
  },
};
