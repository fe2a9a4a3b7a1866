import type { DataType } from '../types/data-type.js';

/** What a function sees of the session at compile time. */
export interface FunctionContext {
  /** IANA zone of `table.local-time-zone` (resolved: never 'default'). */
  readonly timeZone: string;
  /** Current epoch millis; injectable for tests. Read per record (streaming semantics of CURRENT_TIMESTAMP). */
  readonly now: () => number;
  /** The session's current catalog and database (CURRENT_CATALOG(), CURRENT_DATABASE()). */
  readonly currentCatalog?: string;
  readonly currentDatabase?: string;
  /**
   * The current watermark (epoch millis of event time) of the operator evaluating the expression,
   * or null before the first watermark; absent where no watermark flows (CURRENT_WATERMARK).
   */
  readonly currentWatermark?: () => number | null;
}

/** A call site during type inference: argument types, and the values of literal arguments. */
export interface TypeSite {
  readonly name: string;
  readonly argTypes: readonly DataType[];
  /** For each argument, its value when it is a literal (after folding), else undefined. */
  readonly literals: readonly unknown[];
  readonly ctx: FunctionContext;
}

/** A call site at code-generation time: the inferred result type is known. */
export interface BuildSite extends TypeSite {
  readonly resultType: DataType;
}

/** Thrown by inferType when the arguments do not fit; the analyzer turns it into a SqlError at the call. */
export class FunctionTypeError extends Error {
  override readonly name = 'FunctionTypeError';
  constructor(
    message: string,
    /** Index of the offending argument, to point the caret at it. */
    readonly argIndex?: number,
  ) {
    super(message);
  }
}

/**
 * A built-in or user-defined scalar function. `build` specializes the implementation for its
 * call site once (types are static), so the row-at-a-time path does no type dispatch.
 */
export interface ScalarFunctionDef {
  readonly kind: 'scalar';
  /** Upper-case SQL name(s), e.g. ['CHAR_LENGTH', 'CHARACTER_LENGTH']. */
  readonly names: readonly string[];
  /** Category as on Flink's "System (Built-in) Functions" page. */
  readonly category: FunctionCategory;
  /** One-line signature and description, as shown by SHOW FUNCTIONS / docs. */
  readonly doc: string;
  /**
   * 'strict': the result is NULL whenever any argument is NULL and `build`'s function is never
   * called with a null; 'custom': the function handles nulls itself.
   */
  readonly nulls: 'strict' | 'custom';
  /** False for CURRENT_TIMESTAMP, RAND, UUID …: never constant-folded. */
  readonly deterministic?: boolean;
  inferType(site: TypeSite): DataType;
  build(site: BuildSite): (...args: unknown[]) => unknown;
}

/** A table function: each call yields zero or more rows of `inferType`'s ROW type. */
export interface TableFunctionDef {
  readonly kind: 'table';
  readonly names: readonly string[];
  readonly category: FunctionCategory;
  readonly doc: string;
  /** Must return a ROW type: the produced columns. */
  inferType(site: TypeSite): DataType;
  build(site: BuildSite): (...args: unknown[]) => Iterable<unknown[]>;
}

export type FunctionDef = ScalarFunctionDef | TableFunctionDef;

export type FunctionCategory =
  | 'comparison'
  | 'logical'
  | 'arithmetic'
  | 'string'
  | 'temporal'
  | 'conditional'
  | 'conversion'
  | 'collection'
  | 'json'
  | 'construction'
  | 'access'
  | 'grouping'
  | 'hash'
  | 'auxiliary'
  | 'user';
