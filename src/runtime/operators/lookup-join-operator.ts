import type { LookupFunction } from '../../connectors/connector.js';
import type { Chunk, Row } from '../../types/row.js';
import { RowKind } from '../../types/row.js';
import type { Operator, Output } from './operator.js';

export interface LookupJoinSpec {
  /** LEFT join: a probe row without a matching table row is padded with NULLs. */
  readonly outer: boolean;
  /** Positions of the lookup key in the probe row, in the lookup function's key order. */
  readonly leftKeys: readonly number[];
  readonly lookup: LookupFunction;
  /** The Calc between the table and the join (projection, filter), applied to the looked-up rows. */
  readonly rightCalc?: (rows: Row[]) => Row[];
  readonly rightWidth: number;
  /** The whole join condition over [probe…, table…] (the equi-keys and any remaining predicate). */
  readonly matches: (joined: Row) => boolean;
}

/**
 * Processing-time lookup join (Flink's LookupJoinRunner / LookupJoinWithCalcRunner): each probe row
 * looks up the dimension table by its key as of now — the connector's cache options decide how
 * fresh that is — keeps the rows that satisfy the remaining condition, and emits probe ⋈ table rows
 * with the probe row's kind (the changelog passes through). INNER drops misses; LEFT pads NULLs.
 * Stateless: nothing is stored for checkpoints.
 */
export class LookupJoinOperator implements Operator {
  private readonly nulls: Row;

  constructor(
    readonly name: string,
    private readonly spec: LookupJoinSpec,
    private readonly out: Output,
  ) {
    this.nulls = new Array<unknown>(spec.rightWidth).fill(null);
  }

  /** A FULL cache loads its table at job start, before the first probe row (Flink's LookupFullCache.open). */
  async open(): Promise<void> {
    await this.spec.lookup.open?.();
  }

  async processChunk(chunk: Chunk, _input: number): Promise<void> {
    const rows: Row[] = [];
    const kinds: RowKind[] = [];
    let allInserts = true;
    const { leftKeys, lookup, rightCalc, matches, outer } = this.spec;
    for (let i = 0; i < chunk.rows.length; i++) {
      const row = chunk.rows[i]!;
      const kind = chunk.kinds ? chunk.kinds[i]! : RowKind.INSERT;
      const found = await lookup.lookup(leftKeys.map((k) => row[k]));
      const right = rightCalc && found.length > 0 ? rightCalc([...found]) : found;
      let matched = false;
      for (const r of right) {
        const joined = [...row, ...r];
        if (!matches(joined)) continue;
        matched = true;
        rows.push(joined);
        kinds.push(kind);
      }
      if (!matched && outer) {
        rows.push([...row, ...this.nulls]);
        kinds.push(kind);
      }
      if (kind !== RowKind.INSERT) allInserts = false;
    }
    if (rows.length > 0) await this.out.emit({ rows, kinds: allInserts ? null : kinds });
  }

  processWatermark(watermark: number): void | Promise<void> {
    return this.out.emitWatermark(watermark);
  }

  async close(): Promise<void> {
    await this.spec.lookup.close?.();
  }
}
