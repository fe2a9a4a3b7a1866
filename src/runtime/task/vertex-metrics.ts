import { performance } from 'node:perf_hooks';

/** Shortest interval between two samples of the per-second rates, in ms. */
export const RATE_INTERVAL_MS = 1000;

/** A subtask's counters as one thread reports them to another (plain data). */
export interface MetricsReport {
  readonly numRecordsIn: number;
  readonly numRecordsOut: number;
  readonly numBytesIn: number;
  readonly numBytesOut: number;
  readonly busyMs: number;
  readonly backPressuredMs: number;
  readonly dealTimeMax: number;
  readonly outputWatermark: number | undefined;
  readonly inputWatermarks: readonly (number | undefined)[];
}

/** Per-second rates of one vertex over the last sampled interval. */
export interface VertexRates {
  readonly numRecordsInPerSecond: number;
  readonly numRecordsOutPerSecond: number;
  /** Ms per second spent inside this vertex's own processChunk (0..1000). */
  readonly busyTimeMsPerSecond: number;
  /** Ms per second a source waited for exchange credit (its worker's output was full). */
  readonly backPressuredTimeMsPerSecond: number;
  /**
   * Processing time per record in ms (the Youzan platform's taskOneRecordDealTime): the mean over
   * the interval, and the highest per-record time of a single chunk in it.
   */
  readonly oneRecordDealTimeMean: number;
  readonly oneRecordDealTimeMax: number;
}

/** The vertex whose code runs now (its busy time grows), and since when. */
let active: VertexMetrics | undefined;
let since = 0;

/**
 * Makes `next` the running vertex (charging the time since the last switch to the one running
 * until now) and returns the previous one, to switch back to when `next` returns. Called per
 * chunk, never per row.
 */
export function switchVertex(next: VertexMetrics | undefined): VertexMetrics | undefined {
  const now = performance.now();
  const prev = active;
  if (prev) prev.busyMs += now - since;
  since = now;
  active = next;
  return prev;
}

/**
 * The counters of one runtime vertex (a source or an operator), updated per chunk by FanOut:
 * records in and out, the last watermark of each input, the last watermark sent, and the time
 * spent in the vertex's own code (time inside its processChunk, minus the time of the operators
 * it calls synchronously; the part of an async processChunk after its first await is not seen).
 */
export class VertexMetrics {
  numRecordsIn = 0;
  numRecordsOut = 0;
  /** Bytes of the chunks that crossed threads into and out of this vertex (encoded size). */
  numBytesIn = 0;
  numBytesOut = 0;
  busyMs = 0;
  /** Time waiting for output buffers (credit on a channel to another worker), up to the current wait. */
  private waitedMs = 0;
  private waitingSince: number | undefined;
  /** The highest per-record time of one chunk since the last rate sample. */
  private dealTimeMax = 0;
  /** The last watermark sent downstream, undefined before any. */
  outputWatermark: number | undefined;
  private inputWatermarks: (number | undefined)[];
  private sample: { at: number; recordsIn: number; recordsOut: number; busyMs: number; backPressuredMs: number };
  private last: VertexRates | undefined;

  constructor(
    inputs = 1,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.inputWatermarks = new Array<number | undefined>(Math.max(inputs, 1)).fill(undefined);
    this.sample = { at: clock(), recordsIn: 0, recordsOut: 0, busyMs: 0, backPressuredMs: 0 };
  }

  /**
   * The counters of a subtask that runs on another worker thread (or the operator's own counters
   * there, e.g. numLateRecordsDropped), copied in by `absorb`; undefined for a subtask running here.
   */
  operatorCounters: Readonly<Record<string, number>> | undefined;

  /** The counters to copy to another thread's view of this subtask; the per-record maximum starts over. */
  report(): MetricsReport {
    const r = { numRecordsIn: this.numRecordsIn, numRecordsOut: this.numRecordsOut, numBytesIn: this.numBytesIn, numBytesOut: this.numBytesOut, busyMs: this.busyMs, backPressuredMs: this.backPressuredMs, dealTimeMax: this.dealTimeMax, outputWatermark: this.outputWatermark, inputWatermarks: [...this.inputWatermarks] };
    this.dealTimeMax = 0;
    return r;
  }

