/**
 * What an operator whose watermark is `current` does with a new `watermark`: 'advance' (fire
 * what is due, pass it on), 'ignore' it, or — once after a restore (`restored`) — 'repeat' it:
 * pass the restored watermark on again without firing anything. Channel merges downstream start
 * empty after a restore, so they must hear it again: an input that had ended sends its final
 * watermark once more and nothing after it.
 */
export function watermarkStep(watermark: number, current: number, restored: boolean): 'advance' | 'repeat' | 'ignore' {
  if (watermark > current) return 'advance';
  return restored && watermark === current && current > -Infinity ? 'repeat' : 'ignore';
}
