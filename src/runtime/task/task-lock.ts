/**
 * Serializes a task's work with its checkpoints. Everything that pushes data into the operators
 * (a source's chunk, a processing-time timer, an idle-source signal) runs under `run`; a checkpoint
 * `acquire`s the lock, which waits until no such work is in flight and holds new work back until
 * `release`, so the snapshot sees every operator between two pieces of work (as Flink's mailbox
 * thread does). Work that finds the lock free starts at once, without an extra await.
 */
export class TaskLock {
  private active = 0;
  private held: Promise<void> | null = null;
  private releaseHeld: (() => void) | null = null;
  private onIdle: (() => void) | null = null;

  run<T>(work: () => T | Promise<T>): T | Promise<T> {
    if (this.held) return this.held.then(() => this.run(work));
    this.active++;
    let r: T | Promise<T>;
    try {
      r = work();
    } catch (err) {
      this.leave();
      throw err;
    }
    if (r instanceof Promise) return r.finally(() => this.leave());
    this.leave();
    return r;
  }

  /** Resolves once no work runs; new work waits until `release`. One holder at a time. */
  async acquire(): Promise<void> {
    while (this.held) await this.held;
    this.held = new Promise((resolve) => (this.releaseHeld = resolve));
    if (this.active > 0) await new Promise<void>((resolve) => (this.onIdle = resolve));
  }

  release(): void {
    const resolve = this.releaseHeld;
    this.held = null;
    this.releaseHeld = null;
    resolve?.();
  }

  private leave(): void {
    if (--this.active === 0 && this.onIdle) {
      const resolve = this.onIdle;
      this.onIdle = null;
      resolve();
    }
  }
}
