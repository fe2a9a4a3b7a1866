import type { Chunk } from '../../types/row.js';

/** Where an operator sends its results: the next operators of the chain. */
export interface Output {
  emit(chunk: Chunk): void | Promise<void>;
  /** Forwards a watermark (epoch millis of event time). */
  emitWatermark(watermark: number): void | Promise<void>;
}

/**
 * A runtime operator (DESIGN.md convention 5). Operators receive chunks through `processChunk`;
 * `finish` is called once every input has ended (flush and commit); `close` always, also after a
 * failure. State, timers and checkpoint hooks are added by the stateful and checkpoint work.
 */
export interface Operator {
  readonly name: string;
  open?(): void | Promise<void>;
  processChunk(chunk: Chunk, input: number): void | Promise<void>;
  processWatermark?(watermark: number, input: number): void | Promise<void>;
  finish?(): void | Promise<void>;
  close?(): void | Promise<void>;
}

/** Calls every downstream output in turn (a node read by several consumers, e.g. a shared source). */
export class FanOut implements Output {
  constructor(private readonly outputs: readonly Output[]) {}

  emit(chunk: Chunk): void | Promise<void> {
    if (this.outputs.length === 1) return this.outputs[0]!.emit(chunk);
    return this.sequence((o) => o.emit(chunk));
  }

  emitWatermark(watermark: number): void | Promise<void> {
    return this.sequence((o) => o.emitWatermark(watermark));
  }

  private sequence(f: (o: Output) => void | Promise<void>): void | Promise<void> {
    for (let i = 0; i < this.outputs.length; i++) {
      const r = f(this.outputs[i]!);
      if (r) return r.then(() => this.rest(i + 1, f));
    }
  }

  private async rest(from: number, f: (o: Output) => void | Promise<void>): Promise<void> {
    for (let i = from; i < this.outputs.length; i++) await f(this.outputs[i]!);
  }
}
