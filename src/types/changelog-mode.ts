import { RowKind } from './row.js';

/** The set of RowKinds a stream may contain, as Flink's ChangelogMode. */
export interface ChangelogMode {
  readonly kinds: ReadonlySet<RowKind>;
}

export const INSERT_ONLY: ChangelogMode = { kinds: new Set([RowKind.INSERT]) };
export const UPSERT: ChangelogMode = { kinds: new Set([RowKind.INSERT, RowKind.UPDATE_AFTER, RowKind.DELETE]) };
export const ALL: ChangelogMode = {
  kinds: new Set([RowKind.INSERT, RowKind.UPDATE_BEFORE, RowKind.UPDATE_AFTER, RowKind.DELETE]),
};

/** As EXPLAIN prints it: `I`, `I,UB,UA,D`. */
export function changelogModeString(mode: ChangelogMode): string {
  const names = ['I', 'UB', 'UA', 'D'];
  return [...mode.kinds].sort().map((k) => names[k]).join(',');
}
