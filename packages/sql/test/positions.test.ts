import { describe, expect, it } from 'vitest';
import { parseStatement, splitStatements } from '@hive-batch/sql';
import { corpusScripts } from './helpers';

interface Found {
  kind: string;
  pos: unknown;
  node: Record<string, unknown>;
}

// Every object with a `kind` is an AST node, except core DataTypes (kept under `type`).
function nodes(value: unknown, key: string, out: Found[]): Found[] {
  if (Array.isArray(value)) {
    for (const v of value) nodes(v, key, out);
  } else if (value != null && typeof value === 'object') {
    if (key === 'type') return out;
    const node = value as Record<string, unknown>;
    if (typeof node.kind === 'string') out.push({ kind: node.kind, pos: node.pos, node });
    for (const [k, v] of Object.entries(node)) if (k !== 'pos') nodes(v, k, out);
  }
  return out;
}

describe('source positions on the corpus', () => {
  it.each(corpusScripts())('every node of $name has a position that points at its text', ({ text }) => {
    const problems: string[] = [];
    let checked = 0;
    for (const s of splitStatements(text)) {
      if (s.kind !== 'sql') continue;
      for (const n of nodes(parseStatement(s.text, { start: s.pos }), '', [])) {
        checked++;
        const pos = n.pos as { line: number; column: number; offset: number } | undefined;
        if (
          pos == null ||
          pos.line < 1 ||
          pos.column < 1 ||
          pos.offset < s.pos.offset ||
          pos.offset >= text.length
        ) {
          problems.push(`${n.kind} without a valid pos in: ${s.text.slice(0, 60)}`);
          continue;
        }
        // line/column agree with offset
        const before = text.slice(0, pos.offset);
        const line = before.split('\n').length;
        const column = pos.offset - (before.lastIndexOf('\n') + 1) + 1;
        if (line !== pos.line || column !== pos.column)
          problems.push(`${n.kind} line/column disagree with offset`);
        const at = text.slice(pos.offset, pos.offset + 40).toLowerCase();
        const first =
          n.kind === 'column'
            ? (n.node.parts as string[])[0]
            : n.kind === 'call'
              ? (n.node.name as string[])[0]
              : null;
        if (first != null && !at.startsWith(first.toLowerCase()) && !at.startsWith('`')) {
          problems.push(`${n.kind} ${first} points at "${at}"`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });
});
