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
  /** Lookups in flight at once (async lookups; 1 = one after another). Results keep input order. */
  readonly inFlight: number;
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
    const { leftKeys, lookup, rightCalc, matches, outer, inFlight } = this.spec;
    let found: (readonly Row[])[] = [];
    for (let i = 0; i < chunk.rows.length; i++) {
      const row = chunk.rows[i]!;
      const kind = chunk.kinds ? chunk.kinds[i]! : RowKind.INSERT;
      // Start the lookups of the next `inFlight` rows together (Flink's ORDERED async output).
      if (i % inFlight === 0) found = await Promise.all(chunk.rows.slice(i, i + inFlight).map((r) => lookup.lookup(leftKeys.map((k) => r[k]))));
      const rowsFound = found[i % inFlight]!;
      const right = rightCalc && rowsFound.length > 0 ? rightCalc([...rowsFound]) : rowsFound;
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
