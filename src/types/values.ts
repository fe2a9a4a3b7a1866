/**
 * Runtime representation of SQL values (rows are positional arrays; SQL NULL is `null`):
 *
 * | type                         | JS value                                            |
 * |------------------------------|-----------------------------------------------------|
 * | BOOLEAN                      | boolean                                             |
 * | TINYINT, SMALLINT, INT       | number (integral)                                   |
 * | BIGINT                       | bigint (exact over the full 64-bit range)           |
 * | FLOAT, DOUBLE                | number                                              |
 * | DECIMAL(p, s)                | Decimal (unscaled bigint + scale)                   |
 * | CHAR, VARCHAR                | string                                              |
 * | BINARY, VARBINARY            | Uint8Array                                          |
 * | DATE                         | number: days since 1970-01-01                       |
 * | TIME(p)                      | number: milliseconds of the day                     |
 * | TIMESTAMP(p), TIMESTAMP_LTZ  | Timestamp (epoch millis + nanos within the milli)   |
 * | INTERVAL YEAR TO MONTH       | number: months                                      |
 * | INTERVAL DAY TO SECOND       | number: milliseconds                                |
 * | ARRAY                        | unknown[]                                           |
 * | MAP                          | Map<unknown, unknown>                               |
 * | MULTISET                     | Map<unknown, number> (element → count)              |
 * | ROW                          | unknown[] (positional)                              |
 *
 * TIMESTAMP is a wall-clock date-time: its `millis` are those of that wall-clock time read as UTC.
 * TIMESTAMP_LTZ is an instant: its `millis` are since the epoch.
 */
export type Value = unknown;

/** An exact decimal: value = unscaled × 10^-scale. */
export class Decimal {
  constructor(
    readonly unscaled: bigint,
    readonly scale: number,
  ) {}

  toString(): string {
    const neg = this.unscaled < 0n;
    let digits = (neg ? -this.unscaled : this.unscaled).toString();
    if (this.scale > 0) {
      digits = digits.padStart(this.scale + 1, '0');
      digits = `${digits.slice(0, digits.length - this.scale)}.${digits.slice(digits.length - this.scale)}`;
    } else if (this.scale < 0) {
      digits += '0'.repeat(-this.scale);
    }
    return neg ? `-${digits}` : digits;
  }

  toNumber(): number {
    return Number(this.toString());
  }
}

/** A TIMESTAMP or TIMESTAMP_LTZ value, as Flink's TimestampData. */
export class Timestamp {
  constructor(
    /** Milliseconds since 1970-01-01T00:00 (wall clock read as UTC for TIMESTAMP). */
    readonly millis: number,
    /** Nanoseconds within the millisecond, 0..999999. */
    readonly nanos: number = 0,
  ) {}

  static ofMillis(millis: number): Timestamp {
    return new Timestamp(millis, 0);
  }

  compareTo(o: Timestamp): number {
    return this.millis !== o.millis ? (this.millis < o.millis ? -1 : 1) : this.nanos - o.nanos;
  }
}
