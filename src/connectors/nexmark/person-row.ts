/**
 * A person event's ROW<id, name, emailAddress, creditCard, city, state, dateTime, extra>:
 * Nexmark's name lists, a random email, a 16-digit card in groups of four, a western US city.
 */
import type { Row } from '../../types/row.js';
import type { Timestamp } from '../../types/values.js';
import type { EventIds } from './event-ids.js';
import { AVG_PERSON_BYTES, FIRST_PERSON_ID } from './nexmark-config.js';
import type { SeededRandom } from './seeded-random.js';
import type { TextPool } from './text-pool.js';

const FIRST_NAMES = ['Peter', 'Paul', 'Luke', 'John', 'Saul', 'Vicky', 'Kate', 'Julie', 'Sarah', 'Deiter', 'Walter'];
const LAST_NAMES = ['Shultz', 'Abrams', 'Spencer', 'White', 'Bartels', 'Walton', 'Smith', 'Jones', 'Noris'];
export const US_STATES: readonly string[] = ['AZ', 'CA', 'ID', 'OR', 'WA', 'WY'];
export const US_CITIES: readonly string[] = ['Phoenix', 'Los Angeles', 'San Francisco', 'Boise', 'Portland', 'Bend', 'Redmond', 'Seattle', 'Kent', 'Cheyenne'];

/** Every "First Last" pairing, built once. */
const FULL_NAMES: readonly string[] = FIRST_NAMES.flatMap((f) => LAST_NAMES.map((l) => `${f} ${l}`));
/** "0000" … "9999", so a card number is four lookups. */
const FOUR_DIGITS: readonly string[] = Array.from({ length: 10000 }, (_, i) => String(i).padStart(4, '0'));

export function personRow(eventId: number, dateTime: Timestamp, ids: EventIds, rnd: SeededRandom, text: TextPool): Row {
  const id = ids.lastPerson(eventId) + FIRST_PERSON_ID;
  const name = FULL_NAMES[rnd.nextInt(FULL_NAMES.length)]!;
  const email = `${text.spacedString(rnd, 7)}@${text.spacedString(rnd, 5)}.com`;
  const card = `${FOUR_DIGITS[rnd.nextInt(10000)]} ${FOUR_DIGITS[rnd.nextInt(10000)]} ${FOUR_DIGITS[rnd.nextInt(10000)]} ${FOUR_DIGITS[rnd.nextInt(10000)]}`;
  const city = US_CITIES[rnd.nextInt(US_CITIES.length)]!;
  const state = US_STATES[rnd.nextInt(US_STATES.length)]!;
  // Size as Nexmark counts it: the id's 8 bytes plus the text fields.
  const size = 8 + name.length + email.length + card.length + city.length + state.length;
  const extra = text.extra(rnd, size, AVG_PERSON_BYTES);
  return [BigInt(id), name, email, card, city, state, dateTime, extra];
}
