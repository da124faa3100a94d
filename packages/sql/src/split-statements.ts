import { HiveBatchError } from '@hive-batch/core';
import type { SourcePosition } from './ast';

/** Resource types of `ADD|LIST|DELETE JAR(S)|FILE(S)|ARCHIVE(S)`. */
export type ResourceType = 'jar' | 'file' | 'archive';

/**
 * A Hive CLI command, handled before SQL parsing as Hive's CLI does (its command processors).
 * `set k=v` trims key and value like Hive's SetProcessor; `set k` shows one setting; `set`/`set -v` shows all.
 */
export type CliCommand =
  | { readonly kind: 'set'; readonly key: string; readonly value: string }
  | { readonly kind: 'showSetting'; readonly key: string }
  | { readonly kind: 'showSettings'; readonly verbose: boolean }
  | { readonly kind: 'reset'; readonly keys: readonly string[] }
  | { readonly kind: 'addResource'; readonly resource: ResourceType; readonly uris: readonly string[] }
  | { readonly kind: 'listResources'; readonly resource: ResourceType; readonly filters: readonly string[] }
  | { readonly kind: 'deleteResource'; readonly resource: ResourceType; readonly uris: readonly string[] }
  | { readonly kind: 'dfs'; readonly args: string }
  | { readonly kind: 'source'; readonly path: string };

/** One `;`-terminated piece of a script: SQL to parse, or a CLI command already understood. */
export type ScriptStatement =
  | {
      readonly kind: 'sql';
      /** The statement as written (comments inside kept), without the `;`, trimmed. */
      readonly text: string;
      /** Where `text` starts in the script. */
      readonly pos: SourcePosition;
    }
  | {
      readonly kind: 'command';
      /** The command with comments removed, without the `;`, trimmed. */
      readonly text: string;
      readonly pos: SourcePosition;
      readonly command: CliCommand;
    };

const RESOURCE_WORDS: Readonly<Record<string, ResourceType>> = {
  JAR: 'jar',
  JARS: 'jar',
  FILE: 'file',
  FILES: 'file',
  ARCHIVE: 'archive',
  ARCHIVES: 'archive',
};

/**
 * Splits a script into statements the way Hive's CLI does: on `;` outside quotes (`'…'`, `"…"` with
 * backslash escapes, and backquotes) and outside comments (`--` to end of line, `/* … *\/`); pieces that
 * hold only whitespace and comments are dropped. CLI commands (`set`, `reset`, `add|list|delete jar|file|archive`,
 * `dfs`, `source`) come back parsed; everything else is `sql` for {@link parseStatement}.
 *
 * @param script - The script text.
 * @returns The statements in order, with their start positions in `script`.
 * @throws {HiveBatchError} PARSE_ERROR for a malformed CLI command (e.g. `add jar` without a path).
 * @example
 * ```ts
 * splitStatements("set a=1;\nSELECT 1; -- done");
 * // [{ kind: 'command', command: { kind: 'set', key: 'a', value: '1' }, … },
 * //  { kind: 'sql', text: 'SELECT 1', pos: { line: 2, column: 1, offset: 9 } }]
 * ```
 */
export function splitStatements(script: string): ScriptStatement[] {
  const out: ScriptStatement[] = [];
  const n = script.length;
  let start = -1; // offset of the first significant char of the current statement
  let clean = ''; // the current statement with comments removed (for CLI commands)
  let i = 0;
  const positionOf = createPositionTracker(script);

  const flush = (end: number): void => {
    if (start >= 0) {
      const text = script.slice(start, end).trim();
      out.push(classify(text, clean.trim(), positionOf(start)));
    }
    start = -1;
    clean = '';
  };

  while (i < n) {
    const c = script.charAt(i);
    if (c === '-' && script.charAt(i + 1) === '-') {
      while (i < n && script.charAt(i) !== '\n') i++;
      continue;
    }
    if (c === '/' && script.charAt(i + 1) === '*') {
      const close = script.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
      clean += ' ';
      continue;
    }
    if (c === ';') {
      flush(i);
      i++;
      continue;
    }
    if (start < 0 && !/\s/.test(c)) start = i;
    if (c === "'" || c === '"' || c === '`') {
      const from = i;
      i++;
      while (i < n) {
        const d = script.charAt(i);
        if (d === '\\' && c !== '`') {
          i += 2;
          continue;
        }
        i++;
        if (d === c) break;
      }
      i = Math.min(i, n);
      clean += script.slice(from, i);
      continue;
    }
    clean += c;
    i++;
  }
  flush(n);
  return out;
}

// Positions are asked for in increasing order, so the line count resumes where the last call stopped.
function createPositionTracker(script: string): (offset: number) => SourcePosition {
  let scanned = 0;
  let line = 1;
  let lineStart = 0;
  return (offset) => {
    for (; scanned < offset; scanned++) {
      if (script.charCodeAt(scanned) === 10) {
        line++;
        lineStart = scanned + 1;
      }
    }
    return { line, column: offset - lineStart + 1, offset };
  };
}

function classify(text: string, clean: string, pos: SourcePosition): ScriptStatement {
  const words = clean.split(/\s+/).filter((w) => w.length > 0);
  const first = (words[0] ?? '').toUpperCase();
  const rest = clean.slice((words[0] ?? '').length).trim();
  const command = (cmd: CliCommand): ScriptStatement => ({ kind: 'command', text: clean, pos, command: cmd });
  switch (first) {
    case 'SET':
      return command(parseSet(rest));
    case 'RESET':
      return command({ kind: 'reset', keys: words.slice(1) });
    case 'DFS':
      return command({ kind: 'dfs', args: rest });
    case 'SOURCE':
      return command({ kind: 'source', path: rest });
    case 'ADD':
    case 'LIST':
    case 'DELETE': {
      const resource = RESOURCE_WORDS[(words[1] ?? '').toUpperCase()];
      // `DELETE FROM t` is SQL; only a resource word makes it a CLI command.
      if (resource == null) return { kind: 'sql', text, pos };
      const values = words.slice(2);
      if (first === 'LIST') return command({ kind: 'listResources', resource, filters: values });
      if (values.length === 0) {
        throw new HiveBatchError(
          'PARSE_ERROR',
          `line ${pos.line}:${pos.column - 1} ${first.toLowerCase()} ${words[1] ?? ''} needs at least one path`,
        );
      }
      return command({ kind: first === 'ADD' ? 'addResource' : 'deleteResource', resource, uris: values });
    }
    default:
      return { kind: 'sql', text, pos };
  }
}

function parseSet(rest: string): CliCommand {
  if (rest === '') return { kind: 'showSettings', verbose: false };
  if (rest === '-v') return { kind: 'showSettings', verbose: true };
  const eq = rest.indexOf('=');
  if (eq < 0) return { kind: 'showSetting', key: rest };
  return { kind: 'set', key: rest.slice(0, eq).trim(), value: rest.slice(eq + 1).trim() };
}
