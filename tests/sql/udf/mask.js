// A scalar function: keeps the first `keep` characters and masks the rest.
export const returns = 'STRING';
export function evaluate(s, keep) {
  return s.slice(0, keep) + '*'.repeat(Math.max(0, s.length - keep));
}
