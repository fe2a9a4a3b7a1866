/** The CSV dialect from Flink's csv.* options, and Jackson-CSV-compatible field splitting/quoting. */

export interface CsvDialect {
  readonly fieldDelimiter: string;
  /** Null when quoting is disabled. */
  readonly quote: string | null;
  readonly escape: string | null;
  readonly arrayDelimiter: string;
  readonly nullLiteral: string | null;
  readonly allowComments: boolean;
}

/** One parsed field: its text and whether it was quoted. */
export interface CsvField {
  readonly text: string;
  readonly quoted: boolean;
}

function unescapeChar(c: string): string {
  switch (c) {
    case 'n':
      return '\n';
    case 'r':
      return '\r';
    case 't':
      return '\t';
    case '0':
      return '\0';
    default:
      return c;
  }
}

/** Splits file text into records: lines, except that quoted fields may span line breaks. */
export function splitCsvRecords(text: string, d: CsvDialect): string[] {
  const out: string[] = [];
  let start = 0;
  let inQuote = false;
  let atFieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inQuote) {
      if (d.escape !== null && c === d.escape) i++;
      else if (c === d.quote) {
        if (text[i + 1] === d.quote) i++;
        else inQuote = false;
      }
      continue;
    }
    if (c === '\n') {
      const line = text.slice(start, i);
      out.push(line.endsWith('\r') ? line.slice(0, -1) : line);
      start = i + 1;
      atFieldStart = true;
      continue;
    }
    if (atFieldStart && d.quote !== null && c === d.quote) inQuote = true;
    atFieldStart = c === d.fieldDelimiter;
  }
  if (start < text.length) {
    const line = text.slice(start);
    out.push(line.endsWith('\r') ? line.slice(0, -1) : line);
  }
  return out;
}

/** Splits one record into fields. Throws on an unterminated quoted field. */
export function splitCsvFields(record: string, d: CsvDialect, delimiter = d.fieldDelimiter): CsvField[] {
  const out: CsvField[] = [];
  const n = record.length;
  let i = 0;
  for (;;) {
    if (d.quote !== null && record[i] === d.quote) {
      let text = '';
      i++;
      for (;;) {
        if (i >= n) throw new Error('Missing closing quote for value');
        const c = record[i]!;
        if (d.escape !== null && c === d.escape && i + 1 < n) {
          text += unescapeChar(record[i + 1]!);
          i += 2;
        } else if (c === d.quote) {
          if (record[i + 1] === d.quote) {
            text += c;
            i += 2;
          } else {
            i++;
            break;
          }
        } else {
          text += c;
          i++;
        }
      }
      // Characters between the closing quote and the delimiter are kept (lenient, like Jackson).
      while (i < n && record[i] !== delimiter) text += record[i++];
      out.push({ text, quoted: true });
    } else {
      let text = '';
      while (i < n && record[i] !== delimiter) {
        const c = record[i]!;
        if (d.escape !== null && c === d.escape && i + 1 < n) {
          text += unescapeChar(record[i + 1]!);
          i += 2;
        } else {
          text += c;
          i++;
        }
      }
      out.push({ text, quoted: false });
    }
    if (i >= n) return out;
    i++; // delimiter
  }
}

/** Jackson CsvEncoder's loose quoting check (values over 24 chars are always quoted). */
export function makeQuoter(d: CsvDialect): (s: string) => string {
  if (d.quote === null) return (s) => s;
  const q = d.quote;
  const esc = d.escape;
  const minSafe = Math.max(d.fieldDelimiter.charCodeAt(0), q.charCodeAt(0)) + 1;
  const needs = (s: string): boolean => {
    if (s.length > 24) return true;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < minSafe || s[i] === esc) return true;
    }
    return false;
  };
  return (s) => {
    if (!needs(s)) return s;
    let out = q;
    for (const c of s) {
      if (c === q) out += q + q;
      else if (esc !== null && c === esc) out += esc + esc;
      else out += c;
    }
    return out + q;
  };
}
