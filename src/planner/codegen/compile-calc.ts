import type { FunctionContext } from '../../functions/function-def.js';
import { RuntimeError } from '../../types/errors.js';
import type { Chunk, Row, RowKind } from '../../types/row.js';
import type { Rex } from '../rex.js';
import { ExprEmitter } from './compile-rex.js';

/** A compiled projection + filter over a chunk. */
export type CalcFn = (rows: readonly Row[], kinds: readonly RowKind[] | null) => Chunk;

/** Compiles a Calc into one JavaScript function with the loop and every expression inlined. */
export function compileCalc(projects: readonly Rex[], condition: Rex | undefined, session: FunctionContext): CalcFn {
  const e = new ExprEmitter(session);
  const cond = condition ? e.emit(condition) : undefined;
  const outs = projects.map((p) => e.emit(p));
  const body = `
${e.prelude()}
return function calc(rows, kinds) {
  const outRows = [];
  const outKinds = kinds === null ? null : [];
  let i = 0, r;
  try {
    for (const n = rows.length; i < n; i++) {
      r = rows[i];
      ${cond ? `if (${cond} !== true) continue;` : ''}
      outRows.push([${outs.join(', ')}]);
      if (outKinds !== null) outKinds.push(kinds[i]);
    }
  } catch (err) {
    throw E(err, r);
  }
  return { rows: outRows, kinds: outKinds };
};`;
  return new Function('K', 'E', body)(e.constants, evalError) as CalcFn;
}

/** Compiles one expression over a row (for VALUES, watermarks, constant folding). */
export function compileExpr(rex: Rex, session: FunctionContext): (row: Row) => unknown {
  const e = new ExprEmitter(session);
  const code = e.emit(rex);
  const body = `${e.prelude()}\nreturn function expr(r) { try { return ${code}; } catch (err) { throw E(err, r); } };`;
  return new Function('K', 'E', body)(e.constants, evalError) as (row: Row) => unknown;
}

function evalError(err: unknown, row: unknown): Error {
  const message = err instanceof Error ? err.message : String(err);
  return new RuntimeError(`${message}\n  while evaluating the input row ${describeRow(row)}`, { cause: err });
}

function describeRow(row: unknown): string {
  if (!Array.isArray(row)) return '';
  return `[${row.map((v) => (typeof v === 'bigint' ? `${v}` : typeof v === 'string' ? v : v === null ? 'null' : String(v))).join(', ')}]`;
}
