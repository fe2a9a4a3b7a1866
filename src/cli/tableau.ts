import type { DataType } from '../types/data-type.js';
import { formatValueForTableau } from '../types/format-print.js';
import { ROW_KIND_SHORT, type Chunk } from '../types/row.js';

/** Column width by type, as Flink's SQL client sizes streaming results before rows arrive. */
function typeWidth(t: DataType): number {
  switch (t.kind) {
    case 'BOOLEAN':
      return 5;
    case 'TINYINT':
      return 4;
    case 'SMALLINT':
      return 6;
    case 'INT':
      return 11;
    case 'BIGINT':
      return 20;
    case 'DECIMAL':
      return t.precision + 2;
    case 'DATE':
      return 10;
    case 'TIME':
      return 8 + (t.precision > 0 ? t.precision + 1 : 0);
    case 'TIMESTAMP':
    case 'TIMESTAMP_LTZ':
      return 19 + (t.precision > 0 ? t.precision + 1 : 0);
    case 'CHAR':
    case 'VARCHAR':
      return Math.min(Math.max(t.length, 6), 30);
    default:
      return 30;
  }
}

const MAX_WIDTH = 30;

/**
 * Prints a streaming result the way Flink's SQL client does in tableau mode: a header, one line
 * per change with its `op`, and a row count at the end.
 */
export class TableauPrinter {
  private readonly widths: number[];
  private count = 0;

  constructor(
    private readonly names: readonly string[],
    private readonly types: readonly DataType[],
    private readonly print: (line: string) => void,
    private readonly zone: string,
  ) {
    this.widths = names.map((n, i) => Math.min(Math.max(n.length, typeWidth(types[i]!)), Math.max(MAX_WIDTH, n.length)));
  }

  private border(): string {
    return `+----+${this.widths.map((w) => '-'.repeat(w + 2)).join('+')}+`;
  }

  private line(op: string, cells: readonly string[]): string {
    return `| ${op.padEnd(2)} |${cells.map((c, i) => ` ${fit(c, this.widths[i]!).padStart(this.widths[i]!)} `).join('|')}|`;
  }

  header(): void {
    this.print(this.border());
    this.print(this.line('op', this.names));
    this.print(this.border());
  }

  rows(chunk: Chunk): void {
    chunk.rows.forEach((row, i) => {
      const op = ROW_KIND_SHORT[chunk.kinds?.[i] ?? 0]!;
      this.print(this.line(op, row.map((v, c) => formatValueForTableau(v, this.types[c]!, this.zone))));
      this.count++;
    });
  }

  footer(): void {
    if (this.count === 0) {
      this.print('Empty set');
      return;
    }
    this.print(this.border());
    this.print(`Received a total of ${this.count} row${this.count === 1 ? '' : 's'}`);
  }
}

function fit(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 3))}...`;
}

/** A plain table (SHOW, DESCRIBE): left-aligned cells, widths from content. */
export function formatTable(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return 'Empty set\n';
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]!.length)));
  const border = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+`;
  const line = (cells: readonly string[]) => `|${cells.map((c, i) => ` ${c.padStart(widths[i]!)} `).join('|')}|`;
  return [border, line(columns), border, ...rows.map(line), border, `${rows.length} row${rows.length === 1 ? '' : 's'} in set`].join('\n') + '\n';
}
