import type { RuntimeVertex } from './runtime-dag.js';

/** The DAG's operators with every producer before its consumers (a checkpoint flushes in this order). */
export function topologicalOrder(vertices: readonly RuntimeVertex[]): RuntimeVertex[] {
  const waiting = new Map<RuntimeVertex, number>();
  for (const v of vertices) waiting.set(v, 0);
  for (const v of vertices) for (const c of v.consumers) waiting.set(c.vertex, waiting.get(c.vertex)! + 1);
  const ready = vertices.filter((v) => waiting.get(v) === 0);
  const order: RuntimeVertex[] = [];
  while (ready.length > 0) {
    const v = ready.shift()!;
    order.push(v);
    for (const c of v.consumers) {
      const n = waiting.get(c.vertex)! - 1;
      waiting.set(c.vertex, n);
      if (n === 0) ready.push(c.vertex);
    }
  }
  return order;
}
