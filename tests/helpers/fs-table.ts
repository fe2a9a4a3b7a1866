import type { TableContext } from '../../src/connectors/connector.js';
import { ROW, type DataType } from '../../src/types/data-type.js';

/** The context the filesystem connector gets for a table `t` with these columns and WITH options. */
export function fsTable(fields: [string, DataType][], options: Record<string, string>, partitionKeys: string[] = []): TableContext {
  return {
    tableName: 'default_catalog.default_database.t',
    physicalType: ROW(fields.map(([name, type]) => ({ name, type }))),
    partitionKeys,
    options: new Map(Object.entries({ connector: 'filesystem', ...options })),
    session: { timeZone: 'UTC', now: () => 0 },
  };
}
