/**
 * Event number → the nexmark table's row `[event_type, person, auction, bid]` (the other two
 * ROWs NULL). Pure in the event number: the random stream is re-keyed per event, so chunking
 * and subtask splits do not change any event.
 */
import type { Row } from '../../types/row.js';
import { Timestamp } from '../../types/values.js';
import { auctionRow } from './auction-row.js';
import { bidRow } from './bid-row.js';
import { Channels } from './channels.js';
import { EventIds } from './event-ids.js';
import { EventTiming } from './event-timing.js';
import { BASE_TIME_MILLIS, EVENT_AUCTION, EVENT_PERSON, NUM_IN_FLIGHT_AUCTIONS, type NexmarkConfig } from './nexmark-config.js';
import { personRow } from './person-row.js';
import { SeededRandom } from './seeded-random.js';
import { TextPool } from './text-pool.js';

export class NexmarkGenerator {
  readonly ids: EventIds;
  readonly timing: EventTiming;
  private readonly rnd: SeededRandom;
  private readonly text: TextPool;
  private readonly channels: Channels;
  /** Events between an auction and the one 100 auctions later (the expiry horizon). */
  private readonly auctionSpan: number;
  /** At high rates thousands of events share a millisecond; they share one immutable Timestamp. */
  private lastTs: Timestamp = Timestamp.ofMillis(Number.NaN);

  constructor(config: NexmarkConfig) {
    this.ids = new EventIds(config.personProportion, config.auctionProportion, config.bidProportion);
    this.timing = new EventTiming(BASE_TIME_MILLIS, config.firstEventRate, config.nextEventRate);
    this.rnd = new SeededRandom(config.seed);
    this.text = new TextPool(config.seed);
    this.channels = new Channels(config.seed);
    this.auctionSpan = config.auctionProportion > 0 ? Math.floor((NUM_IN_FLIGHT_AUCTIONS * this.ids.total) / config.auctionProportion) : 0;
  }

  /** The row of event `n` (0-based; the event id is `n`). */
  event(n: number): Row {
    const millis = this.timing.timestampOf(n);
    let ts = this.lastTs;
    if (ts.millis !== millis) this.lastTs = ts = Timestamp.ofMillis(millis);
    const rnd = this.rnd;
    rnd.reset(n);
    const kind = this.ids.kindOf(n);
    if (kind === EVENT_PERSON) return [kind, personRow(n, ts, this.ids, rnd, this.text), null, null];
    if (kind === EVENT_AUCTION) {
      const horizon = this.timing.timestampOf(n + this.auctionSpan) - millis;
      return [kind, null, auctionRow(n, ts, horizon, this.ids, rnd, this.text), null];
    }
    return [kind, null, null, bidRow(n, ts, this.ids, rnd, this.text, this.channels)];
  }
}
