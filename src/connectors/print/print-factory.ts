/**
 * The `print` connector (Flink's PrintTableSinkFactory / PrintSinkOutputWriter): one line per row,
 * `identifier:subtask> +I[...]` with the subtask 1-based and shown only when parallelism > 1.
 */
import type { ConnectorFactory, SinkWriter, TableContext, TableSink, WriterContext } from '../connector.js';
import type { ChangelogMode } from '../../types/changelog-mode.js';
import type { DataType } from '../../types/data-type.js';
import type { Chunk } from '../../types/row.js';
import { kindAt } from '../../types/row.js';
import { formatRowForPrint } from '../../types/format-print.js';
import { readBoolean, readInt, readString } from '../../catalog/option-readers.js';

export const PRINT_OPTIONS = {
  printIdentifier: { key: 'print-identifier', description: 'Message that identifies print and is prefixed to the output.' },
  standardError: { key: 'standard-error', description: 'Print to standard error instead of standard out.', defaultValue: 'false' },
  sinkParallelism: { key: 'sink.parallelism', description: 'Parallelism of the print sink.' },
} as const;

/** The line prefix PrintSinkOutputWriter computes in open(). */
export function printPrefix(identifier: string, subtask: number, parallelism: number): string {
  let prefix = identifier;
  if (parallelism > 1) {
    if (prefix !== '') prefix += ':';
    prefix += String(subtask + 1);
  }
  return prefix === '' ? '' : `${prefix}> `;
}

class PrintWriter implements SinkWriter {
  constructor(
    private readonly prefix: string,
    private readonly out: (line: string) => void,
    private readonly types: readonly DataType[],
  ) {}

  write(chunk: Chunk): void {
    const { rows } = chunk;
    for (let i = 0; i < rows.length; i++) this.out(this.prefix + formatRowForPrint(kindAt(chunk, i), rows[i]!, this.types));
  }

  async finish(): Promise<void> {}
  async close(): Promise<void> {}
}

export const printFactory: ConnectorFactory = {
  identifier: 'print',
  requiredOptions: [],
  optionalOptions: Object.values(PRINT_OPTIONS),
  createSink(ctx: TableContext): TableSink {
    const identifier = readString(ctx.options, PRINT_OPTIONS.printIdentifier.key, '');
    const toStderr = readBoolean(ctx.options, PRINT_OPTIONS.standardError.key, false);
    readInt(ctx.options, PRINT_OPTIONS.sinkParallelism.key);
    const types = ctx.physicalType.fields.map((f) => f.type);
    return {
      acceptedChangelogMode: (requested: ChangelogMode) => requested,
      metadata: new Map(),
      createWriter: (w: WriterContext) =>
        new PrintWriter(printPrefix(identifier, w.subtask, w.parallelism), toStderr ? w.stderr : w.stdout, types),
    };
  },
};
