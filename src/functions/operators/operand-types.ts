import type { DataType } from '../../types/data-type.js';
import { withNullability } from '../../types/data-type.js';
import { typeToString } from '../../types/type-string.js';

/** An operand type as shown in operator errors: `<INT>`, `<STRING>` (nullability left out). */
export function operandTypeString(t: DataType): string {
  return `<${t.kind === 'NULL' ? 'NULL' : typeToString(withNullability(t, true))}>`;
}
