/**
 * Flink's cluster shapes (apache/flink docs/static/generated/rest_v1_dispatcher.yml,
 * components/schemas): TaskManagersInfo, TaskManagerDetailsInfo and their parts, with the
 * `blocked` flag 1.20's TaskManagerInfo adds to that spec.
 */
import type { Schema } from './rest-schema.js';

const long = 'int' as const;

export const ResourceProfileInfo: Schema = {
  object: { cpuCores: 'number', taskHeapMemory: 'int', taskOffHeapMemory: 'int', managedMemory: 'int', networkMemory: 'int', extendedResources: { map: 'number' } },
};

const taskManagerFields = {
  id: 'hex32', path: 'string', dataPort: 'int', jmxPort: 'int', timeSinceLastHeartbeat: long, slotsNumber: 'int', freeSlots: 'int',
  totalResource: ResourceProfileInfo, freeResource: ResourceProfileInfo,
  hardware: { object: { cpuCores: 'int', physicalMemory: long, freeMemory: long, managedMemory: long } },
  memoryConfiguration: {
    object: {
      frameworkHeap: long, taskHeap: long, frameworkOffHeap: long, taskOffHeap: long, networkMemory: long, managedMemory: long,
      jvmMetaspace: long, jvmOverhead: long, totalFlinkMemory: long, totalProcessMemory: long,
    },
  },
  blocked: 'bool',
} as const satisfies Record<string, Schema>;

export const TaskManagerInfo: Schema = { object: taskManagerFields };
export const TaskManagersInfo: Schema = { object: { taskmanagers: { array: TaskManagerInfo } } };

export const TaskManagerDetailsInfo: Schema = {
  object: {
    ...taskManagerFields,
    allocatedSlots: { array: { object: { jobId: 'hex32', resource: ResourceProfileInfo } } },
    metrics: {
      object: {
        heapUsed: long, heapCommitted: long, heapMax: long, nonHeapUsed: long, nonHeapCommitted: long, nonHeapMax: long,
        directCount: long, directUsed: long, directMax: long, mappedCount: long, mappedUsed: long, mappedMax: long,
        memorySegmentsAvailable: long, memorySegmentsTotal: long,
        nettyShuffleMemorySegmentsAvailable: long, nettyShuffleMemorySegmentsUsed: long, nettyShuffleMemorySegmentsTotal: long,
        nettyShuffleMemoryAvailable: long, nettyShuffleMemoryUsed: long, nettyShuffleMemoryTotal: long,
        garbageCollectors: { array: { object: { name: 'string', count: long, time: long } } },
      },
    },
  },
};
