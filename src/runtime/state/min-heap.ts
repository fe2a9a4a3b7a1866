/**
 * A binary min-heap by `time`: what is due first, in O(log n) per push and pop. Equal times pop
 * in push order, so the order does not depend on the heap's history: a heap rebuilt on restore
 * (pushing the live items in their original order) pops exactly as the one it replaces.
 */
export class MinHeap<T> {
  private readonly items: { time: number; seq: number; value: T }[] = [];
  private pushed = 0;

  get size(): number {
    return this.items.length;
  }

  push(time: number, value: T): void {
    const a = this.items;
    a.push({ time, seq: this.pushed++, value });
    for (let i = a.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!before(a[i]!, a[parent]!)) break;
      [a[parent], a[i]] = [a[i]!, a[parent]!];
      i = parent;
    }
  }

  /** Removes and returns the values whose time is below `bound`, earliest first (ties in push order). */
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
        if (l < a.length && before(a[l]!, a[m]!)) m = l;
        if (r < a.length && before(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top.value;
  }
}

function before(x: { time: number; seq: number }, y: { time: number; seq: number }): boolean {
  return x.time < y.time || (x.time === y.time && x.seq < y.seq);
}
