import { describe, expect, it } from 'vitest';
import type { Consumer } from '../task/runtime-dag.js';
import { RemoteLinks } from './remote-links.js';
import { COORDINATOR, WorkerMesh } from './worker-mesh.js';

const consumer = (subtask: number): Consumer => ({
  vertex: { operator: { name: 'op', processChunk: () => {}, processWatermark: () => {} }, description: 'op', subtask, parallelism: 2, inputs: 1, consumers: [] },
  input: 0,
});

/** Links every producer subtask of a 2 → 2 exchange, as the DAG builder does in every worker. */
function linkAll(worker: number): RemoteLinks {
  const links = new RemoteLinks({ worker, workers: 2, mesh: new WorkerMesh([]), credits: 2 });
  for (let k = 0; k < 2; k++) for (let c = 0; c < 2; c++) links.link(k, 2, consumer(c));
  return links;
}

describe('RemoteLinks', () => {
  it('gives each worker the senders and inputs of its own subtasks, numbered alike everywhere', () => {
    const w0 = linkAll(0);
    const w1 = linkAll(1);
    // Subtask 0 → 1 is channel 0 and 1 → 0 is channel 1 in both workers.
    expect(w0.outgoing.map((s) => s.channel)).toEqual([0]);
    expect(w0.inputs.map((i) => [i.channel, i.worker])).toEqual([[1, 1]]);
    expect(w1.outgoing.map((s) => s.channel)).toEqual([1]);
    expect(w1.inputs.map((i) => [i.channel, i.worker])).toEqual([[0, 0]]);
  });

  it('gives the coordinating main thread no subtask, sender or input', () => {
    const main = linkAll(COORDINATOR);
    expect([0, 1, 2, 3].some((k) => main.owns(k))).toBe(false);
    expect(main.outgoing).toEqual([]);
    expect(main.inputs).toEqual([]);
  });
});
