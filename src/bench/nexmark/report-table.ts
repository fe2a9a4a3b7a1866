import { FLINK_PER_CORE } from './flink-figures.js';
import type { QueryResult } from './run-query.js';

/** Events per second per core: events / process CPU seconds (generator included, as Flink's figures). */
export function perCore(r: QueryResult): number {
  return r.cpuSeconds > 0 ? r.events / r.cpuSeconds : 0;
}

const num = (n: number) => Math.round(n).toLocaleString('en-US');
const ratio = (mine: number, theirs: number | undefined) => (theirs ? `${(mine / theirs).toFixed(2)}×` : '—');

/** The results as a text table, with the ratio to Flink's V1 / V2 per-core figures and to the previous run. */
export function resultTable(results: readonly QueryResult[], previous?: ReadonlyMap<string, number>): string[] {
  const header = ['query', 'events', 'seconds', 'events/s', 'CPU s', 'events/s/core', 'peak RSS', 'vs Flink V1', 'vs Flink V2', 'vs previous'];
  const rows = results.map((r) => {
    const core = perCore(r);
    const flink = FLINK_PER_CORE[r.query];
    const before = previous?.get(r.query);
    return [
      r.query,
      num(r.events),
      r.seconds.toFixed(1),
      num(r.events / r.seconds),
      r.cpuSeconds.toFixed(1),
      num(core),
      `${Math.round(r.peakRssBytes / 2 ** 20)} MB`,
      ratio(core, flink?.v1),
      ratio(core, flink?.v2),
      before ? `${core >= before ? '+' : ''}${(((core - before) / before) * 100).toFixed(0)}%` : '—',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}
