/** Flink's RowKind, with its short strings as printed in changelogs. */
export const RowKind = { INSERT: 0, UPDATE_BEFORE: 1, UPDATE_AFTER: 2, DELETE: 3 } as const;
export type RowKind = (typeof RowKind)[keyof typeof RowKind];

export const ROW_KIND_SHORT: readonly string[] = ['+I', '-U', '+U', '-D'];

/** A row is a positional array of values (see values.ts). */
export type Row = unknown[];

/**
 * The unit operators exchange: rows and, per row, its kind. `kinds` is null when
 * every row is an INSERT (the common case for append-only streams).
 */
export interface Chunk {
  readonly rows: Row[];
  readonly kinds: RowKind[] | null;
}

export function insertChunk(rows: Row[]): Chunk {
  return { rows, kinds: null };
}

export function kindAt(chunk: Chunk, i: number): RowKind {
  return chunk.kinds === null ? RowKind.INSERT : chunk.kinds[i]!;
}
