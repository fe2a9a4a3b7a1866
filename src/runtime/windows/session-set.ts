/** One session window [start, end) and what it has collected. */
export interface Session<T> {
  start: number;
  end: number;
  value: T;
}

/*
 * The session windows of one key (Flink's MergingWindowSet for SESSION) are a plain array of
 * sessions, not a class, so checkpoints encode them as they are.
 */

/**
 * Adds an element at `t` to a key's sessions: it opens [t, t + gap) and merges with every session
 * it intersects (touching counts, as TimeWindow.intersects); `merge` combines two sessions' values
 * (earlier session first). Returns the session `t` ends up in, after merging.
 */
export function addToSessions<T>(sessions: Session<T>[], t: number, gap: number, create: () => T, merge: (earlier: T, later: T) => T): Session<T> {
  let start = t;
  let end = t + gap;
  const merged: Session<T>[] = [];
  for (const s of sessions) if (s.start <= end && start <= s.end) merged.push(s);
  if (merged.length === 0) {
    const s = { start, end, value: create() };
    sessions.push(s);
    return s;
  }
  merged.sort((a, b) => a.start - b.start);
  let value = merged[0]!.value;
  for (const s of merged) {
    start = Math.min(start, s.start);
    end = Math.max(end, s.end);
  }
  for (const s of merged.slice(1)) value = merge(value, s.value);
  const target = merged[0]!;
  target.start = start;
  target.end = end;
  target.value = value;
  for (const s of merged.slice(1)) sessions.splice(sessions.indexOf(s), 1);
  return target;
}

/** Removes and returns the sessions whose end is due (by `isDue`), oldest end first. */
export function takeDueSessions<T>(sessions: Session<T>[], isDue: (end: number) => boolean): Session<T>[] {
  const due = sessions.filter((s) => isDue(s.end)).sort((a, b) => a.end - b.end);
  for (const s of due) sessions.splice(sessions.indexOf(s), 1);
  return due;
}
