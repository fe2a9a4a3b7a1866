import type { RuleContext } from './rule.js';

/** Built-in aggregates whose accumulators merge (all of weir's; user aggregates may lack `merge`). */
export const MERGEABLE = new Set([
  'COUNT', 'SUM', 'SUM0', '$SUM0', 'AVG', 'MIN', 'MAX', 'VAR_POP', 'VAR_SAMP', 'VARIANCE', 'STDDEV_POP', 'STDDEV_SAMP', 'STDDEV',
  'COLLECT', 'LISTAGG', 'FIRST_VALUE', 'LAST_VALUE', 'ARRAY_AGG', 'JSON_OBJECTAGG', 'JSON_ARRAYAGG',
]);

/**
 * Whether `table.optimizer.agg-phase-strategy` asks for local/global aggregation: TWO_PHASE and
 * AUTO do (as Flink's streaming planner, whatever the parallelism, so a savepoint restores at
 * another parallelism with the same operators), ONE_PHASE does not.
 */
export function twoPhaseWanted(ctx: RuleContext): boolean {
  const strategy = (ctx.option('table.optimizer.agg-phase-strategy') ?? 'AUTO').toUpperCase();
  return strategy === 'TWO_PHASE' || strategy === 'AUTO';
}
