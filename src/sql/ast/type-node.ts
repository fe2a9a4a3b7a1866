import type { Span } from '../../types/span.js';

/** Units in INTERVAL qualifiers, EXTRACT, TIMESTAMPADD/DIFF, CEIL/FLOOR(… TO unit). Plurals are normalized. */
export type { TimeUnit } from '../../types/temporal-units.js';
import type { TimeUnit } from '../../types/temporal-units.js';

/** `DAY(3) TO SECOND(6)`: start unit, optional end unit, and their precisions. */
export interface IntervalQualifier {
  readonly span: Span;
  readonly start: TimeUnit;
  readonly startPrecision?: number;
  readonly end?: TimeUnit;
  /** Fractional-second precision, on SECOND as start or end. */
  readonly fractionalPrecision?: number;
}

/**
 * A type as written. Names are normalized: `TIMESTAMP WITH LOCAL TIME ZONE` → TIMESTAMP_LTZ,
 * `DOUBLE PRECISION` → DOUBLE, `CHARACTER VARYING`/`CHAR VARYING` → VARCHAR, `INTEGER` → INT,
 * `DEC`/`NUMERIC` → DECIMAL, `INT ARRAY` → ARRAY with one child, `INT MULTISET` → MULTISET.
 * STRING and BYTES keep their names.
 */
export interface TypeNode {
  readonly kind: 'Type';
  readonly span: Span;
  readonly name: string;
  /** Length / precision / scale as written, e.g. DECIMAL(10, 2) → [10, 2]. */
  readonly args: readonly number[];
  /** Element type of ARRAY / MULTISET, key and value of MAP. */
  readonly children: readonly TypeNode[];
  /** Fields of ROW<a INT 'desc', …> or ROW(a INT, …). */
  readonly fields?: readonly { readonly name: string; readonly type: TypeNode; readonly description?: string; readonly span: Span }[];
  /** Qualifier of INTERVAL types. */
  readonly interval?: IntervalQualifier;
  readonly notNull: boolean;
}
