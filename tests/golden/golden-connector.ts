import type { ConnectorFactory, SourceReader, SourceWatermark, TableContext } from '../../src/connectors/connector.js';
import { Timestamp } from '../../src/types/values.js';
import { analyzeExpr, castTo } from '../../src/planner/analyzer/analyze-expr.js';
import { Scope } from '../../src/planner/analyzer/scope.js';
import { compileExpr } from '../../src/planner/codegen/compile-calc.js';
import type { FunctionResolver } from '../../src/planner/analyzer/expr-context.js';
import { parseExpression } from '../../src/sql/parser.js';
import { ALL } from '../../src/types/changelog-mode.js';
import { RowKind, type Chunk, type Row } from '../../src/types/row.js';

const KINDS: Record<string, RowKind> = { '+I': RowKind.INSERT, '-U': RowKind.UPDATE_BEFORE, '+U': RowKind.UPDATE_AFTER, '-D': RowKind.DELETE };

/** One input event: rows of a kind, or a watermark (kept for the watermark work). */
type Event = { kind: RowKind; row: Row } | { watermark: unknown };

/**
 * The `golden` connector: a bounded source serving the rows of a golden case's `--- input <table>`
 * section, each cast to the table's column types.
 */
export function goldenConnector(inputs: ReadonlyMap<string, readonly string[]>, functions: () => FunctionResolver): ConnectorFactory {
  return {
    identifier: 'golden',
    requiredOptions: [],
    optionalOptions: [{ key: 'data', description: 'Input section name (default: the table name).' }],
    createSource(ctx: TableContext) {
      const tableName = ctx.tableName.split('.').pop()!;
      const name = ctx.options.get('data') ?? tableName;
      const lines = inputs.get(name);
      if (!lines) throw new Error(`golden case has no '--- input ${name}' section`);
      const events = lines.map((l) => parseEvent(l, ctx, functions()));
      const rows = events.filter((e): e is { kind: RowKind; row: Row } => 'row' in e);
      const insertOnly = rows.every((r) => r.kind === RowKind.INSERT);
      return {
        changelogMode: insertOnly ? { kinds: new Set([RowKind.INSERT]) } : ALL,
        bounded: true,
        metadata: new Map(),
        createReader: (): SourceReader => {
          // Rows up to each WATERMARK line form one chunk; the watermark follows it.
          const batches: (Chunk | SourceWatermark)[] = [];
          let pending: { kind: RowKind; row: Row }[] = [];
          const flush = () => {
            if (pending.length > 0) batches.push({ rows: pending.map((r) => r.row), kinds: insertOnly ? null : pending.map((r) => r.kind) });
            pending = [];
          };
          for (const e of events) {
            if ('row' in e) pending.push(e);
            else {
              flush();
              batches.push({ watermark: watermarkMillis(e.watermark) });
            }
          }
          flush();
          // Position: the index of the next batch (same batches, so a restore continues exactly).
          let next = 0;
          return {
            poll: async () => batches[next++] ?? null,
            position: () => ({ version: 1, nextBatch: Math.min(next, batches.length) }),
            restore: (p: unknown) => {
              const n = (p as { nextBatch?: unknown } | null)?.nextBatch;
              if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > batches.length) throw new Error(`bad golden source position ${JSON.stringify(p)}`);
              next = n;
            },
            close: async () => {},
          };
        },
      };
    },
  };
}

function watermarkMillis(v: unknown): number {
  if (v instanceof Timestamp) return v.millis;
  throw new Error(`a golden WATERMARK must be a TIMESTAMP or TIMESTAMP_LTZ literal, got ${String(v)}`);
}

function parseEvent(line: string, ctx: TableContext, functions: FunctionResolver): Event {
  const text = line.trim();
  const scope = new Scope([]);
  const exprCtx = { scope, functions, session: ctx.session, clause: 'golden input' };
  if (/^WATERMARK\s/i.test(text)) {
    const rex = analyzeExpr(parseExpression(text.replace(/^WATERMARK\s+/i, '')), exprCtx);
    return { watermark: compileExpr(rex, ctx.session)([]) };
  }
  const kind = KINDS[text.slice(0, 2)];
  if (kind === undefined) throw new Error(`bad golden input line (expected +I(…), -U(…), +U(…), -D(…) or WATERMARK …): ${line}`);
  const expr = parseExpression(`ROW${text.slice(2)}`);
  if (expr.kind !== 'RowConstructor') throw new Error(`bad golden input row: ${line}`);
  const fields = ctx.physicalType.fields;
  if (expr.fields.length !== fields.length) throw new Error(`golden input row has ${expr.fields.length} values, table has ${fields.length} columns: ${line}`);
  const row = expr.fields.map((e, i) => compileExpr(castTo(analyzeExpr(e, exprCtx), fields[i]!.type), ctx.session)([]));
  return { kind, row };
}
