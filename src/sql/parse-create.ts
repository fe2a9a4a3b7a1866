import type { DistributionDef, LikeClause, LikeFeature, OptionEntry, Statement } from './ast/statement.js';
import type { Query } from './ast/query.js';
import type { Pos } from '../types/span.js';
import type { Parser } from './parser-base.js';
import { parseQuery } from './parse-query.js';
import { parseComment, parseOptionList, parseTableElements, type TableElements } from './parse-table-elements.js';

function ifNotExists(p: Parser): boolean {
  return p.acceptSeq('IF', 'NOT', 'EXISTS');
}

/** CREATE …; the current token is CREATE. */
export function parseCreate(p: Parser): Statement {
  const start = p.expect('CREATE').start;
  const orReplace = p.acceptSeq('OR', 'REPLACE');
  const temporary = p.accept('TEMPORARY');
  const system = temporary && p.accept('SYSTEM');
  if (p.at('TABLE') && !system) return parseCreateTable(p, start, temporary, orReplace);
  if (p.at('VIEW') && !system) {
    p.next();
    const ine = ifNotExists(p);
    const name = p.compoundName('view name').names;
    const columns = p.isOp('(') ? p.parenIdentList().map((c) => c.name) : undefined;
    const comment = parseComment(p);
    p.expect('AS');
    const query = parseQuery(p);
    return {
      kind: 'CreateView',
      span: p.span(start),
      temporary,
      ifNotExists: ine,
      name,
      query,
      ...(columns ? { columns } : {}),
      ...(comment !== undefined ? { comment } : {}),
    };
  }
  if (p.at('FUNCTION')) {
    p.next();
    const ine = ifNotExists(p);
    const name = p.compoundName('function name').names;
    p.expect('AS');
    const cls = p.stringLit('class name');
    const language = p.accept('LANGUAGE') ? p.expectOneOf('JAVA', 'SCALA', 'PYTHON', 'JAVASCRIPT', 'SQL') : undefined;
    const using: string[] = [];
    if (p.accept('USING')) {
      do {
        p.expectOneOf('JAR', 'FILE', 'ARCHIVE');
        using.push(p.stringLit('resource path').value);
      } while (p.acceptOp(','));
    }
    return {
      kind: 'CreateFunction',
      span: p.span(start),
      temporary,
      system,
      ifNotExists: ine,
      name,
      className: cls.value,
      classNameSpan: cls.span,
      using,
      ...(language ? { language } : {}),
    };
  }
  if (!temporary && !orReplace && p.at('CATALOG')) {
    p.next();
    const ine = ifNotExists(p);
    const name = p.identifier('catalog name').name;
    p.expect('WITH');
    const options = parseOptionList(p);
    parseComment(p);
    return { kind: 'CreateCatalog', span: p.span(start), ifNotExists: ine, name, options };
  }
  if (!temporary && !orReplace && p.at('DATABASE')) {
    p.next();
    const ine = ifNotExists(p);
    const name = p.compoundName('database name').names;
    const comment = parseComment(p);
    const options = p.accept('WITH') ? parseOptionList(p) : [];
    return { kind: 'CreateDatabase', span: p.span(start), ifNotExists: ine, name, options, ...(comment !== undefined ? { comment } : {}) };
  }
  throw p.unexpected();
}

/** `REPLACE [TEMPORARY] TABLE … AS SELECT` (Flink's RTAS without CREATE OR); the current token is REPLACE. */
export function parseReplace(p: Parser): Statement {
  const start = p.expect('REPLACE').start;
  const temporary = p.accept('TEMPORARY');
  if (!p.at('TABLE')) p.expect('TABLE');
  return parseCreateTable(p, start, temporary, true, true);
}

const LIKE_FEATURES = ['ALL', 'CONSTRAINTS', 'GENERATED', 'METADATA', 'OPTIONS', 'PARTITIONS', 'WATERMARKS'];

function parseCreateTable(p: Parser, start: Pos, temporary: boolean, orReplace: boolean, replaceOnly = false): Statement {
  p.expect('TABLE');
  const ine = ifNotExists(p);
  const nm = p.compoundName('table name');
  let elements: TableElements = { columns: [] };
  if (p.isOp('(')) elements = parseTableElements(p);
  const comment = parseComment(p);
  const distribution = parseDistribution(p);
  let partitionedBy: string[] = [];
  if (p.acceptSeq('PARTITIONED', 'BY')) partitionedBy = p.parenIdentList('partition column').map((c) => c.name);
  let options: OptionEntry[] = [];
  if (p.accept('WITH')) options = parseOptionList(p);
  let like: LikeClause | undefined;
  if (p.at('LIKE')) {
    const ls = p.next().start;
    const table = p.compoundName('source table').names;
    const likeOptions: { mode: 'INCLUDING' | 'EXCLUDING' | 'OVERWRITING'; feature: LikeFeature }[] = [];
    if (p.acceptOp('(')) {
      do {
        const mode = p.expectOneOf('INCLUDING', 'EXCLUDING', 'OVERWRITING') as 'INCLUDING';
        const feature = p.expectOneOf(...LIKE_FEATURES) as LikeFeature;
        likeOptions.push({ mode, feature });
        p.acceptOp(',');
      } while (!p.isOp(')') && !p.atEof());
      p.expectOp(')');
    }
    like = { span: p.span(ls), table, options: likeOptions };
  }
  let asQuery: Query | undefined;
  if (p.accept('AS')) asQuery = parseQuery(p);
  else if (orReplace) {
    p.expect_('AS');
    throw p.unexpected();
  }
  return {
    kind: 'CreateTable',
    span: p.span(start),
    temporary,
    orReplace,
    ...(replaceOnly ? { replaceOnly } : {}),
    ifNotExists: ine,
    name: nm.names,
    nameSpan: nm.span,
    columns: elements.columns,
    partitionedBy,
    options,
    ...(elements.watermark ? { watermark: elements.watermark } : {}),
    ...(elements.primaryKey ? { primaryKey: elements.primaryKey } : {}),
    ...(comment !== undefined ? { comment } : {}),
    ...(like ? { like } : {}),
    ...(distribution ? { distribution } : {}),
    ...(asQuery ? { asQuery } : {}),
  };
}

/** `DISTRIBUTED BY [HASH|RANGE](cols) [INTO n BUCKETS]` or `DISTRIBUTED INTO n BUCKETS`. */
function parseDistribution(p: Parser): DistributionDef | undefined {
  if (!p.at('DISTRIBUTED')) return undefined;
  const start = p.next().start;
  let algorithm: 'HASH' | 'RANGE' | undefined;
  let columns: string[] = [];
  if (p.accept('BY')) {
    algorithm = p.acceptOneOf('HASH', 'RANGE') as 'HASH' | undefined;
    columns = p.parenIdentList('bucket key column').map((c) => c.name);
  }
  let buckets: number | undefined;
  // Without BY the bucket count is required.
  if (columns.length === 0 ? p.expect('INTO') : p.accept('INTO')) {
    buckets = p.intLit('bucket count').value;
    p.expect('BUCKETS');
  }
  return { span: p.span(start), columns, ...(algorithm ? { algorithm } : {}), ...(buckets !== undefined ? { buckets } : {}) };
}
