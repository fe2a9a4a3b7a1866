import { watermarkStep } from './watermark-step.js';

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
  private current = -Infinity;
  /** Restored and not yet passed a watermark on (watermarkStep). */
  private restored = false;

  constructor(
    inputs: number,
    private readonly onAdvance: (watermark: number) => void | Promise<void>,
    /** Passes the restored watermark on once more after a restore, firing nothing (watermarkStep). */
    private readonly onRepeat: (watermark: number) => void | Promise<void> = onAdvance,
  ) {
    this.watermarks = new Array<number>(inputs).fill(-Infinity);
    this.idle = new Array<boolean>(inputs).fill(false);
  }

  get watermark(): number {
    return this.current;
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
    return { watermarks: [...this.watermarks], idle: [...this.idle], current: this.current };
  }

  /** Takes a snapshot's state back, before any input (nothing is emitted). */
  restore(state: ValveState): void {
    state.watermarks.forEach((w, i) => (this.watermarks[i] = w));
    state.idle.forEach((idle, i) => (this.idle[i] = idle));
    this.current = state.current;
    this.restored = true;
  }

  private advance(): void | Promise<void> {
    const active = this.watermarks.filter((_, i) => !this.idle[i]);
    if (active.length === 0) return;
    const min = Math.min(...active);
    const step = watermarkStep(min, this.current, this.restored);
    if (step === 'ignore') return;
    this.restored = false;
    this.current = min;
    return step === 'repeat' ? this.onRepeat(min) : this.onAdvance(min);
  }
}
