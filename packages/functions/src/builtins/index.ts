import type { ScalarFunctionDefinition } from '../scalar-contract';
import { arithmeticOperators } from './arithmetic-operators';
import { bitwiseOperators } from './bitwise-operators';
import { castFunctions } from './cast-functions';
import { comparisonOperators } from './comparison-operators';
import { complexFunctions } from './complex-functions';
import { conditionalFunctions } from './conditional-functions';
import { dateFunctions } from './date-functions';
import { logicalOperators } from './logical-operators';
import { mathFunctions } from './math-functions';
import { predicateFunctions } from './predicate-functions';
import { sentencesFunction } from './sentences-function';
import { stringFunctions } from './string-functions';

/**
 * Every built-in scalar function with Hive 3.1.3 semantics, as a new array of definitions (names are unique
 * across names and aliases). Conditional forms carry `lazy: true`.
 */
export function builtinScalarFunctions(): readonly ScalarFunctionDefinition[] {
  return [
    ...arithmeticOperators(),
    ...comparisonOperators(),
    ...logicalOperators(),
    ...predicateFunctions(),
    ...bitwiseOperators(),
    ...conditionalFunctions(),
    ...stringFunctions(),
    sentencesFunction(),
    ...mathFunctions(),
    ...complexFunctions(),
    ...dateFunctions(),
    ...castFunctions(),
  ];
}
