/** Things found in a text, sorted by start; answers "the last one before here" in log time. */
export class Timeline<T extends { start: number; end: number }> {
  readonly items: readonly T[];
  constructor(items: readonly T[]) {
    this.items = items;
  }

  /** Index of the last item that starts before `pos`, or -1. */
  lastStartingBefore(pos: number): number {
    let lo = 0;
    let hi = this.items.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[mid]!.start < pos) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /**
   * Items that end by `pos` and start at or after `from`, nearest first, at most `limit` of them:
   * lookups stay bounded however many items a pathological text holds.
   */
  *before(pos: number, from: number, limit = 8): Generator<T> {
    for (let i = this.lastStartingBefore(pos), seen = 0; i >= 0 && seen < limit; i--) {
      const item = this.items[i]!;
      if (item.start < from) return;
      if (item.end > pos) continue;
      seen++;
      yield item;
    }
  }

  /** The first item that starts at or after `pos` and before `to`. */
  firstFrom(pos: number, to: number): T | null {
    const item = this.items[this.lastStartingBefore(pos) + 1];
    return item && item.start < to ? item : null;
  }
}
