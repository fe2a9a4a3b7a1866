// A table function for the join examples: one row per order id, as a string.
export const kind = 'table';
export const returns = 'ROW<res STRING>';
export function* evaluate(id) {
  if (id !== null) yield [String(id)];
}
