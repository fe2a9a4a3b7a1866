/**
 * The `filesystem` connector (Flink's FileSystemTableFactory): bounded scans of a file or a
 * directory tree with `k=v` partition directories, and a sink writing part files that become
 * visible on commit. Format options under `<format>.` are checked by the format only, as in Flink.
 */
import type { ConnectorFactory, TableContext, TableSink, TableSource } from '../connector.js';
import type { FormatPrefixExempt } from '../option-validation.js';
import { FS_OPTIONS } from './fs-options.js';
import { LOOKUP_OPTIONS } from '../lookup/lookup-options.js';
import { createFileSource } from './fs-source.js';
import { createFileSink } from './fs-sink.js';

export { FS_OPTIONS } from './fs-options.js';

export const filesystemFactory: ConnectorFactory & FormatPrefixExempt = {
  identifier: 'filesystem',
  requiredOptions: [FS_OPTIONS.path, FS_OPTIONS.format],
  // Lookup options: weir's filesystem tables can be lookup sources (Flink 1.20's cannot).
  optionalOptions: [...Object.values(FS_OPTIONS).filter((o) => o !== FS_OPTIONS.path && o !== FS_OPTIONS.format), ...Object.values(LOOKUP_OPTIONS)],
  usesFormat: true,
  skipFormatOptionValidation: true,
  createSource(ctx: TableContext): TableSource {
    return createFileSource(ctx);
  },
  createSink(ctx: TableContext): TableSink {
    return createFileSink(ctx);
  },
};
