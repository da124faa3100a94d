/** Aggregation modes of the operators (Hive's GenericUDAFEvaluator.Mode). */
export type OperatorMode = 'partial1' | 'partial2' | 'final' | 'complete';

/** Whether a mode consumes raw rows (else partials). */
export function consumesRows(mode: OperatorMode): boolean {
  return mode === 'complete' || mode === 'partial1';
}

/** Whether a mode emits partials (else final results). */
export function emitsPartials(mode: OperatorMode): boolean {
  return mode === 'partial1' || mode === 'partial2';
}
