import { identifierString } from '../catalog/catalog-table.js';
import type { TableSource } from '../connectors/connector.js';
import { isTimeAttribute } from '../types/data-type.js';
import { PlanError } from '../types/errors.js';
import { typeToString } from '../types/type-string.js';
import { rexToString } from './explain-rex.js';
import { equiPairs } from './inference/upsert-keys.js';
import { belowCalcs, inputsOf, type JoinNode, type PlanNode, type SinkNode, type TableScan } from './logical/plan-node.js';
import { conjuncts } from './rex.js';

/** The table scan a join's right side reads, if it is a plain table (through projections and watermarks). */
function scanBelow(node: PlanNode): TableScan | undefined {
  const below = belowCalcs(node);
  return below.kind === 'TableScan' ? below : undefined;
}

/** The versioned side's rowtime column: Flink takes it only when there is exactly one. */
export function versionedRowtime(node: JoinNode): number | undefined {
  const rowtimes = node.right.fields.flatMap((f, i) => (isTimeAttribute(f.type, 'ROWTIME') ? [i] : []));
  return rowtimes.length === 1 ? rowtimes[0] : undefined;
}

/**
 * Flink's requirements on temporal joins, checked while planning in the order Flink's rules meet
 * them: the join type (Calcite's Correlate), a join key, a rowtime on the versioned side, its
 * primary key covered by the join key, the same rowtime type on both sides; proctime needs a lookup source.
 */
export function checkTemporalJoins(sinks: readonly SinkNode[], sources: ReadonlyMap<TableScan, TableSource>): void {
  const seen = new Set<PlanNode>();
  const visit = (node: PlanNode) => {
    if (seen.has(node)) return;
    seen.add(node);
    if (node.kind === 'Join' && node.temporal) checkTemporalJoin(node, sources);
    inputsOf(node).forEach(visit);
  };
  sinks.forEach(visit);
}

function checkTemporalJoin(node: JoinNode, sources: ReadonlyMap<TableScan, TableSource>): void {
  const scan = scanBelow(node.right);
  if (node.joinType !== 'INNER' && node.joinType !== 'LEFT') {
    // Flink fails while converting the query: FOR SYSTEM_TIME AS OF becomes a Correlate, which has no RIGHT or FULL form.
    throw new PlanError(`Correlate has invalid join type ${node.joinType}`, scan?.span, 'Temporal table joins support only INNER JOIN and LEFT JOIN.');
  }
  if (node.temporal === 'lookup') {
    if (scan && !sources.get(scan)?.supportsLookup) {
      throw new PlanError('Processing-time temporal join is not supported yet.', scan.span,
        `Connector '${scan.table.options.get('connector')}' of ${identifierString(scan.table.id)} is not a lookup source; lookup joins need one such as 'filesystem' (or 'jdbc' on Flink).`);
    }
    return;
  }
  if (equiPairs(node.condition, node.left.fields.length).length === 0) {
    throw new PlanError('Currently the join key in Temporal Table Join can not be empty.', scan?.span,
      'Join on an equality between a column of the left table and a column of the versioned table.');
  }
  const rightTime = versionedRowtime(node);
  if (rightTime === undefined) {
    throw new PlanError('Event-Time Temporal Table Join requires both primary key and row time attribute in versioned table, but no row time attribute can be found.', scan?.span,
      'Declare a WATERMARK on the versioned table, or join FOR SYSTEM_TIME AS OF a processing-time attribute (a lookup join).');
  }
  if (scan && !scan.table.primaryKey) {
    throw new PlanError(`Temporal Table Join requires primary key in versioned table, but no primary key can be found. The physical plan is:\n${logicalJoinText(node, rightTime)}`, scan.span,
      `Declare PRIMARY KEY (…) NOT ENFORCED on ${identifierString(scan.table.id)}, or join a versioned view.`);
  }
  if (scan) checkVersionKey(node, scan);
  const leftType = node.left.fields[node.temporalTime!]!.type;
  const rightType = node.right.fields[rightTime]!.type;
  if (leftType.kind !== rightType.kind) {
    throw new PlanError(`Event-Time Temporal Table Join requires same rowtime type in left table and versioned table, but the rowtime types are ${typeToString(leftType)} and ${typeToString(rightType)}.`, scan?.span,
      'Declare both rowtime columns as TIMESTAMP(3), or both as TIMESTAMP_LTZ(3).');
  }
}

/** An event-time temporal join must equate every primary-key column of the versioned table. */
function checkVersionKey(node: JoinNode, scan: TableScan): void {
  const pairs = equiPairs(node.condition, node.left.fields.length);
  const equated = pairs.map(([, r]) => node.right.fields[r]!.name);
  const pk = scan.table.primaryKey!.columns;
  if (pk.every((c) => equated.includes(c))) return;
  const condition = pairs.map(([l, r]) => `${node.left.fields[l]!.name}=${node.right.fields[r]!.name}`).join(',');
  throw new PlanError(`Temporal table's primary key [${pk.join(',')}] must be included in the equivalence condition of temporal join, but current temporal join condition is [${condition}].`, scan.span,
    `Join on every primary-key column of ${identifierString(scan.table.id)}: ${pk.map((c) => `… = ${c}`).join(' AND ')}.`);
}

/** The join as Flink's logical plan shows it before the primary key is known, with positional references. */
function logicalJoinText(node: JoinNode, rightTime: number): string {
  const width = node.left.fields.length;
  const pairs = equiPairs(node.condition, width);
  const ref = (i: number) => `$${i}`;
  const initial = `__INITIAL_TEMPORAL_JOIN_CONDITION(${ref(node.temporalTime!)}, ${ref(width + rightTime)}, `
    + `__TEMPORAL_JOIN_LEFT_KEY(${pairs.map(([l]) => ref(l)).join(', ')}), __TEMPORAL_JOIN_RIGHT_KEY(${pairs.map(([, r]) => ref(width + r)).join(', ')}))`;
  const parts = [...conjuncts(node.condition).map((c) => rexToString(c, [])), initial];
  return `FlinkLogicalJoin(condition=[AND(${parts.join(', ')})], joinType=[${node.joinType.toLowerCase()}])`;
}
