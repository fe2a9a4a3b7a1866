/**
 * One logical input of a subtask fed by several upstream subtasks (channels): its watermark is
 * the minimum over the channels that are not idle (Flink's StatusWatermarkValve), and it is idle
 * only when every channel is.
 */
export class ChannelMerge {
  private readonly watermarks: number[];
  private readonly idle: boolean[];
  private emitted = -Infinity;

  constructor(channels: number) {
    this.watermarks = new Array<number>(channels).fill(-Infinity);
    this.idle = new Array<boolean>(channels).fill(false);
  }

  /** A channel's watermark; returns the input's new watermark when it advanced. */
  watermark(channel: number, watermark: number): number | undefined {
    if (watermark > this.watermarks[channel]!) this.watermarks[channel] = watermark;
    return this.advance();
  }

  /** A channel went idle or active; returns the input's idleness when it changed, and a watermark that advanced. */
  setIdle(channel: number, idle: boolean): { idle?: boolean; watermark?: number } {
    const before = this.allIdle();
    this.idle[channel] = idle;
    const after = this.allIdle();
    const watermark = idle ? this.advance() : undefined;
    return { ...(before !== after ? { idle: after } : {}), ...(watermark !== undefined ? { watermark } : {}) };
  }

  private allIdle(): boolean {
    return this.idle.every((i) => i);
  }

  private advance(): number | undefined {
    let min = Infinity;
    for (let c = 0; c < this.watermarks.length; c++) if (!this.idle[c] && this.watermarks[c]! < min) min = this.watermarks[c]!;
    if (min === Infinity || min <= this.emitted) return undefined;
    this.emitted = min;
    return min;
  }
}
