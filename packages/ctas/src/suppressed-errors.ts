const SUPPRESSED = new WeakMap<object, unknown[]>();

/**
 * Cleanup errors that happened after `error` and were not allowed to replace it (Java's suppressed
 * exceptions). CTAS rethrows the job's own error and records its failed cleanup here.
 *
 * @example
 * ```ts
 * try { await runCtas(options); } catch (e) { for (const c of getSuppressedErrors(e)) log(c); }
 * ```
 */
export function getSuppressedErrors(error: unknown): readonly unknown[] {
  return typeof error === 'object' && error != null ? (SUPPRESSED.get(error) ?? []) : [];
}

/** Records `suppressed` under `error` (no-op for primitives, which cannot carry it). */
export function addSuppressedError(error: unknown, suppressed: unknown): void {
  if (typeof error !== 'object' || error == null) return;
  const list = SUPPRESSED.get(error) ?? [];
  list.push(suppressed);
  SUPPRESSED.set(error, list);
}
