const ignore = (): void => {};

/**
 * The task's mailbox (Flink's single task thread): everything that enters the operators (a
 * source's chunk, a processing-time timer, an idle-source signal) runs under `run`, one piece of
 * work at a time in arrival order, also when a piece awaits (a sink writing a file) — so two
 * sources never interleave inside an operator. A checkpoint `acquire`s the lock like a piece of
 * work and holds it until it releases it, so its snapshot sees every operator between two pieces.
 * Work that finds the lock free runs at once, without an extra await.
 */
export class TaskLock {
  /** Settles when the last queued piece of work (or hold) is done; null when the lock is free. */
  private tail: Promise<void> | null = null;

  run<T>(work: () => T | Promise<T>): T | Promise<T> {
    if (this.tail === null) {
      const r = work();
      if (r instanceof Promise) this.enqueue(r.then(ignore, ignore));
      return r;
    }
    const r = this.tail.then(work);
    this.enqueue(r.then(ignore, ignore));
    return r;
  }

  /**
   * Resolves, once the work queued before it is done, with the function that ends this hold;
   * later work waits until then.
   */
  async acquire(): Promise<() => void> {
    const before = this.tail;
    let release!: () => void;
    this.enqueue(new Promise<void>((resolve) => (release = resolve)));
    if (before) await before;
    return release;
  }

  private enqueue(done: Promise<void>): void {
    const prev = this.tail;
    const tail = prev ? prev.then(() => done) : done;
    this.tail = tail;
    void tail.then(() => {
      if (this.tail === tail) this.tail = null;
    });
  }
}
