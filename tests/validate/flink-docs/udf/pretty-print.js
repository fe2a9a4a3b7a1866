// A scalar function for the SELECT examples.
export const returns = 'STRING';
export function evaluate(v) {
  return v === null ? null : `<${String(v)}>`;
}
