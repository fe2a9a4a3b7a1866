import { sinkConstraints } from './sink-constraints.js';
import { equiPairs } from '../../planner/inference/upsert-keys.js';
import type { SinkWriter, WriterContext } from '../../connectors/connector.js';
import type { FunctionContext } from '../../functions/function-def.js';
import { compileCalc, compileExpr } from '../../planner/codegen/compile-calc.js';
import type { PlanNode, PlannedJob } from '../../planner/logical/plan-node.js';
import { PlanError } from '../../types/errors.js';
import type { Chunk } from '../../types/row.js';
import { CalcOperator } from '../operators/calc-operator.js';
import { ForwardOperator } from '../operators/forward-operator.js';
import { WatermarkAssignerOperator } from '../operators/watermark-assigner-operator.js';
import type { Operator, Output } from '../operators/operator.js';
import { FanOut } from '../operators/operator.js';
import { SinkOperator } from '../operators/sink-operator.js';
import { ValuesReader } from './values-reader.js';
import type { JsAggregateDef } from '../../functions/user/load-js-function.js';
import { deduplication } from '../../planner/logical/plan-node.js';
import { windowAggregateOperator, windowJoinOperator, windowRankOperator, windowTvfOperator } from './window-operators.js';
import { rowComparator } from './row-comparator.js';
import { OverAggregateOperator } from '../operators/over-aggregate-operator.js';
import { buildKeyOf, hashKey } from '../../types/value-hash.js';
import { RowKind } from '../../types/row.js';
import { boundAggregate, emitsUpdateBefore } from './aggregate-binding.js';
import { groupAggregateOperator } from './group-aggregate.js';
import { RankOperator } from '../operators/rank-operator.js';
import { SET_OP_ALL_COPIES, SET_OP_COUNTS, SetOpOperator } from '../operators/set-op-operator.js';
import { streamingJoinOperator } from './streaming-join.js';
import { IntervalJoinOperator } from '../operators/interval-join-operator.js';
import { isTimeAttribute } from '../../types/data-type.js';
import { correlateRows } from './correlate-rows.js';
import { CorrelateOperator } from '../operators/correlate-operator.js';
import type { FunctionResolver } from '../../planner/analyzer/expr-context.js';
import { lookupJoinOperator } from './lookup-join.js';
import { temporalJoinOperator } from './temporal-join.js';
import { VertexMetrics } from './vertex-metrics.js';
import { TaskLock } from './task-lock.js';
import { describeNode } from '../../planner/explain.js';
import { inputDistribution, inputsOf, parallelismOf } from './distribution.js';
import { connectSubtasks } from './connect-subtasks.js';
import type { Consumer, RuntimeDag, RuntimeSource, RuntimeVertex } from './runtime-dag.js';
import { DEFAULT_MAX_PARALLELISM } from '../state/keyed-state-table.js';
import { RemoteLinks } from '../exchange/remote-links.js';
import type { Placement } from '../exchange/worker-mesh.js';

export interface BuildOptions {
  readonly session: FunctionContext;
  /** `pipeline.auto-watermark-interval` in milliseconds. */
  readonly watermarkInterval: number;
  /** `table.exec.state.ttl` in ms (0: state never expires). */
  readonly stateTtl?: number;
  /** `table.exec.sink.not-null-enforcer`: ERROR (default) or DROP. */
  readonly notNullEnforcer?: string | undefined;
  /** `table.exec.async-lookup.buffer-capacity`: lookups in flight per async lookup join. */
  readonly asyncLookupCapacity?: number;
  /** `table.exec.mini-batch.*` when enabled. */
  readonly miniBatch?: { readonly size: number; readonly latency: number } | undefined;
  /** User-defined aggregate functions by upper-case name. */
  readonly userAggregates?: ReadonlyMap<string, JsAggregateDef>;
  /** To build user table functions. */
  readonly functions: FunctionResolver;
  readonly writer: Pick<WriterContext, 'stdout' | 'stderr'>;
  /** Receives a top-level SELECT's result. */
  readonly collect?: (chunk: Chunk) => void;
  /** The task's lock (processing-time wake-ups take it); the DAG gets a new one when absent. */
  readonly lock?: TaskLock;
  /** `parallelism.default` (1 when absent). */
  readonly parallelism?: number;
  /** Sources that must run at a given parallelism, by name (a restored checkpoint's). */
  readonly sourceParallelism?: ReadonlyMap<string, number>;
  /** Worker threads: the DAG holds only this worker's subtasks, linked to the others by channels. */
  readonly placement?: Placement;
}


/** A plan node in the DAG: its parallelism and, per subtask, the consumers its output feeds. */
interface Built {
  readonly parallelism: number;
  readonly consumers: Consumer[][];
}

