import * as T from '../../types/data-type.js';
import { SqlError } from '../../types/errors.js';
import type { Span } from '../../types/span.js';
import { typeToString } from '../../types/type-string.js';
import type { Field, PlanNode, WindowTvfNode } from '../logical/plan-node.js';
import type { Rex } from '../rex.js';

export type WindowKind = WindowTvfNode['window'];

/** Parameter names per window kind, in positional order after the time column. */
export const WINDOW_PARAMS: Record<WindowKind, readonly string[]> = {
  TUMBLE: ['size', 'offset'],
  HOP: ['slide', 'size', 'offset'],
  CUMULATE: ['step', 'size', 'offset'],
  SESSION: ['gap'],
};

/** An interval argument's value in milliseconds (day-time intervals only, as Flink). */
export function intervalMillis(rex: Rex, what: string, span: Span): number {
  if (rex.kind !== 'Literal' || rex.type.kind !== 'INTERVAL_DAY_TIME' || typeof rex.value !== 'number') {
    throw new SqlError('INVALID_WINDOW', `The ${what} of a window must be a constant INTERVAL of days, hours, minutes or seconds, but is ${typeToString(rex.type)}`, span);
  }
  return rex.value;
}

/**
 * A window TVF over `input`: its columns (the time column no longer a time attribute) plus
 * window_start, window_end and window_time, as Flink's window TVFs produce.
 */
export function windowTvfNode(window: WindowKind, input: PlanNode, timeIndex: number, params: Record<string, number>, partitionKeys: number[], span: Span): WindowTvfNode {
  const time = input.fields[timeIndex]!.type;
  if ((time.kind !== 'TIMESTAMP' && time.kind !== 'TIMESTAMP_LTZ') || !time.timeAttribute) {
    throw new SqlError('INVALID_WINDOW', `The window function requires the timecol is a time attribute type, but is ${typeToString(time)}.`, span,
      'Declare a WATERMARK on the column (event time) or use a PROCTIME() computed column.');
  }
  for (const k of ['size', 'slide', 'step', 'gap']) {
    if (params[k] !== undefined && params[k] <= 0) throw new SqlError('INVALID_WINDOW', `The ${k} of a ${window} window must be a positive interval`, span);
  }
  if (window === 'HOP' && params['size']! % params['slide']! !== 0) {
    throw new SqlError('INVALID_WINDOW', `HOP table function based aggregate requires size must be an integral multiple of slide, but got size ${params['size']} ms and slide ${params['slide']} ms.`, span);
  }
  if (window === 'CUMULATE' && params['size']! % params['step']! !== 0) {
    throw new SqlError('INVALID_WINDOW', `CUMULATE table function based aggregate requires maxSize must be an integral multiple of step, but got maxSize ${params['size']} ms and step ${params['step']} ms.`, span);
  }
  const fields: Field[] = input.fields.map((f, i) => (i === timeIndex ? { name: f.name, type: T.withoutTimeAttribute(f.type) } : f));
  const windowTime: T.DataType = time.timeAttribute === 'PROCTIME'
    ? { kind: 'TIMESTAMP_LTZ', precision: 3, nullable: false, timeAttribute: 'PROCTIME' }
    : { kind: time.kind, precision: 3, nullable: false, timeAttribute: 'ROWTIME' };
  fields.push({ name: 'window_start', type: T.TIMESTAMP(3, false) }, { name: 'window_end', type: T.TIMESTAMP(3, false) }, { name: 'window_time', type: windowTime });
  return { kind: 'WindowTvf', input, window, timeIndex, params, partitionKeys, fields };
}
