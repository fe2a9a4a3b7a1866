import type { Consumer, RuntimeDag, RuntimeSource, RuntimeVertex } from '../runtime/task/runtime-dag.js';
import { HashExchange, RebalanceExchange } from '../runtime/task/exchange.js';
import type { VertexMetrics } from '../runtime/task/vertex-metrics.js';
import { topologicalOrder } from '../runtime/task/topological-order.js';
import type { Distribution } from '../runtime/task/distribution.js';

/** One parallel instance of one operator of the plan: a source's or an operator's subtask. */
export type SubtaskNode = { readonly kind: 'source'; readonly source: RuntimeSource } | { readonly kind: 'operator'; readonly vertex: RuntimeVertex };

/**
 * One parallel instance of a job vertex (Flink's task): subtask k of each of the vertex's chained
 * operators, in chain order (the head first). Chained operators have the same parallelism.
 */
export type TaskNodes = readonly SubtaskNode[];

/**
 * How records travel along an edge, by the names of Flink's StreamPartitioners: subtask k to
 * subtask k (FORWARD), by key group (HASH, also into one subtask), round-robin (REBALANCE), or
 * all subtasks into one when the edge is not keyed (GLOBAL).
 */
export type ShipStrategy = 'FORWARD' | 'HASH' | 'REBALANCE' | 'GLOBAL';

export interface VertexInput {
  /** The producing job vertex. */
  readonly id: string;
  /** Which input of this vertex's head operator it feeds (0 for most operators; joins and unions have more). */
  readonly input: number;
  readonly shipStrategy: ShipStrategy;
}

/** One operator of a chain: its name (the metric scope and checkpoint uid) and whether it is a source. */
export interface ChainedOperator {
  readonly name: string;
  readonly kind: 'source' | 'operator';
}

/**
 * A job vertex as the REST API shows it (Flink's JobVertex): a chain of sources and operators of
 * the plan run as one task (see `jobVertices` for the chaining rule), with its subtasks (index =
 * subtask index). Exchange senders between subtasks are part of the edge, not vertices.
 */
export interface VertexRecord {
  /** 32 hex characters, like Flink's JobVertexID; the same in every attempt of the job. */
  readonly id: string;
  /** The chained operators' names joined by " -> " (Flink's chained vertex name). */
  readonly name: string;
  /** The kind of the chain's head. */
  readonly kind: 'source' | 'operator';
  /** The chained operators, head first. */
  readonly operators: readonly ChainedOperator[];
  readonly subtasks: readonly TaskNodes[];
  /** The number of subtasks. */
  readonly parallelism: number;
  /** The vertices feeding this one's head, by input then producer. */
  readonly inputs: readonly VertexInput[];
}

/** The name of the operator a subtask node runs. */
export function nodeName(node: SubtaskNode): string {
  return node.kind === 'source' ? node.source.name : node.vertex.operator.name;
}

/** The metrics of one subtask (undefined only for nodes built without metrics). */
export function subtaskMetricsOf(node: SubtaskNode): VertexMetrics | undefined {
  return node.kind === 'source' ? node.source.metrics : node.vertex.metrics;
}

/** An exchange sender's strategy: by key group (HashExchange) or round-robin (RebalanceExchange). */
function strategyOf(exchange: RuntimeVertex): ShipStrategy {
  if (exchange.operator instanceof HashExchange) return 'HASH';
  if (exchange.operator instanceof RebalanceExchange) return 'REBALANCE';
  throw new Error(`unknown exchange sender ${exchange.operator.name}`);
}

/**
 * The strategy of a direct edge (no exchange sender between the subtasks: equal parallelism, or a
 * single consuming subtask), as Flink shows it, by the distribution the consuming input needs
 * (distribution.ts): HASH whenever it is keyed, whatever the consumer's parallelism; GLOBAL when it
 * is single (a global aggregate's input), or forward but from several subtasks into fewer (a p1
 * sink after a p > 1 non-keyed input); else FORWARD. With the distribution unknown, as a forward one.
 */
export function directShipStrategy(producerParallelism: number, consumerParallelism: number, distribution: Distribution['kind'] | undefined): ShipStrategy {
  switch (distribution) {
    case 'hash':
      return 'HASH';
    case 'single':
      return 'GLOBAL';
    default:
      return producerParallelism > consumerParallelism ? 'GLOBAL' : 'FORWARD';
  }
}

/**
 * The distribution a direct edge's consumer needs, when the DAG records it on the consumer as
 * `distribution` (a Distribution's kind). connect-subtasks.ts does not record it yet; until it does,
 * a keyed edge into a single subtask shows as a forward one (GLOBAL from several subtasks).
 */
function recordedDistribution(consumer: Consumer): Distribution['kind'] | undefined {
  const d = (consumer as { readonly distribution?: unknown }).distribution;
  return d === 'forward' || d === 'hash' || d === 'single' ? d : undefined;
}

