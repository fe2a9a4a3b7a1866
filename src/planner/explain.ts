import { identifierString } from '../catalog/catalog-table.js';
import { changelogModeString } from '../types/changelog-mode.js';
import { isInsertOnly } from './inference/changelog.js';
import { equiPairs, type UpsertKeys } from './inference/upsert-keys.js';
import { joinInputSpec } from './inference/join-input-spec.js';
import { typeToString } from '../types/type-string.js';
import { rexToString } from './explain-rex.js';
import { conjuncts } from './rex.js';
import { describeMatch } from './explain-match.js';
import { temporalJoinCondition } from './explain-temporal-join.js';
import { belowCalcs, deduplication, inputsOf, type AggCall, type JoinType, type Field, type PlanNode, type PlannedJob, type WindowTvfNode } from './logical/plan-node.js';
import { formatDuration, sliceAssignerOf } from '../runtime/windows/window-spec.js';

/**
 * The job's physical plan as a tree in Flink's EXPLAIN style; each node shows its attributes,
 * the changelog mode it produces and its output row type.
 */
export function explainJob(job: PlannedJob): string {
  const lines: string[] = [];
  const walk = (node: PlanNode, prefix: string, childPrefix: string) => {
    const mode = job.changelog.get(node);
    const attrs = describe(node, job) + (node.kind === 'Sink' && job.upsertMaterialize.has(node) ? ', upsertMaterialize=[true]' : '');
    const keys = node.kind === 'Sink' ? undefined : job.upsertKeys.get(node);
    const keysText = keys ? `, upsertKeys=[${keys.map((k) => `[${k.map((i) => node.fields[i]!.name).join(', ')}]`).join(', ')}]` : '';
    lines.push(`${prefix}${attrs}, changelogMode=[${node.kind === 'Sink' ? 'NONE' : mode ? changelogModeString(mode) : '?'}]${keysText})`);
    // A lookup join reads its table by key, not as an input (Flink shows it as a one-input node).
    const inputs = node.kind === 'Join' && node.temporal === 'lookup' ? [node.left] : inputsOf(node);
    lines.push(`${childPrefix}${inputs.length > 0 ? '|  ' : '   '}rowType=[${node.fields.map((f) => `${f.name} ${typeToString(f.type)}`).join(', ')}]`);
    inputs.forEach((input, i) => {
      const last = i === inputs.length - 1;
      walk(input, `${childPrefix}${last ? '+- ' : ':- '}`, `${childPrefix}${last ? '   ' : ':  '}`);
    });
  };
  for (const sink of job.sinks) walk(sink, '', '');
  return `== Optimized Physical Plan ==\n${lines.join('\n')}\n`;
}

/** `TUMBLE(time_col=[bidtime], size=[10 min])`, as Flink's window specs print. */
function windowText(w: Pick<WindowTvfNode, 'window' | 'params'>, timeCol: string): string {
  const order: Record<string, string[]> = { TUMBLE: ['size', 'offset'], HOP: ['size', 'slide', 'offset'], CUMULATE: ['size', 'step', 'offset'], SESSION: ['gap'] };
  const params = order[w.window]!.filter((k) => w.params[k] !== undefined).map((k) => `${k === 'size' && w.window === 'CUMULATE' ? 'max_size' : k}=[${formatDuration(w.params[k]!)}]`);
  return `${w.window}(time_col=[${timeCol}], ${params.join(', ')})`;
}

function aggText(a: AggCall, input: readonly Field[]): string {
  const args = a.args.length ? a.args.map((i) => input[i]!.name).join(', ') : a.name === 'COUNT' ? '*' : '';
  return `${a.name}(${a.distinct ? 'DISTINCT ' : ''}${args})${a.filterArg !== undefined ? ` FILTER ${input[a.filterArg]!.name}` : ''}`;
}

/** One node as EXPLAIN shows it, e.g. `Calc(select=[a, b], where=[>(a, 1)])`. */
export function describeNode(node: PlanNode): string {
  return `${describe(node)})`;
}

