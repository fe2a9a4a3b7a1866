import type { Calc as CalcNode, Field, PlanNode, WindowAggregateNode, WindowTvfNode } from '../logical/plan-node.js';
import { forEachInputRef, inputRef, type Rex } from '../rex.js';
import type { Rule } from './rule.js';

/**
 * Aggregate(GROUP BY window_start, window_end, …) over a window TVF → WindowAggregate, as
 * Flink's planner folds the TVF into the window aggregate: the aggregate reads the TVF's input
 * directly and computes the window columns itself. Applies when the window columns are only
 * grouped on (not computed with).
 */
export const windowAggregate: Rule = {
  name: 'window-aggregate',
  rewrite(node) {
    if (node.kind !== 'Aggregate' || !node.window) return undefined;
    const { calc, tvf } = underAggregate(node.input);
    if (!tvf) return undefined;
    const n = tvf.input.fields.length;
    const projects = calc ? calc.projects : tvf.fields.map((f, i) => inputRef(i, f.type));
    const windowProp = (r: Rex) => (r.kind === 'InputRef' && r.index >= n ? r.index - n : undefined);
    const readsWindow = (r: Rex) => {
      let found = false;
      forEachInputRef(r, (i) => (found ||= i >= n));
      return found;
    };
    if (projects.some((p) => windowProp(p) === undefined && readsWindow(p))) return undefined;
    if (calc?.condition && readsWindow(calc.condition)) return undefined;
    // Keep the projections that do not just name a window column; remember where each went.
    const sourceFields = calc ? calc.fields : tvf.fields;
    const kept: Rex[] = [];
    const keptFields: Field[] = [];
    const moved = new Map<number, number>();
    projects.forEach((p, i) => {
      if (windowProp(p) === undefined) {
        moved.set(i, kept.length);
        kept.push(p);
        keptFields.push({ name: sourceFields[i]!.name, type: p.type });
      }
    });
    const timeIndex = kept.length;
    const time = tvf.input.fields[tvf.timeIndex]!;
    kept.push(inputRef(tvf.timeIndex, time.type));
    keptFields.push(time);
    const input: CalcNode = { kind: 'Calc', input: tvf.input, projects: kept, condition: calc?.condition, fields: keptFields };
    const plainKeys = node.groupKeys.filter((k) => windowProp(projects[k]!) === undefined);
    const aggCalls = node.aggCalls.map((a) => ({ ...a, args: a.args.map((x) => moved.get(x)!), filterArg: a.filterArg === undefined ? undefined : moved.get(a.filterArg) }));
    const keyFields = node.groupKeys.map((k, i) => ({ k, field: node.fields[i]! })).filter(({ k }) => windowProp(projects[k]!) === undefined).map(({ field }) => field);
    const aggFields = node.fields.slice(node.groupKeys.length);
    const windowFields = tvf.fields.slice(n);
    const windowAgg: WindowAggregateNode = {
      kind: 'WindowAggregate',
      input,
      window: { window: tvf.window, params: tvf.params },
      timeIndex,
      groupKeys: plainKeys.map((k) => moved.get(k)!),
      groupingSets: node.groupingSets?.map((set) => set.filter((k) => windowProp(projects[k]!) === undefined).map((k) => moved.get(k)!)),
      aggCalls,
      fields: [...keyFields, ...aggFields, ...windowFields],
    };
    // Back to the Aggregate's column order: its group keys (window columns among them), then aggregates.
    const width = keyFields.length + aggFields.length;
    let plain = 0;
    const order: Rex[] = node.groupKeys.map((k, i) => {
      const prop = windowProp(projects[k]!);
      return inputRef(prop === undefined ? plain++ : width + prop, node.fields[i]!.type);
    });
    aggFields.forEach((f, i) => order.push(inputRef(keyFields.length + i, f.type)));
    return { kind: 'Calc', input: windowAgg, projects: order, fields: node.fields };
  },
};

function underAggregate(input: PlanNode): { calc?: CalcNode; tvf?: WindowTvfNode } {
  if (input.kind === 'WindowTvf') return { tvf: input };
  if (input.kind === 'Calc' && input.input.kind === 'WindowTvf') return { calc: input, tvf: input.input };
  return {};
}

