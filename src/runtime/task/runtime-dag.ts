import type { Operator } from '../operators/operator.js';
import type { SourceReader } from '../../connectors/connector.js';
import type { SinkOperator } from '../operators/sink-operator.js';
import type { ChannelMerge } from './channel-merge.js';
import type { TaskLock } from './task-lock.js';
import type { Distribution } from './distribution.js';
import type { HashKey } from '../../types/value-hash.js';
import type { RemoteLinks } from '../exchange/remote-links.js';
import type { VertexMetrics } from './vertex-metrics.js';

/** Where an output goes: an operator's input (one channel of it when several subtasks feed it). */
export interface Consumer {
  readonly vertex: RuntimeVertex;
  readonly input: number;
  readonly channel?: { readonly merge: ChannelMerge; readonly index: number };
  /** How the edge distributes rows when the consumer is linked directly (REST shows HASH or GLOBAL by it). */
  readonly distribution?: Distribution['kind'];
}

/** An operator in the running DAG with the consumers its output feeds. */
export interface RuntimeVertex {
  readonly operator: Operator;
  /** Which of the node's `parallelism` subtasks this is. */
  readonly subtask: number;
  readonly parallelism: number;
  /** The sending side of an exchange between subtasks (no state, not a job vertex of its own). */
  readonly exchange?: boolean;
  /** The plan node as EXPLAIN shows it: checkpoints compare it on restore to detect a changed query. */
  readonly description: string;
  readonly inputs: number;
  /** Per input, the key its rows are distributed by (keyed inputs only; set when inputs are connected). */
  inputKeys?: (((row: unknown[]) => HashKey) | undefined)[];
  readonly consumers: Consumer[];
  /** Records in/out, watermarks and busy time (Flink's task metrics), counted per chunk. */
  readonly metrics?: VertexMetrics;
}

export interface RuntimeSource {
  readonly name: string;
  readonly subtask: number;
  readonly parallelism: number;
  readonly reader: SourceReader;
  readonly bounded: boolean;
  readonly consumers: Consumer[];
  readonly metrics?: VertexMetrics;
}

export interface RuntimeDag {
  readonly sources: RuntimeSource[];
  readonly vertices: RuntimeVertex[];
  readonly sinks: SinkOperator[];
  readonly lock: TaskLock;
  /** Worker threads: this worker's channels to and from the other workers. */
  readonly remote?: RemoteLinks;
}
