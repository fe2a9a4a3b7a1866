/** BIN and HEX: integers as Java's Long.toBinaryString / toHexString (two's complement), strings as UTF-8 hex. */
import type { ScalarFunctionDef } from '../function-def.js';
import { STRING, isCharacterString, isExactInteger } from '../../types/data-type.js';
import { FunctionTypeError } from '../function-def.js';
import { checkArity, requireInteger, scalar, strictResult } from '../string/define.js';
import { utf8 } from '../string/text.js';

/** Java's unsigned view of a long, in `radix`. */
export function longToString(v: number | bigint, radix: number): string {
  return BigInt.asUintN(64, BigInt(v)).toString(radix);
}

const BIN = scalar({
  names: ['BIN'],
  category: 'arithmetic',
  doc: 'BIN(int): the binary representation of int (two\'s complement for negatives).',
  inferType: (site) => (checkArity(site, 1), requireInteger(site, 0), strictResult(site, STRING(false))),
  build: () => (v) => longToString(v as number | bigint, 2),
});

const HEX = scalar({
  names: ['HEX'],
  category: 'arithmetic',
  doc: 'HEX(numeric | string): an integer or the UTF-8 bytes of a string in upper-case hex.',
  inferType: (site) => {
    checkArity(site, 1);
    const t = site.argTypes[0]!;
    if (!isExactInteger(t) && !isCharacterString(t) && t.kind !== 'NULL') {
      throw new FunctionTypeError(`Invalid argument 1 of 'HEX': expected an integer or a character string.`, 0);
    }
    return strictResult(site, STRING(false));
  },
  build: (site) =>
    isCharacterString(site.argTypes[0]!)
      ? (s) => Buffer.from(utf8(s as string)).toString('hex').toUpperCase()
      : (v) => longToString(v as number | bigint, 16).toUpperCase(),
});

export const RADIX_FUNCTIONS: readonly ScalarFunctionDef[] = [BIN, HEX];
