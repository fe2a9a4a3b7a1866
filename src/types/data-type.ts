/**
 * Flink's logical types. Every type carries its nullability; time attributes are
 * a marker on TIMESTAMP / TIMESTAMP_LTZ as in Flink's TimestampKind.
 */
export type DataType =
  | SimpleType
  | DecimalType
  | CharType
  | BinaryType
  | TimeType
  | TimestampType
  | IntervalType
  | ArrayType
  | MapType
  | MultisetType
  | RowType
  | NullType;

export type SimpleKind = 'BOOLEAN' | 'TINYINT' | 'SMALLINT' | 'INT' | 'BIGINT' | 'FLOAT' | 'DOUBLE' | 'DATE';

export interface SimpleType {
  readonly kind: SimpleKind;
  readonly nullable: boolean;
}
export interface DecimalType {
  readonly kind: 'DECIMAL';
  readonly precision: number;
  readonly scale: number;
  readonly nullable: boolean;
}
export interface CharType {
  readonly kind: 'CHAR' | 'VARCHAR';
  readonly length: number;
  readonly nullable: boolean;
}
export interface BinaryType {
  readonly kind: 'BINARY' | 'VARBINARY';
  readonly length: number;
  readonly nullable: boolean;
}
export interface TimeType {
  readonly kind: 'TIME';
  readonly precision: number;
  readonly nullable: boolean;
}
export type TimeAttribute = 'ROWTIME' | 'PROCTIME';
export interface TimestampType {
  readonly kind: 'TIMESTAMP' | 'TIMESTAMP_LTZ';
  readonly precision: number;
  readonly nullable: boolean;
  readonly timeAttribute?: TimeAttribute;
}
/** Flink's interval resolutions; values are months (YEAR_MONTH) or milliseconds (DAY_TIME). */
export type YearMonthResolution = 'YEAR' | 'YEAR_TO_MONTH' | 'MONTH';
export type DayTimeResolution =
  | 'DAY'
  | 'DAY_TO_HOUR'
  | 'DAY_TO_MINUTE'
  | 'DAY_TO_SECOND'
  | 'HOUR'
  | 'HOUR_TO_MINUTE'
  | 'HOUR_TO_SECOND'
  | 'MINUTE'
  | 'MINUTE_TO_SECOND'
  | 'SECOND';
export interface IntervalType {
  readonly kind: 'INTERVAL_YEAR_MONTH' | 'INTERVAL_DAY_TIME';
  readonly resolution: YearMonthResolution | DayTimeResolution;
  /** Year or day precision (default 2). */
  readonly precision: number;
  /** Fractional second precision (default 6; 3 is what Flink shows for SQL literals). */
  readonly fractionalPrecision: number;
  readonly nullable: boolean;
}
export interface ArrayType {
  readonly kind: 'ARRAY';
  readonly element: DataType;
  readonly nullable: boolean;
}
export interface MapType {
  readonly kind: 'MAP';
  readonly key: DataType;
  readonly value: DataType;
  readonly nullable: boolean;
}
export interface MultisetType {
  readonly kind: 'MULTISET';
  readonly element: DataType;
  readonly nullable: boolean;
}
export interface RowField {
  readonly name: string;
  readonly type: DataType;
  readonly description?: string;
}
export interface RowType {
  readonly kind: 'ROW';
  readonly fields: readonly RowField[];
  readonly nullable: boolean;
}
/** The type of an untyped NULL literal before inference gives it one. */
export interface NullType {
  readonly kind: 'NULL';
  readonly nullable: true;
}

export type TypeKind = DataType['kind'];

export const MAX_VARCHAR_LENGTH = 2147483647;
export const MAX_DECIMAL_PRECISION = 38;

