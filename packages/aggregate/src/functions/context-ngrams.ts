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
import { argumentError, hiveTypeName, rejectStar } from '../internal/udaf-support';

interface ContextState {
  readonly nge: NGramEstimator;
  context: (string | null)[];
}

const EVALUATOR = 'GenericUDAFContextNGramEvaluator';

function processSequence(s: ContextState, seq: readonly (string | null)[] | null): void {
  if (seq == null) return;
  const c = s.context;
  for (let i = seq.length - c.length; i >= 0; i--) {
    const ng: string[] = [];
    let matches = true;
    for (let j = 0; j < c.length; j++) {
      const word = seq[i + j];
      const cw = c[j];
      if (word == null) {
        matches = false;
        break;
      }
      if (cw == null) ng.push(word);
      else if (cw !== word) {
        matches = false;
        break;
      }
    }
    if (matches) s.nge.add(ng);
  }
}

/**
 * `context_ngrams(sequences, context, k [, pf])`: the k most frequent fillers of the NULL placeholders of
 * `context` (an `array<string>` such as `array("i", "love", null)`) wherever the rest of the context matches,
 * with Hive's NGramEstimator; same result shape as `ngrams`.
 */
export const contextNgrams: AggregateFunctionDefinition = {
  name: 'context_ngrams',
  aliases: [],
  description:
    "context_ngrams(expr, array<string1, string2, ...>, k, pf) estimates the top-k most frequent n-grams that fit into the specified context. The second parameter specifies a string of words that specify the positions of the n-gram elements, with a null value standing in for a 'blank' that must be filled by an n-gram element.",
  resolve(call): AggregateEvaluator<(string | null)[]> {
    rejectStar(call);
    const types = call.argumentTypes;
    if (types.length !== 3 && types.length !== 4)
      throw argumentError('Please specify either three or four arguments.');
    const nested = checkSequencesArgument(types[0] as DataType);
    const contextType = types[1] as DataType;
    if (contextType.kind !== 'array' || contextType.element.kind !== 'string') {
      throw argumentError(
        `Only arrays of strings are accepted but ${hiveTypeName(contextType)} was passed as parameter 2.`,
      );
    }
    checkIntegerArguments(types, 2);
    const get = (side: unknown[], g: number): ContextState => side[g] as ContextState;
    const accumulate = (s: ContextState, args: readonly unknown[]): void => {
      if (args[0] == null || args[1] == null || args[2] == null) return;
      if (!s.nge.isInitialized()) {
        const k = intArg(args[2]);
        requireAtLeastOne(EVALUATOR, 'k', k);
        let pf = 1;
        if (types.length === 4) {
          pf = args[3] == null ? 0 : intArg(args[3]);
          requireAtLeastOne(EVALUATOR, 'pf', pf);
        }
        s.context = [...(args[1] as (string | null)[])];
        const holes = s.context.filter((w) => w == null).length;
        if (holes === 0) {
          throw argumentError(
            `${EVALUATOR}: the context array needs to contain at least one null placeholder.`,
          );
        }
        s.nge.initialize(k, pf, holes);
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
        state.side[group] = { nge: new NGramEstimator(), context: [] } satisfies ContextState;
      },
      accumulate(state, group, args) {
        accumulate(get(state.side, group), args);
      },
      accumulateBatch: rowWiseBatch((state, g, a) => accumulate(get(state.side, g), a)),
      merge(state, group, partial) {
        if (partial == null || partial.length === 0) return;
        const s = get(state.side, group);
        const contextSize = Number.parseInt(partial[partial.length - 1] ?? '0', 10);
        const body = partial.slice(0, -1);
        const ctx = body.slice(body.length - contextSize);
        if (s.context.length > 0) {
          if (contextSize !== s.context.length) {
            throw argumentError(
              `${EVALUATOR}: found a mismatch in the context string lengths. This is usually caused by passing a non-constant expression for the context.`,
            );
          }
        } else {
          s.context = ctx;
        }
        s.nge.merge(body.slice(0, body.length - contextSize));
      },
      terminatePartial(state, group) {
        const s = get(state.side, group);
        // An empty buffer has no context yet: Hive emits an empty list.
        if (s.context.length === 0) return [];
        return [...s.nge.serialize(), ...s.context, String(s.context.length)];
      },
      terminate(state, group) {
        return get(state.side, group).nge.getNGrams();
      },
      ...STRING_LIST_CODEC,
    };
  },
};
