import { describe, expect, it } from 'vitest';
import { SessionConfig } from '../../catalog/session-config.js';
import { PlanError } from '../../types/errors.js';
import { EXPONENTIAL_DELAY_DEFAULTS, exponentialDelay, failureRate, fixedDelay, restartStrategy, type RestartStrategy } from './restart-strategy.js';

/** A clock the test moves, and a fixed "random" value. */
function env(random = 0.5) {
  const clock = { t: 1_000_000 };
  return { clock, env: { now: () => clock.t, random: () => random } };
}

const config = (entries: Record<string, string>) => {
  const c = new SessionConfig();
  for (const [k, v] of Object.entries(entries)) c.set(k, v);
  return c;
};

const delays = (s: RestartStrategy, n: number) => Array.from({ length: n }, () => s.onFailure()).map((d) => (d.restart ? d.delay : 'fail'));

function planError(f: () => unknown): PlanError {
  try {
    f();
  } catch (e) {
    if (e instanceof PlanError) return e;
    throw e;
  }
  throw new Error('expected a PlanError');
}

describe('restart strategies', () => {
  it('defaults as Flink 1.20: no restarts without checkpointing, exponential-delay with it', () => {
    expect(restartStrategy(config({}), false).toString()).toBe('NoRestartBackoffTimeStrategy');
    expect(restartStrategy(config({}), true).toString()).toBe(
      'ExponentialDelayRestartBackoffTimeStrategy(initialBackoffMS=1000, maxBackoffMS=60000, backoffMultiplier=1.5, resetBackoffThresholdMS=3600000, ' +
        'jitterFactor=0.1, attemptsBeforeResetBackoff=2147483647, currentRestartAttempt=0, nextRestartTimestamp=-2147483648)',
    );
    // An explicit type wins over the checkpointing default.
    expect(restartStrategy(config({ 'restart-strategy.type': 'none' }), true).type).toBe('disable');
  });

  it('accepts every name of every type, in any case, and the deprecated key', () => {
    for (const [name, type] of [['none', 'disable'], ['off', 'disable'], ['DISABLE', 'disable'], ['fixeddelay', 'fixed-delay'], ['Fixed-Delay', 'fixed-delay'],
      ['failurerate', 'failure-rate'], ['failure-rate', 'failure-rate'], ['exponentialdelay', 'exponential-delay'], ['exponential-delay', 'exponential-delay']] as const) {
      expect(restartStrategy(config({ 'restart-strategy.type': name }), false).type).toBe(type);
    }
    expect(restartStrategy(config({ 'restart-strategy': 'fixed-delay' }), false).type).toBe('fixed-delay');
    const e = planError(() => restartStrategy(config({ 'restart-strategy.type': 'sometimes' }), false));
    expect(e.message).toBe("Invalid value for option 'restart-strategy.type'.");
    expect(e.hint).toContain('sometimes is an unknown value of RestartStrategyType.');
  });

  it('fixed-delay: `attempts` restarts after `delay`, then Flink suppresses recovery', () => {
    expect(restartStrategy(config({ 'restart-strategy.type': 'fixed-delay' }), false).toString()).toBe('FixedDelayRestartBackoffTimeStrategy(maxNumberRestartAttempts=1, backoffTimeMS=1000)');
    const s = restartStrategy(config({ 'restart-strategy.type': 'fixed-delay', 'restart-strategy.fixed-delay.attempts': '3', 'restart-strategy.fixed-delay.delay': '250 ms' }), false);
    expect(delays(s, 5)).toEqual([250, 250, 250, 'fail', 'fail']);
    expect(delays(fixedDelay(0, 5), 1)).toEqual(['fail']);
    expect(planError(() => fixedDelay(-1, 5)).hint).toBe('Maximum number of restart attempts must be at least 0.');
  });

  it('failure-rate: fails on the (max+1)-th failure within the interval, restarts again once failures are older', () => {
    const { clock, env: e } = env();
    const s = failureRate(2, 10_000, 100, e);
    expect(delays(s, 2)).toEqual([100, 100]);
    clock.t += 5_000;
    expect(delays(s, 1)).toEqual(['fail']);
    // The oldest of the last three is now more than 10 s old.
    const t = env();
    const r = failureRate(2, 10_000, 100, t.env);
    r.onFailure();
    t.clock.t += 6_000;
    r.onFailure();
    t.clock.t += 4_001;
    expect(r.onFailure()).toEqual({ restart: true, delay: 100 });
    expect(r.onFailure()).toEqual({ restart: false });
    expect(r.toString()).toBe('FailureRateRestartBackoffTimeStrategy(FailureRateRestartBackoffTimeStrategy(failuresIntervalMS=10000,backoffTimeMS=100,maxFailuresPerInterval=2)');
    expect(planError(() => failureRate(0, 1, 1)).hint).toBe('Maximum number of restart attempts per time unit must be greater than 0.');
    expect(planError(() => failureRate(1, 0, 1)).hint).toBe('Failures interval must be greater than 0 ms.');
  });

  it('exponential-delay: multiplies the backoff up to the maximum (the documented 1 s, 2 s, 4 s, 8 s, 10 s)', () => {
    const { clock, env: e } = env();
    const s = exponentialDelay({ ...EXPONENTIAL_DELAY_DEFAULTS, initialBackoff: 1000, multiplier: 2, maxBackoff: 10_000, jitter: 0 }, e);
    const seen: unknown[] = [];
    for (let i = 0; i < 6; i++) {
      const d = s.onFailure();
      seen.push(d.restart ? d.delay : 'fail');
      // The job restarts after the backoff and fails again 10 ms later.
      if (d.restart) clock.t += d.delay + 10;
    }
    expect(seen).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it('exponential-delay: jitter within ±factor of the backoff; resets after running for the threshold; gives up after attempts-before-reset', () => {
    const low = env(0);
    const high = env(0.999999);
    const settings = { ...EXPONENTIAL_DELAY_DEFAULTS, initialBackoff: 4000, multiplier: 2, maxBackoff: 100_000, jitter: 0.1 };
    expect(exponentialDelay(settings, low.env).onFailure()).toEqual({ restart: true, delay: 4000 }); // never below the initial backoff
    const h = exponentialDelay(settings, high.env);
    expect(h.onFailure()).toEqual({ restart: true, delay: 4400 });
    high.clock.t += 5000;
    expect(h.onFailure()).toEqual({ restart: true, delay: 8800 });

    const { clock, env: e } = env();
    const s = exponentialDelay({ ...settings, jitter: 0, resetThreshold: 60_000, attemptsBeforeReset: 2 }, e);
    const fail = () => {
      const d = s.onFailure();
      if (d.restart) clock.t += d.delay + 1;
      return d.restart ? d.delay : 'fail';
    };
    expect([fail(), fail()]).toEqual([4000, 8000]);
    clock.t += 60_000;
    expect([fail(), fail(), fail()]).toEqual([4000, 8000, 'fail']);
  });

  it('exponential-delay validates as Flink does', () => {
    const d = EXPONENTIAL_DELAY_DEFAULTS;
    expect(planError(() => exponentialDelay({ ...d, initialBackoff: 0 })).hint).toBe('Initial backoff must be at least 1.');
    expect(planError(() => exponentialDelay({ ...d, initialBackoff: 2000, maxBackoff: 1000 })).hint).toBe('Initial backoff cannot be higher than maximum backoff.');
    expect(planError(() => exponentialDelay({ ...d, multiplier: 1 })).hint).toBe('Backoff multiplier must be greater than 1.');
    expect(planError(() => exponentialDelay({ ...d, jitter: 1.5 })).hint).toBe('Jitter factor must be >= 0 and <= 1.');
    expect(planError(() => exponentialDelay({ ...d, attemptsBeforeReset: 0 })).hint).toBe('The attemptsBeforeResetBackoff must be at least 1.');
    const e = planError(() => restartStrategy(config({ 'restart-strategy.type': 'exponential-delay', 'restart-strategy.exponential-delay.backoff-multiplier': 'x' }), false));
    expect(e.message).toBe("Invalid value for option 'restart-strategy.exponential-delay.backoff-multiplier'.");
  });
});
