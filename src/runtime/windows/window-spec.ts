import type { WindowTvfNode } from '../../planner/logical/plan-node.js';
import { PlanError } from '../../types/errors.js';
import { isTimeAttribute } from '../../types/data-type.js';
import { cumulateSlices, hopSlices, tumbleSlices, type SliceAssigner } from './slice-assigner.js';
import { NO_SHIFT, zoneShift, type TimeShift } from './time-shift.js';

/** The slice assigner for a window TVF's kind and parameters (SESSION windows are unaligned: not sliced). */
export function sliceAssignerOf(node: Pick<WindowTvfNode, 'window' | 'params'>): SliceAssigner {
  const p = node.params;
  const offset = p['offset'] ?? 0;
  switch (node.window) {
    case 'TUMBLE':
      return tumbleSlices(p['size']!, offset);
    case 'HOP':
      return hopSlices(p['size']!, p['slide']!, offset);
    case 'CUMULATE':
      return cumulateSlices(p['step']!, p['size']!, offset);
    case 'SESSION':
      throw new PlanError('SESSION windows cannot run on the embedded engine yet.', undefined, 'TUMBLE, HOP and CUMULATE windows run now.');
  }
}

/** Windows on TIMESTAMP_LTZ or processing time are aligned in the session zone; TIMESTAMP needs no shift. */
export function timeShiftOf(node: Pick<WindowTvfNode, 'input' | 'timeIndex'>, zone: string): TimeShift {
  const time = node.input.fields[node.timeIndex]!.type;
  return windowShift(time.kind === 'TIMESTAMP_LTZ' || isTimeAttribute(time, 'PROCTIME'), zone);
}

/** The shift of windows aligned in `zone` (local), or none. */
export function windowShift(local: boolean, zone: string): TimeShift {
  return local && zone !== 'UTC' ? zoneShift(zone) : NO_SHIFT;
}

/** `10 min`, `5 s`, `1 h`, `1 d`, `500 ms`: Flink's formatWithHighestUnit. */
export function formatDuration(ms: number): string {
  const units: [number, string][] = [[86_400_000, 'd'], [3_600_000, 'h'], [60_000, 'min'], [1000, 's']];
  for (const [size, name] of units) if (ms % size === 0 && ms !== 0) return `${ms / size} ${name}`;
  return `${ms} ms`;
}