const RANKING = new Set(['ROW_NUMBER', 'RANK', 'DENSE_RANK']);

const UNSUPPORTED: Record<string, string> = {
  Sort: 'ORDER BY without LIMIT',
  MatchRecognize: 'MATCH_RECOGNIZE',
};

/** Translates a planned job into sources and chained operators, sharing nodes read by several sinks. */
export function buildRuntimeDag(job: PlannedJob, options: BuildOptions): RuntimeDag {
  const opts = { ...options, lock: options.lock ?? new TaskLock() };
  const sources: RuntimeSource[] = [];
  const vertices: RuntimeVertex[] = [];
  const sinks: SinkOperator[] = [];
  const built = new Map<PlanNode, Built>();
  const maxParallelism = DEFAULT_MAX_PARALLELISM;
  const remote = opts.placement && new RemoteLinks(opts.placement);
  // Ids in the order nodes are built (sinks first, then inputs depth-first): they name operators.
  const ids = new Map<PlanNode, number>();
  const number = (n: PlanNode): void => {
    if (ids.has(n)) return;
    ids.set(n, ids.size + 1);
    for (const input of inputsOf(n)) number(input);
  };
  for (const sink of job.sinks) number(sink);
  const sourceName = (scan: Extract<PlanNode, { kind: 'TableScan' }>) => `Source: ${scan.table.id.name}[${ids.get(scan)}]`;
  const parallelismOfNode = parallelismOf(job, {
    defaultParallelism: opts.parallelism ?? 1,
    parallelSource: (scan) => job.tableSources.get(scan)?.splittable === true,
    sourceParallelism: (scan) => opts.sourceParallelism?.get(sourceName(scan)),
  });
  const ttlOf = (hint: number | undefined) => {
    const millis = hint ?? opts.stateTtl;
    return millis ? { millis, now: opts.session.now } : undefined;
  };
  const ttl = ttlOf(undefined);

  // One vertex per consumer list: its metrics count what its output sends and what it receives.
  const metricsByOutput = new Map<unknown, VertexMetrics>();
  const metricsOf = (consumers: unknown): VertexMetrics => {
    let m = metricsByOutput.get(consumers);
    if (!m) metricsByOutput.set(consumers, (m = new VertexMetrics()));
    return m;
  };
  // `consumers` may still grow while the DAG is built (a shared node read again), so read it lazily.
  const outputOf = (consumers: { vertex: RuntimeVertex; input: number }[]): Output => new FanOut(consumers, metricsOf(consumers));

  // Builds `node` (once, also when several consumers read it): its operator per subtask, then its
  // inputs, each connected to the subtasks that read it.
  const build = (node: PlanNode): Built => {
    const existing = built.get(node);
    if (existing) return existing;
    const parallelism = parallelismOfNode(node);
    const b: Built = { parallelism, consumers: [] };
    built.set(node, b);
    const id = ids.get(node)!;
    const links: { input: PlanNode; index: number; targets: RuntimeVertex[] }[] = [];
    for (let subtask = 0; subtask < parallelism; subtask++) {
      const consumers: Consumer[] = [];
      b.consumers.push(consumers);
      const link = (input: PlanNode, vertex: RuntimeVertex, index: number) => {
        let l = links.find((x) => x.input === input && x.index === index);
        if (!l) links.push((l = { input, index, targets: [] }));
        l.targets.push(vertex);
      };
      instantiate(node, id, subtask, parallelism, consumers, link);
    }
    for (const l of links) {
      const producer = build(l.input);
      connectSubtasks(producer.consumers, l.input, l.targets, l.index, inputDistribution(node, l.index, job), maxParallelism, vertices, remote && { remote, metricsOf: (k) => metricsOf(producer.consumers[k]) });
    }
    return b;
  };

  /** The operator of `node` for one subtask, feeding `consumers`; `link` names what feeds it. */
  const instantiate = (node: PlanNode, id: number, subtask: number, parallelism: number, consumers: Consumer[], link: (input: PlanNode, vertex: RuntimeVertex, index: number) => void): void => {
    const addVertex = (operator: Operator, inputs: number): RuntimeVertex => {
      const metrics = metricsOf(consumers);
      metrics.setInputs(inputs);
      const v: RuntimeVertex = { operator, description: describeNode(node), subtask, parallelism, inputs, consumers, metrics };
      vertices.push(v);
      return v;
    };
    switch (node.kind) {
      case 'TableScan': {
        const source = job.tableSources.get(node)!;
        const reader = source.createReader({ subtask, parallelism, metadataKeys: node.metadataKeys });
        sources.push({ name: sourceName(node), subtask, parallelism, reader, bounded: source.bounded, consumers, metrics: metricsOf(consumers) });
        return;
      }
      case 'Values': {
        const row = node.rows.map((r) => r.map((x) => compileExpr(x, opts.session)([])));
        sources.push({ name: `Values[${id}]`, subtask, parallelism, reader: new ValuesReader(row), bounded: true, consumers, metrics: metricsOf(consumers) });
        return;
      }
      case 'Calc': {
        const v = addVertex(new CalcOperator(`Calc[${id}]`, compileCalc(node.projects, node.condition, opts.session), outputOf(consumers)), 1);
        link(node.input, v, 0);
        return;
      }
      case 'WatermarkAssigner': {
        const op = new WatermarkAssignerOperator(`WatermarkAssigner[${id}]`, compileExpr(node.watermark, opts.session), opts.watermarkInterval, opts.session.now, outputOf(consumers));
        const v = addVertex(op, 1);
        link(node.input, v, 0);
        return;
      }
      case 'Union': {
        const v = addVertex(new ForwardOperator(`Union[${id}]`, node.inputs.length, outputOf(consumers)), node.inputs.length);
        node.inputs.forEach((input, i) => link(input, v, i));
        return;
      }
      case 'Sink': {
        const writer = sinkWriter(job, node, opts, subtask, parallelism);
        const op = new SinkOperator(node.table ? `Sink: ${node.table.id.name}[${id}]` : `Collect[${id}]`, writer);
        sinks.push(op);
        let target = { vertex: addVertex(op, 1), input: 0 };
        for (const create of sinkConstraints(job, node, id, opts.notNullEnforcer, ttl).reverse()) {
          const next = [target];
          const operator = create(outputOf(next));
          const vertex: RuntimeVertex = { operator, description: operator.name, subtask, parallelism, inputs: 1, consumers: next, metrics: metricsOf(next) };
          vertices.push(vertex);
          target = { vertex, input: 0 };
        }
        link(node.input, target.vertex, target.input);
        return;
      }
      case 'Correlate': {
        const op = new CorrelateOperator(`Correlate[${id}]`, correlateRows(node, opts.session, opts.functions), node.joinType === 'LEFT', node.fields.length - node.input.fields.length, outputOf(consumers));
        link(node.input, addVertex(op, 1), 0);
        return;
      }
      case 'WindowTvf':
        link(node.input, addVertex(windowTvfOperator(id, node, opts, outputOf(consumers)), 1), 0);
        return;
      case 'WindowAggregate':
        link(node.input, addVertex(windowAggregateOperator(id, node, opts, outputOf(consumers)), 1), 0);
        return;
      case 'IntervalJoin': {
        const left = node.left.fields;
        const right = node.right.fields;
        const keys = equiPairs(node.condition, left.length);
        const condition = compileExpr(node.condition, opts.session);
        const spec = {
          joinType: node.joinType,
          keyOf: [buildKeyOf(keys.map(([l]) => left[l]!.type), keys.map(([l]) => l)), buildKeyOf(keys.map(([, r]) => right[r]!.type), keys.map(([, r]) => r))] as const,
          timeIndex: [node.leftTime, node.rightTime] as const,
          lower: node.lower,
          upper: node.upper,
          widths: [left.length, right.length] as const,
          matches: (row: unknown[]) => condition(row) === true,
        };
        const v = addVertex(new IntervalJoinOperator(`IntervalJoin[${id}]`, spec, outputOf(consumers)), 2);
        link(node.left, v, 0);
        link(node.right, v, 1);
        return;
      }
      case 'WindowJoin': {
        const v = addVertex(windowJoinOperator(id, node, opts, outputOf(consumers)), 2);
        link(node.left, v, 0);
        link(node.right, v, 1);
        return;
      }
      case 'WindowRank':
        link(node.input, addVertex(windowRankOperator(id, node, opts, outputOf(consumers)), 1), 0);
        return;
      case 'Rank': {
        const input = node.input.fields;
        const mode = job.changelog.get(node.input);
        const dedup = deduplication(node);
        const types = input.map((f) => f.type);
        const spec = {
          rankFunction: node.rankFunction,
          limit: node.limit,
          start: node.start ?? 1,
          outputRank: node.outputRank,
          deduplicate: dedup !== undefined,
          newFirstOnTies: dedup === 'last',
          retracting: mode !== undefined && (mode.kinds.has(RowKind.UPDATE_BEFORE) || mode.kinds.has(RowKind.DELETE)),
          updateBefore: emitsUpdateBefore(job, node),
          partitionOf: buildKeyOf(node.partitionKeys.map((k) => input[k]!.type), node.partitionKeys),
          compare: rowComparator(node.orderKeys, input),
          rowKey: (row: unknown[]) => hashKey(row, types),
        };
        link(node.input, addVertex(new RankOperator(`Rank[${id}]`, spec, outputOf(consumers), ttl), 1), 0);
        return;
      }
      case 'Over': {
        const input = node.input.fields;
        const ranking = node.aggCalls.find((c) => RANKING.has(c.name));
        if (ranking) {
          throw new PlanError(`${ranking.name}() OVER (Top-N and deduplication) cannot run on the embedded engine yet.`, undefined, 'OVER aggregations with aggregate functions run now.');
        }
        const order = input[node.orderKeys[0]!.index]!.type;
        const proctime = isTimeAttribute(order, 'PROCTIME');
        const aggs = node.aggCalls.map((call) => boundAggregate(call, input, opts.userAggregates));
        const keyOf = buildKeyOf(node.partitionKeys.map((k) => input[k]!.type), node.partitionKeys);
        const frame = node.frame ?? { unit: 'RANGE' as const, preceding: 'UNBOUNDED' as const };
        const op = new OverAggregateOperator(`OverAggregate[${id}]`, node.orderKeys[0]!.index, frame, keyOf, aggs, outputOf(consumers), proctime);
        link(node.input, addVertex(op, 1), 0);
        return;
      }
      case 'Aggregate': {
        const op = groupAggregateOperator(id, node, job, opts, outputOf(consumers), ttlOf(node.stateTtl));
        link(node.input, addVertex(op, 1), 0);
        return;
      }
      case 'SetOp': {
        const types = node.fields.map((f) => f.type);
        const name = `${node.op}${node.all ? ' ALL' : ''}`;
        const count = SET_OP_COUNTS[name] ?? SET_OP_ALL_COPIES[name]!;
        const op = new SetOpOperator(`SetOp[${id}]`, node.inputs.length, count, (row) => hashKey(row, types), outputOf(consumers), node.all, ttl);
        const v = addVertex(op, node.inputs.length);
        node.inputs.forEach((input, i) => link(input, v, i));
        return;
      }
      case 'Join': {
        if (node.temporal === 'event-time') {
          const v = addVertex(temporalJoinOperator(`TemporalJoin[${id}]`, node, opts.session, outputOf(consumers), ttl), 2);
          link(node.left, v, 0);
          link(node.right, v, 1);
          return;
        }
        if (node.temporal === 'lookup') {
          link(node.left, addVertex(lookupJoinOperator(`LookupJoin[${id}]`, node, job, opts.session, outputOf(consumers), opts.asyncLookupCapacity ?? 100), 1), 0);
          return;
        }
        const op = streamingJoinOperator(`Join[${id}]`, node, job, opts.session, outputOf(consumers), [ttlOf(node.stateTtl?.[0]), ttlOf(node.stateTtl?.[1])]);
        const v = addVertex(op, 2);
        link(node.left, v, 0);
        link(node.right, v, 1);
        return;
      }
      case 'Sort':  // without LIMIT: streaming sorts come later
      case 'MatchRecognize':
        throw new PlanError(`${UNSUPPORTED[node.kind]} cannot run on the embedded engine yet.`, undefined,
          'weir validates and explains this query; the stateful operators it needs come with the windowing and changelog engine work.');
    }
  };
  for (const sink of job.sinks) build(sink);
  if (!remote) return { sources, vertices, sinks, lock: opts.lock };
  // Every worker builds the whole DAG (so channels number alike) and keeps its own subtasks.
  const own = [...vertices.filter((v) => remote.owns(v.subtask)), ...remote.senders];
  const ownOperators = new Set(own.map((v) => v.operator));
  remote.jobUids = new Set([...vertices.filter((v) => !v.exchange).map((v) => v.operator.name), ...sources.map((s) => s.name)]);
  return { sources: sources.filter((s) => remote.owns(s.subtask)), vertices: own, sinks: sinks.filter((s) => ownOperators.has(s)), lock: opts.lock, remote };
}

function sinkWriter(job: PlannedJob, node: Extract<PlanNode, { kind: 'Sink' }>, opts: BuildOptions, subtask: number, parallelism: number): SinkWriter {
  if (!node.table) {
    const collect = opts.collect ?? (() => {});
    return { write: (chunk) => collect(chunk), finish: async () => {}, close: async () => {} };
  }
  const sink = job.tableSinks.get(node)!;
  return sink.createWriter({ subtask, parallelism, metadataKeys: node.metadataKeys, stdout: opts.writer.stdout, stderr: opts.writer.stderr });
}
