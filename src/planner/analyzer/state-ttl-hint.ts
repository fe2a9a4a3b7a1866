import { parseDurationMillis } from '../../catalog/option-readers.js';
import type * as A from '../../sql/ast/index.js';
import { SqlError } from '../../types/errors.js';

/**
 * Flink's STATE_TTL query hint: `SELECT /*+ STATE_TTL('o' = '1d', 'p' = '12h') *\/ …` gives the
 * regular join over inputs `o` and `p` (or the group aggregation over input `o`) its own state
 * time-to-live, instead of `table.exec.state.ttl`. Inputs are named by alias or table name.
 */
export function stateTtlHint(s: A.Select, regularJoin: boolean, aggregate: boolean): { join?: [number?, number?]; aggregate?: number } {
  const hints = s.hints.filter((h) => h.name.toUpperCase() === 'STATE_TTL');
  if (hints.length === 0 || !s.from) return {};
  const ttls = new Map<string, number>();
  for (const h of hints) {
    for (const [name, value] of h.options) {
      const millis = parseDurationMillis(value);
      if (millis === null) throw new SqlError('INVALID_HINT', `Invalid duration '${value}' for STATE_TTL of '${name}'`, h.span, "Use a duration such as '1d', '12 h' or '30 min'.");
      ttls.set(name, millis);
    }
  }
  const used = new Set<string>();
  const ttlOf = (ref: A.TableRef) => {
    const name = refName(ref);
    if (name === undefined || !ttls.has(name)) return undefined;
    used.add(name);
    return ttls.get(name);
  };
  const result: { join?: [number?, number?]; aggregate?: number } = {};
  if (s.from.kind === 'Join' && regularJoin) result.join = [ttlOf(s.from.left), ttlOf(s.from.right)];
  else if (aggregate && s.from.kind !== 'Join') {
    const ttl = ttlOf(s.from);
    if (ttl !== undefined) result.aggregate = ttl;
  }
  const unknown = [...ttls.keys()].filter((k) => !used.has(k));
  if (unknown.length > 0) {
    throw new SqlError('INVALID_HINT', `The options of following hints cannot match the name of input tables or views: \n\`${unknown.join(', ')}\` in \`STATE_TTL\``, hints[0]!.span,
      'STATE_TTL names the inputs (alias or table name) of the regular join or group aggregation of this SELECT.');
  }
  return result;
}

function refName(ref: A.TableRef): string | undefined {
  if ('alias' in ref && ref.alias) return ref.alias;
  return ref.kind === 'TableName' ? ref.name[ref.name.length - 1] : undefined;
}
