/** One case of a `.golden` file (format: tests/sql/README.md). */
export interface GoldenCase {
  readonly name: string;
  readonly file: string;
  /** 1-based line of the `===` header. */
  readonly line: number;
  readonly inputs: ReadonlyMap<string, readonly string[]>;
  readonly sets: readonly [string, string][];
  readonly sql: string;
  readonly output?: { readonly lines: readonly string[]; readonly unordered: boolean; readonly line: number };
  readonly error?: { readonly text: string; readonly at?: string };
  /** Why the case does not run yet (it documents Flink's output for a feature still to come). */
  readonly skip?: string;
  /** Expected total of late records dropped (numLateRecordsDropped), when the case states it. */
  readonly late?: number;
}

/** Parses a golden file into cases. Lines before the first `===` are comments. */
export function parseGoldenFile(text: string, file: string): GoldenCase[] {
  const cases: GoldenCase[] = [];
  const lines = text.split('\n');
  let current: { name: string; line: number; sections: { header: string; line: number; body: string[] }[] } | undefined;
  const flush = () => {
    if (!current) return;
    const inputs = new Map<string, string[]>();
    let sql = '';
    let sets: [string, string][] = [];
    let output: GoldenCase['output'];
    let error: GoldenCase['error'];
    let skip: string | undefined;
    let late: number | undefined;
    for (const s of current.sections) {
      const [kind, ...rest] = s.header.split(/\s+/);
      const body = trimBlank(s.body);
      if (kind === 'input') inputs.set(rest[0] ?? '', body.filter((l) => l.trim() !== '' && !l.trim().startsWith('#')));
      else if (kind === 'sql') sql = body.join('\n');
      else if (kind === 'set') sets = body.filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')).trim(), l.slice(l.indexOf('=') + 1).trim()]);
      else if (kind === 'output') output = { lines: body, unordered: rest.includes('unordered'), line: s.line };
      else if (kind === 'late') late = Number(rest[0]);
      else if (kind === 'skip') skip = [rest.join(' '), ...body].join(' ').trim();
      else if (kind === 'error') error = { text: body.join('\n').trim(), at: rest[0] === 'at' ? rest[1] : undefined };
      else throw new Error(`${file}:${s.line}: unknown section '--- ${s.header}'`);
    }
    if (!output && !error) throw new Error(`${file}:${current.line}: case '${current.name}' has neither '--- output' nor '--- error'`);
    cases.push({ name: current.name, file, line: current.line, inputs, sets, sql, output, error, skip, late });
  };
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.startsWith('=== ')) {
      flush();
      current = { name: line.slice(4).trim(), line: i + 1, sections: [] };
    } else if (current && line.startsWith('--- ')) {
      current.sections.push({ header: line.slice(4).trim(), line: i + 1, body: [] });
    } else if (current && current.sections.length > 0) {
      current.sections[current.sections.length - 1]!.body.push(line);
    }
  });
  flush();
  return cases;
}

function trimBlank(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a]!.trim() === '') a++;
  while (b > a && lines[b - 1]!.trim() === '') b--;
  return lines.slice(a, b);
}
