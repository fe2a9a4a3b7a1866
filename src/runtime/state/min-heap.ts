/** A binary min-heap by `time`: what is due first, in O(log n) per push and pop. */
export class MinHeap<T> {
  private readonly items: { time: number; value: T }[] = [];

  get size(): number {
    return this.items.length;
  }

  push(time: number, value: T): void {
    const a = this.items;
    a.push({ time, value });
    for (let i = a.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (a[parent]!.time <= a[i]!.time) break;
      [a[parent], a[i]] = [a[i]!, a[parent]!];
      i = parent;
    }
  }

  /** Removes and returns the values whose time is below `bound`, earliest first. */
  popBelow(bound: number): T[] {
    const out: T[] = [];
    while (this.items.length > 0 && this.items[0]!.time < bound) out.push(this.pop());
    return out;
  }

  private pop(): T {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]!.time < a[m]!.time) m = l;
        if (r < a.length && a[r]!.time < a[m]!.time) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top.value;
  }
}
