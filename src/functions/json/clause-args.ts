/**
 * Maps the parsed SQL/JSON clauses of a call (FunctionCall.json) to the extra arguments the
 * JSON functions expect (see clauses.ts), so the analyzer only has to materialize them:
 * a 'keyword' is a CHAR literal, a 'typedNull' is a NULL literal of the given type (STRING when
 * no type is given), an 'expr' is the DEFAULT expression as written.
 */
import type { Expr, JsonClauses } from '../../sql/ast/expr.js';
import type { TypeNode } from '../../sql/ast/type-node.js';
import { jsonConstructClause, type JsonOnNull } from './clauses.js';

export type ClauseArg =
  | { readonly kind: 'keyword'; readonly value: string }
  | { readonly kind: 'typedNull'; readonly type?: TypeNode }
  | { readonly kind: 'expr'; readonly expr: Expr };

const keyword = (value: string): ClauseArg => ({ kind: 'keyword', value });
const typedNull = (type?: TypeNode): ClauseArg => (type ? { kind: 'typedNull', type } : { kind: 'typedNull' });

const isJsonConstruction = (e: Expr): boolean =>
  e.kind === 'FunctionCall' && e.name.length === 1 && (e.name[0] === 'JSON_OBJECT' || e.name[0] === 'JSON_ARRAY');

/**
 * The arguments to put before and after the call's own arguments, or null when `name` is not a
 * JSON function with clauses (then the call is compiled as written).
 */
export function jsonClauseArgs(
  name: string,
  args: readonly Expr[],
  json: JsonClauses | undefined,
): { prepend: ClauseArg[]; append: ClauseArg[] } | null {
  const c = json ?? {};
  switch (name) {
    case 'JSON_EXISTS':
      return { prepend: [], append: c.onError ? [keyword(c.onError.behavior)] : [] };
    case 'JSON_VALUE': {
      if (!c.returning && !c.onEmpty && !c.onError) return { prepend: [], append: [] };
      const behavior = (b: JsonClauses['onEmpty']): ClauseArg[] => [
        keyword(b?.behavior ?? 'NULL'),
        b?.default ? { kind: 'expr', expr: b.default } : typedNull(c.returning),
      ];
      return { prepend: [], append: [typedNull(c.returning), ...behavior(c.onEmpty), ...behavior(c.onError)] };
    }
    case 'JSON_QUERY': {
      if (!c.wrapper && !c.onEmpty && !c.onError && !c.returning) return { prepend: [], append: [] };
      const append = [
        keyword(`${c.wrapper ?? 'WITHOUT'}_ARRAY`),
        keyword(c.onEmpty?.behavior ?? 'NULL'),
        keyword(c.onError?.behavior ?? 'NULL'),
      ];
      if (c.returning) append.push(typedNull(c.returning));
      return { prepend: [], append };
    }
    case 'JSON_OBJECT':
    case 'JSON_ARRAY': {
      const onNull: JsonOnNull = c.onNull ?? (name === 'JSON_OBJECT' ? 'NULL' : 'ABSENT');
      // Indexes are positions in the final argument list, after the prepended clause.
      const raw = args.flatMap((a, i) => (isJsonConstruction(a) ? [i + 1] : []));
      return { prepend: [keyword(jsonConstructClause(onNull, raw))], append: [] };
    }
    default:
      return null;
  }
}
