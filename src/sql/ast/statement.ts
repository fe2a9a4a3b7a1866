import type { Span } from '../../types/span.js';
import type { Expr } from './expr.js';
import type { Hint, Query } from './query.js';
import type { TypeNode } from './type-node.js';

export type Statement =
  | CreateTable
  | CreateView
  | CreateFunction
  | CreateCatalog
  | CreateDatabase
  | Drop
  | AlterTable
  | AlterView
  | AlterFunction
  | AlterDatabase
  | UseCatalog
  | UseDatabase
  | SetStatement
  | ResetStatement
  | Show
  | Describe
  | Explain
  | Insert
  | StatementSet
  | QueryStatement;

export type StatementKind = Statement['kind'];

/** A dotted name as written: `cat.db.t`. Unquoted parts keep their case (Flink is case-sensitive). */
export type ObjectName = readonly string[];

/** `'key' = 'value'` in WITH (…), SET, CREATE CATALOG. */
export interface OptionEntry {
  readonly span: Span;
  readonly key: string;
  readonly value: string;
  readonly keySpan: Span;
  readonly valueSpan: Span;
}

export type ColumnDef = PhysicalColumn | ComputedColumn | MetadataColumn;

export interface PhysicalColumn {
  readonly kind: 'PhysicalColumn';
  readonly span: Span;
  readonly name: string;
  readonly type: TypeNode;
  readonly comment?: string;
  /** Inline `PRIMARY KEY NOT ENFORCED`. */
  readonly primaryKey: boolean;
}
export interface ComputedColumn {
  readonly kind: 'ComputedColumn';
  readonly span: Span;
  readonly name: string;
  readonly expr: Expr;
  readonly comment?: string;
}
export interface MetadataColumn {
  readonly kind: 'MetadataColumn';
  readonly span: Span;
  readonly name: string;
  readonly type: TypeNode;
  readonly from?: string;
  readonly virtual: boolean;
  readonly comment?: string;
}

export interface WatermarkDef {
  readonly span: Span;
  readonly column: readonly string[];
  readonly columnSpan?: Span;
  readonly expr: Expr;
}

export interface PrimaryKeyDef {
  readonly span: Span;
  readonly name?: string;
  readonly columns: readonly string[];
  readonly enforced: boolean;
}

export type LikeFeature = 'ALL' | 'CONSTRAINTS' | 'GENERATED' | 'METADATA' | 'OPTIONS' | 'PARTITIONS' | 'WATERMARKS';
export interface LikeClause {
  readonly span: Span;
  readonly table: ObjectName;
  readonly options: readonly { readonly mode: 'INCLUDING' | 'EXCLUDING' | 'OVERWRITING'; readonly feature: LikeFeature }[];
}

export interface DistributionDef {
  readonly span: Span;
  /** Absent when the connector chooses (`DISTRIBUTED BY (a)`). */
  readonly algorithm?: 'HASH' | 'RANGE';
  readonly columns: readonly string[];
  readonly buckets?: number;
}

/** CREATE TABLE, including CREATE TABLE … AS SELECT (`asQuery`) and CREATE OR REPLACE TABLE … AS. */
export interface CreateTable {
  readonly kind: 'CreateTable';
  readonly span: Span;
  readonly temporary: boolean;
  readonly orReplace: boolean;
  /** `REPLACE TABLE … AS` without CREATE OR: fails when the table does not exist. */
  readonly replaceOnly?: boolean;
  readonly ifNotExists: boolean;
  readonly name: ObjectName;
  readonly nameSpan: Span;
  readonly columns: readonly ColumnDef[];
  readonly watermark?: WatermarkDef;
  readonly primaryKey?: PrimaryKeyDef;
  readonly comment?: string;
  readonly partitionedBy: readonly string[];
  /** Flink 1.20 `DISTRIBUTED BY [HASH|RANGE](cols) [INTO n BUCKETS]` / `DISTRIBUTED INTO n BUCKETS`. */
  readonly distribution?: DistributionDef;
  readonly options: readonly OptionEntry[];
  readonly like?: LikeClause;
  readonly asQuery?: Query;
}

export interface CreateView {
  readonly kind: 'CreateView';
  readonly span: Span;
  readonly temporary: boolean;
  readonly ifNotExists: boolean;
  readonly name: ObjectName;
  readonly columns?: readonly string[];
  readonly comment?: string;
  readonly query: Query;
}

export interface CreateFunction {
  readonly kind: 'CreateFunction';
  readonly span: Span;
  readonly temporary: boolean;
  readonly system: boolean;
  readonly ifNotExists: boolean;
  readonly name: ObjectName;
  /** The class name or, for LANGUAGE JAVASCRIPT, the module path. */
  readonly className: string;
  readonly classNameSpan: Span;
  readonly language?: string;
  /** `USING JAR '…'` resources. */
  readonly using: readonly string[];
}

export interface CreateCatalog {
  readonly kind: 'CreateCatalog';
  readonly span: Span;
  readonly ifNotExists: boolean;
  readonly name: string;
  readonly options: readonly OptionEntry[];
}

export interface CreateDatabase {
  readonly kind: 'CreateDatabase';
  readonly span: Span;
  readonly ifNotExists: boolean;
  readonly name: ObjectName;
  readonly comment?: string;
  readonly options: readonly OptionEntry[];
}

export interface Drop {
  readonly kind: 'Drop';
  readonly span: Span;
  readonly objectType: 'TABLE' | 'VIEW' | 'FUNCTION' | 'CATALOG' | 'DATABASE';
  readonly temporary: boolean;
  readonly system: boolean;
  readonly ifExists: boolean;
  readonly name: ObjectName;
  /** DROP DATABASE … CASCADE. */
  readonly cascade: boolean;
}

