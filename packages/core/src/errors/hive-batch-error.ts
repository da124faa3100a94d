import type { ErrorCode } from './error-code';

/** Options for {@link HiveBatchError}. */
export interface HiveBatchErrorOptions {
  /** The underlying error, kept with its stack. Defaults to none. */
  readonly cause?: unknown;
  /** Whether retrying the same operation may succeed (e.g. a commit conflict). Defaults to `false`. */
  readonly retryable?: boolean;
}

/**
 * The one error class of hive-batch: a stable `code`, a human message that names the offending value,
 * an optional `cause`, and whether a retry may help.
 *
 * @example
 * ```ts
 * throw new HiveBatchError('TABLE_NOT_FOUND', 'Table not found: default.src');
 * ```
 */
export class HiveBatchError extends Error {
  override readonly name = 'HiveBatchError';
  readonly code: ErrorCode;
  readonly retryable: boolean;

  constructor(code: ErrorCode, message: string, options?: HiveBatchErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = options?.retryable ?? false;
  }
}

/** A broken invariant: our bug, never the user's. The CLI prints its stack and exits with 70. */
export class InternalError extends Error {
  override readonly name = 'InternalError';
}

/**
 * True for a {@link HiveBatchError}, also one thrown by a second installed copy of this package
 * (checked by name and shape, since `instanceof` fails across copies).
 */
export function isHiveBatchError(u: unknown): u is HiveBatchError {
  if (u instanceof HiveBatchError) return true;
  return (
    u instanceof Error && u.name === 'HiveBatchError' && typeof (u as { code?: unknown }).code === 'string'
  );
}

/** True for an {@link InternalError}, also from a second installed copy. */
export function isInternalError(u: unknown): u is InternalError {
  return u instanceof InternalError || (u instanceof Error && u.name === 'InternalError');
}

/** Throws an {@link InternalError} when `condition` is false. */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new InternalError(`Invariant violated: ${message}`);
}