function describe(node: PlanNode, job?: Pick<PlannedJob, 'changelog' | 'upsertKeys'>): string {
  const names = (n: PlanNode) => n.fields;
  switch (node.kind) {
    case 'TableScan': {
      const t = node.table.id;
      return `TableSourceScan(table=[[${t.catalog}, ${t.database}, ${t.name}${node.metadataKeys.length ? `, metadata=[${node.metadataKeys.join(', ')}]` : ''}]], fields=[${node.fields.map((f) => f.name).join(', ')}]`;
    }
    case 'Calc': {
      const input = names(node.input);
      const select = node.projects.map((p, i) => {
        const text = rexToString(p, input);
        const name = node.fields[i]!.name;
        return text === name ? text : `${text} AS ${name}`;
      });
      return `Calc(select=[${select.join(', ')}]${node.condition ? `, where=[${rexToString(node.condition, input)}]` : ''}`;
    }
    case 'WatermarkAssigner':
      return `WatermarkAssigner(rowtime=[${node.fields[node.rowtimeIndex]!.name}], watermark=[${rexToString(node.watermark, node.input.fields)}]`;
    case 'Values':
      return `Values(tuples=[[${node.rows.map((r) => `{ ${r.map((x) => rexToString(x, [])).join(', ')} }`).join(', ')}]], values=[${node.fields.map((f) => f.name).join(', ')}]`;
    case 'Union':
      return `Union(all=[true], union=[${node.fields.map((f) => f.name).join(', ')}]`;
    case 'Sink':
      return node.table
        ? `Sink(table=[${identifierString(node.table.id)}], fields=[${node.input.fields.map((f) => f.name).join(', ')}]`
        : `Collect(fields=[${node.fields.map((f) => f.name).join(', ')}]`;
    case 'Aggregate': {
      const input = node.input.fields;
      const keys = node.groupKeys.map((k) => input[k]!.name);
      const aggs = node.aggCalls.map((a, i) => `${aggText(a, input)} AS ${node.fields[keys.length + i]!.name}`);
      if (node.phase === 'local') aggs.push(`COUNT(*) AS ${node.fields[node.fields.length - 1]!.name}`);
      const sets = node.groupingSets ? `, groupingSets=[${node.groupingSets.map((s) => `{${s.map((k) => input[k]!.name).join(', ')}}`).join(', ')}]` : '';
      const split = node.partialFinal ? `, partialFinalType=[${node.partialFinal}]` : '';
      const name = node.window ? `WindowAggregate(window=[${node.window.window}], ` : `${node.phase === 'local' ? 'Local' : node.phase === 'global' ? 'Global' : ''}GroupAggregate(`;
      return `${name}groupBy=[${keys.join(', ')}]${split}${sets}, select=[${[...keys, ...aggs].join(', ')}]`;
    }
    case 'Join': {
      const where = `where=[${rexToString(node.condition, [...node.left.fields, ...node.right.fields])}], select=[${node.fields.map((f) => f.name).join(', ')}]`;
      const pairs = equiPairs(node.condition, node.left.fields.length);
      if (node.temporal === 'lookup') {
        const table = belowCalcs(node.right);
        const name = table.kind === 'TableScan' ? `table=[${identifierString(table.table.id)}], ` : '';
        const lookup = pairs.map(([l, r]) => `${node.right.fields[r]!.name}=${node.left.fields[l]!.name}`).join(', ');
        const width = node.left.fields.length;
        const rest = conjuncts(node.condition).filter((c) => equiPairs(c, width).length === 0);
        const texts = rest.map((c) => rexToString(c, [...node.left.fields, ...node.right.fields]));
        const restText = texts.length ? `where=[${texts.length === 1 ? texts[0] : `AND(${texts.join(', ')})`}], ` : '';
        return `LookupJoin(${name}joinType=[${JOIN_TYPES[node.joinType]}], lookup=[${lookup}], ${restText}select=[${node.fields.map((f) => f.name).join(', ')}]`;
      }
      if (node.temporal) {
        const condition = temporalJoinCondition(node, job?.upsertKeys.get(node.right));
        return `TemporalJoin(joinType=[${JOIN_TYPES[node.joinType]}], where=[${condition}], select=[${node.fields.map((f) => f.name).join(', ')}]`;
      }
      const spec = (side: 0 | 1) => inputSpec(job?.upsertKeys.get(side === 0 ? node.left : node.right), pairs.map((p) => p[side]));
      return `Join(joinType=[${JOIN_TYPES[node.joinType]}], ${where}${job ? `, leftInputSpec=[${spec(0)}], rightInputSpec=[${spec(1)}]` : ''}`;
    }
    case 'Correlate':
      return `Correlate(invocation=[${node.call}(${node.args.map((a) => rexToString(a, node.input.fields)).join(', ')})], joinType=[${node.joinType}], select=[${node.fields.map((f) => f.name).join(', ')}]`;
    case 'WindowTvf':
      return `WindowTableFunction(window=[${windowText(node, node.input.fields[node.timeIndex]!.name)}]`;
    case 'Over': {
      const input = node.input.fields;
      return `OverAggregate(partitionBy=[${node.partitionKeys.map((k) => input[k]!.name).join(', ')}], orderBy=[${node.orderKeys.map((k) => `${input[k.index]!.name} ${k.direction}`).join(', ')}]${node.frame ? `, ${node.frame.unit} BETWEEN ${node.frame.preceding} PRECEDING AND CURRENT ROW` : ''}, select=[${node.aggCalls.map((a) => aggText(a, input)).join(', ')}]`;
    }
    case 'Sort': {
      const input = node.input.fields;
      return `${node.limit !== undefined ? 'SortLimit' : 'Sort'}(orderBy=[${node.keys.map((k) => `${input[k.index]!.name} ${k.direction}`).join(', ')}]${node.offset !== undefined ? `, offset=[${node.offset}]` : ''}${node.limit !== undefined ? `, fetch=[${node.limit}]` : ''}`;
    }
    case 'MatchRecognize':
      return describeMatch(node);
    case 'Rank': {
      const input = node.input.fields;
      const order = node.orderKeys.map((k) => `${input[k.index]!.name} ${k.direction}`);
      const keys = node.partitionKeys.map((k) => input[k]!.name).join(', ');
      const dedup = deduplication(node);
      if (dedup) {
        const time = input[node.orderKeys[0]!.index]!.type;
        return `Deduplicate(keep=[${dedup === 'first' ? 'FirstRow' : 'LastRow'}], key=[${keys}], order=[${'timeAttribute' in time && time.timeAttribute === 'PROCTIME' ? 'PROCTIME' : 'ROWTIME'}]`;
      }
      // Flink's Top-N strategies: appends only, or keep every row to serve retractions.
      const inputMode = job?.changelog.get(node.input);
      const strategy = inputMode ? `strategy=[${isInsertOnly(inputMode) ? 'AppendFastStrategy' : 'RetractStrategy'}], ` : '';
      return `Rank(${strategy}rankType=[${node.rankFunction}], rankRange=[rankStart=${node.start ?? 1}, rankEnd=${node.limit}], partitionBy=[${keys}], orderBy=[${order.join(', ')}], select=[${node.fields.slice(0, node.outputRank ? undefined : -1).map((f) => f.name).join(', ')}]`;
    }
    case 'IntervalJoin':
      return `IntervalJoin(joinType=[${node.joinType}], windowBounds=[leftLowerBound=${node.lower}, leftUpperBound=${node.upper}, leftTimeIndex=${node.leftTime}, rightTimeIndex=${node.rightTime}], where=[${rexToString(node.condition, [...node.left.fields, ...node.right.fields])}], select=[${node.fields.map((f) => f.name).join(', ')}]`;
    case 'WindowJoin':
      return `WindowJoin(leftWindow=[window_end=[${node.left.fields[node.leftWindowEnd]!.name}]], rightWindow=[window_end=[${node.right.fields[node.rightWindowEnd]!.name}]], joinType=[${node.joinType}], where=[${rexToString(node.condition, [...node.left.fields, ...node.right.fields])}], select=[${node.fields.map((f) => f.name).join(', ')}]`;
    case 'WindowRank': {
      const input = node.input.fields;
      const keys = node.partitionKeys.map((k) => input[k]!.name);
      const order = node.orderKeys.map((k) => `${input[k.index]!.name} ${k.direction}`);
      return `${node.limit === 1 && node.rankFunction === 'ROW_NUMBER' ? 'WindowDeduplicate' : 'WindowRank'}(window=[window_end=[${input[node.windowEndIndex]!.name}]], rankType=[${node.rankFunction}], rankRange=[rankStart=1, rankEnd=${node.limit}], partitionBy=[${keys.join(', ')}], orderBy=[${order.join(', ')}]${node.keepLast ? ', keep=[LastRow]' : ''}`;
    }
    case 'WindowAggregate': {
      const input = node.input.fields;
      const keys = node.groupKeys.map((k) => input[k]!.name);
      const local = node.phase === 'local';
      const aggs = node.aggCalls.map((a, i) => `${aggText(a, input)} AS ${node.fields[keys.length + (local ? 1 : 0) + i]!.name}`);
      const w = node.fields.length - 3;
      const props = local ? [`slice_end('w$) AS $slice_end`] : ['start', 'end', 'rowtime'].map((p, i) => `${p}('w$) AS ${node.fields[w + i]!.name}`);
      const time = node.phase === 'global' ? '$slice_end' : input[node.timeIndex]!.name;
      const name = node.phase === 'local' ? 'LocalWindowAggregate' : node.phase === 'global' ? 'GlobalWindowAggregate' : 'WindowAggregate';
      return `${name}(${keys.length ? `groupBy=[${keys.join(', ')}], ` : ''}window=[${windowText(node.window, time)}]${node.window.window === 'SESSION' ? '' : `, slice=[${formatDuration(sliceAssignerOf(node.window).sliceSize)}]`}, select=[${[...keys, ...aggs, ...props].join(', ')}]`;
    }
    case 'SetOp':
      return `${node.op === 'UNION' ? 'Union' : node.op === 'INTERSECT' ? 'Intersect' : 'Minus'}(all=[${node.all}])`;
  }
}

/** Flink's names of join types in plans. */
const JOIN_TYPES: Record<JoinType, string> = {
  INNER: 'InnerJoin',
  LEFT: 'LeftOuterJoin',
  RIGHT: 'RightOuterJoin',
  FULL: 'FullOuterJoin',
  SEMI: 'LeftSemiJoin',
  ANTI: 'LeftAntiJoin',
};

/** How a join input's rows are identified (Flink's JoinInputSideSpec); the runtime lays out its state the same way. */
function inputSpec(keys: UpsertKeys, joinKey: readonly number[]): string {
  return joinInputSpec(keys, joinKey).kind;
}
