import type { SinkCommittable, SinkWriter } from '../../connectors/connector.js';
import type { Chunk } from '../../types/row.js';
import type { Operator } from './operator.js';

/**
 * Hands chunks to a connector's writer; commits on finish, discards on close without finish.
 * With checkpoints, drives the writer's two-phase commit: pre-commit on each checkpoint, commit
 * once it completes. Committables of a checkpoint that failed stay pending and go into the next
 * one, so nothing pre-committed is lost.
 */
export class SinkOperator implements Operator {
  rowsWritten = 0;
  /**
   * With periodic checkpoints, the end of input commits through a final checkpoint (as Flink's
   * FLIP-147), not here: a process killed after committing but before recording it would
   * otherwise replay committed rows.
   */
  commitOnCheckpoint = false;
  private pending: { id: number; committable: SinkCommittable }[] = [];

  constructor(
    readonly name: string,
    private readonly writer: SinkWriter,
  ) {}

  processChunk(chunk: Chunk): void | Promise<void> {
    this.rowsWritten += chunk.rows.length;
    return this.writer.write(chunk);
  }

  /** Pre-commits for checkpoint `id`; returns every committable not yet committed, oldest first. */
  async prepareCommit(id: number): Promise<SinkCommittable[]> {
    if (!this.writer.prepareCommit) return [];
    this.pending.push({ id, committable: await this.writer.prepareCommit(id) });
    return this.pending.map((p) => p.committable);
  }

  /** Checkpoint `id` is complete: commits what it and earlier checkpoints pre-committed. */
  async commitUpTo(id: number): Promise<void> {
    while (this.pending.length > 0 && this.pending[0]!.id <= id) {
      await this.writer.commit?.(this.pending[0]!.committable);
      this.pending.shift();
    }
  }

  /**
   * Before any input after a restore: commits the checkpoint's committables of this subtask, the
   * last one through the writer's restore, and `orphaned` ones of subtasks that no longer exist.
   */
  async restore(committables: readonly SinkCommittable[], orphaned: readonly SinkCommittable[] = []): Promise<void> {
    for (const c of orphaned) await this.writer.commit?.(c);
    if (committables.length === 0) return;
    for (const c of committables.slice(0, -1)) await this.writer.commit?.(c);
    await this.writer.restore?.(committables.at(-1));
  }

  async finish(): Promise<void> {
    if (this.commitOnCheckpoint && this.writer.prepareCommit) return;
    await this.commitUpTo(Number.MAX_SAFE_INTEGER);
    await this.writer.finish();
  }

  close(): Promise<void> {
    return this.writer.close();
  }
}
