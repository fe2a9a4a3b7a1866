/**
 * Date, time and timestamp arithmetic, parsing and formatting (values as in values.ts).
 * Time zones are IANA ids or offsets (`+08:00`, `UTC`, `GMT+8`), resolved with Intl.
 */
import type { Timestamp } from './values.js';

export declare function parseDate(text: string): number | null;
export declare function parseTime(text: string): number | null;
/** `yyyy-MM-dd[ HH:mm[:ss[.fffffffff]]]`, also with `T`; null if malformed. */
export declare function parseTimestamp(text: string): Timestamp | null;
/** `yyyy-MM-dd`. */
export declare function formatDate(days: number): string;
/** `HH:mm:ss[.fff]` with `precision` fractional digits. */
export declare function formatTime(millisOfDay: number, precision: number): string;
/** `yyyy-MM-dd HH:mm:ss[.fff…]` with `precision` fractional digits (Flink's CAST AS STRING form). */
export declare function formatTimestamp(ts: Timestamp, precision: number): string;
/** Offset in millis of `zone` at the instant `epochMillis`. */
export declare function zoneOffsetMillis(zone: string, epochMillis: number): number;
/** TIMESTAMP_LTZ instant → TIMESTAMP wall clock in `zone`. */
export declare function instantToLocal(ts: Timestamp, zone: string): Timestamp;
/** TIMESTAMP wall clock in `zone` → TIMESTAMP_LTZ instant (gaps move forward, overlaps take the earlier offset, like java.time). */
export declare function localToInstant(ts: Timestamp, zone: string): Timestamp;
/** The zone's canonical id, or null if `zone` is not a valid time zone. */
export declare function normalizeZone(zone: string): string | null;
/** The machine's zone. */
export declare function systemZone(): string;
