import type { IntervalQualifier, TimeUnit, TypeNode } from './ast/type-node.js';
import type { Pos } from '../types/span.js';
import { INTERVAL_UNITS, nearMiss, timeUnitOf } from './keywords.js';
import type { Parser } from './parser-base.js';

type Field = NonNullable<TypeNode['fields']>[number];

const SIMPLE: Record<string, string> = {
  BOOLEAN: 'BOOLEAN', TINYINT: 'TINYINT', SMALLINT: 'SMALLINT', INT: 'INT', INTEGER: 'INT', BIGINT: 'BIGINT',
  FLOAT: 'FLOAT', REAL: 'FLOAT', DOUBLE: 'DOUBLE', DECIMAL: 'DECIMAL', DEC: 'DECIMAL', NUMERIC: 'DECIMAL',
  CHAR: 'CHAR', CHARACTER: 'CHAR', VARCHAR: 'VARCHAR', STRING: 'STRING', BINARY: 'BINARY', VARBINARY: 'VARBINARY',
  BYTES: 'BYTES', DATE: 'DATE', TIME: 'TIME', TIMESTAMP: 'TIMESTAMP', TIMESTAMP_LTZ: 'TIMESTAMP_LTZ', NULL: 'NULL',
};
const TYPE_WORDS = [...Object.keys(SIMPLE), 'ARRAY', 'MAP', 'MULTISET', 'ROW', 'INTERVAL', 'RAW'];

/** Maximum number of numeric arguments per type. */
const MAX_ARGS: Record<string, number> = {
  DECIMAL: 2, CHAR: 1, VARCHAR: 1, BINARY: 1, VARBINARY: 1, TIME: 1, TIMESTAMP: 1, TIMESTAMP_LTZ: 1, FLOAT: 1,
};

function node(p: Parser, start: Pos, name: string, extra: Partial<TypeNode> = {}): TypeNode {
  return { kind: 'Type', span: p.span(start), name, args: [], children: [], notNull: false, ...extra };
}

/** A full data type including `ARRAY`/`MULTISET` suffixes and `[NOT] NULL`. */
export function parseDataType(p: Parser): TypeNode {
  let t = parseBaseType(p);
  for (;;) {
    t = nullability(p, t);
    if (p.accept('ARRAY')) t = node(p, t.span.start, 'ARRAY', { children: [t] });
    else if (p.accept('MULTISET')) t = node(p, t.span.start, 'MULTISET', { children: [t] });
    else return t;
  }
}

function nullability(p: Parser, t: TypeNode): TypeNode {
  if (p.isKw('NOT') && p.isKw('NULL', 1)) {
    p.next();
    p.next();
    return { ...t, span: p.span(t.span.start), notNull: true };
  }
  // `… RETURNING INT NULL ON ERROR`: that NULL belongs to the JSON clause.
  if (p.at('NULL') && !p.isKw('ON', 1)) {
    p.next();
    return { ...t, span: p.span(t.span.start), notNull: false };
  }
  return t;
}

function typeArgs(p: Parser): number[] {
  const args: number[] = [];
  if (p.acceptOp('(')) {
    args.push(p.intLit('length or precision').value);
    while (p.acceptOp(',')) args.push(p.intLit('scale').value);
    p.expectOp(')');
  }
  return args;
}

