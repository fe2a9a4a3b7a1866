import { FunctionTypeError } from '../../functions/function-def.js';
import type * as A from '../../sql/ast/index.js';
import * as T from '../../types/data-type.js';
import { SqlError } from '../../types/errors.js';
import type { Span } from '../../types/span.js';
import { typeToString } from '../../types/type-string.js';
import { rexToString } from '../explain-rex.js';
import type { Field, MatchRecognizeNode } from '../logical/plan-node.js';
import { forEachInputRef, inputRef, literal, type Rex } from '../rex.js';
import { aggregateResultType } from './aggregate-types.js';
import { AGGREGATE_FUNCTIONS } from './aggregate-names.js';
import { analyzeExpr } from './analyze-expr.js';
import { analyzeFrom } from './analyze-from.js';
import type { Relation } from './analyze-query.js';
import type { ExprContext } from './expr-context.js';
import { matchFunction } from './match-functions.js';
import { checkPattern, patternToString, patternVariables } from './match-pattern.js';
import type { PlannerEnv } from './planner-env.js';
import { Scope, type ScopeColumn } from './scope.js';

/** The default pattern variable: every row of the match (`price` without a variable). */
const ALL = '*';
const NAVIGATION: ReadonlySet<string> = new Set(['FIRST', 'LAST', 'PREV', 'NEXT']);

/** Where an expression sits: DEFINE or MEASURES, and inside which navigation or aggregate call. */
interface Mode {
  readonly clause: 'DEFINE' | 'MEASURES';
  readonly nav?: string;
  readonly agg?: boolean;
}

const invalid = (message: string, span: Span, hint?: string) => new SqlError('INVALID_MATCH_RECOGNIZE', message, span, hint);

/**
 * Analyzes `input MATCH_RECOGNIZE (…)` as Flink 1.20 validates and plans it: names and types
 * (Calcite's validator), then the checks of Flink's match rule and CEP translation, which Flink
 * reports when the statement is planned. Output: partition columns, then the measures.
 */
