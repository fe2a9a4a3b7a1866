/**
 * Random text without per-character work: strings are slices of two pools built once per
 * generator (letters only, and letters with Nexmark's one-in-13 spaces), so a string costs one
 * random offset. Pools depend on the seed, so seeds differ in text as well as in picks.
 */
import { SeededRandom } from './seeded-random.js';

const POOL_SIZE = 1 << 16;
/** Nexmark's shortest random string. */
const MIN_STRING_LENGTH = 3;
/** Keys the pools' random stream apart from the events' (ids far below this in any real run). */
const POOL_KEY = Number.MAX_SAFE_INTEGER;

/** Built as bytes and decoded once: a flat one-byte string, cheap to slice. */
function poolOf(rnd: SeededRandom, special: number | null): string {
  const bytes = Buffer.allocUnsafe(POOL_SIZE);
  for (let i = 0; i < POOL_SIZE; i++) bytes[i] = special !== null && rnd.nextInt(13) === 0 ? special : 97 + rnd.nextInt(26);
  return bytes.toString('latin1');
}

export class TextPool {
  private readonly letters: string;
  private readonly spaced: string;

  constructor(seed: bigint) {
    const rnd = new SeededRandom(seed);
    rnd.reset(POOL_KEY);
    this.letters = poolOf(rnd, null);
    this.spaced = poolOf(rnd, 0x20);
  }

  /** Exactly `len` lowercase letters. */
  letterString(rnd: SeededRandom, len: number): string {
    const n = Math.min(len, POOL_SIZE);
    const at = rnd.nextInt(POOL_SIZE - n + 1);
    return this.letters.slice(at, at + n);
  }

  /** Nexmark's random string: 3 to maxLength-1 chars, letters with some spaces, trimmed. */
  spacedString(rnd: SeededRandom, maxLength: number): string {
    const len = MIN_STRING_LENGTH + rnd.nextInt(maxLength - MIN_STRING_LENGTH);
    const at = rnd.nextInt(POOL_SIZE - len + 1);
    return this.spaced.slice(at, at + len).trim();
  }

  /**
   * Padding that brings an event of `currentSize` bytes to `averageSize` on average: a length
   * uniform within ±20 % of the shortfall, none when the event is already large enough.
   */
  extra(rnd: SeededRandom, currentSize: number, averageSize: number): string {
    if (currentSize > averageSize) return '';
    const wanted = averageSize - currentSize;
    const delta = Math.round(wanted * 0.2);
    const len = wanted - delta + (delta === 0 ? 0 : rnd.nextInt(2 * delta));
    return this.letterString(rnd, len);
  }
}

/** A short random string with `special` one time in 13 (URL path parts use '_'); built char by char, for set-up only. */
export function smallString(rnd: SeededRandom, maxLength: number, special: string): string {
  let len = MIN_STRING_LENGTH + rnd.nextInt(maxLength - MIN_STRING_LENGTH);
  let s = '';
  while (len-- > 0) s += rnd.nextInt(13) === 0 ? special : String.fromCharCode(97 + rnd.nextInt(26));
  return s;
}
