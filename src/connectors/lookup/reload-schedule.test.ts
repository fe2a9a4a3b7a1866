import { describe, expect, it } from 'vitest';
import { firstReload, nextReload, parseReloadTime, type ReloadSchedule } from './reload-schedule.js';

const H = 3_600_000;
const T0 = Date.UTC(2024, 0, 15, 10, 30); // 10:30 UTC
const utc = () => 0;

describe('PERIODIC reload schedule', () => {
  const delay: ReloadSchedule = { strategy: 'PERIODIC', interval: H, mode: 'FIXED_DELAY' };
  const rate: ReloadSchedule = { strategy: 'PERIODIC', interval: H, mode: 'FIXED_RATE' };

  it('FIXED_DELAY counts from the end of a load, FIXED_RATE from its start', () => {
    expect(firstReload(delay, T0, T0 + 5_000, utc)).toBe(T0 + 5_000 + H);
    expect(firstReload(rate, T0, T0 + 5_000, utc)).toBe(T0 + H);
    expect(nextReload(delay, T0 + H, 5_000, T0 + H + 5_000)).toBe(T0 + 2 * H + 5_000);
    expect(nextReload(rate, T0 + H, 5_000, T0 + H + 5_000)).toBe(T0 + 2 * H);
  });

  it('skips reloads that fell due while no lookup came', () => {
    expect(nextReload(rate, T0 + H, 0, T0 + 3.5 * H)).toBe(T0 + 4 * H);
    expect(nextReload(rate, T0 + H, 0, T0 + 4 * H)).toBe(T0 + 5 * H);
  });
});

describe('TIMED reload schedule', () => {
  it('reloads first at the next occurrence of the time of day: today if still to come, else tomorrow', () => {
    const later: ReloadSchedule = { strategy: 'TIMED', time: parseReloadTime('k', '12:00Z'), intervalDays: 7 };
    expect(firstReload(later, T0, T0, utc)).toBe(Date.UTC(2024, 0, 15, 12));
    const earlier: ReloadSchedule = { strategy: 'TIMED', time: parseReloadTime('k', '10:15Z'), intervalDays: 7 };
    expect(firstReload(earlier, T0, T0, utc)).toBe(Date.UTC(2024, 0, 16, 10, 15));
    // Then every intervalDays days at the same instant.
    expect(nextReload(earlier, Date.UTC(2024, 0, 16, 10, 15), 0, Date.UTC(2024, 0, 16, 10, 15))).toBe(Date.UTC(2024, 0, 23, 10, 15));
  });

  it('reads the time in its own offset, or in the local zone without one', () => {
    const plus7: ReloadSchedule = { strategy: 'TIMED', time: parseReloadTime('k', '18:00+07:00'), intervalDays: 1 };
    expect(firstReload(plus7, T0, T0, utc)).toBe(Date.UTC(2024, 0, 15, 11)); // 17:30 at +07:00: 18:00 is still to come
    const local: ReloadSchedule = { strategy: 'TIMED', time: parseReloadTime('k', '12:00'), intervalDays: 1 };
    expect(firstReload(local, T0, T0, () => 120)).toBe(Date.UTC(2024, 0, 16, 10)); // 12:30 at UTC+2: 12:00 comes tomorrow (10:00 UTC)
    expect(firstReload(local, T0 - 2 * H, T0 - 2 * H, () => 120)).toBe(Date.UTC(2024, 0, 15, 10)); // at 08:30 UTC, still today
  });
});

describe('lookup.full-cache.timed-reload.iso-time', () => {
  it('parses ISO-8601 times as Java ISO_TIME', () => {
    expect(parseReloadTime('k', '10:15')).toEqual({ millisOfDay: (10 * 60 + 15) * 60_000 });
    expect(parseReloadTime('k', '10:15:30.25Z')).toEqual({ millisOfDay: ((10 * 60 + 15) * 60 + 30) * 1000 + 250, offsetMinutes: 0 });
    expect(parseReloadTime('k', '10:15-03:30')).toEqual({ millisOfDay: (10 * 60 + 15) * 60_000, offsetMinutes: -210 });
  });

  it("rejects other text with Java's messages", () => {
    const hint = (text: string) => {
      try {
        parseReloadTime('k', text);
      } catch (e) {
        return (e as { hint?: string }).hint;
      }
      return undefined;
    };
    expect(hint('10')).toBe("Text '10' could not be parsed at index 2");
    expect(hint('1:15')).toBe("Text '1:15' could not be parsed at index 0");
    expect(hint('10:15 UTC')).toBe("Text '10:15 UTC' could not be parsed, unparsed text found at index 5");
    expect(hint('25:00')).toBe("Text '25:00' could not be parsed: Invalid value for HourOfDay (valid values 0 - 23): 25");
  });
});
