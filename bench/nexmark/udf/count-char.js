// Nexmark q14's scalar UDF: count_char(s, c) is the number of times the first character of c
// occurs in s, as a BIGINT. A NULL s counts 0 occurrences; a NULL or empty c gives NULL.
// Characters are UTF-16 code units, as Java's String.charAt compares them.
export const returns = 'BIGINT';
export const nulls = 'custom';

export function evaluate(s, c) {
  if (c === null || c.length === 0) return null;
  if (s === null) return 0n;
  const ch = c.charCodeAt(0);
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === ch) n++;
  return BigInt(n);
}
