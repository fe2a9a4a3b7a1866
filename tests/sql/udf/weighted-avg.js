// An aggregate function: the average of `value` weighted by `weight`.
export const kind = 'aggregate';
export const returns = 'DOUBLE';
export function createAccumulator() {
  return { sum: 0, weight: 0 };
}
export function accumulate(acc, value, weight) {
  if (value === null || weight === null) return acc;
  return { sum: acc.sum + Number(value) * weight, weight: acc.weight + weight };
}
export function merge(acc, other) {
  return { sum: acc.sum + other.sum, weight: acc.weight + other.weight };
}
export function getValue(acc) {
  return acc.weight === 0 ? null : acc.sum / acc.weight;
}
