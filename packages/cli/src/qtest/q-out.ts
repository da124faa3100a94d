// Reading Hive's `.q.out` transcripts: one block per statement (see ../shared/hive-qtests/README.md).
// Files are read as bytes and decoded as latin1 so every byte survives (compute_stats prints raw sketch bytes).

/** One statement's block of a `.q.out` file. */
export interface QOutBlock {
  /** 1-based number of the block in the file. */
  readonly number: number;
  /** The statement text after `PREHOOK: query: ` (lines joined by `\n`), decoded as UTF-8. */
  readonly query: string;
  /** `PREHOOK: type:` value, e.g. `QUERY`, `CREATETABLE`. */
  readonly type: string;
  /** Body lines (result rows for a query), each a latin1 string holding the raw bytes. */
  readonly body: readonly string[];
}

const QUERY_PREFIX = 'PREHOOK: query: ';

function latin1ToUtf8(s: string): string {
  return Buffer.from(s, 'latin1').toString('utf8');
}

function isHeaderLine(line: string): boolean {
  return (
    line.startsWith('PREHOOK: ') ||
    line.startsWith('POSTHOOK: ') ||
    line === '#### A masked pattern was here ####'
  );
}

/**
 * Splits a `.q.out` file into blocks.
 *
 * @param bytes - the file content
 * @returns the blocks in file order
 */
export function parseQOut(bytes: Uint8Array): QOutBlock[] {
  const text = Buffer.from(bytes).toString('latin1');
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const blocks: QOutBlock[] = [];
  let i = 0;
  while (i < lines.length && !(lines[i] ?? '').startsWith(QUERY_PREFIX)) i++;
  while (i < lines.length) {
    const queryLines = [(lines[i] ?? '').slice(QUERY_PREFIX.length)];
    i++;
    while (i < lines.length && !(lines[i] ?? '').startsWith('PREHOOK: type: ')) {
      queryLines.push(lines[i] ?? '');
      i++;
    }
    const type = (lines[i] ?? '').slice('PREHOOK: type: '.length).trim();
    i++;
    // Header: PREHOOK/POSTHOOK lines and masks; POSTHOOK: query may span lines up to POSTHOOK: type.
    while (i < lines.length) {
      const line = lines[i] ?? '';
      if (line.startsWith(QUERY_PREFIX)) break;
      if (line.startsWith('POSTHOOK: query: ')) {
        i++;
        while (i < lines.length && !(lines[i] ?? '').startsWith('POSTHOOK: type: ')) i++;
        i++;
        continue;
      }
      if (isHeaderLine(line)) {
        i++;
        continue;
      }
      break;
    }
    const body: string[] = [];
    while (i < lines.length && !(lines[i] ?? '').startsWith(QUERY_PREFIX)) {
      body.push(lines[i] ?? '');
      i++;
    }
    blocks.push({ number: blocks.length + 1, query: latin1ToUtf8(queryLines.join('\n')), type, body });
  }
  return blocks;
}

/**
 * Normalises statement text for pairing: drops `--` comment lines, collapses whitespace, lower-cases.
 *
 * @param text - a statement as written in the `.q` or the `.q.out`
 */
export function normalizeStatement(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.trim().startsWith('--'))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/;$/, '')
    .trim()
    .toLowerCase();
}

/** True for a block whose rows are compared: type QUERY, text starting with `select`, `with` or `(`. */
export function isResultBlock(block: QOutBlock): boolean {
  if (block.type !== 'QUERY') return false;
  const n = normalizeStatement(block.query);
  return n.startsWith('select') || n.startsWith('with') || n.startsWith('(');
}

/**
 * Pairs statements (in script order) with blocks: each statement takes the next block with the same
 * normalised text. Returns, per statement, the block index or -1.
 *
 * @param statements - statement texts in script order (without `set` commands and comments)
 * @param blocks - the `.q.out` blocks
 */
export function pairStatements(statements: readonly string[], blocks: readonly QOutBlock[]): number[] {
  const normBlocks = blocks.map((b) => normalizeStatement(b.query));
  const out: number[] = [];
  let next = 0;
  for (const s of statements) {
    const n = normalizeStatement(s);
    let found = -1;
    for (let j = next; j < normBlocks.length; j++) {
      if (normBlocks[j] === n) {
        found = j;
        break;
      }
    }
    out.push(found);
    if (found >= 0) next = found + 1;
  }
  return out;
}
