import { CatalogManager } from '../catalog/catalog.js';
import { SessionConfig } from '../catalog/session-config.js';
import type { FunctionContext, FunctionDef } from '../functions/function-def.js';
import type { JsAggregateDef } from '../functions/user/load-js-function.js';
import { builtinFunctions } from '../functions/registry.js';
import { connectorFactories, formatFactories } from '../connectors/registry.js';
import type { FunctionResolver } from '../planner/analyzer/expr-context.js';
import type { PlannerEnv } from '../planner/analyzer/planner-env.js';
import type { ConnectorRegistry } from '../runtime/connect.js';
import type * as A from '../sql/ast/index.js';
import { identifierString } from '../catalog/catalog-table.js';
import { STATEMENT_HANDLERS } from './statement-handlers.js';
import type { StatementResult } from './statement-result.js';

export interface SessionOptions {
  /** Extra connectors (e.g. tests' `golden` source) on top of the built-in ones. */
  readonly registry?: ConnectorRegistry;
  /** Epoch millis now; injectable for tests. */
  readonly clock?: () => number;
  /** Directory that relative paths in the script (function modules) are resolved against. */
  readonly baseDir?: string;
}

/**
 * A SQL session, like Flink's TableEnvironment: a catalog, session options and functions that
 * statements change in order. Queries and INSERTs are planned into jobs the caller runs.
 */
export class Session {
  readonly catalog = new CatalogManager();
  readonly config = new SessionConfig();
  readonly userFunctions = new Map<string, FunctionDef>();
  /** User-defined aggregate functions, by the same keys as userFunctions. */
  readonly userAggregates = new Map<string, JsAggregateDef>();
  readonly registry: ConnectorRegistry;
  /** Connectors beyond the built-in ones (tests'): worker threads could not build them again. */
  readonly extraConnectors: boolean;
  readonly clock: () => number;
  readonly baseDir: string;
  /** Source text of the statement being executed (for SHOW CREATE, view text). */
  sourceText = '';

  constructor(opts: SessionOptions = {}) {
    this.clock = opts.clock ?? Date.now;
    this.baseDir = opts.baseDir ?? process.cwd();
    const connectors = new Map(connectorFactories());
    const formats = new Map(formatFactories());
    for (const [k, v] of opts.registry?.connectors ?? []) connectors.set(k, v);
    for (const [k, v] of opts.registry?.formats ?? []) formats.set(k, v);
    this.registry = { connectors, formats };
    this.extraConnectors = opts.registry !== undefined;
  }

  functionContext(): FunctionContext {
    return { timeZone: this.config.timeZone(), now: this.clock, currentCatalog: this.catalog.currentCatalog, currentDatabase: this.catalog.currentDatabase };
  }

  functions(): FunctionResolver {
    const builtins = builtinFunctions();
    return {
      resolve: (name) => {
        if (name.length === 1) {
          const b = builtins.get(name[0]!.toUpperCase());
          if (b) return b;
        }
        const fn = this.catalog.getFunction(name);
        return fn ? this.userFunctions.get(functionKey(fn)) : undefined;
      },
      userAggregate: (name) => this.userAggregateDef(name)?.resultType,
      names: () => [...builtins.keys(), ...this.catalog.listUserFunctions()],
    };
  }

  /** A user aggregate by its SQL name, resolved like any user function. */
  userAggregateDef(name: string): JsAggregateDef | undefined {
    const fn = this.catalog.getFunction([name]) ?? this.catalog.getFunction([name.toLowerCase()]);
    return fn ? this.userAggregates.get(functionKey(fn)) : undefined;
  }

  /** What the runtime needs from the session to build a job (see buildRuntimeDag). */
  runtimeOptions() {
    return {
      session: this.functionContext(),
      functions: this.functions(),
      watermarkInterval: this.config.durationMillis('pipeline.auto-watermark-interval'),
      stateTtl: this.config.durationMillis('table.exec.state.ttl'),
      miniBatch: this.config.miniBatch(),
      asyncLookupCapacity: this.config.positiveInt('table.exec.async-lookup.buffer-capacity'),
      notNullEnforcer: this.config.get('table.exec.sink.not-null-enforcer'),
      parallelism: this.config.positiveInt('parallelism.default'),
      userAggregates: new Map([...this.userAggregates.values()].map((d) => [d.names[0]!, d])),
    };
  }

  env(): PlannerEnv {
    return { catalog: this.catalog, functions: this.functions(), session: this.functionContext(), option: (k) => this.config.get(k), registry: this.registry, ctes: new Map() };
  }

  /** Executes one statement; `text` is the whole script the statement's spans refer to. */
  async execute(stmt: A.Statement, text: string): Promise<StatementResult> {
    this.sourceText = text;
    const handler = STATEMENT_HANDLERS[stmt.kind] as (s: A.Statement, session: Session) => Promise<StatementResult> | StatementResult;
    return handler(stmt, this);
  }
}

/** The key a loaded user function is kept under. */
export function functionKey(fn: { id: Parameters<typeof identifierString>[0]; system: boolean }): string {
  return fn.system ? `system:${fn.id.name.toLowerCase()}` : identifierString(fn.id).toLowerCase();
}
