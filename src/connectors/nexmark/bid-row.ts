/**
 * A bid event's ROW<auction, bidder, price, channel, url, dateTime, extra>. Half the bids go to
 * the hot auction, three in four come from the hot bidder, half use a well-known channel.
 */
import type { Row } from '../../types/row.js';
import type { Timestamp } from '../../types/values.js';
import type { Channels } from './channels.js';
import type { EventIds } from './event-ids.js';
import { AVG_BID_BYTES, FIRST_AUCTION_ID, FIRST_PERSON_ID, HOT_AUCTION_RATIO, HOT_BIDDER_RATIO, HOT_CHANNEL_RATIO, NUM_CHANNELS } from './nexmark-config.js';
import { nextPrice } from './price.js';
import type { SeededRandom } from './seeded-random.js';
import type { TextPool } from './text-pool.js';

/** Nexmark counts a bid's four numbers and time as 32 bytes before padding. */
const BID_SIZE = 8 * 4;

export function bidRow(eventId: number, dateTime: Timestamp, ids: EventIds, rnd: SeededRandom, text: TextPool, channels: Channels): Row {
  const auction = (rnd.nextInt(HOT_AUCTION_RATIO) > 0 ? ids.hotAuction(eventId) : ids.randomAuction(eventId, rnd)) + FIRST_AUCTION_ID;
  // The reference adds the first person id twice to bidders; weir adds it once, so bidders are person ids.
  const bidder = (rnd.nextInt(HOT_BIDDER_RATIO) > 0 ? ids.hotPerson(eventId) : ids.randomPerson(eventId, rnd)) + FIRST_PERSON_ID;
  const price = nextPrice(rnd);
  let channel: string;
  let url: string;
  if (rnd.nextInt(HOT_CHANNEL_RATIO) > 0) {
    const i = rnd.nextInt(channels.hotNames.length);
    channel = channels.hotNames[i]!;
    url = channels.hotUrls[i]!;
  } else {
    const i = rnd.nextInt(NUM_CHANNELS);
    channel = channels.name(i);
    url = channels.url(i);
  }
  const extra = text.extra(rnd, BID_SIZE, AVG_BID_BYTES);
  return [BigInt(auction), BigInt(bidder), BigInt(price), channel, url, dateTime, extra];
}
