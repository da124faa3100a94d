import type { SourcePosition, Statement } from './ast';
import { parseStatement } from './parse-statement';
import type { CliCommand } from './split-statements';
import { splitStatements } from './split-statements';

/** One item of a parsed script: a CLI command or a parsed SQL statement, with its text and position. */
export type ScriptItem =
  | {
      readonly kind: 'command';
      readonly text: string;
      readonly pos: SourcePosition;
      readonly command: CliCommand;
    }
  | {
      readonly kind: 'statement';
      readonly text: string;
      readonly pos: SourcePosition;
      readonly statement: Statement;
    };

/**
 * Splits a script with `splitStatements` and parses every SQL piece with `parseStatement`, positions relative
 * to the whole script. Stops at the first error, as Hive's CLI does without `hive.cli.errors.ignore`.
 *
 * @param script - A `.q`/`.sql` script.
 * @returns The items in order.
 * @throws {HiveBatchError} PARSE_ERROR at the first statement that does not parse.
 * @example
 * ```ts
 * parseScript('set x=1; SELECT 1;').map((i) => i.kind); // ['command', 'statement']
 * ```
 */
export function parseScript(script: string): ScriptItem[] {
  return splitStatements(script).map((s): ScriptItem => {
    if (s.kind === 'command') return s;
    return {
      kind: 'statement',
      text: s.text,
      pos: s.pos,
      statement: parseStatement(s.text, { start: s.pos }),
    };
  });
}
