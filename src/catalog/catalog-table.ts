import type { Expr, Query } from '../sql/ast/index.js';
import type { DataType } from '../types/data-type.js';
import type { Span } from '../types/span.js';

/** `catalog.database.object`. */
export interface ObjectIdentifier {
  readonly catalog: string;
  readonly database: string;
  readonly name: string;
}

export function identifierString(id: ObjectIdentifier): string {
  return `${id.catalog}.${id.database}.${id.name}`;
}

export type TableColumn =
  | { readonly kind: 'physical'; readonly name: string; readonly type: DataType; readonly comment?: string }
  | { readonly kind: 'computed'; readonly name: string; readonly type: DataType; readonly expr: Expr; readonly comment?: string }
  | {
      readonly kind: 'metadata';
      readonly name: string;
      readonly type: DataType;
      readonly key: string;
      readonly virtual: boolean;
      readonly comment?: string;
    };

export interface WatermarkSpec {
  readonly column: string;
  readonly expr: Expr;
  /** The watermark expression as written, for DESCRIBE / EXPLAIN. */
  readonly exprText: string;
}

/** A table defined by DDL, with its columns' types resolved. */
export interface CatalogTable {
  readonly kind: 'table';
  readonly id: ObjectIdentifier;
  readonly columns: readonly TableColumn[];
  readonly watermark?: WatermarkSpec;
  readonly primaryKey?: { readonly name: string; readonly columns: readonly string[] };
  readonly partitionKeys: readonly string[];
  readonly options: ReadonlyMap<string, string>;
  readonly comment?: string;
  readonly temporary: boolean;
  /** Where it was defined (for messages). */
  readonly span: Span;
}

export interface CatalogView {
  readonly kind: 'view';
  readonly id: ObjectIdentifier;
  readonly query: Query;
  readonly columnNames?: readonly string[];
  /** The view's query as written (SHOW CREATE VIEW). */
  readonly queryText: string;
  readonly temporary: boolean;
  readonly comment?: string;
}

export interface CatalogFunction {
  readonly id: ObjectIdentifier;
  /** Module path (LANGUAGE JAVASCRIPT) or class name. */
  readonly className: string;
  readonly language: string;
  readonly temporary: boolean;
  readonly system: boolean;
}

export type CatalogObject = CatalogTable | CatalogView;
