import { resolve } from 'node:path';
import type { JobRecord } from './job-record.js';
import type { RestResponse as Answer } from './rest-routes.js';
import { parseRequestBody, SAVEPOINT_TRIGGER_BODY, STOP_WITH_SAVEPOINT_BODY } from './request-body.js';
import { OperationError, type SavepointOperations } from './savepoint-operations.js';

/** Flink 1.20's CheckpointingOptions.SAVEPOINT_DIRECTORY (formerly `state.savepoints.dir`). */
const SAVEPOINT_DIR_KEY = 'execution.checkpointing.savepoint-dir';

const badRequest = (message: string): Answer => ({ status: 400, body: { errors: [message] } });

/**
 * POST /jobs/:jobid/savepoints: SavepointTriggerRequestBody → 202 TriggerResponse. With
 * `cancel-job` the job stops right after the savepoint (atomically: nothing is processed after
 * it) and ends CANCELED, as Flink's cancel-with-savepoint.
 */
export function triggerSavepoint(job: JobRecord, text: string, operations: SavepointOperations): Answer {
  const body = parseRequestBody(text, SAVEPOINT_TRIGGER_BODY);
  if (typeof body === 'string') return badRequest(body);
  const dir = targetDirectory(job, body['target-directory'] as string | undefined, 'target-directory');
  if (typeof dir === 'object') return dir;
  const cancel = body['cancel-job'] === true;
  const id = operations.start(job.id, body['triggerId'] as string | undefined, async () => {
    assertRunning(job);
    if (!cancel) return (await job.runner.triggerSavepoint(dir)).location!;
    job.stopping = true;
    job.cancelWithSavepoint = true;
    try {
      const record = await job.runner.stopWithSavepoint(dir, false);
      if (job.state === 'RUNNING') job.transition('CANCELLING');
      return record.location!;
    } catch (err) {
      job.stopping = false;
      job.cancelWithSavepoint = false;
      throw err;
    }
  });
  return { status: 202, body: { 'request-id': id } };
}

/**
 * POST /jobs/:jobid/stop: StopWithSavepointRequestBody → 202 TriggerResponse. The job ends
 * FINISHED after the savepoint; with `drain` its sources first end as if exhausted (every window
 * fires, every sink commits).
 */
export function stopWithSavepoint(job: JobRecord, text: string, operations: SavepointOperations): Answer {
  const body = parseRequestBody(text, STOP_WITH_SAVEPOINT_BODY);
  if (typeof body === 'string') return badRequest(body);
  const dir = targetDirectory(job, body['targetDirectory'] as string | undefined, 'targetDirectory');
  if (typeof dir === 'object') return dir;
  const id = operations.start(job.id, body['triggerId'] as string | undefined, async () => {
    assertRunning(job);
    job.stopping = true;
    try {
      const record = await job.runner.stopWithSavepoint(dir, body['drain'] === true);
      job.syncSavepoints.add(record.id);
      return record.location!;
    } catch (err) {
      job.stopping = false;
      throw err;
    }
  });
  return { status: 202, body: { 'request-id': id } };
}

/** GET /jobs/:jobid/savepoints/:triggerid: AsynchronousOperationResult, or Flink's 404 for an unknown id. */
export function savepointStatus(job: JobRecord, triggerId: string, operations: SavepointOperations): Answer {
  const result = operations.result(job.id, triggerId);
  if (result) return { status: 200, body: result };
  return { status: 404, body: { errors: [`Operation not found under key: AsynchronousJobOperationKey{jobId=${job.id}, triggerId=${triggerId}}`] } };
}

/**
 * The request's directory (a path or `file:` URI, relative ones from the working directory), or
 * undefined for the configured default, which the runner resolves against the script's
 * directory. Without either, Flink's SavepointHandlers answer 400.
 */
function targetDirectory(job: JobRecord, requested: string | undefined, property: string): string | undefined | Answer {
  if (requested !== undefined) return resolve(requested.replace(/^file:(\/\/)?/, ''));
  if (job.checkpointing.savepointsDir === undefined) return badRequest(`Config key [${SAVEPOINT_DIR_KEY}] is not set. Property [${property}] must be provided.`);
  return undefined;
}

/** Fails the operation (as Flink's async result reports it) when the job cannot take a savepoint now. */
function assertRunning(job: JobRecord): void {
  const checkpointException = 'org.apache.flink.runtime.checkpoint.CheckpointException';
  if (job.ended) throw new OperationError('org.apache.flink.runtime.messages.FlinkJobNotFoundException', `Could not find Flink job (${job.id})`);
  if (job.state !== 'RUNNING') throw new OperationError(checkpointException, 'Not all required tasks are currently running.');
  if (job.stopping) throw new OperationError(checkpointException, 'The job is already being stopped with a savepoint.');
}
