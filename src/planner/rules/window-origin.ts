import { isTimeAttribute } from '../../types/data-type.js';
import type { PlanNode } from '../logical/plan-node.js';

/**
 * Whether the window columns reaching `node` come from windows aligned in the session time zone
 * (a TIMESTAMP_LTZ rowtime or processing time), found by walking down to the window operator.
 * Their window_end is then a local wall-clock time, and fires at the instant it stands for.
 */
export function localWindows(node: PlanNode): boolean {
  for (let n: PlanNode | undefined = node; n; ) {
    if (n.kind === 'WindowTvf' || n.kind === 'WindowAggregate') {
      const time = n.kind === 'WindowTvf' ? n.input.fields[n.timeIndex]!.type : timeOfWindowAggregate(n);
      return time.kind === 'TIMESTAMP_LTZ' || isTimeAttribute(time, 'PROCTIME');
    }
    if (n.kind === 'Aggregate' && n.window) return localWindows(n.window);
    n = n.kind === 'Calc' || n.kind === 'WatermarkAssigner' || n.kind === 'Over' || n.kind === 'Aggregate' || n.kind === 'WindowRank' ? n.input : undefined;
  }
  return false;
}

function timeOfWindowAggregate(n: Extract<PlanNode, { kind: 'WindowAggregate' }>) {
  const source = n.phase === 'global' && n.input.kind === 'WindowAggregate' ? n.input : n;
  return source.input.fields[source.timeIndex]!.type;
}
