import { OperatorWatermark } from './operator-watermark.js';

/** A valve's state in a checkpoint: what decides its next output and which rows are late. */
export interface ValveState {
  readonly watermarks: readonly number[];
  readonly idle: readonly boolean[];
  readonly current: number;
}

/**
 * Combines the watermarks of several inputs, as Flink's StatusWatermarkValve: the output is the
 * minimum over active inputs and never goes back; idle inputs are left out, and when every input
 * is idle the watermark stays where it is. Each advance is handed to `onAdvance` (the operator's
 * timers, expiry or its own output), whose result the input's call returns.
 */
export class WatermarkValve {
  private readonly watermarks: number[];
  private readonly idle: boolean[];
  private readonly output = new OperatorWatermark();

  constructor(
    inputs: number,
    private readonly onAdvance: (watermark: number) => void | Promise<void>,
    /** Passes the restored watermark on once more after a restore, firing nothing (OperatorWatermark). */
    private readonly onRepeat: (watermark: number) => void | Promise<void> = onAdvance,
  ) {
    this.watermarks = new Array<number>(inputs).fill(-Infinity);
    this.idle = new Array<boolean>(inputs).fill(false);
  }

  get watermark(): number {
    return this.output.value;
  }

  /** Records an input's watermark. */
  update(input: number, watermark: number): void | Promise<void> {
    this.watermarks[input] = Math.max(this.watermarks[input]!, watermark);
    this.idle[input] = false;
    return this.advance();
  }

  /** Marks an input idle or active. */
  setIdle(input: number, idle: boolean): void | Promise<void> {
    this.idle[input] = idle;
    return this.advance();
  }

  snapshot(): ValveState {
    return { watermarks: [...this.watermarks], idle: [...this.idle], current: this.output.value };
  }

  /** Takes a snapshot's state back, before any input (nothing is emitted). */
  restore(state: ValveState): void {
    state.watermarks.forEach((w, i) => (this.watermarks[i] = w));
    state.idle.forEach((idle, i) => (this.idle[i] = idle));
    this.output.restore(state.current);
  }

  private advance(): void | Promise<void> {
    const active = this.watermarks.filter((_, i) => !this.idle[i]);
    if (active.length === 0) return;
    const min = Math.min(...active);
    const step = this.output.step(min);
    if (step === 'ignore') return;
    return step === 'repeat' ? this.onRepeat(min) : this.onAdvance(min);
  }
}
