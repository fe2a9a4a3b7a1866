/**
 * The nexmark connector's WITH options (the reference suite's keys) and their reading into a
 * NexmarkConfig, with Flink's messages for unparsable values.
 */
import type { ConfigOption } from '../../catalog/config-option.js';
import { readInt, readLong, type OptionMap } from '../../catalog/option-readers.js';
import { PlanError } from '../../types/errors.js';
import { DEFAULT_CONFIG, type NexmarkConfig } from './nexmark-config.js';

const opt = (key: string, description: string, defaultValue?: string): ConfigOption =>
  defaultValue === undefined ? { key, description } : { key, description, defaultValue };

export const NEXMARK_OPTIONS = {
  firstEventRate: opt('first-event.rate', 'Events per second of event time (spaces the timestamps; emission is not throttled).', '10000000'),
  nextEventRate: opt('next-event.rate', 'Events per second in the alternate half of each 10-minute rate period; defaults to first-event.rate.'),
  eventsNum: opt('events.num', 'Total number of events; 0 means unbounded.', '0'),
  personProportion: opt('person.proportion', 'People among each person + auction + bid events.', '1'),
  auctionProportion: opt('auction.proportion', 'Auctions among each person + auction + bid events.', '3'),
  bidProportion: opt('bid.proportion', 'Bids among each person + auction + bid events.', '46'),
  seed: opt('seed', 'Seed of the generator: the same seed gives the same events.', '0'),
} as const;

function positive(key: string, value: number): number {
  if (!(value > 0)) throw new PlanError(`Invalid value for option '${key}'.`, undefined, `'${key}' must be greater than 0, but is ${value}.`);
  return value;
}

function notNegative(key: string, value: number): number {
  if (value < 0) throw new PlanError(`Invalid value for option '${key}'.`, undefined, `'${key}' must not be negative, but is ${value}.`);
  return value;
}

export function readNexmarkConfig(options: OptionMap): NexmarkConfig {
  const O = NEXMARK_OPTIONS;
  const firstEventRate = positive(O.firstEventRate.key, readInt(options, O.firstEventRate.key, DEFAULT_CONFIG.firstEventRate));
  const nextEventRate = positive(O.nextEventRate.key, readInt(options, O.nextEventRate.key, firstEventRate));
  const events = readLong(options, O.eventsNum.key, 0n);
  // Event ids are JS numbers: exact up to 2^53, far beyond any run.
  if (events > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new PlanError(`Invalid value for option '${O.eventsNum.key}'.`, undefined, `'${O.eventsNum.key}' must be at most ${Number.MAX_SAFE_INTEGER}, but is ${events}.`);
  }
  const eventsNum = notNegative(O.eventsNum.key, Number(events));
  const personProportion = notNegative(O.personProportion.key, readInt(options, O.personProportion.key, DEFAULT_CONFIG.personProportion));
  const auctionProportion = notNegative(O.auctionProportion.key, readInt(options, O.auctionProportion.key, DEFAULT_CONFIG.auctionProportion));
  const bidProportion = notNegative(O.bidProportion.key, readInt(options, O.bidProportion.key, DEFAULT_CONFIG.bidProportion));
  if (personProportion + auctionProportion + bidProportion === 0) {
    throw new PlanError(
      `Invalid value for option '${O.bidProportion.key}'.`,
      undefined,
      `'${O.personProportion.key}', '${O.auctionProportion.key}' and '${O.bidProportion.key}' must not all be 0.`,
    );
  }
  const seed = readLong(options, O.seed.key, DEFAULT_CONFIG.seed);
  return { firstEventRate, nextEventRate, eventsNum, personProportion, auctionProportion, bidProportion, seed };
}