  /** Takes the counters another thread reported for the subtask this object shows. */
  absorb(r: MetricsReport, operatorCounters: Readonly<Record<string, number>> | undefined): void {
    this.numRecordsIn = r.numRecordsIn;
    this.numRecordsOut = r.numRecordsOut;
    this.numBytesIn = r.numBytesIn;
    this.numBytesOut = r.numBytesOut;
    this.busyMs = r.busyMs;
    this.waitedMs = r.backPressuredMs;
    this.dealTimeMax = Math.max(this.dealTimeMax, r.dealTimeMax);
    this.outputWatermark = r.outputWatermark;
    this.inputWatermarks = [...r.inputWatermarks];
    this.operatorCounters = operatorCounters;
  }

  /** The vertex starts or stops waiting for output buffers. */
  backPressured(waiting: boolean): void {
    const now = this.clock();
    if (waiting) this.waitingSince ??= now;
    else if (this.waitingSince !== undefined) {
      this.waitedMs += now - this.waitingSince;
      this.waitingSince = undefined;
    }
  }

  /** Time spent waiting for output buffers so far, the current wait included. */
  get backPressuredMs(): number {
    return this.waitedMs + (this.waitingSince === undefined ? 0 : this.clock() - this.waitingSince);
  }

  /** Sets the number of inputs (a vertex's metrics may be made before its operator). */
  setInputs(inputs: number): void {
    this.inputWatermarks = new Array<number | undefined>(Math.max(inputs, 1)).fill(undefined);
  }

  /** A chunk of `rows` took `ms` of this vertex's own time. */
  chunkDone(rows: number, ms: number): void {
    if (rows > 0 && ms / rows > this.dealTimeMax) this.dealTimeMax = ms / rows;
  }

  watermarkIn(input: number, watermark: number): void {
    this.inputWatermarks[input] = watermark;
  }

  /**
   * The vertex's input watermark: the minimum over its inputs (as Flink's task-level
   * currentInputWatermark), undefined until every input has sent one (Flink: Long.MIN_VALUE).
   */
  currentInputWatermark(): number | undefined {
    let min: number | undefined;
    for (const w of this.inputWatermarks) {
      if (w === undefined) return undefined;
      if (min === undefined || w < min) min = w;
    }
    return min;
  }

  /**
   * The rates over the last interval: a read at least RATE_INTERVAL_MS after the previous sample
   * measures since that sample and starts a new one; reads in between return the last figures
   * (the first read measures since the vertex was created).
   */
  rates(): VertexRates {
    const now = this.clock();
    const elapsed = now - this.sample.at;
    if (this.last && elapsed < RATE_INTERVAL_MS) return this.last;
    if (elapsed <= 0) return { numRecordsInPerSecond: 0, numRecordsOutPerSecond: 0, busyTimeMsPerSecond: 0, backPressuredTimeMsPerSecond: 0, oneRecordDealTimeMean: 0, oneRecordDealTimeMax: 0 };
    const recordsIn = this.numRecordsIn - this.sample.recordsIn;
    const perSecond = (delta: number) => (delta * 1000) / elapsed;
    const rates = {
      numRecordsInPerSecond: perSecond(this.numRecordsIn - this.sample.recordsIn),
      numRecordsOutPerSecond: perSecond(this.numRecordsOut - this.sample.recordsOut),
      busyTimeMsPerSecond: Math.min(1000, Math.max(0, perSecond(this.busyMs - this.sample.busyMs))),
      backPressuredTimeMsPerSecond: Math.min(1000, Math.max(0, perSecond(this.backPressuredMs - this.sample.backPressuredMs))),
      oneRecordDealTimeMean: recordsIn > 0 ? (this.busyMs - this.sample.busyMs) / recordsIn : 0,
      oneRecordDealTimeMax: this.dealTimeMax,
    };
    this.last = rates;
    if (elapsed >= RATE_INTERVAL_MS) {
      this.sample = { at: now, recordsIn: this.numRecordsIn, recordsOut: this.numRecordsOut, busyMs: this.busyMs, backPressuredMs: this.backPressuredMs };
      this.dealTimeMax = 0;
    }
    return rates;
  }
}
