import type { FunctionDef } from '../function-def.js';
import { FunctionTypeError } from '../function-def.js';
import { scalar } from '../string/define.js';
import * as T from '../../types/data-type.js';
import { typeToSerializableString, typeToString } from '../../types/type-string.js';

/** TYPEOF(input [, force_serializable]): the input's data type as a string, decided at planning time. */
const TYPEOF = scalar({
  names: ['TYPEOF'],
  category: 'conversion',
  doc: 'TYPEOF(input [, force_serializable]): the string representation of the input expression\'s data type.',
  nulls: 'custom',
  inferType: (site) => {
    if (site.argTypes.length < 1 || site.argTypes.length > 2) throw new FunctionTypeError('TYPEOF expects 1 or 2 arguments');
    if (site.argTypes.length === 2 && (site.argTypes[1]!.kind !== 'BOOLEAN' || typeof site.literals[1] !== 'boolean')) {
      throw new FunctionTypeError('The second argument of TYPEOF must be a BOOLEAN literal', 1);
    }
    return T.STRING(false);
  },
  build: (site) => {
    const type = site.argTypes[0]!;
    const text = site.literals[1] === true ? typeToSerializableString(type) : typeToString(type);
    return () => text;
  },
});

export const CONVERSION_FUNCTIONS: readonly FunctionDef[] = [TYPEOF];
