import type { SinkCommittable, SourcePosition } from '../../connectors/connector.js';

/** The name of the file that makes a checkpoint or savepoint directory restorable (as in Flink). */
export const METADATA_FILE = '_metadata';

export type CheckpointKind = 'CHECKPOINT' | 'SAVEPOINT';

/**
 * What `_metadata` holds (JSON, versioned: future weir versions must keep reading version 1).
 * State files are named relative to the directory, so a copied directory restores.
 */
export interface CheckpointMetadata {
  readonly format: 'weir-checkpoint';
  readonly version: 1;
  readonly kind: CheckpointKind;
  readonly checkpointId: number;
  readonly jobId: string;
  readonly timestamp: number;
  readonly maxParallelism: number;
  /** Stateful operators only, by stable operator id. */
  readonly operators: readonly OperatorEntry[];
  readonly sources: readonly SourceEntry[];
  readonly sinks: readonly SinkEntry[];
  /** Worker threads: chunks that were in flight between workers (absent when none were). */
  readonly channels?: readonly ChannelEntry[];
}

export interface ChannelEntry {
  /** The consuming operator, its subtask and parallelism, and which of its inputs. */
  readonly uid: string;
  readonly subtask: number;
  readonly parallelism: number;
  readonly input: number;
  /** Relative to the checkpoint directory: the encoded chunks, in arrival order. */
  readonly file: string;
  readonly bytes: number;
}

export interface OperatorEntry {
  readonly uid: string;
  /** The plan node the state belongs to, as EXPLAIN shows it: compared on restore. */
  readonly description: string;
  readonly subtasks: readonly {
    readonly subtask: number;
    readonly keyGroups: readonly [number, number];
    /** Relative to the checkpoint directory. */
    readonly file: string;
    readonly bytes: number;
  }[];
}

export interface SourceEntry {
  readonly uid: string;
  readonly subtasks: readonly { readonly subtask: number; readonly position: SourcePosition }[];
}

export interface SinkEntry {
  readonly uid: string;
  /** Per subtask, the committables not yet committed when the checkpoint was taken, oldest first. */
  readonly subtasks: readonly { readonly subtask: number; readonly committables: readonly SinkCommittable[] }[];
}
