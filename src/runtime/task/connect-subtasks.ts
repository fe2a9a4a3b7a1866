import type { PlanNode } from '../../planner/logical/plan-node.js';
import { buildKeyOf } from '../../types/value-hash.js';
import { FanOut } from '../operators/operator.js';
import { ChannelMerge } from './channel-merge.js';
import type { Distribution } from './distribution.js';
import { HashExchange, RebalanceExchange } from './exchange.js';
import type { Consumer, RuntimeVertex } from './runtime-dag.js';
import type { RemoteLinks } from '../exchange/remote-links.js';
import type { VertexMetrics } from './vertex-metrics.js';

/**
 * Connects the subtasks of a producer (`producers[k]`: what its subtask k feeds) to the subtasks
 * reading `input` as their input `index`: subtask to subtask along a forward edge of equal
 * parallelism, else through an exchange per producing subtask (by key group, or round-robin),
 * each target merging its channels' watermarks. Exchange vertices are appended to `vertices`.
 * With `links` (worker threads), a link between subtasks on different workers becomes a channel.
 */
export function connectSubtasks(producers: Consumer[][], input: PlanNode, targets: readonly RuntimeVertex[], index: number, dist: Distribution, maxParallelism: number, vertices: RuntimeVertex[], links?: { readonly remote: RemoteLinks; metricsOf(k: number): VertexMetrics }): void {
  const channels = producers.length;
  const keyOf = dist.kind === 'hash' ? buildKeyOf(dist.keys.map((c) => input.fields[c]!.type), dist.keys) : undefined;
  if (keyOf) for (const t of targets) (t.inputKeys ??= [])[index] = keyOf;
  if (dist.kind === 'forward' && channels === targets.length) {
    producers.forEach((list, k) => list.push({ vertex: targets[k]!, input: index, distribution: dist.kind }));
    return;
  }
  const merges = targets.map(() => (channels > 1 ? new ChannelMerge(channels) : undefined));
  const entry = (j: number, k: number): Consumer => {
    const merge = merges[j];
    const e: Consumer = merge ? { vertex: targets[j]!, input: index, channel: { merge, index: k } } : { vertex: targets[j]!, input: index };
    return links ? links.remote.link(k, channels, e, links.metricsOf(k)) : e;
  };
  if (targets.length === 1) {
    producers.forEach((list, k) => list.push({ ...entry(0, k), distribution: dist.kind }));
    return;
  }
  producers.forEach((list, k) => {
    const entries = targets.map((_t, j) => entry(j, k));
    const outputs = entries.map((e) => new FanOut([e]));
    const operator = keyOf
      ? new HashExchange(keyOf, outputs, maxParallelism)
      : new RebalanceExchange(outputs, k);
    const v: RuntimeVertex = { operator, description: operator.name, subtask: k, parallelism: channels, exchange: true, inputs: 1, consumers: entries };
    vertices.push(v);
    list.push({ vertex: v, input: 0 });
  });
}