// Constructors, nullable unless told otherwise (as Flink's DataTypes).
export const BOOLEAN = (nullable = true): SimpleType => ({ kind: 'BOOLEAN', nullable });
export const TINYINT = (nullable = true): SimpleType => ({ kind: 'TINYINT', nullable });
export const SMALLINT = (nullable = true): SimpleType => ({ kind: 'SMALLINT', nullable });
export const INT = (nullable = true): SimpleType => ({ kind: 'INT', nullable });
export const BIGINT = (nullable = true): SimpleType => ({ kind: 'BIGINT', nullable });
export const FLOAT = (nullable = true): SimpleType => ({ kind: 'FLOAT', nullable });
export const DOUBLE = (nullable = true): SimpleType => ({ kind: 'DOUBLE', nullable });
export const DATE = (nullable = true): SimpleType => ({ kind: 'DATE', nullable });
export const DECIMAL = (precision: number, scale: number, nullable = true): DecimalType => ({
  kind: 'DECIMAL',
  precision,
  scale,
  nullable,
});
export const CHAR = (length: number, nullable = true): CharType => ({ kind: 'CHAR', length, nullable });
export const VARCHAR = (length: number, nullable = true): CharType => ({ kind: 'VARCHAR', length, nullable });
export const STRING = (nullable = true): CharType => VARCHAR(MAX_VARCHAR_LENGTH, nullable);
export const BINARY = (length: number, nullable = true): BinaryType => ({ kind: 'BINARY', length, nullable });
export const VARBINARY = (length: number, nullable = true): BinaryType => ({ kind: 'VARBINARY', length, nullable });
export const BYTES = (nullable = true): BinaryType => VARBINARY(MAX_VARCHAR_LENGTH, nullable);
export const TIME = (precision = 0, nullable = true): TimeType => ({ kind: 'TIME', precision, nullable });
export const TIMESTAMP = (precision = 6, nullable = true): TimestampType => ({ kind: 'TIMESTAMP', precision, nullable });
export const TIMESTAMP_LTZ = (precision = 6, nullable = true): TimestampType => ({
  kind: 'TIMESTAMP_LTZ',
  precision,
  nullable,
});
export const ARRAY = (element: DataType, nullable = true): ArrayType => ({ kind: 'ARRAY', element, nullable });
export const MAP = (key: DataType, value: DataType, nullable = true): MapType => ({ kind: 'MAP', key, value, nullable });
export const MULTISET = (element: DataType, nullable = true): MultisetType => ({ kind: 'MULTISET', element, nullable });
export const ROW = (fields: readonly RowField[], nullable = true): RowType => ({ kind: 'ROW', fields, nullable });
export const NULL_TYPE: NullType = { kind: 'NULL', nullable: true };

export function withNullability<T extends DataType>(t: T, nullable: boolean): T {
  if (t.kind === 'NULL' || t.nullable === nullable) return t;
  return { ...t, nullable };
}

/** Drops the ROWTIME/PROCTIME marker: the column is then a plain timestamp. */
export function withoutTimeAttribute(t: DataType): DataType {
  if ((t.kind === 'TIMESTAMP' || t.kind === 'TIMESTAMP_LTZ') && t.timeAttribute) {
    return { kind: t.kind, precision: t.precision, nullable: t.nullable };
  }
  return t;
}

export const isNumeric = (t: DataType): boolean =>
  t.kind === 'TINYINT' ||
  t.kind === 'SMALLINT' ||
  t.kind === 'INT' ||
  t.kind === 'BIGINT' ||
  t.kind === 'FLOAT' ||
  t.kind === 'DOUBLE' ||
  t.kind === 'DECIMAL';
export const isExactInteger = (t: DataType): boolean =>
  t.kind === 'TINYINT' || t.kind === 'SMALLINT' || t.kind === 'INT' || t.kind === 'BIGINT';
export const isCharacterString = (t: DataType): t is CharType => t.kind === 'CHAR' || t.kind === 'VARCHAR';
export const isBinaryString = (t: DataType): t is BinaryType => t.kind === 'BINARY' || t.kind === 'VARBINARY';
export const isTimestamp = (t: DataType): t is TimestampType => t.kind === 'TIMESTAMP' || t.kind === 'TIMESTAMP_LTZ';
export const isInterval = (t: DataType): t is IntervalType =>
  t.kind === 'INTERVAL_YEAR_MONTH' || t.kind === 'INTERVAL_DAY_TIME';

/** Whether `t` is a time attribute of that kind (a rowtime or proctime column). */
export const isTimeAttribute = (t: DataType, attr: TimeAttribute): boolean => isTimestamp(t) && t.timeAttribute === attr;
