import type { FunctionContext } from '../../functions/function-def.js';
import * as T from '../../types/data-type.js';
import { buildCast } from '../../types/cast.js';
import { buildCompare } from '../../functions/operators/comparison.js';
import type { Rex } from '../rex.js';
import { arrayItem, mapItemFn } from './item-access.js';

/**
 * Emits JavaScript for scalar expressions. Values that are not plain JS literals (functions,
 * Decimals, Sets) become numbered constants; the generated source never contains user text
 * other than through JSON.stringify'd string literals.
 */
export class ExprEmitter {
  readonly constants: unknown[] = [];
  private temps = 0;

  constructor(
    private readonly session: FunctionContext,
    /** JS expression for the current input row. */
    private readonly row = 'r',
  ) {}

  /** Declarations for the constants and temporaries, to put before the code that uses them. */
  prelude(): string {
    const consts = this.constants.map((_, i) => `const k${i} = K[${i}];`).join('\n');
    const temps = this.temps > 0 ? `let ${Array.from({ length: this.temps }, (_, i) => `t${i}`).join(', ')};` : '';
    return `${consts}\n${temps}`;
  }

  private constant(v: unknown): string {
    this.constants.push(v);
    return `k${this.constants.length - 1}`;
  }

  private temp(): string {
    return `t${this.temps++}`;
  }

  emit(rex: Rex): string {
    switch (rex.kind) {
      case 'InputRef':
        return `${this.row}[${rex.index}]`;
      case 'Literal':
        return this.literal(rex.value);
      case 'Call': {
        const fn = this.constant(rex.fn.build({ name: rex.name, argTypes: rex.args.map((a) => a.type), literals: rex.args.map((a) => (a.kind === 'Literal' ? a.value : undefined)), ctx: this.session, resultType: rex.type }));
        if (rex.fn.nulls === 'custom') return `${fn}(${rex.args.map((a) => this.emit(a)).join(', ')})`;
        const checks: string[] = [];
        const values: string[] = [];
        for (const a of rex.args) {
          const code = this.emit(a);
          if (!a.type.nullable) values.push(code);
          else {
            const t = this.temp();
            checks.push(`(${t} = ${code}) === null`);
            values.push(t);
          }
        }
        const call = `${fn}(${values.join(', ')})`;
        return checks.length ? `(${checks.join(' || ')} ? null : ${call})` : call;
      }
      case 'Logical': {
        const [short, other] = rex.op === 'AND' ? ['false', 'true'] : ['true', 'false'];
        let code = this.emit(rex.args[0]!);
        for (const arg of rex.args.slice(1)) {
          const a = this.temp();
          const b = this.temp();
          code = `((${a} = ${code}) === ${short} ? ${short} : (${b} = ${this.emit(arg)}) === ${short} ? ${short} : (${a} === null || ${b} === null) ? null : ${other})`;
        }
        return code;
      }
      case 'Not': {
        const t = this.temp();
        return `((${t} = ${this.emit(rex.arg)}) === null ? null : !${t})`;
      }
      case 'IsNull':
        return `(${this.emit(rex.arg)} ${rex.negated ? '!==' : '==='} null)`;
      case 'IsBool': {
        const target = rex.test === 'TRUE' ? 'true' : rex.test === 'FALSE' ? 'false' : 'null';
        return `(${this.emit(rex.arg)} ${rex.negated ? '!==' : '==='} ${target})`;
      }
      case 'Case': {
        let code = this.emit(rex.else);
        for (let i = rex.whens.length - 1; i >= 0; i--) {
          const w = rex.whens[i]!;
          code = `(${this.emit(w.when)} === true ? ${this.emit(w.then)} : ${code})`;
        }
        return code;
      }
      case 'Cast': {
        const cast = this.constant(buildCast(rex.arg.type, rex.type, rex.try ? 'try' : 'cast', this.session.timeZone));
        const t = this.temp();
        return `((${t} = ${this.emit(rex.arg)}) === null ? null : ${cast}(${t}))`;
      }
      case 'InList':
        return this.inList(rex);
      case 'FieldAccess': {
        const t = this.temp();
        const base = `(${t} = ${this.emit(rex.base)}) === null ? null`;
        if (rex.access.kind === 'field') return `(${base} : (${t}[${rex.access.index}] ?? null))`;
        const k = this.temp();
        const fn = rex.base.type.kind === 'MAP' ? this.constant(mapItemFn(rex.base.type.key)) : this.constant(arrayItem);
        return `(${base} : (${k} = ${this.emit(rex.access.key)}) === null ? null : ${fn}(${t}, ${k}))`;
      }
      case 'Construct': {
        const args = rex.args.map((a) => this.emit(a));
        if (rex.ctor === 'MAP') {
          const pairs: string[] = [];
          for (let i = 0; i < args.length; i += 2) pairs.push(`[${args[i]}, ${args[i + 1]}]`);
          return `new Map([${pairs.join(', ')}])`;
        }
        return `[${args.join(', ')}]`;
      }
    }
  }

  private literal(v: unknown): string {
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'boolean') return String(v);
    if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0) ? String(v) : this.constant(v);
    if (typeof v === 'bigint') return `${v}n`;
    if (typeof v === 'string') return JSON.stringify(v);
    return this.constant(v);
  }

  private inList(rex: Extract<Rex, { kind: 'InList' }>): string {
    const t = this.temp();
    const type = rex.arg.type;
    const literals = rex.list.every((x) => x.kind === 'Literal');
    const primitive = T.isCharacterString(type) || T.isExactInteger(type) || type.kind === 'BOOLEAN' || type.kind === 'DATE' || type.kind === 'DOUBLE' || type.kind === 'FLOAT';
    const [yes, no] = rex.negated ? ['false', 'true'] : ['true', 'false'];
    if (literals && primitive) {
      const values = rex.list.map((x) => (x as { value: unknown }).value);
      const set = this.constant(new Set(values.filter((v) => v !== null)));
      const hasNull = values.includes(null);
      return `((${t} = ${this.emit(rex.arg)}) === null ? null : ${set}.has(${t}) ? ${yes} : ${hasNull ? 'null' : no})`;
    }
    const items = rex.list.map((x) => this.emit(x));
    const compare = buildCompare(type, type, this.session.timeZone);
    const fn = this.constant((v: unknown, list: unknown[]) => {
      let sawNull = false;
      for (const x of list) {
        if (x === null) sawNull = true;
        else if (compare(v, x) === 0) return !rex.negated;
      }
      return sawNull ? null : rex.negated;
    });
    return `((${t} = ${this.emit(rex.arg)}) === null ? null : ${fn}(${t}, [${items.join(', ')}]))`;
  }
}
