import { suppressedOf } from './internal/suppressed';

/**
 * Cleanup errors that happened after `error` and were not allowed to replace it (Java's suppressed
 * exceptions). CTAS rethrows the job's own error and records its failed cleanup here.
 *
 * @param error - An error thrown by {@link runCtas} or a {@link CtasCommitHook}.
 * @returns The suppressed errors, oldest first; empty when there are none.
 * @example
 * ```ts
 * try { await runCtas(options); } catch (e) { for (const c of getSuppressedErrors(e)) log(c); }
 * ```
 */
export function getSuppressedErrors(error: unknown): readonly unknown[] {
  return suppressedOf(error);
}
