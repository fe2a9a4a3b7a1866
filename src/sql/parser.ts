import type { Expr } from './ast/expr.js';
import type { Script, Statement } from './ast/statement.js';
import type { TypeNode } from './ast/type-node.js';
import { SqlError } from '../types/errors.js';
import { STATEMENT_KEYWORDS } from './keywords.js';
import { lex } from './lexer.js';
import { PARSE_ERROR, Parser } from './parser-base.js';
import { parseAlter, parseDrop } from './parse-alter.js';
import { parseCreate, parseReplace } from './parse-create.js';
import { parseExplain, parseInsert, parseStatementSet } from './parse-dml.js';
import { parseExpr } from './parse-expr.js';
import { parseDescribe, parseReset, parseSet, parseShow, parseUse } from './parse-misc.js';
import { isQueryAhead, parseQuery } from './parse-query.js';
import { parseDataType } from './parse-type.js';

/** Statements Flink has that weir does not run: a clear error instead of "Unexpected …". */
const UNSUPPORTED: Record<string, string> = {
  ADD: 'ADD JAR', REMOVE: 'REMOVE JAR', LOAD: 'LOAD MODULE', UNLOAD: 'UNLOAD MODULE', ANALYZE: 'ANALYZE TABLE',
  CALL: 'CALL', TRUNCATE: 'TRUNCATE TABLE', DELETE: 'DELETE', UPDATE: 'UPDATE', STOP: 'STOP JOB',
};

/** Parses a whole script. Never throws: every independent error is in `errors`. */
export function parseScript(text: string): Script {
  const p = new Parser(text, lex(text));
  const statements: Statement[] = [];
  const errors: SqlError[] = [];
  while (!p.atEof()) {
    if (p.isOp(';')) {
      p.next();
      continue;
    }
    const before = p.i;
    try {
      const stmt = parseStatement(p, errors);
      if (!p.atEof()) {
        p.expect_("';'");
        if (!p.isOp(';')) throw p.unexpected();
      }
      statements.push(stmt);
    } catch (e) {
      errors.push(toSqlError(e, p, true));
      const errorAt = p.i;
      // Recover at the next ';' (for a statement set, at its END). Lexer errors skipped on the way
      // are independent problems.
      const set = (p.tokens[before]!.upper === 'EXECUTE' || p.tokens[before]!.upper === 'BEGIN') && p.tokens[before + 1]?.upper === 'STATEMENT';
      if (p.i === before && !p.isOp(';')) p.next();
      while (!p.atEof() && !(p.isOp(';') && (!set || p.tokens[p.i - 1]!.upper === 'END'))) {
        const t = p.next();
        if (t.kind === 'error' && p.i - 1 > errorAt && t.error) {
          errors.push(new SqlError(PARSE_ERROR, t.error.message, t.error.at ?? { start: t.start, end: t.end }, t.error.hint));
        }
      }
    }
  }
  return { statements, errors, warnings: p.warnings };
}

function toSqlError(e: unknown, p: Parser, neverThrow = false): SqlError {
  if (e instanceof SqlError) return e;
  if (e instanceof RangeError) {
    return new SqlError(PARSE_ERROR, 'Statement is nested too deeply to parse', p.tokSpan(p.tok), 'simplify the statement');
  }
  // A bug in the parser: parseScript still reports it as an error at the current token.
  if (neverThrow) return new SqlError('PARSE_INTERNAL', `Internal parser error: ${e instanceof Error ? e.message : String(e)}`, p.tokSpan(p.tok));
  throw e;
}

function parseStatement(p: Parser, errors: SqlError[]): Statement {
  const t = p.tok;
  if (t.kind === 'ident') {
    switch (t.upper) {
      case 'SELECT':
      case 'WITH':
      case 'VALUES':
        return queryStatement(p);
      case 'INSERT':
        return parseInsert(p);
      case 'CREATE':
        return parseCreate(p);
      case 'REPLACE':
        return parseReplace(p);
      case 'DROP':
        return parseDrop(p);
      case 'ALTER':
        return parseAlter(p);
      case 'USE':
        return parseUse(p);
      case 'SET':
        return parseSet(p);
      case 'RESET':
        return parseReset(p);
      case 'SHOW':
        return parseShow(p);
      case 'DESCRIBE':
      case 'DESC':
        return parseDescribe(p);
      case 'EXPLAIN':
        return parseExplain(p, errors);
      case 'EXECUTE':
        if (p.isKw('INSERT', 1)) {
          p.next();
          return parseInsert(p, t.start);
        }
        return parseStatementSet(p, errors);
      case 'BEGIN':
        return parseStatementSet(p, errors);
      default: {
        const what = UNSUPPORTED[t.upper];
        if (what) throw p.errorAt(t, `${what} statements are not supported by weir`, undefined);
      }
    }
  }
  if (p.isOp('(') && isQueryAhead(p)) return queryStatement(p);
  for (const kw of STATEMENT_KEYWORDS) p.expect_(kw);
  throw p.unexpected();
}

function queryStatement(p: Parser): Statement {
  const start = p.tok.start;
  const query = parseQuery(p);
  return { kind: 'QueryStatement', span: p.span(start), query };
}

function parseWhole<T>(text: string, what: string, f: (p: Parser) => T): T {
  const p = new Parser(text, lex(text));
  let result: T;
  try {
    result = f(p);
  } catch (e) {
    throw toSqlError(e, p);
  }
  if (!p.atEof()) {
    p.expect_(`end of ${what}`);
    throw p.unexpected();
  }
  return result;
}

/** Parses one expression; throws SqlError on bad input. */
export function parseExpression(text: string): Expr {
  return parseWhole(text, 'expression', (p) => parseExpr(p));
}

/** Parses one data type such as `ROW<a INT, b ARRAY<STRING>> NOT NULL`; throws SqlError on bad input. */
export function parseType(text: string): TypeNode {
  return parseWhole(text, 'type', (p) => parseDataType(p));
}
