import { inputsOf, type JoinType, type PlanNode } from '../logical/plan-node.js';
import { conjuncts, type Rex } from '../rex.js';

/** Sets of output columns that identify a row across its updates; undefined when unknown. */
export type UpsertKeys = readonly (readonly number[])[] | undefined;

/**
 * Upsert keys per node, after Flink's FlinkRelMdUpsertKeys: a table's primary key, group keys of
 * an aggregation, the partition key of a deduplication or Top-1, keys carried through projections,
 * and through joins when the other side matches at most one row. A key survives a keyed exchange
 * (joins, Top-N, OVER) only if it contains the exchange key, so its updates stay ordered.
 */
export function inferUpsertKeys(roots: readonly PlanNode[]): Map<PlanNode, UpsertKeys> {
  const memo = new Map<PlanNode, UpsertKeys>();
  const visit = (node: PlanNode): UpsertKeys => {
    if (memo.has(node)) return memo.get(node);
    inputsOf(node).forEach(visit);
    const keys = dedupe(keysOf(node, (n) => memo.get(n)));
    memo.set(node, keys);
    return keys;
  };
  roots.forEach(visit);
  return memo;
}

function keysOf(node: PlanNode, of: (n: PlanNode) => UpsertKeys): UpsertKeys {
  switch (node.kind) {
    case 'TableScan': {
      const pk = node.table.primaryKey;
      if (!pk) return undefined;
      const index = pk.columns.map((c) => node.fields.findIndex((f) => f.name === c));
      return index.includes(-1) ? undefined : [index];
    }
    case 'Calc':
      return project(of(node.input), node.projects);
    case 'WatermarkAssigner':
    case 'Sink':
      return of(node.input);
    case 'Aggregate':
      // GROUPING SETS expand rows per set: Flink infers no key there.
      return node.groupingSets || node.window || node.phase === 'local' ? undefined : [node.groupKeys.map((_, i) => i)];
    case 'WindowAggregate': {
      if (node.groupingSets || node.phase === 'local') return undefined;
      const group = node.groupKeys.map((_, i) => i);
      const props = node.groupKeys.length + node.aggCalls.length;
      return [0, 1, 2].map((p) => [...group, props + p]);
    }
    case 'Rank': {
      const partition = [...node.partitionKeys];
      const top1 = node.limit === 1 && (node.start ?? 1) === 1;
      const keys = [...containing(of(node.input), partition) ?? []];
      if (top1) keys.push(partition);
      if (node.outputRank) keys.push([...partition, node.input.fields.length]);
      return keys.length ? keys : undefined;
    }
    case 'Over':
      return containing(of(node.input), node.partitionKeys);
    case 'Sort':
      return node.limit === undefined ? of(node.input) : undefined;
    case 'SetOp':
      return node.all ? undefined : [node.fields.map((_, i) => i)];
    case 'Join':
    case 'IntervalJoin': {
      const width = node.left.fields.length;
      const pairs = equiPairs(node.condition, width);
      const leftKeys = pairs.map((p) => p[0]);
      const rightKeys = pairs.map((p) => p[1]);
      const left = of(node.left);
      const right = of(node.right);
      if (node.joinType === 'SEMI' || node.joinType === 'ANTI') return containing(left, leftKeys);
      return joinKeys(node.joinType, width, containing(left, leftKeys), containing(right, rightKeys), isUniqueOn(left, leftKeys), isUniqueOn(right, rightKeys));
    }
    default:
      return undefined;
  }
}

/** Keys whose columns are all projected unchanged, renumbered to their output positions. */
function project(keys: UpsertKeys, projects: readonly Rex[]): UpsertKeys {
  if (!keys) return undefined;
  const position = (col: number) => projects.findIndex((p) => p.kind === 'InputRef' && p.index === col);
  const out = keys.map((k) => k.map(position)).filter((k) => !k.includes(-1));
  return out.length ? out : undefined;
}

/** Keys that include the exchange key: only then do a key's updates stay in one ordered stream. */
function containing(keys: UpsertKeys, exchange: readonly number[]): UpsertKeys {
  const out = keys?.filter((k) => exchange.every((c) => k.includes(c)));
  return out?.length ? out : undefined;
}

function isUniqueOn(keys: UpsertKeys, columns: readonly number[]): boolean {
  return !!keys?.some((k) => k.every((c) => columns.includes(c)));
}

/** Flink's join unique keys: pairs of both sides' keys; one side's keys when the other matches at most once and is not null-padded away. */
function joinKeys(type: JoinType, width: number, left: UpsertKeys, right: UpsertKeys, leftUnique: boolean, rightUnique: boolean): UpsertKeys {
  const shifted = right?.map((k) => k.map((c) => c + width));
  const keys: number[][] = [];
  for (const l of left ?? []) for (const r of shifted ?? []) keys.push([...l, ...r]);
  if (rightUnique && left && (type === 'INNER' || type === 'LEFT')) keys.push(...left.map((k) => [...k]));
  if (leftUnique && shifted && (type === 'INNER' || type === 'RIGHT')) keys.push(...shifted);
  return keys.length ? keys : undefined;
}

/** [left column, right column] pairs equated by the condition's top-level conjuncts. */
export function equiPairs(condition: Rex, leftWidth: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (const c of conjuncts(condition)) {
    if (c.kind !== 'Call' || c.name !== '=' || c.args.length !== 2) continue;
    const [a, b] = c.args;
    if (a?.kind !== 'InputRef' || b?.kind !== 'InputRef') continue;
    if (a.index < leftWidth && b.index >= leftWidth) pairs.push([a.index, b.index - leftWidth]);
    else if (b.index < leftWidth && a.index >= leftWidth) pairs.push([b.index, a.index - leftWidth]);
  }
  return pairs;
}

/** Sorted, without duplicates, so EXPLAIN output is stable. */
function dedupe(keys: UpsertKeys): UpsertKeys {
  if (!keys) return undefined;
  const seen = new Map<string, number[]>();
  for (const k of keys) {
    const sorted = [...new Set(k)].sort((a, b) => a - b);
    seen.set(sorted.join(','), sorted);
  }
  return [...seen.values()];
}
