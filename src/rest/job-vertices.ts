import type { Consumer, RuntimeDag, RuntimeSource, RuntimeVertex } from '../runtime/task/runtime-dag.js';
import { HashExchange, RebalanceExchange } from '../runtime/task/exchange.js';
import type { VertexMetrics } from '../runtime/task/vertex-metrics.js';
import { topologicalOrder } from '../runtime/task/topological-order.js';
import type { Distribution } from '../runtime/task/distribution.js';

/** One parallel instance of a job vertex: a source's or an operator's subtask. */
export type SubtaskNode = { readonly kind: 'source'; readonly source: RuntimeSource } | { readonly kind: 'operator'; readonly vertex: RuntimeVertex };

/**
 * How records travel along an edge, by the names of Flink's StreamPartitioners: subtask k to
 * subtask k (FORWARD), by key group (HASH, also into one subtask), round-robin (REBALANCE), or
 * all subtasks into one when the edge is not keyed (GLOBAL).
 */
export type ShipStrategy = 'FORWARD' | 'HASH' | 'REBALANCE' | 'GLOBAL';

export interface VertexInput {
  /** The producing job vertex. */
  readonly id: string;
  /** Which input of this vertex it feeds (0 for most operators; joins and unions have more). */
  readonly input: number;
  readonly shipStrategy: ShipStrategy;
}

/**
 * A job vertex as the REST API shows it (Flink's JobVertex): one source or operator of the plan,
 * with its subtasks (index = subtask index). Exchange senders between subtasks are part of the edge,
 * not vertices.
 */
export interface VertexRecord {
  /** 32 hex characters, like Flink's JobVertexID; the same in every attempt of the job. */
  readonly id: string;
  readonly name: string;
  readonly kind: 'source' | 'operator';
  readonly subtasks: readonly SubtaskNode[];
  /** The number of subtasks. */
  readonly parallelism: number;
  /** The vertices feeding this one, by input then producer. */
  readonly inputs: readonly VertexInput[];
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

/**
 * The DAG's job vertices in topological order (sources first): its subtasks grouped by operator
 * name, exchange senders left out; `idOf` names each vertex by its name (stable across attempts).
 * An edge through an exchange sender is HASH or REBALANCE by the sender's kind; a direct edge is
 * classified by `directShipStrategy`.
 */
export function jobVertices(dag: RuntimeDag, idOf: (name: string) => string): VertexRecord[] {
  const operators = topologicalOrder(dag.vertices).filter((v) => !v.exchange);
  const groups = new Map<string, { kind: 'source' | 'operator'; subtasks: SubtaskNode[] }>();
  const nameOf = new Map<RuntimeSource | RuntimeVertex, string>();
  const add = (name: string, node: SubtaskNode, key: RuntimeSource | RuntimeVertex, subtask: number) => {
    let g = groups.get(name);
    if (!g) groups.set(name, (g = { kind: node.kind, subtasks: [] }));
    g.subtasks[subtask] = node;
    nameOf.set(key, name);
  };
  for (const s of dag.sources) add(s.name, { kind: 'source', source: s }, s, s.subtask);
  for (const v of operators) add(v.operator.name, { kind: 'operator', vertex: v }, v, v.subtask);

  const inputs = new Map<string, VertexInput[]>();
  const edge = (to: RuntimeVertex, input: number, from: string, shipStrategy: ShipStrategy) => {
    const target = nameOf.get(to);
    if (target === undefined) return;
    const list = inputs.get(target) ?? [];
    if (!list.some((e) => e.id === idOf(from) && e.input === input)) list.push({ id: idOf(from), input, shipStrategy });
    inputs.set(target, list);
  };
  for (const from of [...dag.sources, ...operators]) {
    const name = nameOf.get(from)!;
    for (const c of from.consumers) {
      if (c.vertex.exchange) {
        for (const e of c.vertex.consumers) edge(e.vertex, e.input, name, strategyOf(c.vertex));
      } else {
        edge(c.vertex, c.input, name, directShipStrategy(from.parallelism, c.vertex.parallelism, recordedDistribution(c)));
      }
    }
  }
  return [...groups].map(([name, g]) => ({
    id: idOf(name),
    name,
    kind: g.kind,
    // Dense: a subtask index never built would leave a hole.
    subtasks: g.subtasks.filter((s) => s !== undefined),
    parallelism: g.subtasks.filter((s) => s !== undefined).length,
    inputs: [...(inputs.get(name) ?? [])].sort((a, b) => a.input - b.input),
  }));
}
