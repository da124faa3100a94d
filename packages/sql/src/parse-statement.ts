import type { SourcePosition, Statement } from './ast';
import { tokenize } from './internal/lexer';
import { parseWholeStatement } from './internal/statement-parser';
import { TokenCursor } from './internal/token-cursor';

/** Options of {@link parseStatement}. */
export interface ParseOptions {
  /**
   * Where `sql` starts in a larger script, so node positions and error messages point into that script
   * (as returned by `splitStatements`). Defaults to line 1, column 1, offset 0.
   */
  readonly start?: SourcePosition;
}

const ORIGIN: SourcePosition = { line: 1, column: 1, offset: 0 };

/**
 * Parses one Hive-dialect SQL statement (no CLI commands; see `splitStatements`) into the typed AST.
 * A trailing `;` is allowed.
 *
 * @param sql - One statement.
 * @param options - See {@link ParseOptions}.
 * @returns The statement's AST; every node has its source position.
 * @throws {HiveBatchError} PARSE_ERROR with a message `line L:C …` (Hive's convention: 1-based line,
 *   0-based character in the line) that names the tokens found and what was expected.
 * @example
 * ```ts
 * const stmt = parseStatement('SELECT key, count(*) FROM src GROUP BY key');
 * stmt.kind; // 'query'
 * ```
 */
export function parseStatement(sql: string, options?: ParseOptions): Statement {
  const tokens = tokenize(sql, options?.start ?? ORIGIN);
  return parseWholeStatement(new TokenCursor(tokens));
}
