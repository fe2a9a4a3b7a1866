import type { PlanNode, PlannedJob } from '../../planner/logical/plan-node.js';
import { equiPairs } from '../../planner/inference/upsert-keys.js';
import { primaryKeyPositions } from '../../planner/resolve-connectors.js';

/**
 * How an operator's input reaches its subtasks (Flink's StreamPartitioner): along a forward edge
 * (subtask k reads subtask k), hashed by key columns to the subtask owning the key's key group, or
 * all into a single subtask (operators without keys: global aggregates, non-equi joins).
 */
export type Distribution = { readonly kind: 'forward' } | { readonly kind: 'hash'; readonly keys: readonly number[] } | { readonly kind: 'single' };

const FORWARD: Distribution = { kind: 'forward' };
const SINGLE: Distribution = { kind: 'single' };
const hashed = (keys: readonly number[]): Distribution => (keys.length === 0 ? SINGLE : { kind: 'hash', keys });

/** The distribution input `index` of `node` needs: by the columns its state is keyed by. */
export function inputDistribution(node: PlanNode, index: number, job: Pick<PlannedJob, 'upsertMaterialize'>): Distribution {
  switch (node.kind) {
    case 'Aggregate':
      if (node.phase === 'local') return FORWARD;
      return node.groupingSets ? SINGLE : hashed(node.groupKeys);
    case 'WindowAggregate':
      if (node.phase === 'local') return FORWARD;
      return node.groupingSets ? SINGLE : hashed(node.groupKeys);
    case 'Rank':
    case 'WindowRank':
    case 'Over':
      return hashed(node.partitionKeys);
    case 'Join': {
      if (node.temporal === 'lookup') return FORWARD;
      const pairs = equiPairs(node.condition, node.left.fields.length);
      return hashed(pairs.map((p) => p[index]!));
    }
    case 'IntervalJoin': {
      const pairs = equiPairs(node.condition, node.left.fields.length);
      return hashed(pairs.map((p) => p[index]!));
    }
    case 'SetOp':
      return hashed(node.fields.map((_f, i) => i));
    case 'WindowJoin':
      // Its state is keyed by window, not by join key: one subtask keeps restores by key group exact.
      return SINGLE;
    case 'Sink':
      return node.table && job.upsertMaterialize.has(node) ? hashed(primaryKeyPositions(node.table)) : FORWARD;
    case 'Sort':
    case 'MatchRecognize':
      return SINGLE;
    case 'TableScan':
    case 'Values':
    case 'Calc':
    case 'WatermarkAssigner':
    case 'Union':
    case 'Correlate':
    case 'WindowTvf':
      return FORWARD;
  }
}

/** The inputs of a node, in input order. */
export function inputsOf(node: PlanNode): readonly PlanNode[] {
  if ('inputs' in node) return node.inputs;
  if ('left' in node) return node.kind === 'Join' && node.temporal === 'lookup' ? [node.left] : [node.left, node.right];
  return 'input' in node ? [node.input] : [];
}

/** Options that set a node's parallelism. */
export interface ParallelismOptions {
  /** `parallelism.default`. */
  readonly defaultParallelism: number;
  /** Whether a scanned table's reader can split its input among subtasks. */
  readonly parallelSource: (node: Extract<PlanNode, { kind: 'TableScan' }>) => boolean;
  /** A source's parallelism fixed from outside (restored from a checkpoint), if any. */
  readonly sourceParallelism?: (node: Extract<PlanNode, { kind: 'TableScan' }>) => number | undefined;
}

/**
 * Each node's parallelism, as Flink's planner sets it: keyed operators run at the default
 * parallelism (one subtask without keys); sources at `scan.parallelism` or the default when they
 * can split their input (else one); operators on forward edges at their input's parallelism, so
 * they chain; sinks at `sink.parallelism` or their input's; query results are collected by one.
 */
export function parallelismOf(job: Pick<PlannedJob, 'upsertMaterialize'>, opts: ParallelismOptions): (node: PlanNode) => number {
  const memo = new Map<PlanNode, number>();
  const of = (node: PlanNode): number => {
    let p = memo.get(node);
    if (p !== undefined) return p;
    const inputs = inputsOf(node);
    const dists = inputs.map((_n, i) => inputDistribution(node, i, job));
    if (node.kind === 'TableScan') p = opts.sourceParallelism?.(node) ?? (opts.parallelSource(node) ? optionInt(node.table.options, 'scan.parallelism') ?? opts.defaultParallelism : 1);
    else if (node.kind === 'Values') p = 1;
    else if (node.kind === 'Sink') p = node.table ? optionInt(node.table.options, 'sink.parallelism') ?? Math.max(...inputs.map(of)) : 1;
    else if (dists.some((d) => d.kind === 'single')) p = 1;
    else if (dists.some((d) => d.kind === 'hash')) p = opts.defaultParallelism;
    else p = Math.max(1, ...inputs.map(of));
    memo.set(node, p);
    return p;
  };
  return of;
}

function optionInt(options: ReadonlyMap<string, string>, key: string): number | undefined {
  const v = options.get(key);
  if (v === undefined) return undefined;
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}
