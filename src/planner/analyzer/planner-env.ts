import type { CatalogManager } from '../../catalog/catalog.js';
import type { FunctionContext } from '../../functions/function-def.js';
import type { Query } from '../../sql/ast/index.js';
import type { PlanNode } from '../logical/plan-node.js';
import type { FunctionResolver } from './expr-context.js';
import type { ConnectorRegistry } from '../../runtime/connect.js';

/** Everything analysis reads: the catalogs, functions, and the session. */
export interface PlannerEnv {
  readonly catalog: CatalogManager;
  readonly functions: FunctionResolver;
  readonly session: FunctionContext;
  /** A session option (`SET 'k' = 'v'` or its default). */
  option(key: string): string | undefined;
  /** Connector and format factories, to resolve sources and sinks while planning. */
  readonly registry: ConnectorRegistry;
  /** CTEs visible at this point (innermost last). */
  /** Scans already planned in this job, by table and options: statement sets share their sources. */
  readonly scans?: Map<string, PlanNode>;
  readonly ctes: ReadonlyMap<string, { readonly query: Query; readonly columns?: readonly string[] }>;
}