/** ALTER TABLE ADD/MODIFY `FIRST` or `AFTER col` (the column name may be dotted, which Flink rejects). */
export type ColumnPosition = { readonly kind: 'First'; readonly span: Span } | { readonly kind: 'After'; readonly column: readonly string[]; readonly span: Span };

export type AlterTableAction =
  | { readonly kind: 'RenameTo'; readonly newName: ObjectName }
  | { readonly kind: 'SetOptions'; readonly options: readonly OptionEntry[] }
  | { readonly kind: 'ResetOptions'; readonly keys: readonly string[] }
  | {
      readonly kind: 'AddColumns' | 'ModifyColumns';
      readonly columns: readonly ColumnDef[];
      /** Parallel to `columns`: where each column goes (undefined: ADD appends, MODIFY keeps its place). */
      readonly positions?: readonly (ColumnPosition | undefined)[];
      readonly watermark?: WatermarkDef;
      readonly primaryKey?: PrimaryKeyDef;
    }
  | { readonly kind: 'DropColumns'; readonly names: readonly string[] }
  | { readonly kind: 'DropPrimaryKey' }
  | { readonly kind: 'DropWatermark' }
  | { readonly kind: 'RenameColumn'; readonly from: string; readonly to: string };

export interface AlterTable {
  readonly kind: 'AlterTable';
  readonly span: Span;
  readonly ifExists: boolean;
  readonly name: ObjectName;
  readonly action: AlterTableAction;
}

export interface AlterView {
  readonly kind: 'AlterView';
  readonly span: Span;
  readonly name: ObjectName;
  readonly action: { readonly kind: 'RenameTo'; readonly newName: ObjectName } | { readonly kind: 'AsQuery'; readonly query: Query };
}

export interface AlterFunction {
  readonly kind: 'AlterFunction';
  readonly span: Span;
  readonly temporary: boolean;
  readonly system: boolean;
  readonly ifExists: boolean;
  readonly name: ObjectName;
  readonly className: string;
  readonly language?: string;
}

export interface AlterDatabase {
  readonly kind: 'AlterDatabase';
  readonly span: Span;
  readonly name: ObjectName;
  readonly options: readonly OptionEntry[];
}

export interface UseCatalog {
  readonly kind: 'UseCatalog';
  readonly span: Span;
  readonly name: string;
}

export interface UseDatabase {
  readonly kind: 'UseDatabase';
  readonly span: Span;
  readonly name: ObjectName;
}

/** `SET 'k' = 'v'`, or `SET` alone to list. */
export interface SetStatement {
  readonly kind: 'Set';
  readonly span: Span;
  readonly key?: string;
  readonly value?: string;
}

export interface ResetStatement {
  readonly kind: 'Reset';
  readonly span: Span;
  readonly key?: string;
}

export type ShowWhat =
  | 'CATALOGS'
  | 'CURRENT CATALOG'
  | 'DATABASES'
  | 'CURRENT DATABASE'
  | 'TABLES'
  | 'VIEWS'
  | 'FUNCTIONS'
  | 'USER FUNCTIONS'
  | 'COLUMNS'
  | 'CREATE TABLE'
  | 'CREATE VIEW'
  | 'MODULES'
  | 'FULL MODULES'
  | 'JARS'
  | 'JOBS'
  | 'PARTITIONS'
  | 'PROCEDURES';

export interface Show {
  readonly kind: 'Show';
  readonly span: Span;
  readonly what: ShowWhat;
  /** The object of SHOW CREATE TABLE / COLUMNS FROM / PARTITIONS, or the database of SHOW TABLES FROM. */
  readonly name?: ObjectName;
  readonly like?: { readonly pattern: string; readonly negated: boolean; readonly ilike: boolean };
}

export interface Describe {
  readonly kind: 'Describe';
  readonly span: Span;
  readonly extended: boolean;
  readonly name: ObjectName;
}

export type ExplainDetail = 'ESTIMATED_COST' | 'CHANGELOG_MODE' | 'JSON_EXECUTION_PLAN' | 'PLAN_ADVICE';

export interface Explain {
  readonly kind: 'Explain';
  readonly span: Span;
  readonly details: readonly ExplainDetail[];
  readonly planFor: boolean;
  readonly statement: Insert | StatementSet | QueryStatement;
}

export interface Insert {
  readonly kind: 'Insert';
  readonly span: Span;
  readonly overwrite: boolean;
  readonly table: ObjectName;
  readonly tableSpan: Span;
  /** Static partition: `PARTITION (dt = '2020-01-01', …)`. */
  readonly partition: readonly { readonly column: string; readonly value: Expr }[];
  readonly columns?: readonly string[];
  readonly query: Query;
  /** `INSERT INTO t /*+ OPTIONS('k'='v') *\/ …`: hints on the target table. */
  readonly hints?: readonly Hint[];
}

/** `EXECUTE STATEMENT SET BEGIN … END` or the older `BEGIN STATEMENT SET; … END;` (legacy). */
export interface StatementSet {
  readonly kind: 'StatementSet';
  readonly span: Span;
  readonly inserts: readonly Insert[];
  readonly legacy: boolean;
}

export interface QueryStatement {
  readonly kind: 'QueryStatement';
  readonly span: Span;
  readonly query: Query;
}

/** A parsed script: statements, plus every independent error found (the parser recovers at `;`). */
export interface Script {
  readonly statements: readonly Statement[];
  readonly errors: readonly import('../../types/errors.js').SqlError[];
  /** Non-fatal findings, e.g. code FLINK_RESERVED_WORD for `value` used unquoted (Flink would reject it). */
  readonly warnings?: readonly import('../../types/errors.js').SqlError[];
}
