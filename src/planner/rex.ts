import type { ScalarFunctionDef } from '../functions/function-def.js';
import { BOOLEAN, type DataType } from '../types/data-type.js';

/**
 * Typed, resolved scalar expressions (Calcite's RexNode). Columns are positions in the input
 * row. Built by the analyzer, compiled to JavaScript by codegen/.
 */
export type Rex =
  | InputRef
  | RexLiteral
  | RexCall
  | RexLogical
  | RexNot
  | RexIsNull
  | RexIsBool
  | RexCase
  | RexCast
  | RexInList
  | RexFieldAccess
  | RexConstruct;

export type RexKind = Rex['kind'];

/** The AND of `parts`: TRUE for none, the part itself for one; nullable when any part is. */
export function and(parts: readonly Rex[]): Rex {
  if (parts.length === 0) return literal(true, BOOLEAN(false));
  return parts.length === 1 ? parts[0]! : { kind: 'Logical', op: 'AND', args: parts, type: BOOLEAN(parts.some((p) => p.type.nullable)) };
}

/** The top-level AND terms of a condition, nested ANDs flattened. */
export function conjuncts(r: Rex): readonly Rex[] {
  return r.kind === 'Logical' && r.op === 'AND' ? r.args.flatMap(conjuncts) : [r];
}

export interface InputRef {
  readonly kind: 'InputRef';
  readonly index: number;
  readonly type: DataType;
}
export interface RexLiteral {
  readonly kind: 'Literal';
  readonly value: unknown;
  readonly type: DataType;
}
/** A call of a scalar function (built-in operator, built-in or user function). */
export interface RexCall {
  readonly kind: 'Call';
  readonly fn: ScalarFunctionDef;
  /** The name as written, upper-cased, for EXPLAIN. */
  readonly name: string;
  readonly args: readonly Rex[];
  readonly type: DataType;
}
/** AND / OR with SQL three-valued logic. */
export interface RexLogical {
  readonly kind: 'Logical';
  readonly op: 'AND' | 'OR';
  readonly args: readonly Rex[];
  readonly type: DataType;
}
export interface RexNot {
  readonly kind: 'Not';
  readonly arg: Rex;
  readonly type: DataType;
}
export interface RexIsNull {
  readonly kind: 'IsNull';
  readonly arg: Rex;
  readonly negated: boolean;
  readonly type: DataType;
}
/** IS [NOT] TRUE / FALSE / UNKNOWN. */
export interface RexIsBool {
  readonly kind: 'IsBool';
  readonly arg: Rex;
  readonly test: 'TRUE' | 'FALSE' | 'UNKNOWN';
  readonly negated: boolean;
  readonly type: DataType;
}
/** Searched CASE; a missing ELSE is NULL. */
export interface RexCase {
  readonly kind: 'Case';
  readonly whens: readonly { readonly when: Rex; readonly then: Rex }[];
  readonly else: Rex;
  readonly type: DataType;
}
export interface RexCast {
  readonly kind: 'Cast';
  readonly arg: Rex;
  readonly try: boolean;
  readonly type: DataType;
}
/** `x [NOT] IN (v1, v2, …)` with SQL null semantics. */
export interface RexInList {
  readonly kind: 'InList';
  readonly arg: Rex;
  readonly list: readonly Rex[];
  readonly negated: boolean;
  readonly type: DataType;
}
/** ROW field by position, ARRAY element (1-based) or MAP value by key. */
export interface RexFieldAccess {
  readonly kind: 'FieldAccess';
  readonly base: Rex;
  readonly access: { readonly kind: 'field'; readonly index: number } | { readonly kind: 'item'; readonly key: Rex };
  readonly type: DataType;
}
/** ARRAY[…], MAP[…], ROW(…). */
export interface RexConstruct {
  readonly kind: 'Construct';
  readonly ctor: 'ARRAY' | 'MAP' | 'ROW';
  readonly args: readonly Rex[];
  readonly type: DataType;
}

export const inputRef = (index: number, type: DataType): InputRef => ({ kind: 'InputRef', index, type });
export const literal = (value: unknown, type: DataType): RexLiteral => ({ kind: 'Literal', value, type });

/** Calls `f` with the index of every InputRef in `rex`, once per occurrence. */
export function forEachInputRef(rex: Rex, f: (index: number) => void): void {
  const visit = (r: Rex) => forEachInputRef(r, f);
  switch (rex.kind) {
    case 'InputRef':
      f(rex.index);
      break;
    case 'Literal':
      break;
    case 'Call':
    case 'Logical':
    case 'Construct':
      rex.args.forEach(visit);
      break;
    case 'Not':
    case 'IsNull':
    case 'IsBool':
    case 'Cast':
      visit(rex.arg);
      break;
    case 'Case':
      for (const w of rex.whens) {
        visit(w.when);
        visit(w.then);
      }
      visit(rex.else);
      break;
    case 'InList':
      visit(rex.arg);
      rex.list.forEach(visit);
      break;
    case 'FieldAccess':
      visit(rex.base);
      if (rex.access.kind === 'item') visit(rex.access.key);
      break;
  }
}
