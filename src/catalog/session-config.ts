import { PlanError } from '../types/errors.js';
import { normalizeZone, systemZone } from '../types/temporal.js';
import { readDuration } from './option-readers.js';

/** Session options (`SET 'k' = 'v'`) with Flink's defaults for the keys weir reads. */
export const SESSION_DEFAULTS: ReadonlyMap<string, string> = new Map([
  ['table.local-time-zone', 'default'],
  ['parallelism.default', '1'],
  ['pipeline.max-parallelism', '128'],
  ['pipeline.auto-watermark-interval', '200 ms'],
  ['table.exec.source.idle-timeout', '0 ms'],
  ['table.exec.sink.not-null-enforcer', 'ERROR'],
  ['table.exec.sink.upsert-materialize', 'AUTO'],
  ['table.exec.state.ttl', '0 ms'],
  ['table.optimizer.agg-phase-strategy', 'AUTO'],
  ['table.optimizer.distinct-agg.split.enabled', 'false'],
  ['table.optimizer.distinct-agg.split.bucket-num', '1024'],
  ['table.exec.async-lookup.buffer-capacity', '100'],
  ['table.exec.mini-batch.enabled', 'false'],
  ['table.exec.mini-batch.allow-latency', '0 ms'],
  ['table.exec.mini-batch.size', '-1'],
  ['table.dml-sync', 'false'],
  ['execution.runtime-mode', 'streaming'],
  ['sql-client.execution.result-mode', 'TABLEAU'],
  // Exchanges between worker threads: chunks in flight per channel (docs/fault-tolerance.md).
  ['taskmanager.network.memory.buffers-per-channel', '2'],
  ['taskmanager.network.memory.floating-buffers-per-gate', '8'],
  // The REST API of a running job (served only when one of these is set; see src/rest/).
  ['rest.port', '8081'],
  ['rest.bind-address', '127.0.0.1'],
]);

export class SessionConfig {
  private readonly values = new Map<string, string>();

  set(key: string, value: string): void {
    if (key === 'table.local-time-zone' && value !== 'default' && normalizeZone(value) === null) {
      throw new PlanError(`Invalid time zone '${value}' for 'table.local-time-zone'.`, undefined,
        "Use a zone id such as 'UTC', 'Asia/Shanghai' or 'America/Los_Angeles', or an offset such as '+08:00'.");
    }
    this.values.set(key, value);
  }

  reset(key?: string): void {
    if (key === undefined) this.values.clear();
    else this.values.delete(key);
  }

  get(key: string): string | undefined {
    return this.values.get(key) ?? SESSION_DEFAULTS.get(key);
  }

  /** Options set explicitly in this session. */
  entries(): [string, string][] {
    return [...this.values.entries()];
  }

  /** A positive integer option (e.g. a buffer capacity). */
  positiveInt(key: string): number {
    return this.integer(key, 1, 'a positive');
  }

  /** An integer option that may be 0 (e.g. a number of extra buffers). */
  nonNegativeInt(key: string): number {
    return this.integer(key, 0, 'a non-negative');
  }

  private integer(key: string, min: number, what: string): number {
    const text = this.get(key);
    const n = Number(text);
    if (!Number.isInteger(n) || n < min) throw new PlanError(`Invalid value '${text}' for '${key}': expected ${what} integer.`);
    return n;
  }

  /** A duration option in milliseconds (`200 ms`, `5 s`, `1 min`; no unit means ms), as Flink parses it. */
  durationMillis(key: string): number {
    return readDuration(new Map([[key, this.get(key) ?? '0']]), key, 0);
  }

  /** Mini-batch settings when `table.exec.mini-batch.enabled`; Flink rejects a non-positive size or latency. */
  miniBatch(): { size: number; latency: number } | undefined {
    if (this.get('table.exec.mini-batch.enabled')?.toLowerCase() !== 'true') return undefined;
    const size = Number(this.get('table.exec.mini-batch.size'));
    const latency = this.durationMillis('table.exec.mini-batch.allow-latency');
    for (const [key, value] of [['table.exec.mini-batch.size', size], ['table.exec.mini-batch.allow-latency', latency]] as const) {
      if (!(value > 0)) {
        throw new PlanError(`${key} must be greater than zero when mini batch is enabled`, undefined,
          "Set both, e.g. SET 'table.exec.mini-batch.allow-latency' = '5 s'; SET 'table.exec.mini-batch.size' = '5000';");
      }
    }
    return { size, latency };
  }

  /** The IANA zone of `table.local-time-zone` ('default' is the machine's zone, as in Flink). */
  timeZone(): string {
    const v = this.get('table.local-time-zone')!;
    return v === 'default' ? systemZone() : normalizeZone(v)!;
  }

  copy(): SessionConfig {
    const c = new SessionConfig();
    for (const [k, v] of this.values) c.values.set(k, v);
    return c;
  }
}