/** An edge between two operators (by name), after folding exchange senders into it. */
interface OperatorEdge {
  readonly from: string;
  readonly to: string;
  readonly input: number;
  readonly shipStrategy: ShipStrategy;
}

/**
 * The DAG's job vertices in topological order (sources first). Subtasks are grouped by operator
 * name, exchange senders left out; an edge through an exchange sender is HASH or REBALANCE by the
 * sender's kind, a direct edge is classified by `directShipStrategy`.
 *
 * Operators are then chained into one vertex as Flink's StreamingJobGraphGenerator does, along an
 * edge from A to B when:
 *  - the edge is FORWARD (a direct edge, subtask k to subtask k) and A and B have the same parallelism;
 *  - B is an operator (a source always heads a chain) with that one input edge (a join, or a union
 *    of several inputs, starts a new chain);
 *  - the edge is A's only output edge. Flink also chains an operator with each chainable consumer
 *    when its output feeds several (a tree-shaped chain); weir keeps chains linear and lets every
 *    consumer of a shared output start its own chain.
 * A chain continues through as many operators as qualify ("Source: s[3] -> Calc[2] -> Sink: t[1]").
 * `idOf` names each vertex by its chained name (stable across attempts: a restart builds the same DAG).
 */
export function jobVertices(dag: RuntimeDag, idOf: (name: string) => string): VertexRecord[] {
  const operators = topologicalOrder(dag.vertices).filter((v) => !v.exchange);
  const groups = new Map<string, { kind: 'source' | 'operator'; subtasks: SubtaskNode[] }>();
  const add = (node: SubtaskNode, subtask: number) => {
    const name = nodeName(node);
    let g = groups.get(name);
    if (!g) groups.set(name, (g = { kind: node.kind, subtasks: [] }));
    g.subtasks[subtask] = node;
  };
  for (const s of dag.sources) add({ kind: 'source', source: s }, s.subtask);
  for (const v of operators) add({ kind: 'operator', vertex: v }, v.subtask);
  // Dense: a subtask index never built would leave a hole.
  const subtasksOf = (name: string) => groups.get(name)!.subtasks.filter((s) => s !== undefined);

  const edges: OperatorEdge[] = [];
  const edge = (to: RuntimeVertex, input: number, from: string, shipStrategy: ShipStrategy) => {
    const target = to.operator.name;
    if (to.exchange || !groups.has(target)) return;
    if (!edges.some((e) => e.from === from && e.to === target && e.input === input)) edges.push({ from, to: target, input, shipStrategy });
  };
  const producers: [string, RuntimeSource | RuntimeVertex][] = [...dag.sources.map((s): [string, RuntimeSource] => [s.name, s]), ...operators.map((v): [string, RuntimeVertex] => [v.operator.name, v])];
  for (const [name, from] of producers) {
    for (const c of from.consumers) {
      if (c.vertex.exchange) {
        for (const e of c.vertex.consumers) edge(e.vertex, e.input, name, strategyOf(c.vertex));
      } else {
        edge(c.vertex, c.input, name, directShipStrategy(from.parallelism, c.vertex.parallelism, recordedDistribution(c)));
      }
    }
  }

  // Chains in topological order of their heads: a producer's chain exists when its consumer comes.
  const chains: string[][] = [];
  const chainOf = new Map<string, string[]>();
  for (const [name, g] of groups) {
    const into = edges.filter((e) => e.to === name);
    const e = into.length === 1 ? into[0]! : undefined;
    const upstream = e && chainOf.get(e.from);
    const chained =
      g.kind === 'operator' &&
      e !== undefined &&
      upstream !== undefined &&
      upstream.at(-1) === e.from &&
      e.shipStrategy === 'FORWARD' &&
      edges.filter((x) => x.from === e.from).length === 1 &&
      subtasksOf(e.from).length === subtasksOf(name).length;
    const chain = chained ? upstream : [];
    if (!chained) chains.push(chain);
    chain.push(name);
    chainOf.set(name, chain);
  }

  const chainName = (chain: readonly string[]) => chain.join(' -> ');
  return chains.map((chain) => {
    const name = chainName(chain);
    const members = chain.map(subtasksOf);
    const inputs: VertexInput[] = [];
    for (const e of edges.filter((x) => x.to === chain[0])) {
      const id = idOf(chainName(chainOf.get(e.from)!));
      if (!inputs.some((i) => i.id === id && i.input === e.input)) inputs.push({ id, input: e.input, shipStrategy: e.shipStrategy });
    }
    return {
      id: idOf(name),
      name,
      kind: groups.get(chain[0]!)!.kind,
      operators: chain.map((n) => ({ name: n, kind: groups.get(n)!.kind })),
      subtasks: members[0]!.map((_, k) => members.map((m) => m[k]!)),
      parallelism: members[0]!.length,
      inputs: inputs.sort((a, b) => a.input - b.input),
    };
  });
}
