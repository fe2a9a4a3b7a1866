/**
 * An operator's own watermark, kept across a restore. Channel merges downstream start empty after
 * a restore, so the restored watermark must go out once more: an input that had ended sends its
 * final watermark again and nothing after it.
 */
export class OperatorWatermark {
  /** The watermark (what decides which rows are late). */
  value = -Infinity;
  /** Restored and not passed on since. */
  private restored = false;

  /**
   * What to do with a new watermark: 'advance' (it is above the value, which it becomes: fire what
   * is due, pass it on), 'repeat' (once after a restore, it equals the restored value: pass it on,
   * fire nothing) or 'ignore' it.
   */
  step(watermark: number): 'advance' | 'repeat' | 'ignore' {
    if (watermark > this.value) {
      this.value = watermark;
      this.restored = false;
      return 'advance';
    }
    if (!this.restored || watermark !== this.value || watermark === -Infinity) return 'ignore';
    this.restored = false;
    return 'repeat';
  }

  restore(watermark: number): void {
    this.value = watermark;
    this.restored = true;
  }
}
