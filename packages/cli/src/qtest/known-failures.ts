import { HiveBatchError } from '@hive-batch/core';

/** One known-failing block: test name, 1-based block number of the `.q.out`, and why it fails. */
export interface KnownFailure {
  readonly test: string;
  readonly block: number;
  readonly reason: string;
}

/**
 * Reads the known-failures TSV: `test<TAB>block<TAB>reason` per line; `#` lines and blank lines are ignored.
 *
 * @throws {HiveBatchError} `INVALID_ARGUMENT` for a malformed line
 */
export function parseKnownFailures(text: string): KnownFailure[] {
  const out: KnownFailure[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const [test, block, ...rest] = line.split('\t');
    const n = Number(block);
    if (test == null || test === '' || !Number.isInteger(n) || n < 1) {
      throw new HiveBatchError(
        'INVALID_ARGUMENT',
        `Known-failures line ${i + 1} is not test<TAB>block<TAB>reason: ${line}`,
      );
    }
    out.push({ test, block: n, reason: rest.join('\t').trim() });
  });
  return out;
}

/** `test#block` → reason. */
export function knownFailureIndex(list: readonly KnownFailure[]): Map<string, string> {
  return new Map(list.map((k) => [`${k.test}#${k.block}`, k.reason]));
}
