/**
 * The Nexmark generator's fixed model parameters and the per-table settings read from options.
 * The numbers are the benchmark's published model (see the reference notes), not tuning knobs.
 */

/** Ids start here, so base-0 ids become 1000, 1001, … */
export const FIRST_PERSON_ID = 1000;
export const FIRST_AUCTION_ID = 1000;
export const FIRST_CATEGORY_ID = 10;
export const NUM_CATEGORIES = 5;

/** People a bid or auction may refer to: the most recent ones. */
export const NUM_ACTIVE_PEOPLE = 1000;
/** Auctions a bid may refer to: the most recent ones. */
export const NUM_IN_FLIGHT_AUCTIONS = 100;
/** Nexmark lets references run a little ahead of the newest id (people and auctions yet to come). */
export const PERSON_ID_LEAD = 10;
export const AUCTION_ID_LEAD = 10;

/** "Hot" ids are the first of the latest batch of this many. */
export const HOT_BATCH = 100;
/** One in `ratio` picks is random, the rest hit the hot id. */
export const HOT_AUCTION_RATIO = 2;
export const HOT_SELLER_RATIO = 4;
export const HOT_BIDDER_RATIO = 4;
/** Half the bids come from the four well-known channels. */
export const HOT_CHANNEL_RATIO = 2;
export const NUM_CHANNELS = 10000;

/** Average event sizes in bytes; `extra` pads each event towards these. */
export const AVG_PERSON_BYTES = 200;
export const AVG_AUCTION_BYTES = 500;
export const AVG_BID_BYTES = 100;

/**
 * Event time of event 0. Nexmark's wall-clock base would make runs differ; weir keeps a fixed
 * base (Nexmark's own non-wall-clock base time, 2015-07-15T00:00:00Z) so a seed fixes everything.
 */
export const BASE_TIME_MILLIS = Date.UTC(2015, 6, 15);
/** With two rates, the generator alternates between them in steps of half this period (square shape). */
export const RATE_PERIOD_SEC = 600;

export const EVENT_PERSON = 0;
export const EVENT_AUCTION = 1;
export const EVENT_BID = 2;

/** What one nexmark table generates, from its WITH options. */
export interface NexmarkConfig {
  /** Events per second of event time during the first step. */
  readonly firstEventRate: number;
  /** Events per second during the alternate step (equal to the first: one constant rate). */
  readonly nextEventRate: number;
  /** Total events; 0 = unbounded. */
  readonly eventsNum: number;
  readonly personProportion: number;
  readonly auctionProportion: number;
  readonly bidProportion: number;
  readonly seed: bigint;
}

export const DEFAULT_CONFIG: NexmarkConfig = {
  firstEventRate: 10_000_000,
  nextEventRate: 10_000_000,
  eventsNum: 0,
  personProportion: 1,
  auctionProportion: 3,
  bidProportion: 46,
  seed: 0n,
};
