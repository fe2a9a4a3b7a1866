/** Builds the runtime lookup join for a `temporal: 'lookup'` JoinNode (the right side is never scanned). */
import type { FunctionContext } from '../../functions/function-def.js';
import { identifierString } from '../../catalog/catalog-table.js';
import type { LookupFunction } from '../../connectors/connector.js';
import { compileCalc, compileExpr } from '../../planner/codegen/compile-calc.js';
import { equiPairs } from '../../planner/inference/upsert-keys.js';
import type { JoinNode, PlanNode, PlannedJob, TableScan } from '../../planner/logical/plan-node.js';
import type { DataType } from '../../types/data-type.js';
import { PlanError } from '../../types/errors.js';
import type { Row } from '../../types/row.js';
import type { Rex } from '../../planner/rex.js';
import { LookupJoinOperator } from '../operators/lookup-join-operator.js';
import type { Output } from '../operators/operator.js';

const INTEGERS = new Set(['TINYINT', 'SMALLINT', 'INT', 'BIGINT']);
const STRINGS = new Set(['CHAR', 'VARCHAR']);
/** Key values are compared by their encoding under the table's types, which holds within these families. */
const comparable = (a: DataType, b: DataType) => a.kind === b.kind || (INTEGERS.has(a.kind) && INTEGERS.has(b.kind)) || (STRINGS.has(a.kind) && STRINGS.has(b.kind));

/**
 * Integer keys reach the table as its column's representation (BIGINT is a bigint, smaller integers
 * are numbers), so an INT probe value finds a BIGINT key and the other way round.
 */
function integerConversion(probe: DataType, table: DataType): ((v: unknown) => unknown) | undefined {
  if (probe.kind === table.kind || !INTEGERS.has(probe.kind) || !INTEGERS.has(table.kind)) return undefined;
  return table.kind === 'BIGINT' ? (v) => BigInt(v as number) : (v) => Number(v as bigint);
}

function withKeyTypes(fn: LookupFunction, conversions: readonly (((v: unknown) => unknown) | undefined)[]): LookupFunction {
  if (conversions.every((c) => c === undefined)) return fn;
  const convert = (key: readonly unknown[]) => key.map((v, i) => (v === null || v === undefined ? v : (conversions[i]?.(v) ?? v)));
  return {
    ...(fn.async !== undefined ? { async: fn.async } : {}),
    ...(fn.open ? { open: () => fn.open!() } : {}),
    ...(fn.close ? { close: () => fn.close!() } : {}),
    lookup: (key) => fn.lookup(convert(key)),
  };
}

export function lookupJoinOperator(name: string, node: JoinNode, job: PlannedJob, session: FunctionContext, out: Output, asyncCapacity: number): LookupJoinOperator {
  if (node.joinType !== 'INNER' && node.joinType !== 'LEFT') {
    throw new PlanError(`Temporal table join currently only support INNER JOIN and LEFT JOIN, but was ${node.joinType} JOIN.`);
  }
  // The Calcs between the table and the join, outermost first; watermarks do not change rows.
  const calcs: Extract<PlanNode, { kind: 'Calc' }>[] = [];
  let below: PlanNode = node.right;
  while (below.kind === 'Calc' || below.kind === 'WatermarkAssigner') {
    if (below.kind === 'Calc') calcs.push(below);
    below = below.input;
  }
  if (below.kind !== 'TableScan') throw new PlanError('A lookup join needs a table of a lookup source on its right side.');
  const scan: TableScan = below;
  const source = job.tableSources.get(scan);
  if (!source?.lookup) {
    throw new PlanError('Processing-time temporal join is not supported yet.', scan.span,
      `Connector '${scan.table.options.get('connector')}' of ${identifierString(scan.table.id)} is not a lookup source.`);
  }
  // Equi-keys whose right column is a plain column of the table (through the Calcs).
  const left = node.left.fields;
  const leftKeys: number[] = [];
  const tableKeys: number[] = [];
  for (const [l, r] of equiPairs(node.condition, left.length)) {
    let col: number | undefined = r;
    for (const c of calcs) {
      const p: Rex | undefined = c.projects[col];
      col = p?.kind === 'InputRef' ? p.index : undefined;
      if (col === undefined) break;
    }
    if (col === undefined || tableKeys.includes(col)) continue;
    if (!comparable(left[l]!.type, scan.fields[col]!.type)) continue;
    leftKeys.push(l);
    tableKeys.push(col);
  }
  if (tableKeys.length === 0) {
    throw new PlanError(`Temporal table join requires an equality condition on fields of table [${identifierString(scan.table.id)}].`, scan.span);
  }
  const compiled = calcs.reverse().map((c) => compileCalc(c.projects, c.condition, session));
  const rightCalc = compiled.length === 0 ? undefined : (rows: Row[]) => compiled.reduce((rs, f) => f(rs, null).rows, rows);
  const condition = compileExpr(node.condition, session);
  const lookup = withKeyTypes(source.lookup({ keys: tableKeys, metadataKeys: scan.metadataKeys, now: session.now }),
    leftKeys.map((l, i) => integerConversion(left[l]!.type, scan.fields[tableKeys[i]!]!.type)));
  return new LookupJoinOperator(name, {
    outer: node.joinType === 'LEFT',
    leftKeys,
    lookup,
    inFlight: lookup.async ? asyncCapacity : 1,
    ...(rightCalc ? { rightCalc } : {}),
    rightWidth: node.right.fields.length,
    matches: (row) => condition(row) === true,
  }, out);
}
