/** The JSON type of one field of a Flink request body; null is accepted for every field (absent). */
export type FieldType = 'string' | 'boolean' | 'triggerId' | readonly string[];

/** A Flink request body class: its simple name (for the error) and its fields. */
export interface RequestBodySpec {
  readonly name: string;
  readonly fields: Readonly<Record<string, FieldType>>;
}

export const SAVEPOINT_TRIGGER_BODY: RequestBodySpec = {
  name: 'SavepointTriggerRequestBody',
  fields: { 'target-directory': 'string', 'cancel-job': 'boolean', triggerId: 'triggerId', formatType: ['CANONICAL', 'NATIVE'] },
};

export const STOP_WITH_SAVEPOINT_BODY: RequestBodySpec = {
  name: 'StopWithSavepointRequestBody',
  fields: { targetDirectory: 'string', drain: 'boolean', triggerId: 'triggerId', formatType: ['CANONICAL', 'NATIVE'] },
};

/**
 * Parses a request body as Flink's strict REST mapper does: an empty body is `{}`; malformed JSON,
 * an unknown field or a value of the wrong type answer Flink's one-line error (never a trace).
 * Returns the fields given (nulls dropped), or the error message.
 */
export function parseRequestBody(text: string, spec: RequestBodySpec): Record<string, string | boolean> | string {
  const mismatch = `Request did not match expected format ${spec.name}.`;
  let value: unknown;
  try {
    value = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    return mismatch;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return mismatch;
  const out: Record<string, string | boolean> = {};
  for (const [key, v] of Object.entries(value)) {
    const type = spec.fields[key];
    if (type === undefined) return mismatch;
    if (v === null) continue;
    const ok = type === 'string' ? typeof v === 'string'
      : type === 'boolean' ? typeof v === 'boolean'
      : type === 'triggerId' ? typeof v === 'string' && /^[0-9a-fA-F]{32}$/.test(v)
      : typeof v === 'string' && type.includes(v);
    if (!ok) return mismatch;
    out[key] = type === 'triggerId' ? (v as string).toLowerCase() : (v as string | boolean);
  }
  return out;
}
