/**
 * Event kinds and ids derive from the event id alone (no counters), so any event can be
 * generated on its own: within each epoch of `total` ids come `person` people, then `auction`
 * auctions, then bids (1 / 3 / 46 of every 50 by default).
 */
import type { SeededRandom } from './seeded-random.js';
import { AUCTION_ID_LEAD, EVENT_AUCTION, EVENT_BID, EVENT_PERSON, HOT_BATCH, NUM_ACTIVE_PEOPLE, NUM_IN_FLIGHT_AUCTIONS, PERSON_ID_LEAD } from './nexmark-config.js';

export class EventIds {
  readonly total: number;

  constructor(
    readonly person: number,
    readonly auction: number,
    readonly bid: number,
  ) {
    this.total = person + auction + bid;
  }

  /** 0 person, 1 auction, 2 bid. */
  kindOf(eventId: number): number {
    const offset = eventId % this.total;
    return offset < this.person ? EVENT_PERSON : offset < this.person + this.auction ? EVENT_AUCTION : EVENT_BID;
  }

  /** Base-0 id of the newest person at this event (the person itself for a person event); -1 before any. */
  lastPerson(eventId: number): number {
    const epoch = Math.floor(eventId / this.total);
    const offset = Math.min(eventId % this.total, this.person - 1);
    return epoch * this.person + offset;
  }

  /** Base-0 id of the newest auction at this event (the auction itself for an auction event); -1 before any. */
  lastAuction(eventId: number): number {
    let epoch = Math.floor(eventId / this.total);
    let offset = eventId % this.total;
    if (offset < this.person) {
      // The epoch's auctions have not started yet: the newest is the previous epoch's last.
      epoch--;
      offset = this.auction - 1;
    } else if (offset >= this.person + this.auction) {
      offset = this.auction - 1;
    } else {
      offset -= this.person;
    }
    return epoch * this.auction + offset;
  }

  /** A random active person (base 0): one of the latest 1000, or up to 10 not yet generated. */
  randomPerson(eventId: number, rnd: SeededRandom): number {
    const count = Math.max(this.lastPerson(eventId) + 1, 0);
    const active = Math.min(count, NUM_ACTIVE_PEOPLE);
    return count - active + rnd.nextInt(active + PERSON_ID_LEAD);
  }

  /** A random in-flight auction (base 0): one of the latest 100, or up to 10 not yet generated. */
  randomAuction(eventId: number, rnd: SeededRandom): number {
    const last = Math.max(this.lastAuction(eventId), 0);
    const min = Math.max(last - NUM_IN_FLIGHT_AUCTIONS, 0);
    return min + rnd.nextInt(last - min + 1 + AUCTION_ID_LEAD);
  }

  /** The hot person (base 0): the first of the latest batch of 100. */
  hotPerson(eventId: number): number {
    return Math.max(Math.floor(this.lastPerson(eventId) / HOT_BATCH) * HOT_BATCH, 0);
  }

  /** The hot auction (base 0): the first of the latest batch of 100. */
  hotAuction(eventId: number): number {
    return Math.max(Math.floor(this.lastAuction(eventId) / HOT_BATCH) * HOT_BATCH, 0);
  }
}
