import type { AccumulatorState, SlotDescriptor } from '../contract';
import type { ScaledDecimal } from './decimal-math';
import { addHiveDecimal } from './decimal-math';
import { slotI32, slotI64, slotU8 } from './evaluator-kit';

/**
 * A HiveDecimal-exact running sum in four fixed slots: the unscaled value as 128-bit two's complement (lo, hi),
 * its current scale (HiveDecimal rounds fractional digits away past 38 digits, so the scale can shrink), and
 * flags: bit 0 = non-empty, bit 1 = overflowed (sticky NULL).
 */
export const DECIMAL_SUM_SLOTS: readonly SlotDescriptor[] = [
  { name: 'sumLo', type: 'i64' },
  { name: 'sumHi', type: 'i64' },
  { name: 'sumScale', type: 'i32' },
  { name: 'sumFlags', type: 'u8' },
];

export const FLAG_NON_EMPTY = 1;
export const FLAG_OVERFLOW = 2;

/** Typed views of the four slots, starting at slot `first`. */
export interface DecimalSumView {
  readonly lo: BigInt64Array;
  readonly hi: BigInt64Array;
  readonly scale: Int32Array;
  readonly flags: Uint8Array;
}

export function decimalSumView(state: AccumulatorState, first: number): DecimalSumView {
  return {
    lo: slotI64(state, first),
    hi: slotI64(state, first + 1),
    scale: slotI32(state, first + 2),
    flags: slotU8(state, first + 3),
  };
}

export function initDecimalSum(v: DecimalSumView, g: number, scale: number): void {
  v.lo[g] = 0n;
  v.hi[g] = 0n;
  v.scale[g] = scale;
  v.flags[g] = 0;
}

export function readDecimalSum(v: DecimalSumView, g: number): ScaledDecimal {
  const lo = BigInt.asUintN(64, v.lo[g] ?? 0n);
  const hi = v.hi[g] ?? 0n;
  return { unscaled: (hi << 64n) | lo, scale: v.scale[g] ?? 0 };
}

/** Adds `unscaled / 10^scale`; marks the group non-empty; overflow sets the sticky flag. */
export function addToDecimalSum(v: DecimalSumView, g: number, value: ScaledDecimal): void {
  const flags = v.flags[g] ?? 0;
  v.flags[g] = flags | FLAG_NON_EMPTY;
  if ((flags & FLAG_OVERFLOW) !== 0) return;
  const next = addHiveDecimal(readDecimalSum(v, g), value.unscaled, value.scale);
  if (next == null) {
    v.flags[g] = flags | FLAG_NON_EMPTY | FLAG_OVERFLOW;
    return;
  }
  v.lo[g] = BigInt.asIntN(64, next.unscaled);
  v.hi[g] = next.unscaled >> 64n;
  v.scale[g] = next.scale;
}
