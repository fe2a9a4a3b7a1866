/**
 * A small schema check with the facts of Flink's REST spec (apache/flink
 * docs/static/generated/rest_v1_dispatcher.yml, components/schemas): each listed field must be
 * present with its type; extra fields are allowed, as Flink clients ignore unknown fields.
 */
export type Schema =
  | 'string' | 'int' | 'number' | 'bool' | 'hex32'
  | { readonly nullable: Schema }
  | { readonly enum: readonly string[] }
  | { readonly array: Schema }
  | { readonly map: Schema }
  | { readonly object: Readonly<Record<string, Schema>> };

/** Where `value` breaks `schema`, as `$.path: reason` lines (none when it fits). */
export function violations(value: unknown, schema: Schema, path = '$'): string[] {
  if (typeof schema === 'string') {
    const ok = schema === 'string' ? typeof value === 'string'
      : schema === 'int' ? Number.isInteger(value)
      : schema === 'number' ? typeof value === 'number'
      : schema === 'bool' ? typeof value === 'boolean'
      : typeof value === 'string' && /^[0-9a-f]{32}$/.test(value);
    return ok ? [] : [`${path}: expected ${schema}, got ${JSON.stringify(value)}`];
  }
  if ('nullable' in schema) return value === null ? [] : violations(value, schema.nullable, path);
  if ('enum' in schema) return schema.enum.includes(value as string) ? [] : [`${path}: ${JSON.stringify(value)} not in ${schema.enum.join('|')}`];
  if ('array' in schema) {
    if (!Array.isArray(value)) return [`${path}: expected an array`];
    return value.flatMap((v, i) => violations(v, schema.array, `${path}[${i}]`));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: expected an object`];
  const record = value as Record<string, unknown>;
  if ('map' in schema) return Object.entries(record).flatMap(([k, v]) => violations(v, schema.map, `${path}.${k}`));
  return Object.entries(schema.object).flatMap(([k, s]) => (k in record ? violations(record[k], s, `${path}.${k}`) : [`${path}: missing '${k}'`]));
}
