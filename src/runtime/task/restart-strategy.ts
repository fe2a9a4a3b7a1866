import type { SessionConfig } from '../../catalog/session-config.js';
import { readDouble, readDuration, readInt, type OptionMap } from '../../catalog/option-readers.js';
import { PlanError } from '../../types/errors.js';

/** What a strategy decides on a failure: restart after `delay` ms, or let the job fail. */
export type RestartDecision = { readonly restart: true; readonly delay: number } | { readonly restart: false };

/**
 * Flink's RestartBackoffTimeStrategy, folded into one call: `onFailure` is its notifyFailure,
 * then canRestart and getBackoffTime. `toString()` is Flink's, as "Recovery is suppressed by …" names it.
 */
export interface RestartStrategy {
  readonly type: RestartStrategyType;
  onFailure(): RestartDecision;
  toString(): string;
}

export type RestartStrategyType = 'disable' | 'fixed-delay' | 'failure-rate' | 'exponential-delay';

/** Time and randomness, injectable for tests. */
export interface RestartEnv {
  /** Milliseconds since the epoch. */
  readonly now: () => number;
  /** Uniform in [0, 1), as Math.random. */
  readonly random: () => number;
}

const SYSTEM: RestartEnv = { now: Date.now, random: Math.random };

/** RestartStrategyOptions.RestartStrategyType: each type's names (Flink lower-cases the value first). */
const TYPE_NAMES: Readonly<Record<RestartStrategyType, readonly string[]>> = {
  disable: ['disable', 'none', 'off'],
  'fixed-delay': ['fixed-delay', 'fixeddelay'],
  'failure-rate': ['failure-rate', 'failurerate'],
  'exponential-delay': ['exponential-delay', 'exponentialdelay'],
};

const TYPE_KEY = 'restart-strategy.type';
/** Flink 1.20 still reads the key `restart-strategy.type` replaced. */
const DEPRECATED_TYPE_KEY = 'restart-strategy';

/** Java's Double.toString for the values these options take (2 → "2.0"). */
const javaDouble = (n: number) => (Number.isInteger(n) ? n.toFixed(1) : String(n));

/** NoRestartBackoffTimeStrategy. */
export function noRestart(): RestartStrategy {
  return { type: 'disable', onFailure: () => ({ restart: false }), toString: () => 'NoRestartBackoffTimeStrategy' };
}

/** FixedDelayRestartBackoffTimeStrategy: `attempts` restarts, each after `delay`; the next failure fails the job. */
export function fixedDelay(attempts: number, delay: number): RestartStrategy {
  check(attempts >= 0, 'restart-strategy.fixed-delay.attempts', 'Maximum number of restart attempts must be at least 0.');
  check(delay >= 0, 'restart-strategy.fixed-delay.delay', 'Backoff time between restart attempts must be at least 0 ms.');
  let attempt = 0;
  return {
    type: 'fixed-delay',
    onFailure: () => (++attempt <= attempts ? { restart: true, delay } : { restart: false }),
    toString: () => `FixedDelayRestartBackoffTimeStrategy(maxNumberRestartAttempts=${attempts}, backoffTimeMS=${delay})`,
  };
}

/**
 * FailureRateRestartBackoffTimeStrategy: restarts after `delay` unless this failure is more than
 * `maxFailures` within `interval` (the oldest of the last maxFailures + 1 failures is not older).
 */
export function failureRate(maxFailures: number, interval: number, delay: number, env: RestartEnv = SYSTEM): RestartStrategy {
  check(maxFailures > 0, 'restart-strategy.failure-rate.max-failures-per-interval', 'Maximum number of restart attempts per time unit must be greater than 0.');
  check(interval > 0, 'restart-strategy.failure-rate.failure-rate-interval', 'Failures interval must be greater than 0 ms.');
  check(delay >= 0, 'restart-strategy.failure-rate.delay', 'Backoff time must be at least 0 ms.');
  const failures: number[] = [];
  return {
    type: 'failure-rate',
    onFailure: () => {
      const now = env.now();
      if (failures.length > maxFailures) failures.shift();
      failures.push(now);
      const full = failures.length > maxFailures;
      return !full || now - failures[0]! > interval ? { restart: true, delay } : { restart: false };
    },
    // Flink's text, its doubled prefix and missing parenthesis included.
    toString: () => `FailureRateRestartBackoffTimeStrategy(FailureRateRestartBackoffTimeStrategy(failuresIntervalMS=${interval},backoffTimeMS=${delay},maxFailuresPerInterval=${maxFailures})`,
  };
}

export interface ExponentialDelaySettings {
  readonly initialBackoff: number;
  readonly maxBackoff: number;
  readonly multiplier: number;
  readonly resetThreshold: number;
  readonly jitter: number;
  readonly attemptsBeforeReset: number;
}

/** RestartStrategyOptions' exponential-delay defaults (Flink 1.20; the default strategy with checkpointing). */
export const EXPONENTIAL_DELAY_DEFAULTS: ExponentialDelaySettings = {
  initialBackoff: 1000, maxBackoff: 60_000, multiplier: 1.5, resetThreshold: 3_600_000, jitter: 0.1, attemptsBeforeReset: 2147483647,
};

/**
 * ExponentialDelayRestartBackoffTimeStrategy: the n-th restart waits initial × multiplier^(n-1),
 * ± jitter, capped at max-backoff. A failure after running `resetThreshold` since the last restart
 * starts again at the initial backoff and attempt 1; more than `attemptsBeforeReset` restarts fail the job.
 */
