import type { Span } from '../../types/span.js';
import type { Expr, FunctionCall } from './expr.js';

/** `/*+ NAME(args) *\/`: positional args (`BROADCAST(t)`) or key-values (`OPTIONS('k'='v')`). */
export interface Hint {
  readonly span: Span;
  readonly name: string;
  readonly args: readonly string[];
  readonly options: readonly (readonly [string, string])[];
}

/** A full query: optional WITH, a body, and ORDER BY / LIMIT / OFFSET / FETCH. */
export interface Query {
  readonly kind: 'Query';
  readonly span: Span;
  readonly with: readonly Cte[];
  readonly body: QueryBody;
  readonly orderBy: readonly OrderItem[];
  /** LIMIT n or FETCH FIRST n ROWS ONLY. */
  readonly limit?: Expr;
  readonly offset?: Expr;
}

export type QueryBody = Select | SetOperation | Values | Query;

export interface Cte {
  readonly span: Span;
  readonly name: string;
  readonly columns?: readonly string[];
  readonly query: Query;
}

export interface Select {
  readonly kind: 'Select';
  readonly span: Span;
  readonly hints: readonly Hint[];
  readonly distinct: boolean;
  readonly items: readonly SelectItem[];
  readonly from?: TableRef;
  readonly where?: Expr;
  readonly groupBy: readonly GroupingElement[];
  readonly having?: Expr;
  readonly windows: readonly NamedWindow[];
}

export interface SelectItem {
  readonly span: Span;
  /** A Star expression for `*` / `t.*`. */
  readonly expr: Expr;
  readonly alias?: string;
}

/** GROUP BY items: expressions, GROUPING SETS, ROLLUP, CUBE. A set of several columns is an Expr[]. */
export type GroupingElement =
  | { readonly kind: 'GroupExpr'; readonly span: Span; readonly expr: Expr }
  | { readonly kind: 'GroupingSets'; readonly span: Span; readonly sets: readonly GroupingElement[] }
  | { readonly kind: 'Rollup'; readonly span: Span; readonly items: readonly (readonly Expr[])[] }
  | { readonly kind: 'Cube'; readonly span: Span; readonly items: readonly (readonly Expr[])[] }
  /** `()` or a parenthesized list `(a, b)` inside GROUPING SETS. */
  | { readonly kind: 'GroupList'; readonly span: Span; readonly exprs: readonly Expr[] };

export interface SetOperation {
  readonly kind: 'SetOperation';
  readonly span: Span;
  readonly op: 'UNION' | 'INTERSECT' | 'EXCEPT';
  readonly all: boolean;
  readonly left: QueryBody;
  readonly right: QueryBody;
}

export interface Values {
  readonly kind: 'Values';
  readonly span: Span;
  /** Each row is its list of expressions (`VALUES (1, 'a'), (2, 'b')`). */
  readonly rows: readonly (readonly Expr[])[];
}

export interface OrderItem {
  readonly span: Span;
  readonly expr: Expr;
  readonly direction: 'ASC' | 'DESC';
  readonly nulls?: 'FIRST' | 'LAST';
}

export interface NamedWindow {
  readonly span: Span;
  readonly name: string;
  readonly spec: WindowSpec;
}

/** OVER (…): optional reference to a named window, PARTITION BY, ORDER BY, frame. */
export interface WindowSpec {
  readonly span: Span;
  readonly refName?: string;
  readonly partitionBy: readonly Expr[];
  readonly orderBy: readonly OrderItem[];
  readonly frame?: WindowFrame;
}

export interface WindowFrame {
  readonly span: Span;
  readonly unit: 'ROWS' | 'RANGE';
  readonly start: FrameBound;
  /** Absent for the short form `ROWS n PRECEDING`. */
  readonly end?: FrameBound;
}

export type FrameBound =
  | { readonly kind: 'UnboundedPreceding' }
  | { readonly kind: 'UnboundedFollowing' }
  | { readonly kind: 'CurrentRow' }
  | { readonly kind: 'Preceding'; readonly offset: Expr }
  | { readonly kind: 'Following'; readonly offset: Expr };

export type TableRef = TableName | SubqueryRef | Join | TableFunctionRef | Unnest | MatchRecognize;

interface Aliased {
  readonly alias?: string;
  readonly columnAliases?: readonly string[];
}

/** `db.t [AS x (c1, …)] /*+ OPTIONS(…) *\/ [FOR SYSTEM_TIME AS OF expr]`. */
export interface TableName extends Aliased {
  readonly kind: 'TableName';
  readonly span: Span;
  readonly name: readonly string[];
  readonly hints: readonly Hint[];
  readonly forSystemTime?: Expr;
}

export interface SubqueryRef extends Aliased {
  readonly kind: 'SubqueryRef';
  readonly span: Span;
  readonly query: Query;
  readonly lateral: boolean;
}

export interface Join {
  readonly kind: 'Join';
  readonly span: Span;
  readonly joinType: 'INNER' | 'LEFT' | 'RIGHT' | 'FULL' | 'CROSS';
  readonly left: TableRef;
  readonly right: TableRef;
  readonly on?: Expr;
  readonly using?: readonly string[];
  readonly natural: boolean;
  /** `FROM a, b`. */
  readonly comma: boolean;
}

/**
 * `LATERAL TABLE(f(x))` (lateral = true) and `TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), …))`
 * (window TVFs and other table-valued functions in FROM).
 */
export interface TableFunctionRef extends Aliased {
  readonly kind: 'TableFunctionRef';
  readonly span: Span;
  readonly call: FunctionCall;
  readonly lateral: boolean;
}

/** `UNNEST(arr) [WITH ORDINALITY] [AS t (x)]`. */
export interface Unnest extends Aliased {
  readonly kind: 'Unnest';
  readonly span: Span;
  readonly exprs: readonly Expr[];
  readonly withOrdinality: boolean;
}

/** MATCH_RECOGNIZE: parsed for validation; not executed yet. */
export interface MatchRecognize extends Aliased {
  readonly kind: 'MatchRecognize';
  readonly span: Span;
  readonly input: TableRef;
  readonly partitionBy: readonly Expr[];
  readonly orderBy: readonly OrderItem[];
  readonly measures: readonly SelectItem[];
  readonly rowsPerMatch?: 'ONE' | 'ALL';
  /** AFTER MATCH SKIP … as written, e.g. `PAST LAST ROW`, `TO FIRST A`. */
  readonly afterMatch?: string;
  /** The pattern's text as written between the parentheses. */
  readonly pattern: string;
  readonly within?: Expr;
  readonly subsets: readonly { readonly name: string; readonly vars: readonly string[] }[];
  readonly define: readonly { readonly name: string; readonly condition: Expr }[];
}
