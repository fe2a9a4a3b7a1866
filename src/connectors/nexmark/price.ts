/** Nexmark's price: log-uniform from 1.00 to 1,000,000.00 in cents, `round(10^(rand*6) * 100)`. */
import type { SeededRandom } from './seeded-random.js';

export function nextPrice(rnd: SeededRandom): number {
  return Math.round(Math.pow(10, rnd.nextDouble() * 6) * 100);
}
