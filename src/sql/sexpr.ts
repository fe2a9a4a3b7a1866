import type { Expr } from './ast/expr.js';
import type { TypeNode } from './ast/type-node.js';

/** A compact, fully parenthesized rendering of an expression, for tests and debugging. */
export function toSexpr(e: Expr): string {
  const s = toSexpr;
  switch (e.kind) {
    case 'NumericLiteral':
      return e.text;
    case 'StringLiteral':
      return `'${e.value.replace(/'/g, "''")}'`;
    case 'BinaryLiteral':
      return `X'${e.hex}'`;
    case 'BooleanLiteral':
      return e.value ? 'TRUE' : 'FALSE';
    case 'NullLiteral':
      return 'NULL';
    case 'TypedLiteral':
      return `${e.type} '${e.value}'`;
    case 'IntervalLiteral':
      return `INTERVAL ${e.negative ? '-' : ''}'${e.value}' ${qualifier(e.qualifier)}`;
    case 'ColumnRef':
      return e.names.join('.');
    case 'Star':
      return e.qualifier ? `${e.qualifier.join('.')}.*` : '*';
    case 'Unary':
      return `(${e.op} ${s(e.operand)})`;
    case 'Binary':
      return `(${s(e.left)} ${e.op} ${s(e.right)})`;
    case 'IsPredicate':
      return `(${s(e.operand)} IS ${e.negated ? 'NOT ' : ''}${e.test})`;
    case 'IsDistinctFrom':
      return `(${s(e.left)} IS ${e.negated ? 'NOT ' : ''}DISTINCT FROM ${s(e.right)})`;
    case 'IsJson':
      return `(${s(e.operand)} IS ${e.negated ? 'NOT ' : ''}JSON ${e.jsonType})`;
    case 'Between':
      return `(${s(e.operand)} ${e.negated ? 'NOT ' : ''}BETWEEN${e.symmetric ? ' SYMMETRIC' : ''} ${s(e.low)} AND ${s(e.high)})`;
    case 'Like':
      return `(${s(e.operand)} ${e.negated ? 'NOT ' : ''}${e.similar ? 'SIMILAR TO' : 'LIKE'} ${s(e.pattern)}${e.escape ? ` ESCAPE ${s(e.escape)}` : ''})`;
    case 'InList':
      return `(${s(e.operand)} ${e.negated ? 'NOT ' : ''}IN [${e.list.map(s).join(', ')}])`;
    case 'InSubquery':
      return `(${s(e.operand)} ${e.negated ? 'NOT ' : ''}IN <query>)`;
    case 'Exists':
      return '(EXISTS <query>)';
    case 'ScalarSubquery':
      return '<query>';
    case 'Case':
      return `(CASE${e.operand ? ' ' + s(e.operand) : ''}${e.whens.map((w) => ` WHEN ${s(w.when)} THEN ${s(w.then)}`).join('')}${e.else ? ` ELSE ${s(e.else)}` : ''})`;
    case 'Cast':
      return `(${e.try ? 'TRY_CAST' : 'CAST'} ${s(e.operand)} AS ${typeText(e.target)})`;
    case 'Extract':
      return `(EXTRACT ${e.unit} FROM ${s(e.operand)})`;
    case 'Trim':
      return `(TRIM ${e.side}${e.chars ? ' ' + s(e.chars) : ''} FROM ${s(e.operand)})`;
    case 'FunctionCall': {
      const args = e.star ? '*' : (e.distinct ? 'DISTINCT ' : '') + e.args.map(s).join(', ');
      let out = e.noParens ? e.name.join('.') : `${e.name.join('.')}(${args})`;
      if (e.filter) out += ` FILTER(${s(e.filter)})`;
      if (e.over) out += ' OVER' + (e.over.refName ? ' ' + e.over.refName : '(…)');
      return out;
    }
    case 'ArrayConstructor':
      return `ARRAY[${e.elements.map(s).join(', ')}]`;
    case 'MapConstructor':
      return `MAP[${e.entries.map(s).join(', ')}]`;
    case 'RowConstructor':
      return `${e.explicit ? 'ROW' : ''}(${e.fields.map(s).join(', ')})`;
    case 'Subscript':
      return `${s(e.base)}[${s(e.index)}]`;
    case 'FieldAccess':
      return `${s(e.base)}.${e.field}`;
    case 'TimeUnitArg':
      return e.unit;
    case 'NamedArg':
      return `${e.name} => ${s(e.value)}`;
    case 'DescriptorArg':
      return `DESCRIPTOR(${e.columns.join(', ')})`;
    case 'TableArg':
      return `TABLE ${e.table ? e.table.join('.') : '<query>'}${e.partitionBy.length ? ` PARTITION BY ${e.partitionBy.map(s).join(', ')}` : ''}`;
  }
}

function qualifier(q: { start: string; end?: string; startPrecision?: number; fractionalPrecision?: number }): string {
  return `${q.start}${q.startPrecision !== undefined ? `(${q.startPrecision})` : ''}${q.end ? ` TO ${q.end}` : ''}${q.fractionalPrecision !== undefined ? `[${q.fractionalPrecision}]` : ''}`;
}

/** A compact rendering of a type node. */
export function typeText(t: TypeNode): string {
  let out = t.name;
  if (t.args.length) out += `(${t.args.join(', ')})`;
  if (t.children.length) out += `<${t.children.map(typeText).join(', ')}>`;
  if (t.fields) out += `<${t.fields.map((f) => `${f.name} ${typeText(f.type)}${f.description !== undefined ? ` '${f.description}'` : ''}`).join(', ')}>`;
  if (t.interval) out += ' ' + qualifier(t.interval);
  if (t.notNull) out += ' NOT NULL';
  return out;
}
