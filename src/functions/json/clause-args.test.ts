import { describe, expect, it } from 'vitest';
import type { Expr, JsonClauses } from '../../sql/ast/expr.js';
import type { TypeNode } from '../../sql/ast/type-node.js';
import { jsonClauseArgs } from './clause-args.js';

const call = (name: string): Expr => ({ kind: 'FunctionCall', name: [name], args: [] }) as unknown as Expr;
const lit = { kind: 'StringLiteral' } as unknown as Expr;
const intType = { name: 'INT' } as unknown as TypeNode;

describe('jsonClauseArgs', () => {
  it('JSON_EXISTS appends the ON ERROR keyword', () => {
    expect(jsonClauseArgs('JSON_EXISTS', [], { onError: { behavior: 'TRUE' } })).toEqual({ prepend: [], append: [{ kind: 'keyword', value: 'TRUE' }] });
    expect(jsonClauseArgs('JSON_EXISTS', [], undefined)).toEqual({ prepend: [], append: [] });
  });

  it('JSON_VALUE appends returning, ON EMPTY and ON ERROR with defaults', () => {
    const json: JsonClauses = { returning: intType, onEmpty: { behavior: 'DEFAULT', default: lit } };
    expect(jsonClauseArgs('JSON_VALUE', [], json)!.append).toEqual([
      { kind: 'typedNull', type: intType },
      { kind: 'keyword', value: 'DEFAULT' },
      { kind: 'expr', expr: lit },
      { kind: 'keyword', value: 'NULL' },
      { kind: 'typedNull', type: intType },
    ]);
    expect(jsonClauseArgs('JSON_VALUE', [], undefined)!.append).toEqual([]);
  });

  it('JSON_QUERY appends wrapper and behaviors', () => {
    expect(jsonClauseArgs('JSON_QUERY', [], { wrapper: 'CONDITIONAL' })!.append.map((a) => (a.kind === 'keyword' ? a.value : a.kind))).toEqual([
      'CONDITIONAL_ARRAY',
      'NULL',
      'NULL',
    ]);
  });

  it('JSON_OBJECT / JSON_ARRAY prepend ON NULL and mark nested constructions raw', () => {
    expect(jsonClauseArgs('JSON_OBJECT', [lit, call('JSON_OBJECT')], undefined)!.prepend).toEqual([{ kind: 'keyword', value: 'NULL;raw=2' }]);
    expect(jsonClauseArgs('JSON_ARRAY', [lit], { onNull: 'NULL' })!.prepend).toEqual([{ kind: 'keyword', value: 'NULL' }]);
    expect(jsonClauseArgs('JSON_ARRAY', [], undefined)!.prepend).toEqual([{ kind: 'keyword', value: 'ABSENT' }]);
    expect(jsonClauseArgs('UPPER', [], undefined)).toBeNull();
  });
});