function parseBaseType(p: Parser): TypeNode {
  const t = p.tok;
  p.expect_('data type');
  if (t.kind !== 'ident') throw p.unexpected();
  const start = t.start;
  const up = t.upper;
  if (up === 'ARRAY' || up === 'MULTISET') {
    p.next();
    p.expectOp('<');
    const el = parseDataType(p);
    p.expectOp('>');
    return node(p, start, up, { children: [el] });
  }
  if (up === 'MAP') {
    p.next();
    p.expectOp('<');
    const k = parseDataType(p);
    p.expectOp(',');
    const v = parseDataType(p);
    p.expectOp('>');
    return node(p, start, 'MAP', { children: [k, v] });
  }
  if (up === 'ROW') {
    p.next();
    return node(p, start, 'ROW', { fields: rowFields(p) });
  }
  if (up === 'INTERVAL') {
    p.next();
    const q = parseIntervalQualifier(p);
    return node(p, start, 'INTERVAL', { interval: q });
  }
  if (up === 'RAW') {
    p.next();
    throw p.errorAt({ start, end: p.prevEnd }, 'RAW types are not supported by weir', 'use a STRING or BYTES column and decode it in a function instead');
  }
  let name = SIMPLE[up];
  if (!name) {
    const guess = nearMiss(up, TYPE_WORDS);
    throw p.errorAt(t, `Unknown data type '${t.text}'`, guess ? `did you mean ${guess}?` : undefined);
  }
  p.next();
  if (name === 'DOUBLE') p.accept('PRECISION');
  if ((name === 'CHAR' || name === 'VARCHAR') && p.accept('VARYING')) name = 'VARCHAR';
  const args = typeArgs(p);
  const max = MAX_ARGS[name] ?? 0;
  if (args.length > max) {
    throw p.errorAt({ start, end: p.prevEnd }, `Too many arguments for type ${name}: at most ${max} allowed`);
  }
  if (name === 'TIME' || name === 'TIMESTAMP') {
    if (p.atSeq('WITHOUT', 'TIME', 'ZONE')) {
      p.next(), p.next(), p.next();
    } else if (p.atSeq('WITH', 'LOCAL', 'TIME', 'ZONE')) {
      p.next(), p.next(), p.next(), p.next();
      name = name === 'TIME' ? 'TIME_LTZ' : 'TIMESTAMP_LTZ';
      if (name === 'TIME_LTZ') throw p.errorAt({ start, end: p.prevEnd }, 'TIME WITH LOCAL TIME ZONE is not supported', 'use TIME or TIMESTAMP_LTZ');
    } else if (p.isKw('WITH') && p.isKw('TIME', 1) && p.isKw('ZONE', 2)) {
      p.next(), p.next(), p.next();
      throw p.errorAt({ start, end: p.prevEnd }, `${name} WITH TIME ZONE is not supported by Flink`, 'use TIMESTAMP_LTZ (TIMESTAMP WITH LOCAL TIME ZONE)');
    }
  }
  return node(p, start, name, { args });
}

/** `<a INT 'desc', b STRING>` or `(a INT, b STRING)`. */
function rowFields(p: Parser): Field[] {
  // `ROW<>` lexes as the `<>` operator.
  if (p.isOp('<>')) {
    p.next();
    return [];
  }
  const angle = p.isOp('<');
  if (!angle && !p.isOp('(')) {
    p.expect_("'<'");
    p.expect_("'('");
    throw p.unexpected();
  }
  p.next();
  const close = angle ? '>' : ')';
  const fields: Field[] = [];
  if (p.acceptOp(close)) return fields;
  do {
    const start = p.tok.start;
    const tok = p.tok;
    // Field names may be any word, reserved or not.
    const name = tok.kind === 'ident' || tok.kind === 'quoted' ? (p.next(), tok.text) : p.identifier('field name').name;
    const type = parseDataType(p);
    let description: string | undefined;
    if (p.isString()) description = p.stringLit().value;
    fields.push({ name, type, span: p.span(start), ...(description !== undefined ? { description } : {}) });
  } while (p.acceptOp(','));
  p.expectOp(close);
  return fields;
}

function unit(p: Parser, allowed: ReadonlySet<TimeUnit>): TimeUnit {
  const t = p.tok;
  p.expect_('time unit');
  const u = t.kind === 'ident' ? timeUnitOf(t.upper) : undefined;
  if (!u || !allowed.has(u)) throw p.unexpected();
  p.next();
  return u;
}

/** `DAY`, `DAY(2) TO SECOND(3)`, `SECOND(2, 3)`, `MINUTES`. */
export function parseIntervalQualifier(p: Parser): IntervalQualifier {
  const start = p.tok.start;
  const s = unit(p, INTERVAL_UNITS);
  let startPrecision: number | undefined;
  let fractionalPrecision: number | undefined;
  if (p.acceptOp('(')) {
    startPrecision = p.intLit('precision').value;
    if (s === 'SECOND' && p.acceptOp(',')) fractionalPrecision = p.intLit('fractional precision').value;
    p.expectOp(')');
  }
  let end: TimeUnit | undefined;
  if (p.isKw('TO') && p.peek().kind === 'ident' && timeUnitOf(p.peek().upper)) {
    p.next();
    end = unit(p, INTERVAL_UNITS);
    if (end === 'SECOND' && p.acceptOp('(')) {
      fractionalPrecision = p.intLit('fractional precision').value;
      p.expectOp(')');
    }
  }
  return {
    span: p.span(start),
    start: s,
    ...(startPrecision !== undefined ? { startPrecision } : {}),
    ...(end ? { end } : {}),
    ...(fractionalPrecision !== undefined ? { fractionalPrecision } : {}),
  };
}

/** Is the current token a time unit keyword (for EXTRACT, TIMESTAMPADD, CEIL … TO)? */
export function parseTimeUnit(p: Parser): TimeUnit {
  const t = p.tok;
  p.expect_('time unit');
  const u = t.kind === 'ident' ? timeUnitOf(t.upper) : undefined;
  if (!u) throw p.unexpected();
  p.next();
  return u;
}
