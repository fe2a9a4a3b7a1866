/** `||`: concatenation of character strings or of binary strings. */
import type { ScalarFunctionDef } from '../function-def.js';
import { FunctionTypeError } from '../function-def.js';
import type { DataType } from '../../types/data-type.js';
import { MAX_VARCHAR_LENGTH, isBinaryString, isCharacterString } from '../../types/data-type.js';
import { operandTypeString } from './operand-types.js';

/** Calcite's DYADIC_STRING_SUM_PRECISION: CHAR(a) || CHAR(b) → CHAR(a + b), else VARCHAR(a + b), capped. */
export function concatResultType(a: DataType, b: DataType): DataType | null {
  const x = a.kind === 'NULL' ? b : a;
  const y = b.kind === 'NULL' ? a : b;
  const nullable = a.nullable || b.nullable;
  if (isCharacterString(x) && isCharacterString(y)) {
    const length = Math.min(x.length + y.length, MAX_VARCHAR_LENGTH);
    const kind = x.kind === 'CHAR' && y.kind === 'CHAR' ? 'CHAR' : 'VARCHAR';
    return { kind, length, nullable };
  }
  if (isBinaryString(x) && isBinaryString(y)) {
    const length = Math.min(x.length + y.length, MAX_VARCHAR_LENGTH);
    const kind = x.kind === 'BINARY' && y.kind === 'BINARY' ? 'BINARY' : 'VARBINARY';
    return { kind, length, nullable };
  }
  return null;
}

export const CONCAT_OPERATOR: ScalarFunctionDef = {
  kind: 'scalar',
  names: ['||'],
  category: 'string',
  doc: 'string1 || string2: the concatenation of two character strings (or of two binary strings).',
  nulls: 'strict',
  inferType(site) {
    const [a, b] = site.argTypes;
    const r = a && b && site.argTypes.length === 2 ? concatResultType(a, b) : null;
    if (!r) {
      const shown = site.argTypes.map(operandTypeString).join(' || ');
      throw new FunctionTypeError(`Cannot apply '||' to arguments of type '${shown}'`);
    }
    return r;
  },
  build(site) {
    if (isBinaryString(site.resultType)) {
      return (a, b) => {
        const x = a as Uint8Array;
        const y = b as Uint8Array;
        const out = new Uint8Array(x.length + y.length);
        out.set(x);
        out.set(y, x.length);
        return out;
      };
    }
    return (a, b) => (a as string) + (b as string);
  },
};
