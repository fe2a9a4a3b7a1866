import type { ScalarFunctionDef } from '../../functions/function-def.js';
import { InternalError } from '../../types/errors.js';

/**
 * Plan-only definitions of the calls MATCH_RECOGNIZE expressions contain (FIRST/LAST/PREV/NEXT,
 * MATCH_ROWTIME/MATCH_PROCTIME, aggregates over pattern variables). Their types are inferred by
 * analyze-match-recognize; they are evaluated by a match operator, never compiled as scalars.
 */
const cache = new Map<string, ScalarFunctionDef>();

export function matchFunction(name: string): ScalarFunctionDef {
  let def = cache.get(name);
  if (!def) {
    def = {
      kind: 'scalar',
      names: [name],
      category: 'auxiliary',
      doc: `${name} inside MATCH_RECOGNIZE`,
      nulls: 'custom',
      deterministic: false,
      inferType: () => {
        throw new InternalError(`${name} is typed by the MATCH_RECOGNIZE analyzer`);
      },
      build: () => {
        throw new InternalError(`${name} is evaluated by the MATCH_RECOGNIZE operator, not compiled as a scalar function`);
      },
    };
    cache.set(name, def);
  }
  return def;
}
