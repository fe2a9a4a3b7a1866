/**
 * An auction event's ROW<id, itemName, description, initialBid, reserve, dateTime, expires,
 * seller, category, extra>. Sellers are hot three times in four; an auction runs until a random
 * time within twice the event-time span of the next 100 auctions' worth of events.
 */
import type { Row } from '../../types/row.js';
import { Timestamp } from '../../types/values.js';
import type { EventIds } from './event-ids.js';
import { AVG_AUCTION_BYTES, FIRST_AUCTION_ID, FIRST_CATEGORY_ID, FIRST_PERSON_ID, HOT_SELLER_RATIO, NUM_CATEGORIES } from './nexmark-config.js';
import { nextPrice } from './price.js';
import type { SeededRandom } from './seeded-random.js';
import type { TextPool } from './text-pool.js';

/**
 * `horizonMillis`: event time from this auction to the event 100 auctions later; the auction
 * expires 1 ms to twice that after its dateTime.
 */
export function auctionRow(eventId: number, dateTime: Timestamp, horizonMillis: number, ids: EventIds, rnd: SeededRandom, text: TextPool): Row {
  const id = ids.lastAuction(eventId) + FIRST_AUCTION_ID;
  const seller = (rnd.nextInt(HOT_SELLER_RATIO) > 0 ? ids.hotPerson(eventId) : ids.randomPerson(eventId, rnd)) + FIRST_PERSON_ID;
  const category = FIRST_CATEGORY_ID + rnd.nextInt(NUM_CATEGORIES);
  const initialBid = nextPrice(rnd);
  const expires = dateTime.millis + 1 + rnd.nextInt(Math.max(horizonMillis * 2, 1));
  const itemName = text.spacedString(rnd, 20);
  const description = text.spacedString(rnd, 100);
  const reserve = initialBid + nextPrice(rnd);
  // Size as Nexmark counts it: 8 bytes for the id and for each of five other numbers and times, plus the text.
  const size = 8 + itemName.length + description.length + 8 * 5;
  const extra = text.extra(rnd, size, AVG_AUCTION_BYTES);
  return [BigInt(id), itemName, description, BigInt(initialBid), BigInt(reserve), dateTime, Timestamp.ofMillis(expires), BigInt(seller), BigInt(category), extra];
}
