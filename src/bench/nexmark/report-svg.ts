import { FLINK_PER_CORE } from './flink-figures.js';
import { perCore } from './report-table.js';
import type { QueryResult } from './run-query.js';

const SERIES = [
  { name: 'weir', color: '#2b7bb9' },
  { name: 'Flink V1', color: '#bbbbbb' },
  { name: 'Flink V2', color: '#777777' },
] as const;

/** A bar chart of events/s per core per query, weir beside Flink's V1 and V2 figures (log scale). */
export function resultChart(results: readonly QueryResult[], title: string): string {
  const values = results.map((r) => [perCore(r), FLINK_PER_CORE[r.query]?.v1 ?? 0, FLINK_PER_CORE[r.query]?.v2 ?? 0] as const);
  const max = Math.max(1_000_000, ...values.flat());
  const [left, top, plotH, bar, gap] = [70, 40, 300, 9, 10];
  const width = left + results.length * (3 * bar + gap) + 20;
  const y = (v: number) => top + plotH - (v <= 1000 ? 0 : (Math.log10(v / 1000) / Math.log10(max / 1000)) * plotH);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${top + plotH + 60}" font-family="sans-serif" font-size="11">`,
    `<text x="${left}" y="20" font-size="14">${escape(title)}</text>`,
  ];
  for (let v = 1000; v <= max; v *= 10) {
    parts.push(`<line x1="${left}" x2="${width - 10}" y1="${y(v)}" y2="${y(v)}" stroke="#eee"/>`, `<text x="${left - 6}" y="${y(v) + 4}" text-anchor="end">${v >= 1e6 ? `${v / 1e6} M` : `${v / 1000} K`}</text>`);
  }
  results.forEach((r, i) => {
    const x0 = left + i * (3 * bar + gap) + gap / 2;
    values[i]!.forEach((v, s) => {
      if (v > 0) parts.push(`<rect x="${x0 + s * bar}" y="${y(v)}" width="${bar - 1}" height="${top + plotH - y(v)}" fill="${SERIES[s]!.color}"><title>${r.query} ${SERIES[s]!.name}: ${Math.round(v).toLocaleString('en-US')} events/s per core</title></rect>`);
    });
    parts.push(`<text x="${x0 + 1.5 * bar}" y="${top + plotH + 14}" text-anchor="middle">${r.query}</text>`);
  });
  SERIES.forEach((s, i) => parts.push(`<rect x="${left + i * 90}" y="${top + plotH + 28}" width="10" height="10" fill="${s.color}"/><text x="${left + i * 90 + 14}" y="${top + plotH + 37}">${s.name}</text>`));
  parts.push('</svg>');
  return parts.join('\n');
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}
