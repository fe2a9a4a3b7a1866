/**
 * The shapes of Flink's job responses, with the facts of Flink's REST spec (apache/flink
 * docs/static/generated/rest_v1_dispatcher.yml, components/schemas): each listed field must be
 * present with its type; extra fields are allowed, as Flink clients ignore unknown fields.
 */
import type { Schema } from './rest-schema.js';

export const JOB_STATUS = { enum: ['INITIALIZING', 'CREATED', 'RUNNING', 'FAILING', 'FAILED', 'CANCELLING', 'CANCELED', 'FINISHED', 'RESTARTING', 'SUSPENDED', 'RECONCILING'] } as const;
export const EXECUTION_STATE = { enum: ['CREATED', 'SCHEDULED', 'DEPLOYING', 'RUNNING', 'FINISHED', 'CANCELING', 'CANCELED', 'FAILED', 'RECONCILING', 'INITIALIZING'] } as const;

export const IOMetricsInfo: Schema = {
  object: {
    'read-bytes': 'int', 'read-bytes-complete': 'bool', 'write-bytes': 'int', 'write-bytes-complete': 'bool',
    'read-records': 'int', 'read-records-complete': 'bool', 'write-records': 'int', 'write-records-complete': 'bool',
  },
};

export const DashboardConfiguration: Schema = {
  object: {
    'refresh-interval': 'int', 'timezone-name': 'string', 'timezone-offset': 'int', 'flink-version': 'string', 'flink-revision': 'string',
    features: { object: { 'web-submit': 'bool', 'web-cancel': 'bool' } },
  },
};

export const ClusterOverviewWithVersion: Schema = {
  object: {
    taskmanagers: 'int', 'slots-total': 'int', 'slots-available': 'int', 'jobs-running': 'int', 'jobs-finished': 'int',
    'jobs-cancelled': 'int', 'jobs-failed': 'int', 'flink-version': 'string', 'flink-commit': 'string',
  },
};

export const JobIdsWithStatusOverview: Schema = { object: { jobs: { array: { object: { id: 'hex32', status: JOB_STATUS } } } } };

/**
 * MultipleJobsDetails as Flink sends it (JobDetails has a custom serializer: `jid`, `name`,
 * `start-time`, …, `tasks` by lower-case state); the 1.15 spec lists the Java bean's names instead.
 */
export const MultipleJobsDetails: Schema = {
  object: {
    jobs: {
      array: {
        object: {
          jid: 'hex32', name: 'string', state: JOB_STATUS, 'start-time': 'int', 'end-time': 'int', duration: 'int', 'last-modification': 'int',
          tasks: { map: 'int' },
        },
      },
    },
  },
};

/** An input of a node of Flink's JSON plan; `ship_strategy` names the StreamPartitioner. */
export const PlanInput: Schema = {
  object: { num: 'int', id: 'hex32', ship_strategy: { enum: ['FORWARD', 'HASH', 'REBALANCE', 'GLOBAL', 'RESCALE', 'BROADCAST'] }, exchange: 'string' },
};

/** JobPlanInfo: `plan` is RawJson, Flink's JSON plan (jid, name, nodes with id, parallelism, description, inputs). */
export const JobPlanInfo: Schema = {
  object: {
    plan: {
      object: {
        jid: 'hex32', name: 'string', type: 'string',
        nodes: { array: { object: { id: 'hex32', parallelism: 'int', description: 'string', operator: 'string', optimizer_properties: { object: {} } } } },
      },
    },
  },
};

/** JobDetailsInfo; its vertices carry Flink's JobDetailsInfo.JobVertexDetailsInfo fields. */
export const JobDetailsInfo: Schema = {
  object: {
    jid: 'hex32', name: 'string', isStoppable: 'bool', state: JOB_STATUS, 'start-time': 'int', 'end-time': 'int', duration: 'int',
    maxParallelism: 'int', now: 'int', timestamps: { map: 'int' },
    vertices: {
      array: {
        object: {
          id: 'hex32', name: 'string', parallelism: 'int', maxParallelism: 'int', status: EXECUTION_STATE,
          'start-time': 'int', 'end-time': 'int', duration: 'int', tasks: { map: 'int' }, metrics: IOMetricsInfo,
        },
      },
    },
    'status-counts': { map: 'int' },
    plan: { object: {} },
  },
};

export const JobVertexDetailsInfo: Schema = {
  object: {
    id: 'hex32', name: 'string', parallelism: 'int', maxParallelism: 'int', now: 'int',
    subtasks: {
      array: {
        object: {
          subtask: 'int', status: EXECUTION_STATE, attempt: 'int', host: 'string', 'start-time': 'int', 'end-time': 'int', duration: 'int',
          metrics: IOMetricsInfo, 'taskmanager-id': 'string', start_time: 'int',
        },
      },
    },
  },
};

export const JobExceptionsInfoWithHistory: Schema = {
  object: {
    'root-exception': { nullable: 'string' }, timestamp: { nullable: 'int' }, 'all-exceptions': { array: { object: {} } }, truncated: 'bool',
    exceptionHistory: {
      object: {
        entries: { array: { object: { exceptionName: 'string', stacktrace: 'string', timestamp: 'int', concurrentExceptions: { array: { object: {} } } } } },
        truncated: 'bool',
      },
    },
  },
};

export const ErrorResponseBody: Schema = { object: { errors: { array: 'string' } } };
