import type { GapBlockTree } from './gap-block-tree';

/** Records past which the chain gives up (see {@link PrefixDrawChain.ensure}). */
const MAX_RECORDS = 1024;

/**
 * Hive's trim scan over the gaps, summarised. The scan starts from the first gap, resets whenever a gap is
 * below its running minimum and draws once (`nextDouble()`) on every gap equal to it. The chain keeps the
 * "records" (the first gap, then every gap below all gaps before it), each with the draws made before the next
 * record. The last record is the first gap equal to the smallest one; its draws are the further ties.
 *
 * Records sit at slots, and a gap change at slot p leaves every record before p intact, so the chain is only
 * rebuilt from the last record before the earliest change. For data whose gaps are spread at random there are
 * about ln(bins) records, mostly near the start, and a change at a random slot costs one or two tree searches.
 */
export class PrefixDrawChain {
  private slot = new Int32Array(16);
  private value = new Float64Array(16);
  private draws = new Float64Array(16);
  private length = 0;
  /** Sum of `draws` over the records (kept with them, so that no query adds them all up). */
  private total = 0;
  /** Lowest slot whose gap changed since the chain was last completed; +Infinity when complete. */
  private stale = -1;
  /** The running minimum before the slot of the last {@link drawsBefore}, +Infinity before the first gap. */
  runningMin: number = Infinity;

  /** The gap of `slot` (or of every slot when negative) changed. */
  invalidate(slot: number): void {
    if (slot < this.stale) this.stale = slot;
  }

  /**
   * The gap of `slot` changed from `before` to `after` (+Infinity: none), no slot moved. A gap that neither is
   * a record, nor drops to or below the running minimum there, only adjusts its record's draws (when it was or
   * becomes a tie of it); anything else invalidates from `slot`.
   */
  gapChanged(slot: number, before: number, after: number): void {
    if (this.stale !== Infinity) {
      if (slot < this.stale) this.stale = slot;
      return;
    }
    let j = this.length - 1;
    while (j >= 0 && (this.slot[j] as number) > slot) j--;
    if (j < 0 || (this.slot[j] as number) === slot) {
      this.stale = slot;
      return;
    }
    const w = this.value[j] as number;
    if (after < w) {
      this.stale = slot;
      return;
    }
    // Every gap of record j's segment is ≥ w, `before` included.
    const delta = +(after === w) - +(before === w);
    this.draws[j] = (this.draws[j] as number) + delta;
    this.total += delta;
  }

  /**
   * Completes the chain over the tree's current gaps. Returns false when the gaps have more than
   * {@link MAX_RECORDS} records (gaps shrinking steadily from left to right, as over a sorted column's logs):
   * then the caller falls back to Hive's own scan, whose cost does not depend on them.
   */
  ensure(tree: GapBlockTree): boolean {
    if (this.stale === Infinity) return true;
    let n = this.length;
    while (n > 0 && (this.slot[n - 1] as number) >= this.stale) n--;
    if (n === 0) {
      // Hive's scan starts from the first gap (the first bin's), with no draw for it.
      const first = tree.firstBelow(0, Infinity);
      if (first < 0) {
        this.length = 0;
        this.total = 0;
        this.stale = Infinity;
        return true;
      }
      this.set(0, first, tree.gapAt(first));
      n = 1;
    }
    // The last kept record's segment is recounted from its slot on.
    let last = n - 1;
    let w = this.value[last] as number;
    let from = (this.slot[last] as number) + 1;
    let draws = 0;
    for (;;) {
      const s = tree.firstBelow(from, w);
      draws += tree.passed;
      this.draws[last] = draws;
      if (s < 0) break;
      if (n === MAX_RECORDS) {
        this.length = 0;
        this.stale = -1;
        return false;
      }
      w = tree.gapAt(s);
      this.set(n, s, w);
      last = n++;
      from = s + 1;
      draws = 0;
    }
    this.length = n;
    let total = 0;
    for (let i = 0; i < n; i++) total += this.draws[i] as number;
    this.total = total;
    this.stale = Infinity;
    return true;
  }

  /** Draws of the whole scan (after {@link ensure}). */
  totalDraws(): number {
    return this.total;
  }

  /** Slot of the first gap equal to the smallest one (the last record), after {@link ensure}; -1 if none. */
  lastSlot(): number {
    return this.length > 0 ? (this.slot[this.length - 1] as number) : -1;
  }

  /** The smallest gap as the chain sees it (its last record), for consistency checks. */
  lastValue(): number {
    return this.length > 0 ? (this.value[this.length - 1] as number) : Infinity;
  }

  /**
   * Draws the scan makes over the gaps of slots below `slot` (after {@link ensure}); sets {@link runningMin}
   * to the running minimum there.
   */
  drawsBefore(slot: number, tree: GapBlockTree): number {
    // From the end: records crowd the start, so the last one before `slot` is usually among the last few.
    let j = this.length - 1;
    let later = 0;
    while (j >= 0 && (this.slot[j] as number) >= slot) later += this.draws[j--] as number;
    if (j < 0) {
      this.runningMin = Infinity;
      return 0;
    }
    let d = this.total - later - (this.draws[j] as number);
    const w = this.value[j] as number;
    this.runningMin = w;
    // Record j's segment reaches `slot` or beyond: count only its ties below `slot`.
    if ((this.draws[j] as number) > 0) d += tree.tiesBetween((this.slot[j] as number) + 1, slot, w);
    return d;
  }

  /** Approximate bytes held. */
  bytes(): number {
    return 20 * this.slot.length;
  }

  private set(i: number, slot: number, value: number): void {
    if (i === this.slot.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T, b: T): T => {
        b.set(a);
        return b;
      };
      this.slot = grow(this.slot, new Int32Array(2 * i));
      this.value = grow(this.value, new Float64Array(2 * i));
      this.draws = grow(this.draws, new Float64Array(2 * i));
    }
    this.slot[i] = slot;
    this.value[i] = value;
    this.draws[i] = 0;
  }
}
