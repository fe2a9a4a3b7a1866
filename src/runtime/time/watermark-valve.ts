/**
 * Combines the watermarks of several inputs, as Flink's StatusWatermarkValve: the output is the
 * minimum over active inputs and never goes back; idle inputs are left out, and when every input
 * is idle the watermark stays where it is.
 */
export class WatermarkValve {
  private readonly watermarks: number[];
  private readonly idle: boolean[];
  private current = -Infinity;

  constructor(inputs: number) {
    this.watermarks = new Array<number>(inputs).fill(-Infinity);
    this.idle = new Array<boolean>(inputs).fill(false);
  }

  get watermark(): number {
    return this.current;
  }

  /** Records an input's watermark; returns the new combined watermark if it advanced. */
  update(input: number, watermark: number): number | undefined {
    this.watermarks[input] = Math.max(this.watermarks[input]!, watermark);
    this.idle[input] = false;
    return this.advance();
  }

  /** Marks an input idle or active; returns the new combined watermark if it advanced. */
  setIdle(input: number, idle: boolean): number | undefined {
    this.idle[input] = idle;
    return this.advance();
  }

  private advance(): number | undefined {
    const active = this.watermarks.filter((_, i) => !this.idle[i]);
    if (active.length === 0) return undefined;
    const min = Math.min(...active);
    if (min <= this.current) return undefined;
    this.current = min;
    return min;
  }
}