export function exponentialDelay(s: ExponentialDelaySettings, env: RestartEnv = SYSTEM): RestartStrategy {
  const key = (k: string) => `restart-strategy.exponential-delay.${k}`;
  check(s.initialBackoff >= 1, key('initial-backoff'), 'Initial backoff must be at least 1.');
  check(s.maxBackoff >= 1, key('max-backoff'), 'Maximum backoff must be at least 1.');
  check(s.initialBackoff <= s.maxBackoff, key('initial-backoff'), 'Initial backoff cannot be higher than maximum backoff.');
  check(s.multiplier > 1, key('backoff-multiplier'), 'Backoff multiplier must be greater than 1.');
  check(s.resetThreshold >= 1, key('reset-backoff-threshold'), 'Threshold duration for exponential backoff reset must be at least 1.');
  check(s.jitter >= 0 && s.jitter <= 1, key('jitter-factor'), 'Jitter factor must be >= 0 and <= 1.');
  check(s.attemptsBeforeReset >= 1, key('attempts-before-reset-backoff'), 'The attemptsBeforeResetBackoff must be at least 1.');
  // Flink starts at Integer.MIN_VALUE, so the first failure always begins at the initial backoff.
  let nextRestart = -2147483648;
  let attempt = 0;
  const backoff = () => {
    // Capped so that jitter arithmetic stays finite after many attempts (Java's long cast saturates).
    const current = Math.min(Math.floor(s.initialBackoff * s.multiplier ** attempt), Number.MAX_SAFE_INTEGER / 4);
    const offset = Math.floor(current * s.jitter);
    const jitter = offset === 0 ? 0 : -offset + Math.floor(env.random() * (2 * offset + 1));
    return Math.max(s.initialBackoff, Math.min(current + jitter, s.maxBackoff));
  };
  return {
    type: 'exponential-delay',
    onFailure: () => {
      const now = env.now();
      // A failure before the pending restart is the same attempt (Flink merges concurrent task failures).
      if (now > nextRestart) {
        if (now - nextRestart >= s.resetThreshold) attempt = 0;
        nextRestart = now + backoff();
        attempt++;
      }
      return attempt <= s.attemptsBeforeReset ? { restart: true, delay: Math.max(0, nextRestart - now) } : { restart: false };
    },
    toString: () =>
      `ExponentialDelayRestartBackoffTimeStrategy(initialBackoffMS=${s.initialBackoff}, maxBackoffMS=${s.maxBackoff}, backoffMultiplier=${javaDouble(s.multiplier)}, ` +
      `resetBackoffThresholdMS=${s.resetThreshold}, jitterFactor=${javaDouble(s.jitter)}, attemptsBeforeResetBackoff=${s.attemptsBeforeReset}, ` +
      `currentRestartAttempt=${attempt}, nextRestartTimestamp=${nextRestart})`,
  };
}

/**
 * The session's restart strategy (RestartBackoffTimeStrategyFactoryLoader): `restart-strategy.type`
 * with its options, else as Flink 1.20 defaults: exponential-delay when checkpointing is enabled,
 * no restarts otherwise.
 */
export function restartStrategy(config: SessionConfig, checkpointing: boolean, env: RestartEnv = SYSTEM): RestartStrategy {
  const options: OptionMap = new Map(config.entries());
  const typeKey = options.has(TYPE_KEY) || !options.has(DEPRECATED_TYPE_KEY) ? TYPE_KEY : DEPRECATED_TYPE_KEY;
  const value = options.get(typeKey);
  const type = value === undefined ? (checkpointing ? 'exponential-delay' : 'disable') : parseType(typeKey, value);
  switch (type) {
    case 'disable':
      return noRestart();
    case 'fixed-delay':
      return fixedDelay(readInt(options, 'restart-strategy.fixed-delay.attempts', 1), readDuration(options, 'restart-strategy.fixed-delay.delay', 1000));
    case 'failure-rate':
      return failureRate(
        readInt(options, 'restart-strategy.failure-rate.max-failures-per-interval', 1),
        readDuration(options, 'restart-strategy.failure-rate.failure-rate-interval', 60_000),
        readDuration(options, 'restart-strategy.failure-rate.delay', 1000),
        env,
      );
    case 'exponential-delay': {
      const d = EXPONENTIAL_DELAY_DEFAULTS;
      const key = (k: string) => `restart-strategy.exponential-delay.${k}`;
      return exponentialDelay({
        initialBackoff: readDuration(options, key('initial-backoff'), d.initialBackoff),
        maxBackoff: readDuration(options, key('max-backoff'), d.maxBackoff),
        multiplier: readDouble(options, key('backoff-multiplier'), d.multiplier),
        resetThreshold: readDuration(options, key('reset-backoff-threshold'), d.resetThreshold),
        jitter: readDouble(options, key('jitter-factor'), d.jitter),
        attemptsBeforeReset: readInt(options, key('attempts-before-reset-backoff'), d.attemptsBeforeReset),
      }, env);
    }
  }
}

function parseType(key: string, value: string): RestartStrategyType {
  const name = value.trim().toLowerCase();
  for (const [type, names] of Object.entries(TYPE_NAMES) as [RestartStrategyType, readonly string[]][]) if (names.includes(name)) return type;
  const accepted = Object.values(TYPE_NAMES).flat().join(', ');
  throw new PlanError(`Invalid value for option '${key}'.`, undefined, `${value} is an unknown value of RestartStrategyType. Accepted values: ${accepted}.`);
}

/** Flink's checkArgument in each strategy's constructor, naming the option to fix. */
function check(ok: boolean, key: string, message: string): void {
  if (!ok) throw new PlanError(`Invalid value for option '${key}'.`, undefined, message);
}
