/**
 * Bid channels and their URLs, fixed per seed: four well-known channels and 10000
 * `channel-<i>`, 90 % of whose URLs carry `&channel_id=…`. Each is built once, so a bid only picks one.
 */
import { NUM_CHANNELS } from './nexmark-config.js';
import { SeededRandom } from './seeded-random.js';
import { smallString } from './text-pool.js';

export const HOT_CHANNELS: readonly string[] = ['Google', 'Facebook', 'Baidu', 'Apple'];

/** Keys the channels' random streams apart from the events' and the text pools' (below the pools' key). */
const HOT_KEY = Number.MAX_SAFE_INTEGER - 1;
const CHANNEL_KEY = Number.MAX_SAFE_INTEGER - 2;

/** `https://www.nexmark.com/<s>/<s>/<s>/item.htm?query=1` with short random path parts. */
function baseUrl(rnd: SeededRandom): string {
  return `https://www.nexmark.com/${smallString(rnd, 5, '_')}/${smallString(rnd, 5, '_')}/${smallString(rnd, 5, '_')}/item.htm?query=1`;
}

/** The channel number's 32 bits reversed, as a non-negative number: ids spread far apart. */
function channelId(i: number): number {
  let r = 0;
  for (let b = 0; b < 32; b++) r = (r << 1) | ((i >>> b) & 1);
  return Math.abs(r | 0);
}

/**
 * Channel i's URL comes from its own random stream (keyed by i), so the table can fill lazily
 * in any order and stay the same: start-up pays for no channel until a bid picks it.
 */
export class Channels {
  readonly hotNames: readonly string[] = HOT_CHANNELS;
  readonly hotUrls: readonly string[];
  private readonly rnd: SeededRandom;
  private readonly names: (string | undefined)[] = new Array(NUM_CHANNELS);
  private readonly urls: (string | undefined)[] = new Array(NUM_CHANNELS);

  constructor(seed: bigint) {
    this.rnd = new SeededRandom(seed);
    this.rnd.reset(HOT_KEY);
    this.hotUrls = HOT_CHANNELS.map(() => baseUrl(this.rnd));
  }

  /** `channel-<i>`, 0 ≤ i < 10000. */
  name(i: number): string {
    return this.names[i] ?? this.fill(i);
  }

  /** Channel i's URL; 90 % of channels carry `&channel_id=…`. */
  url(i: number): string {
    if (this.urls[i] === undefined) this.fill(i);
    return this.urls[i]!;
  }

  private fill(i: number): string {
    const rnd = this.rnd;
    rnd.reset(CHANNEL_KEY - i);
    const url = baseUrl(rnd);
    this.urls[i] = rnd.nextInt(10) > 0 ? `${url}&channel_id=${channelId(i)}` : url;
    return (this.names[i] = `channel-${i}`);
  }
}
