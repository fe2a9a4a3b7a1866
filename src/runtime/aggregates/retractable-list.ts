/**
 * An arrival-ordered list with retraction, as the accumulators of Flink's ListAggWithRetract,
 * ArrayAgg and JsonArrayAgg functions: `list` holds the values in arrival order; a retraction
 * removes the first equal value, or is remembered in `retracted` when the value has not arrived
 * yet (changelogs may deliver -U before +I across merges).
 */
export interface RetractableList {
  list: unknown[];
  retracted: unknown[];
}

export type Equals = (a: unknown, b: unknown) => boolean;

export const emptyList = (): RetractableList => ({ list: [], retracted: [] });

function removeFirst(list: unknown[], v: unknown, eq: Equals): boolean {
  for (let i = 0; i < list.length; i++) {
    if (eq(list[i], v)) {
      list.splice(i, 1);
      return true;
    }
  }
  return false;
}

export function listAdd(acc: RetractableList, v: unknown): RetractableList {
  acc.list.push(v);
  return acc;
}

export function listRetract(acc: RetractableList, v: unknown, eq: Equals): RetractableList {
  if (!removeFirst(acc.list, v, eq)) acc.retracted.push(v);
  return acc;
}

/** Appends `other` (later rows), then settles pending retractions against the whole list. */
export function listMerge(acc: RetractableList, other: RetractableList, eq: Equals): RetractableList {
  if (other.list.length === 0 && other.retracted.length === 0) return acc;
  for (const v of other.list) acc.list.push(v);
  const pending = [...acc.retracted, ...other.retracted];
  acc.retracted = pending.filter((v) => !removeFirst(acc.list, v, eq));
  return acc;
}