export function analyzeMatchRecognize(ref: A.MatchRecognize, env: PlannerEnv): Relation {
  const input = analyzeFrom(ref.input, env);
  const columns = input.columns;
  const width = columns.length;
  const base = { functions: env.functions, session: env.session };
  const inputScope = new Scope(columns);
  const columnKey = (e: A.Expr, clause: string): number => {
    const rex = analyzeExpr(e, { ...base, scope: inputScope, clause });
    if (rex.kind !== 'InputRef') throw invalid(`${clause} of MATCH_RECOGNIZE takes columns, not expressions`, e.span, 'Compute the expression in a subquery under MATCH_RECOGNIZE.');
    return rex.index;
  };
  const partitionKeys = ref.partitionBy.map((e) => columnKey(e, 'PARTITION BY'));
  const orderKeys = ref.orderBy.map((o) => ({ index: columnKey(o.expr, 'ORDER BY'), direction: o.direction }));

  // Pattern variables: those of PATTERN, then DEFINE and SUBSET names (Calcite accepts DEFINE of unused ones).
  const vars: string[] = [];
  const addVar = (v: string) => vars.includes(v) || vars.push(v);
  patternVariables(ref.pattern, ref.span).forEach(addVar);
  const defined = new Set<string>();
  for (const d of ref.define) {
    if (defined.has(d.name)) throw invalid(`Pattern variable '${d.name}' has already been defined`, d.condition.span);
    defined.add(d.name);
    addVar(d.name);
  }
  for (const s of ref.subsets) {
    if (vars.includes(s.name)) throw invalid(`Pattern variable '${s.name}' has already been defined`, ref.span);
    for (const v of s.vars) if (!vars.includes(v)) throw invalid(`Unknown pattern '${v}'`, ref.span, `Pattern variables: ${vars.join(', ')}.`);
    addVar(s.name);
  }
  const afterMatch = afterMatchText(ref.afterMatch, vars, ref.span);

  // Expressions see each input column once per variable (`A.price`) and once unqualified (`*`).
  const variables = [ALL, ...vars];
  const mrColumns: ScopeColumn[] = variables.flatMap((v, vi) =>
    columns.map((c): ScopeColumn => {
      const type = T.withNullability(T.withoutTimeAttribute(c.type), true);
      return vi === 0 ? { name: c.name, type, hiddenFromStar: c.hiddenFromStar ?? false } : { name: c.name, qualifier: v, type, hiddenFromStar: true };
    }));
  const mrScope = new Scope(mrColumns);
  const virtualFields: Field[] = variables.flatMap((v) => columns.map((c) => ({ name: `${v}.${c.name}`, type: c.type })));
  const variablesOf = (rexes: readonly Rex[], withAll: boolean): Set<string> => {
    const used = new Set<string>();
    for (const r of rexes) forEachInputRef(r, (i) => used.add(variables[Math.floor(i / width)]!));
    if (!withAll) used.delete(ALL);
    return used;
  };
  const ruleErrors: SqlError[] = [];
  const translateErrors: SqlError[] = [];

  const ctxFor = (mode: Mode): ExprContext => ({ ...base, scope: mrScope, clause: mode.clause, substitute: (e) => substitute(e, mode) });
  const call = (name: string, args: Rex[], type: T.DataType): Rex => ({ kind: 'Call', fn: matchFunction(name), name, args, type });
  const navigation = (name: string, arg: Rex, offset: number) => call(name, [arg, literal(offset, T.INT(false))], T.withNullability(arg.type, true));

  const substitute = (e: A.Expr, mode: Mode): Rex | undefined => {
    if (e.kind === 'ColumnRef') {
      const rex = analyzeExpr(e, { ...base, scope: mrScope, clause: mode.clause });
      // Calcite reads a bare reference in DEFINE as the current row: PREV(x, 0).
      return mode.clause === 'DEFINE' && !mode.nav && !mode.agg ? navigation('PREV', rex, 0) : rex;
    }
    if (e.kind !== 'FunctionCall' || e.over || e.name.length !== 1) return undefined;
    const name = e.name[0]!.toUpperCase();
    if (NAVIGATION.has(name)) return analyzeNavigation(name, e, mode);
    if (AGGREGATE_FUNCTIONS.has(name)) return analyzeAggregate(name, e, mode);
    if (name === 'MATCH_ROWTIME') return analyzeMatchRowtime(e, mode);
    if (name === 'MATCH_PROCTIME') {
      if (e.args.length > 0) throw argCount(name, '0', e.span);
      return call(name, [], { kind: 'TIMESTAMP_LTZ', precision: 3, nullable: false, timeAttribute: 'PROCTIME' });
    }
    if (name === 'CLASSIFIER') {
      throw new SqlError('UNSUPPORTED', 'Unsupported call: CLASSIFIER()', e.span, 'Flink 1.20 does not support CLASSIFIER in MATCH_RECOGNIZE.');
    }
    return undefined;
  };

  const analyzeNavigation = (name: string, e: A.FunctionCall, mode: Mode): Rex => {
    const physical = name === 'PREV' || name === 'NEXT';
    if (physical && mode.clause === 'MEASURES') throw invalid(`Cannot use PREV/NEXT in MEASURE '${callText(e)}'`, e.span);
    if (physical && (mode.nav === 'FIRST' || mode.nav === 'LAST')) throw invalid(`Cannot nest PREV/NEXT under LAST/FIRST '${callText(e)}'`, e.span);
    if (e.star || e.args.length < 1 || e.args.length > 2) throw argCount(name, '1 or 2', e.span);
    const offset = e.args[1] ? offsetOf(e.args[1], name, { ...base, scope: inputScope, clause: mode.clause }) : physical ? 1 : 0;
    const arg = analyzeExpr(e.args[0]!, ctxFor({ ...mode, nav: name }));
    if (variablesOf([arg], false).size > 1) throw invalid(`Multiple pattern variables in '${callText(e)}'`, e.span, 'The value must come from one row: use columns of a single pattern variable.');
    if (physical && offset !== 0) {
      translateErrors.push(new SqlError('UNSUPPORTED', 'Flink does not support physical offsets within partition.', e.span,
        `Use logical offsets instead, e.g. LAST(${e.args[0]!.kind === 'ColumnRef' ? e.args[0]!.names.join('.') : 'var.col'}, 1).`));
    }
    return navigation(name, arg, offset);
  };

  const analyzeAggregate = (name: string, e: A.FunctionCall, mode: Mode): Rex => {
    if (mode.nav) throw invalid(`Cannot use aggregation in navigation '${callText(e)}'`, e.span);
    if (mode.agg) throw new SqlError('INVALID_AGGREGATE', 'Aggregate expressions cannot be nested', e.span);
    if (e.distinct) throw new SqlError('UNSUPPORTED', 'DISTINCT aggregations are not supported in MATCH_RECOGNIZE', e.span);
    if (e.filter) throw new SqlError('UNSUPPORTED', 'FILTER clauses are not supported for aggregations in MATCH_RECOGNIZE', e.span);
    const args = e.star ? [] : e.args.map((a) => analyzeExpr(a, ctxFor({ ...mode, agg: true })));
    let type: T.DataType;
    try {
      type = aggregateResultType(name, args.map((a) => a.type), false);
    } catch (err) {
      if (err instanceof FunctionTypeError) throw new SqlError('INVALID_CALL', err.message, e.span);
      throw err;
    }
    const rex = call(name, args, type);
    if (variablesOf(args, true).size > 1) {
      ruleErrors.push(invalid(`Aggregation must be applied to a single pattern variable. Malformed expression: ${rexToString(rex, virtualFields)}`, e.span,
        'Aggregate columns of one pattern variable (SUM(A.price * A.tax)), or of all rows without a variable (SUM(price)).'));
    }
    return rex;
  };

  const analyzeMatchRowtime = (e: A.FunctionCall, mode: Mode): Rex => {
    if (e.args.length > 1 || e.star) throw argCount('MATCH_ROWTIME', '0 or 1', e.span);
    const arg = e.args[0];
    if (!arg) return call('MATCH_ROWTIME', [], { kind: 'TIMESTAMP', precision: 3, nullable: false, timeAttribute: 'ROWTIME' });
    const ref = arg.kind === 'ColumnRef' ? analyzeExpr(arg, { ...base, scope: mrScope, clause: mode.clause }) : undefined;
    if (!ref || ref.kind !== 'InputRef') {
      throw new SqlError('INVALID_CALL', 'The function MATCH_ROWTIME requires a field reference as argument, but actual argument is not a simple field reference.', arg.span);
    }
    // The argument keeps its time attribute: the result is that rowtime type.
    const type = columns[ref.index % width]!.type;
    if (!T.isTimestamp(type) || type.timeAttribute !== 'ROWTIME') {
      throw new SqlError('INVALID_CALL', `The function MATCH_ROWTIME requires argument to be a row time attribute type, but is '${typeToString(type)}'.`, arg.span);
    }
    return call('MATCH_ROWTIME', [inputRef(ref.index, type)], type);
  };

  // Calcite validates WITHIN, DEFINE, then MEASURES.
  let withinMs: number | undefined;
  if (ref.within) {
    if (ref.orderBy.length === 0) throw invalid('Must contain an ORDER BY clause when WITHIN is used', ref.within.span);
    const rex = analyzeExpr(ref.within, { ...base, scope: inputScope, clause: 'WITHIN' });
    if (rex.kind === 'Literal' && rex.type.kind === 'INTERVAL_DAY_TIME' && typeof rex.value === 'number') withinMs = rex.value;
    else translateErrors.push(new SqlError('UNSUPPORTED', 'Only constant intervals with millisecond resolution are supported as time constraints of patterns.', ref.within.span));
  }
  const define = ref.define.map((d) => {
    const rex = analyzeExpr(d.condition, ctxFor({ clause: 'DEFINE' }));
    if (rex.type.kind !== 'BOOLEAN' && rex.type.kind !== 'NULL') {
      throw new SqlError('TYPE_MISMATCH', 'DEFINE clause must be a condition', d.condition.span, `The condition of ${d.name} is of type ${typeToString(rex.type)}; it must be BOOLEAN.`);
    }
    return { name: d.name, rex };
  });
  const measures = ref.measures.map((m, i) => ({ name: m.alias ?? `EXPR$${i}`, rex: analyzeExpr(m.expr, ctxFor({ clause: 'MEASURES' })) }));

  // Flink's match rule: aggregations, output mode, column names.
  if (ruleErrors[0]) throw ruleErrors[0];
  if (ref.rowsPerMatch === 'ALL') throw new SqlError('UNSUPPORTED', 'All rows per match mode is not supported yet.', ref.span, 'Use ONE ROW PER MATCH.');
  const partitionNames = partitionKeys.map((k) => columns[k]!.name);
  const clashes = partitionNames.filter((n) => measures.some((m) => m.name === n));
  if (clashes.length > 0 || (measures.length === 0 && partitionKeys.length !== width)) {
    throw invalid(`Columns ambiguously defined: {${clashes.join(', ')}}`, ref.span,
      measures.length === 0 ? 'Add a MEASURES clause: the output is the partition columns and the measures.' : 'Rename the measures that repeat a partition column: partition columns are part of the output.');
  }

  // Flink's CEP translation: time order, then the pattern.
  if (orderKeys.length === 0) throw invalid('You must specify either rowtime or proctime for order by.', ref.span, 'Add ORDER BY <time attribute> inside MATCH_RECOGNIZE.');
  const time = columns[orderKeys[0]!.index]!.type;
  if (!T.isTimestamp(time) || !time.timeAttribute) {
    throw invalid('You must specify either rowtime or proctime for order by as the first one.', ref.orderBy[0]!.span,
      `'${columns[orderKeys[0]!.index]!.name}' is ${typeToString(time)}; order by a column with a WATERMARK or a PROCTIME() column first.`);
  }
  if (orderKeys[0]!.direction !== 'ASC') throw invalid('Primary sort order of a streaming table must be ascending on time.', ref.orderBy[0]!.span);
  const elements = checkPattern(ref.pattern, ref.span);
  if (translateErrors[0]) throw translateErrors[0];

  const fields: Field[] = [
    ...partitionKeys.map((k) => ({ name: columns[k]!.name, type: T.withoutTimeAttribute(columns[k]!.type) })),
    ...measures.map((m) => ({ name: m.name, type: m.rex.type })),
  ];
  const node: MatchRecognizeNode = {
    kind: 'MatchRecognize',
    input: input.node,
    partitionKeys,
    orderKeys,
    variables,
    measures,
    define,
    pattern: patternToString(elements),
    subsets: ref.subsets,
    rowsPerMatch: ref.rowsPerMatch ?? 'ONE',
    afterMatch,
    ...(withinMs !== undefined ? { withinMs } : {}),
    fields,
  };
  return { node, columns: fields.map((f) => ({ name: f.name, type: f.type })) };
}

