import type { CatalogManager } from '../../catalog/catalog.js';
import type { FunctionContext } from '../../functions/function-def.js';
import type { Query } from '../../sql/ast/index.js';
import type { FunctionResolver } from './expr-context.js';
import type { ConnectorRegistry } from '../../runtime/connect.js';

/** Everything analysis reads: the catalogs, functions, and the session. */
export interface PlannerEnv {
  readonly catalog: CatalogManager;
  readonly functions: FunctionResolver;
  readonly session: FunctionContext;
  /** Connector and format factories, to resolve sources and sinks while planning. */
  readonly registry: ConnectorRegistry;
  /** CTEs visible at this point (innermost last). */
  readonly ctes: ReadonlyMap<string, { readonly query: Query; readonly columns?: readonly string[] }>;
}
