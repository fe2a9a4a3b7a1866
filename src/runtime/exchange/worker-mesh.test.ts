import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerMesh, type ChannelMessage } from './worker-mesh.js';

// Worker 0's mesh, with the port to worker 1; the test posts as worker 1 on `peer`.
let mesh: WorkerMesh;
let peer: MessagePort;
/** Worker 0's end of the channel (the mesh listens on it). */
let own: MessagePort;
let seen: string[];

function setUp(): void {
  const { port1, port2 } = new MessageChannel();
  mesh = new WorkerMesh([undefined, port1]);
  peer = port2;
  own = port1;
  seen = [];
  mesh.on(0, (msg) => seen.push(msg.t === 'watermark' ? `w${msg.watermark}` : msg.t));
  mesh.on(1, (msg) => seen.push(msg.t === 'credit' ? `credit${msg.n}` : msg.t));
  mesh.start();
}

const watermark = (w: number): ChannelMessage => ({ t: 'watermark', ch: 0, watermark: w });
const macrotask = () => new Promise((r) => setImmediate(r));
const until = async (done: () => boolean) => {
  for (let i = 0; i < 1000 && !done(); i++) await macrotask();
};

afterEach(() => {
  mesh.close();
  peer.close();
});

describe('WorkerMesh', () => {
  it('handles what arrives in a later macrotask, in order', async () => {
    setUp();
    for (let w = 1; w <= 3; w++) peer.postMessage(watermark(w));
    expect(seen).toEqual([]);
    await until(() => seen.length === 3);
    expect(seen).toEqual(['w1', 'w2', 'w3']);
  });

  it('pump handles what has arrived at once; later messages still come in order', async () => {
    setUp();
    for (let w = 0; w < 100; w++) peer.postMessage(watermark(w));
    mesh.pump();
    // A pump takes a bounded number of messages from a port: the peer may go on sending.
    expect(seen).toHaveLength(64);
    await until(() => seen.length === 100);
    expect(seen).toEqual(Array.from({ length: 100 }, (_, w) => `w${w}`));
  });

  it('a pump handles messages that arrived before it first', async () => {
    setUp();
    peer.postMessage(watermark(1));
    // Listeners run in order: when this one runs, the mesh has taken w1 into its inbox.
    await new Promise<void>((resolve) => {
      own.once('message', () => {
        peer.postMessage(watermark(2));
        mesh.pump();
        resolve();
      });
    });
    expect(seen).toEqual(['w1', 'w2']);
    await macrotask();
    expect(seen).toEqual(['w1', 'w2']);
  });

  it('handles credit as it arrives, ahead of data waiting in the inbox', () => {
    setUp();
    peer.postMessage(watermark(1));
    peer.postMessage({ t: 'credit', ch: 1, n: 2 } satisfies ChannelMessage);
    mesh.pump();
    expect(seen).toEqual(['credit2', 'w1']);
  });

  it('pumps nothing before it starts', () => {
    const { port1, port2 } = new MessageChannel();
    mesh = new WorkerMesh([undefined, port1]);
    peer = port2;
    seen = [];
    mesh.on(0, (msg) => seen.push(msg.t));
    peer.postMessage(watermark(1));
    mesh.pump();
    expect(seen).toEqual([]);
  });
});
