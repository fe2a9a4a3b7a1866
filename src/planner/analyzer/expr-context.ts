import type { FunctionContext, FunctionDef } from '../../functions/function-def.js';
import type { Expr } from '../../sql/ast/index.js';
import type { DataType } from '../../types/data-type.js';
import type { Rex } from '../rex.js';
import type { Scope } from './scope.js';

/** Looks up functions: built-ins first, then user functions (Flink's resolution order). */
export interface FunctionResolver {
  resolve(name: readonly string[]): FunctionDef | undefined;
  /** Every known name, for suggestions. */
  names(): Iterable<string>;
  /** The result type of a user-defined aggregate function of that (upper-case) name. */
  userAggregate?(name: string): DataType | undefined;
}

/** What expression analysis needs: the visible columns, functions, the session, and hooks for aggregates. */
export interface ExprContext {
  readonly scope: Scope;
  readonly functions: FunctionResolver;
  readonly session: FunctionContext;
  /**
   * Consulted before analyzing each expression node: in SELECT/HAVING of an aggregate query it
   * maps aggregate calls and grouped expressions to the columns that hold them (and rejects
   * columns that are not grouped); in an OVER query it maps OVER calls.
   */
  readonly substitute?: (e: Expr) => Rex | undefined;
  /** Where the expression sits, for messages ("in WHERE", "in a computed column"). */
  readonly clause: string;
}
