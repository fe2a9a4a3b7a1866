import type { Span } from '../../types/span.js';
import type { Query, OrderItem, WindowSpec } from './query.js';
import type { IntervalQualifier, TimeUnit, TypeNode } from './type-node.js';

export type Expr =
  | NumericLiteral
  | StringLiteral
  | BinaryLiteral
  | BooleanLiteral
  | NullLiteral
  | TypedLiteral
  | IntervalLiteral
  | ColumnRef
  | Star
  | Unary
  | Binary
  | IsPredicate
  | IsDistinctFrom
  | IsJson
  | Between
  | Like
  | InList
  | InSubquery
  | Exists
  | ScalarSubquery
  | Case
  | Cast
  | Extract
  | Trim
  | FunctionCall
  | ArrayConstructor
  | MapConstructor
  | RowConstructor
  | Subscript
  | FieldAccess
  | TimeUnitArg
  | NamedArg
  | DescriptorArg
  | TableArg;

export type ExprKind = Expr['kind'];

/** `123`, `1.50`, `1e3`: kept as text so no precision is lost before typing. */
export interface NumericLiteral {
  readonly kind: 'NumericLiteral';
  readonly span: Span;
  readonly text: string;
}
/** A character string with escapes already resolved (`''`, U&'…' escapes, adjacent-literal concatenation). */
export interface StringLiteral {
  readonly kind: 'StringLiteral';
  readonly span: Span;
  readonly value: string;
}
/** `X'0AFF'`: hex digits as written. */
export interface BinaryLiteral {
  readonly kind: 'BinaryLiteral';
  readonly span: Span;
  readonly hex: string;
}
export interface BooleanLiteral {
  readonly kind: 'BooleanLiteral';
  readonly span: Span;
  readonly value: boolean;
}
export interface NullLiteral {
  readonly kind: 'NullLiteral';
  readonly span: Span;
}
/** `DATE '2020-01-01'`, `TIME '12:00:00'`, `TIMESTAMP '2020-01-01 00:00:00'`, `TIMESTAMP_LTZ '…'`. */
export interface TypedLiteral {
  readonly kind: 'TypedLiteral';
  readonly span: Span;
  readonly type: 'DATE' | 'TIME' | 'TIMESTAMP' | 'TIMESTAMP_LTZ';
  readonly value: string;
}
/** `INTERVAL '10' MINUTE`, `INTERVAL -'1 2:03' DAY TO MINUTE`. */
export interface IntervalLiteral {
  readonly kind: 'IntervalLiteral';
  readonly span: Span;
  readonly negative: boolean;
  readonly value: string;
  readonly qualifier: IntervalQualifier;
}
/** `a`, `t.a`, `db.t.a`, `row_col.field`: resolved by the analyzer. Quoted names keep their case. */
export interface ColumnRef {
  readonly kind: 'ColumnRef';
  readonly span: Span;
  readonly names: readonly string[];
}
/** `*` or `t.*`. */
export interface Star {
  readonly kind: 'Star';
  readonly span: Span;
  readonly qualifier?: readonly string[];
}
export interface Unary {
  readonly kind: 'Unary';
  readonly span: Span;
  readonly op: '-' | '+' | 'NOT';
  readonly operand: Expr;
}
export type BinaryOp = '+' | '-' | '*' | '/' | '%' | '||' | '=' | '<>' | '<' | '<=' | '>' | '>=' | 'AND' | 'OR';
export interface Binary {
  readonly kind: 'Binary';
  readonly span: Span;
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
}
/** `x IS [NOT] NULL | TRUE | FALSE | UNKNOWN`. */
export interface IsPredicate {
  readonly kind: 'IsPredicate';
  readonly span: Span;
  readonly operand: Expr;
  readonly test: 'NULL' | 'TRUE' | 'FALSE' | 'UNKNOWN';
  readonly negated: boolean;
}
export interface IsDistinctFrom {
  readonly kind: 'IsDistinctFrom';
  readonly span: Span;
  readonly left: Expr;
  readonly right: Expr;
  readonly negated: boolean;
}
/** `x IS [NOT] JSON [VALUE | SCALAR | ARRAY | OBJECT]`. */
export interface IsJson {
  readonly kind: 'IsJson';
  readonly span: Span;
  readonly operand: Expr;
  readonly jsonType: 'VALUE' | 'SCALAR' | 'ARRAY' | 'OBJECT';
  readonly negated: boolean;
}
export interface Between {
  readonly kind: 'Between';
  readonly span: Span;
  readonly operand: Expr;
  readonly low: Expr;
  readonly high: Expr;
  readonly negated: boolean;
  readonly symmetric: boolean;
}
/** `[NOT] LIKE` or `[NOT] SIMILAR TO`, with optional ESCAPE. */
export interface Like {
  readonly kind: 'Like';
  readonly span: Span;
  readonly operand: Expr;
  readonly pattern: Expr;
  readonly escape?: Expr;
  readonly negated: boolean;
  readonly similar: boolean;
}
export interface InList {
  readonly kind: 'InList';
  readonly span: Span;
  readonly operand: Expr;
  readonly list: readonly Expr[];
  readonly negated: boolean;
}
export interface InSubquery {
  readonly kind: 'InSubquery';
  readonly span: Span;
  readonly operand: Expr;
  readonly query: Query;
  readonly negated: boolean;
}
export interface Exists {
  readonly kind: 'Exists';
  readonly span: Span;
  readonly query: Query;
}
export interface ScalarSubquery {
  readonly kind: 'ScalarSubquery';
  readonly span: Span;
  readonly query: Query;
}
/** Simple (`CASE x WHEN 1 THEN …`) when `operand` is set, searched otherwise. */
export interface Case {
  readonly kind: 'Case';
  readonly span: Span;
  readonly operand?: Expr;
  readonly whens: readonly { readonly when: Expr; readonly then: Expr }[];
  readonly else?: Expr;
}
export interface Cast {
  readonly kind: 'Cast';
  readonly span: Span;
  readonly operand: Expr;
  readonly target: TypeNode;
  /** TRY_CAST: null instead of an error. */
  readonly try: boolean;
}
export interface Extract {
  readonly kind: 'Extract';
  readonly span: Span;
  readonly unit: TimeUnit;
  readonly operand: Expr;
}
/** `TRIM([BOTH|LEADING|TRAILING] [chars] FROM s)` and `TRIM(s)`. */
export interface Trim {
  readonly kind: 'Trim';
  readonly span: Span;
  readonly side: 'BOTH' | 'LEADING' | 'TRAILING';
  readonly chars?: Expr;
  readonly operand: Expr;
}

