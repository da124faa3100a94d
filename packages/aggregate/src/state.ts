import { InternalError } from '@hive-batch/core';
import type { AccumulatorLayout, AccumulatorState, SlotArray, SlotType } from './contract';

function allocateSlot(type: SlotType, capacity: number): SlotArray {
  switch (type) {
    case 'f64':
      return new Float64Array(capacity);
    case 'i64':
      return new BigInt64Array(capacity);
    case 'i32':
      return new Int32Array(capacity);
    case 'u8':
      return new Uint8Array(capacity);
  }
}

/**
 * Allocates storage for `capacity` groups of the given layout: one zero-filled typed array per slot and an
 * empty side table. Groups must still be `init`-ed by the evaluator before use.
 *
 * @param layout - the evaluator's accumulator layout.
 * @param capacity - number of groups (≥ 0).
 * @returns a fresh {@link AccumulatorState}.
 * @throws {InternalError} when `capacity` is negative or not an integer.
 * @example
 * ```ts
 * const state = createAccumulatorState(evaluator.layout, 16);
 * evaluator.init(state, 0);
 * ```
 */
export function createAccumulatorState(layout: AccumulatorLayout, capacity: number): AccumulatorState {
  if (!Number.isInteger(capacity) || capacity < 0) {
    throw new InternalError(`Invalid accumulator capacity ${capacity}`);
  }
  return {
    slots: layout.slots.map((s) => allocateSlot(s.type, capacity)),
    side: layout.usesSideState ? new Array<unknown>(capacity).fill(undefined) : [],
    capacity,
  };
}

/**
 * Grows `state` in place so it holds at least `minCapacity` groups: capacity doubles (at least to
 * `minCapacity`), typed arrays are replaced by larger copies, the side table is extended. Existing groups
 * keep their values; new groups are zero/`undefined` until `init`. No-op when already large enough.
 *
 * @param state - storage created by {@link createAccumulatorState} for the same layout.
 * @param layout - the evaluator's accumulator layout.
 * @param minCapacity - required number of groups.
 * @throws {InternalError} when `state` does not match `layout`.
 * @example
 * ```ts
 * growAccumulatorState(state, evaluator.layout, groupCount);
 * ```
 */
export function growAccumulatorState(
  state: AccumulatorState,
  layout: AccumulatorLayout,
  minCapacity: number,
): void {
  if (state.slots.length !== layout.slots.length) {
    throw new InternalError('Accumulator state does not match its layout');
  }
  if (minCapacity <= state.capacity) return;
  let capacity = Math.max(state.capacity * 2, 8);
  while (capacity < minCapacity) capacity *= 2;
  state.slots = layout.slots.map((s, i) => {
    const next = allocateSlot(s.type, capacity);
    const old = state.slots[i];
    if (old == null) throw new InternalError('Accumulator state does not match its layout');
    // Same slot type on both sides, so set() copies element-wise without conversion.
    (next as { set(a: ArrayLike<number | bigint>): void }).set(old);
    return next;
  });
  if (layout.usesSideState) {
    for (let g = state.side.length; g < capacity; g++) state.side.push(undefined);
  }
  state.capacity = capacity;
}