function argCount(name: string, expected: string, span: Span): SqlError {
  return new SqlError('INVALID_CALL', `Invalid number of arguments to function '${name}'. Was expecting ${expected} arguments`, span);
}

/** The offset argument of FIRST/LAST/PREV/NEXT: a non-negative integer literal. */
function offsetOf(e: A.Expr, name: string, ctx: ExprContext): number {
  const rex = analyzeExpr(e, ctx);
  const value = rex.kind === 'Literal' && T.isExactInteger(rex.type) ? Number(rex.value) : NaN;
  if (!Number.isInteger(value) || value < 0) throw new SqlError('INVALID_CALL', `The offset of ${name} must be a non-negative integer literal`, e.span);
  return value;
}

/** `AFTER MATCH SKIP …` as Flink prints it; the default is SKIP TO NEXT ROW. */
function afterMatchText(text: string | undefined, vars: readonly string[], span: Span): string {
  if (!text) return 'SKIP TO NEXT ROW';
  const words = text.split(' ');
  const upper = words.map((w) => w.toUpperCase());
  if (upper[0] === 'PAST') return 'SKIP PAST LAST ROW';
  if (upper.length === 3 && upper[1] === 'NEXT' && upper[2] === 'ROW') return 'SKIP TO NEXT ROW';
  const which = upper.length === 3 && upper[1] === 'FIRST' ? 'FIRST' : 'LAST';
  const raw = words.slice(upper.length === 3 ? 2 : 1).join(' ');
  const name = raw.startsWith('`') && raw.endsWith('`') ? raw.slice(1, -1).replace(/``/g, '`') : raw;
  if (!vars.includes(name)) throw invalid(`Unknown pattern '${name}'`, span, `AFTER MATCH SKIP TO names a pattern variable: ${vars.join(', ')}.`);
  return `SKIP TO ${which} ${name}`;
}

/** A call as written, for messages: `LAST(A.price, 1)`. */
function callText(e: A.FunctionCall): string {
  const arg = (a: A.Expr): string =>
    a.kind === 'ColumnRef' ? a.names.join('.') : a.kind === 'NumericLiteral' ? a.text : a.kind === 'FunctionCall' ? callText(a) : '…';
  return `${e.name.join('.')}(${e.star ? '*' : e.args.map(arg).join(', ')})`;
}
