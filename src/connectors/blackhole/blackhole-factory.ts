/** The `blackhole` connector: accepts every changelog kind and discards the rows. */
import type { ConnectorFactory, TableSink } from '../connector.js';
import type { ChangelogMode } from '../../types/changelog-mode.js';

export const blackholeFactory: ConnectorFactory = {
  identifier: 'blackhole',
  requiredOptions: [],
  optionalOptions: [],
  createSink(): TableSink {
    return {
      acceptedChangelogMode: (requested: ChangelogMode) => requested,
      metadata: new Map(),
      createWriter: () => ({
        write: () => {},
        finish: async () => {},
        close: async () => {},
      }),
    };
  },
};
