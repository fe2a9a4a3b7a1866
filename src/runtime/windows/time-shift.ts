import { localToInstant, zoneOffsetMillis } from '../../types/temporal.js';
import { Timestamp } from '../../types/values.js';

/**
 * Windows on a TIMESTAMP_LTZ rowtime (and on processing time) are aligned in the session time
 * zone, as Flink's TimeWindowUtil: an instant is shifted to its local wall-clock millis, windows
 * are cut there (so a day window on a DST day spans 23 or 25 hours), and a window fires when the
 * watermark reaches the instant of its last local millisecond. TIMESTAMP rowtimes need no shift.
 */
export interface TimeShift {
  /** Event time (epoch or wall-clock millis as the rowtime holds it) → window time. */
  toWindowTime(millis: number): number;
  /** The watermark value at which a window ending at `windowEnd` (window time) fires. */
  triggerTime(windowEnd: number): number;
  /** window_time of a window: its last millisecond, as a value of the rowtime's type. */
  windowTime(windowEnd: number): Timestamp;
}

export const NO_SHIFT: TimeShift = {
  toWindowTime: (millis) => millis,
  triggerTime: (windowEnd) => windowEnd - 1,
  windowTime: (windowEnd) => Timestamp.ofMillis(windowEnd - 1),
};

export function zoneShift(zone: string): TimeShift {
  const toInstant = (local: number) => localToInstant(Timestamp.ofMillis(local), zone).millis;
  return {
    toWindowTime: (millis) => millis + zoneOffsetMillis(zone, millis),
    triggerTime: (windowEnd) => toInstant(windowEnd - 1),
    windowTime: (windowEnd) => Timestamp.ofMillis(toInstant(windowEnd - 1)),
  };
}
