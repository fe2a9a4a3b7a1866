import { typeToString } from '../types/type-string.js';
import { Decimal, Timestamp } from '../types/values.js';
import type { Field } from './logical/plan-node.js';
import type { Rex } from './rex.js';

/** An expression as Flink's plans print it: `>(price, 10)`, `UPPER(name)`, `CAST(a AS BIGINT)`. */
export function rexToString(rex: Rex, input: readonly Field[]): string {
  const s = (r: Rex) => rexToString(r, input);
  switch (rex.kind) {
    case 'InputRef':
      return input[rex.index]?.name ?? `$${rex.index}`;
    case 'Literal':
      return literalText(rex.value);
    case 'Call':
      return `${rex.name}(${rex.args.map(s).join(', ')})`;
    case 'Logical':
      return `${rex.op}(${rex.args.map(s).join(', ')})`;
    case 'Not':
      return `NOT(${s(rex.arg)})`;
    case 'IsNull':
      return `IS ${rex.negated ? 'NOT ' : ''}NULL(${s(rex.arg)})`;
    case 'IsBool':
      return `IS ${rex.negated ? 'NOT ' : ''}${rex.test}(${s(rex.arg)})`;
    case 'Case':
      return `CASE(${[...rex.whens.flatMap((w) => [s(w.when), s(w.then)]), s(rex.else)].join(', ')})`;
    case 'Cast':
      return `${rex.try ? 'TRY_CAST' : 'CAST'}(${s(rex.arg)} AS ${typeToString(rex.type)})`;
    case 'InList':
      return `${rex.negated ? 'NOT IN' : 'IN'}(${[s(rex.arg), ...rex.list.map(s)].join(', ')})`;
    case 'FieldAccess':
      return rex.access.kind === 'field'
        ? `${s(rex.base)}.${rex.base.type.kind === 'ROW' ? rex.base.type.fields[rex.access.index]!.name : rex.access.index}`
        : `ITEM(${s(rex.base)}, ${s(rex.access.key)})`;
    case 'Construct':
      return `${rex.ctor}(${rex.args.map(s).join(', ')})`;
  }
}

function literalText(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return `_UTF-16LE'${v.replace(/'/g, "''")}'`;
  if (v instanceof Decimal) return v.toString();
  if (v instanceof Timestamp) return `${v.millis}`;
  if (v instanceof Uint8Array) return `X'${Buffer.from(v).toString('hex').toUpperCase()}'`;
  return String(v);
}
