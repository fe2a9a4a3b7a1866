/** Applies print lines (`+I[…]`, `-U[…]`, …) to a multiset of row texts; returns it sorted. */
export function materialize(lines: readonly string[]): string[] {
  const rows = new Map<string, number>();
  for (const line of lines) {
    const m = /^([+-][IUD])\[(.*)\]$/s.exec(line);
    if (!m) throw new Error(`not a print line: ${line}`);
    const kind = m[1]!;
    const body = m[2]!;
    if (kind === '+I' || kind === '+U') rows.set(body, (rows.get(body) ?? 0) + 1);
    else {
      const n = rows.get(body);
      if (n === undefined) throw new Error(`retraction of a row that is not there: ${line}`);
      if (n === 1) rows.delete(body);
      else rows.set(body, n - 1);
    }
  }
  const out: string[] = [];
  for (const [row, n] of rows) for (let i = 0; i < n; i++) out.push(row);
  return out.sort();
}
