// Cleanup errors recorded against the error they must not replace. A WeakMap, so the caller's error object
// is never mutated and entries go away with it.
const SUPPRESSED = new WeakMap<object, unknown[]>();

export function suppressedOf(error: unknown): readonly unknown[] {
  return typeof error === 'object' && error != null ? (SUPPRESSED.get(error) ?? []) : [];
}

/** Records `suppressed` under `error` (no-op for primitives, which cannot carry it). */
export function addSuppressedError(error: unknown, suppressed: unknown): void {
  if (typeof error !== 'object' || error == null) return;
  const list = SUPPRESSED.get(error) ?? [];
  list.push(suppressed);
  SUPPRESSED.set(error, list);
}