/** Clauses of the SQL/JSON functions. */
export interface JsonClauses {
  readonly returning?: TypeNode;
  /** JSON_VALUE / JSON_QUERY `… ON EMPTY`, `… ON ERROR`; JSON_EXISTS `… ON ERROR`. */
  readonly onEmpty?: JsonBehavior;
  readonly onError?: JsonBehavior;
  /** JSON_OBJECT / JSON_ARRAY / *AGG: `NULL ON NULL` or `ABSENT ON NULL`. */
  readonly onNull?: 'NULL' | 'ABSENT';
  /** JSON_QUERY wrapper clause. */
  readonly wrapper?: 'WITHOUT' | 'CONDITIONAL' | 'UNCONDITIONAL';
}
export interface JsonBehavior {
  readonly behavior: 'NULL' | 'ERROR' | 'DEFAULT' | 'TRUE' | 'FALSE' | 'UNKNOWN' | 'EMPTY_ARRAY' | 'EMPTY_OBJECT';
  readonly default?: Expr;
}

/**
 * Any function call. Special syntaxes are normalized to positional arguments:
 * `SUBSTRING(s FROM a FOR b)` → SUBSTRING(s, a, b); `POSITION(a IN b)` → POSITION(a, b);
 * `OVERLAY(s PLACING r FROM a FOR b)` → OVERLAY(s, r, a, b); `CEIL(x TO DAY)` → CEIL(x, TimeUnitArg);
 * `TIMESTAMPADD(MINUTE, n, t)` → TIMESTAMPADD(TimeUnitArg, n, t);
 * `JSON_OBJECT(KEY k VALUE v, …)` → JSON_OBJECT(k, v, …). Niladic forms such as
 * `CURRENT_TIMESTAMP` have `noParens`.
 */
export interface FunctionCall {
  readonly kind: 'FunctionCall';
  readonly span: Span;
  /** Upper-cased unless quoted; qualified names keep their parts. */
  readonly name: readonly string[];
  readonly args: readonly Expr[];
  readonly distinct: boolean;
  /** `COUNT(*)`. */
  readonly star: boolean;
  readonly noParens: boolean;
  readonly filter?: Expr;
  /** `OVER (…)` or `OVER w` (then the spec has only `refName`). */
  readonly over?: WindowSpec;
  /** `… ORDER BY` inside the call (JSON_ARRAYAGG, ARRAY_AGG) or WITHIN GROUP (ORDER BY …). */
  readonly orderBy?: readonly OrderItem[];
  readonly json?: JsonClauses;
  /** `RESPECT NULLS` / `IGNORE NULLS`. */
  readonly nulls?: 'RESPECT' | 'IGNORE';
}
export interface ArrayConstructor {
  readonly kind: 'ArrayConstructor';
  readonly span: Span;
  readonly elements: readonly Expr[];
}
/** `MAP[k1, v1, k2, v2]`: keys and values alternate. */
export interface MapConstructor {
  readonly kind: 'MapConstructor';
  readonly span: Span;
  readonly entries: readonly Expr[];
}
/** `ROW(a, b)` (explicit) or `(a, b)` (implicit). */
export interface RowConstructor {
  readonly kind: 'RowConstructor';
  readonly span: Span;
  readonly fields: readonly Expr[];
  readonly explicit: boolean;
}
/** `arr[1]`, `map['k']`. */
export interface Subscript {
  readonly kind: 'Subscript';
  readonly span: Span;
  readonly base: Expr;
  readonly index: Expr;
}
/** `(expr).field` or `f(x).field`; plain `a.b` stays a ColumnRef. */
export interface FieldAccess {
  readonly kind: 'FieldAccess';
  readonly span: Span;
  readonly base: Expr;
  readonly field: string;
}
/** A time unit keyword in argument position (TIMESTAMPADD, TIMESTAMPDIFF, CEIL/FLOOR … TO). */
export interface TimeUnitArg {
  readonly kind: 'TimeUnitArg';
  readonly span: Span;
  readonly unit: TimeUnit;
}
/** `name => value` in a table function call. */
export interface NamedArg {
  readonly kind: 'NamedArg';
  readonly span: Span;
  readonly name: string;
  readonly value: Expr;
}
/** `DESCRIPTOR(c1, c2)`. */
export interface DescriptorArg {
  readonly kind: 'DescriptorArg';
  readonly span: Span;
  readonly columns: readonly string[];
  readonly columnSpans?: readonly Span[];
}
/** `TABLE t [PARTITION BY …] [ORDER BY …]` or `TABLE(subquery)` as a table function argument. */
export interface TableArg {
  readonly kind: 'TableArg';
  readonly span: Span;
  readonly table?: readonly string[];
  readonly query?: Query;
  readonly partitionBy: readonly Expr[];
  readonly orderBy: readonly OrderItem[];
}
