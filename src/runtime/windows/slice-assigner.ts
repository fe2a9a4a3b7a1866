/**
 * Flink's slicing windows (SliceAssigners): time is cut into slices so that overlapping windows
 * share state. TUMBLE: one slice per window. HOP(size, slide): slices of gcd(size, slide), each
 * window is size/sliceSize slices. CUMULATE(step, maxSize): slices of `step`; the windows of one
 * maxSize period all start at the period's start. Times here are "window time": epoch millis
 * for TIMESTAMP rowtimes, local wall-clock millis for TIMESTAMP_LTZ (see time-shift.ts).
 */
export interface SliceAssigner {
  readonly kind: 'TUMBLE' | 'HOP' | 'CUMULATE';
  /** End (exclusive) of the slice holding `t`. */
  sliceEnd(t: number): number;
  /** Ends of the windows a slice belongs to, ascending. */
  windowEndsOf(sliceEnd: number): number[];
  /** Ends of the slices a window is made of. */
  slicesOf(windowEnd: number): number[];
  windowStart(windowEnd: number): number;
  /** The last window that needs this slice: the slice's state can go once it has fired. */
  lastWindowEnd(sliceEnd: number): number;
  /** For EXPLAIN: e.g. `slice=[2 s]`. */
  readonly sliceSize: number;
}

/** Flink's TimeWindow.getWindowStartWithOffset. */
export function windowStartWithOffset(t: number, offset: number, size: number): number {
  const remainder = (t - offset) % size;
  return remainder < 0 ? t - (remainder + size) : t - remainder;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

export function tumbleSlices(size: number, offset = 0): SliceAssigner {
  return {
    kind: 'TUMBLE',
    sliceSize: size,
    sliceEnd: (t) => windowStartWithOffset(t, offset, size) + size,
    windowEndsOf: (sliceEnd) => [sliceEnd],
    slicesOf: (windowEnd) => [windowEnd],
    windowStart: (windowEnd) => windowEnd - size,
    lastWindowEnd: (sliceEnd) => sliceEnd,
  };
}

export function hopSlices(size: number, slide: number, offset = 0): SliceAssigner {
  const sliceSize = gcd(size, slide);
  const sliceEnd = (t: number) => windowStartWithOffset(t, offset, sliceSize) + sliceSize;
  // Window ends are slide-aligned: the first window holding the slice ends at the next slide boundary.
  const firstWindowEnd = (end: number) => windowStartWithOffset(end - 1, offset, slide) + slide;
  return {
    kind: 'HOP',
    sliceSize,
    sliceEnd,
    windowEndsOf: (end) => {
      const ends: number[] = [];
      for (let e = firstWindowEnd(end); e - size < end; e += slide) ends.push(e);
      return ends;
    },
    slicesOf: (windowEnd) => {
      const ends: number[] = [];
      for (let e = windowEnd - size + sliceSize; e <= windowEnd; e += sliceSize) ends.push(e);
      return ends;
    },
    windowStart: (windowEnd) => windowEnd - size,
    lastWindowEnd: (end) => {
      let e = firstWindowEnd(end);
      while (e + slide - size < end) e += slide;
      return e;
    },
  };
}

export function cumulateSlices(step: number, maxSize: number, offset = 0): SliceAssigner {
  const periodStart = (t: number) => windowStartWithOffset(t, offset, maxSize);
  return {
    kind: 'CUMULATE',
    sliceSize: step,
    sliceEnd: (t) => windowStartWithOffset(t, offset, step) + step,
    windowEndsOf: (end) => {
      const last = periodStart(end - 1) + maxSize;
      const ends: number[] = [];
      for (let e = end; e <= last; e += step) ends.push(e);
      return ends;
    },
    slicesOf: (windowEnd) => {
      const start = periodStart(windowEnd - 1);
      const ends: number[] = [];
      for (let e = start + step; e <= windowEnd; e += step) ends.push(e);
      return ends;
    },
    windowStart: (windowEnd) => periodStart(windowEnd - 1),
    lastWindowEnd: (end) => periodStart(end - 1) + maxSize,
  };
}
