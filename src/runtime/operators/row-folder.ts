import { RuntimeError } from '../../types/errors.js';
import type { Row } from '../../types/row.js';
import type { BoundAggregate } from './window-aggregate-operator.js';

/**
 * Folds input rows into a group's accumulators: +I/+U accumulate, -U/-D retract, FILTER and
 * grouping functions skip, arguments go through reused buffers (no array per row and aggregate).
 */
export class RowFolder {
  private readonly argBuffers: unknown[][];

  constructor(
    private readonly operatorName: string,
    private readonly aggs: readonly BoundAggregate[],
  ) {
    this.argBuffers = aggs.map((a) => new Array<unknown>(a.args.length));
  }

  fold(accs: unknown[], row: Row, retract: boolean): void {
    for (let a = 0; a < this.aggs.length; a++) {
      const agg = this.aggs[a]!;
      if (agg.grouping || (agg.filter !== undefined && row[agg.filter] !== true)) continue;
      const args = this.argBuffers[a]!;
      for (let j = 0; j < args.length; j++) args[j] = row[agg.args[j]!];
      if (!retract) accs[a] = agg.fn.accumulate(accs[a], args);
      else if (agg.fn.retract) accs[a] = agg.fn.retract(accs[a], args);
      else throw new RuntimeError(`${this.operatorName}: an aggregate cannot retract, but its input contains updates or deletes.`);
    }
  }
}
