/** Built-in aggregate functions: calls to these make a SELECT an aggregation. */
export const AGGREGATE_FUNCTIONS: ReadonlySet<string> = new Set([
  'COUNT', 'SUM', 'SUM0', 'AVG', 'MIN', 'MAX', 'STDDEV_POP', 'STDDEV_SAMP', 'VAR_POP', 'VAR_SAMP', 'VARIANCE', 'STDDEV',
  'COLLECT', 'LISTAGG', 'FIRST_VALUE', 'LAST_VALUE', 'ARRAY_AGG', 'JSON_OBJECTAGG', 'JSON_ARRAYAGG',
  'ROW_NUMBER', 'RANK', 'DENSE_RANK', 'PERCENT_RANK', 'CUME_DIST', 'NTILE', 'LEAD', 'LAG', 'SINGLE_VALUE',
  'BIT_AND', 'BIT_OR', 'BIT_XOR', 'BOOL_AND', 'BOOL_OR', 'PERCENTILE',
  // Grouping functions read which grouping set a row belongs to.
  'GROUPING', 'GROUPING_ID', 'GROUP_ID',
]);

/** Whether `name` (upper case) is an aggregate: a built-in one or a user-defined one. */
export function isAggregateName(name: string, functions: { userAggregate?(name: string): unknown }): boolean {
  return AGGREGATE_FUNCTIONS.has(name) || functions.userAggregate?.(name) !== undefined;
}
