/**
 * Text forms of values as Flink shows them:
 * - `formatRowForPrint` is the print connector's and DataStream's Row.toString form:
 *   `+I[1, Alice, 2.50]`, timestamps as java.time's toString (`2020-04-15T08:05`).
 * - `formatValueForTableau` is the SQL client's tableau form (`2020-04-15 08:05:00.000`, `<NULL>`).
 */
import type { DataType } from './data-type.js';
import type { RowKind } from './row.js';

export declare function formatValueForPrint(value: unknown, type: DataType): string;
export declare function formatRowForPrint(kind: RowKind, row: readonly unknown[], types: readonly DataType[]): string;
export declare function formatValueForTableau(value: unknown, type: DataType): string;
