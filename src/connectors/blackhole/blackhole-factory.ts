/** The `blackhole` connector: discards the rows; like Flink's, it takes updates without UPDATE_BEFORE. */
import type { ConnectorFactory, TableSink } from '../connector.js';
import type { ChangelogMode } from '../../types/changelog-mode.js';
import { RowKind } from '../../types/row.js';

export const blackholeFactory: ConnectorFactory = {
  identifier: 'blackhole',
  requiredOptions: [],
  optionalOptions: [],
  createSink(): TableSink {
    return {
      acceptedChangelogMode: (requested: ChangelogMode) => ({ kinds: new Set([...requested.kinds].filter((k) => k !== RowKind.UPDATE_BEFORE)) }),
      metadata: new Map(),
      createWriter: () => ({
        write: () => {},
        finish: async () => {},
        close: async () => {},
      }),
    };
  },
};
