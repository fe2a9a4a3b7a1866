import type { Expr } from './ast/expr.js';
import type { Explain, ExplainDetail, Insert, QueryStatement, StatementSet } from './ast/statement.js';
import type { Pos } from '../types/span.js';
import { SqlError } from '../types/errors.js';
import { PARSE_ERROR, type Parser } from './parser-base.js';
import { parseExpr } from './parse-expr.js';
import { parseHints } from './parse-hint.js';
import { isQueryAhead, parseQuery } from './parse-query.js';

/** INSERT INTO|OVERWRITE t [hints] [PARTITION (…)] [(cols)] query. The current token is INSERT. */
export function parseInsert(p: Parser, start: Pos = p.tok.start): Insert {
  p.expect('INSERT');
  const overwrite = p.expectOneOf('INTO', 'OVERWRITE') === 'OVERWRITE';
  if (overwrite) p.accept('TABLE');
  const table = p.compoundName('table name');
  const hints = parseHints(p);
  const partition: { column: string; value: Expr }[] = [];
  if (p.accept('PARTITION')) {
    p.expectOp('(');
    do {
      const column = p.identifier('partition column').name;
      p.expectOp('=');
      partition.push({ column, value: parseExpr(p) });
    } while (p.acceptOp(','));
    p.expectOp(')');
  }
  let columns: string[] | undefined;
  if (p.isOp('(') && !isQueryAhead(p)) columns = p.parenIdentList().map((c) => c.name);
  if (!isQueryAhead(p)) {
    p.expect_('SELECT');
    p.expect_('VALUES');
    p.expect_('WITH');
    throw p.unexpected();
  }
  const query = parseQuery(p);
  return {
    kind: 'Insert',
    span: p.span(start),
    overwrite,
    table: table.names,
    tableSpan: table.span,
    partition,
    query,
    ...(columns ? { columns } : {}),
    ...(hints.length ? { hints } : {}),
  };
}

/**
 * `[EXECUTE] STATEMENT SET BEGIN insert; … END` (current token EXECUTE or STATEMENT), or the legacy
 * `BEGIN STATEMENT SET; insert; … END` (current token BEGIN). Errors in one INSERT are recorded in
 * `errors` and parsing resumes at the next ';' inside the set.
 */
export function parseStatementSet(p: Parser, errors: SqlError[]): StatementSet {
  const start = p.tok.start;
  let legacy = false;
  if (p.accept('BEGIN')) {
    legacy = true;
    p.expectSeq('STATEMENT', 'SET');
    p.expectOp(';');
  } else {
    p.accept('EXECUTE');
    p.expectSeq('STATEMENT', 'SET');
    p.expect('BEGIN');
  }
  const inserts: Insert[] = [];
  for (;;) {
    if (p.acceptOp(';')) continue;
    if (p.at('END')) break;
    if (p.atEof()) {
      throw new SqlError(PARSE_ERROR, 'Statement set is never closed', { start, end: p.tokens[p.i]!.start }, 'add END; after the last INSERT of the set');
    }
    try {
      if (!p.at('INSERT')) throw p.unexpected();
      inserts.push(parseInsert(p));
      if (!p.isKw('END')) p.expectOp(';');
    } catch (e) {
      if (!(e instanceof SqlError)) throw e;
      errors.push(e);
      while (!p.atEof() && !p.isOp(';') && !p.isKw('END')) p.next();
    }
  }
  p.expect('END');
  return { kind: 'StatementSet', span: p.span(start), inserts, legacy };
}

const DETAILS: readonly ExplainDetail[] = ['ESTIMATED_COST', 'CHANGELOG_MODE', 'JSON_EXECUTION_PLAN', 'PLAN_ADVICE'];

/** EXPLAIN [PLAN FOR | detail, …] (query | insert | statement set). */
export function parseExplain(p: Parser, errors: SqlError[]): Explain {
  const start = p.expect('EXPLAIN').start;
  const planFor = p.acceptSeq('PLAN', 'FOR');
  const details: ExplainDetail[] = [];
  if (!planFor) {
    for (;;) {
      const d = p.acceptOneOf(...DETAILS) as ExplainDetail | undefined;
      if (!d) break;
      details.push(d);
      p.acceptOp(',');
    }
  }
  let statement: Insert | StatementSet | QueryStatement;
  if (p.at('INSERT')) statement = parseInsert(p);
  else if (p.at('EXECUTE') || p.at('STATEMENT')) {
    if (p.isKw('EXECUTE') && p.isKw('INSERT', 1)) {
      const s = p.next().start;
      statement = parseInsert(p, s);
    } else statement = parseStatementSet(p, errors);
  } else {
    const qs = p.tok.start;
    if (!isQueryAhead(p)) {
      p.expect_('SELECT');
      p.expect_('WITH');
      p.expect_('VALUES');
      throw p.unexpected();
    }
    const query = parseQuery(p);
    statement = { kind: 'QueryStatement', span: p.span(qs), query };
  }
  return { kind: 'Explain', span: p.span(start), details, planFor, statement };
}
