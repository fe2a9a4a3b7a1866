/** MD5, SHA1, SHA224 … SHA512 and SHA2: lower-case hex digests of the UTF-8 bytes (binary input hashed as is). */
import { createHash } from 'node:crypto';
import type { ScalarFunctionDef } from '../function-def.js';
import { CHAR, STRING, isCharacterString } from '../../types/data-type.js';
import { checkArity, requireInteger, requireStringOrBinary, scalar, strictResult, toInt } from '../string/define.js';

export function digestHex(algorithm: string, v: string | Uint8Array): string {
  return createHash(algorithm).update(typeof v === 'string' ? Buffer.from(v, 'utf8') : v).digest('hex');
}

const fixed = (name: string, algorithm: string, hexLength: number): ScalarFunctionDef =>
  scalar({
    names: [name],
    category: 'hash',
    doc: `${name}(string): the ${name} hash of string as ${hexLength} hexadecimal digits.`,
    inferType: (site) => (checkArity(site, 1), requireStringOrBinary(site, 0), strictResult(site, CHAR(hexLength, false))),
    build: (site) =>
      isCharacterString(site.argTypes[0]!)
        ? (s) => digestHex(algorithm, s as string)
        : (b) => digestHex(algorithm, b as Uint8Array),
  });

const SHA2_ALGORITHMS: Record<number, string> = { 224: 'sha224', 256: 'sha256', 384: 'sha384', 512: 'sha512' };

/** SHA2(string, bits): bits of 224, 256, 384 or 512; any other length gives NULL. */
const SHA2 = scalar({
  names: ['SHA2'],
  category: 'hash',
  doc: 'SHA2(string, hashLength): the SHA-2 hash (hashLength 224, 256, 384 or 512) as hexadecimal digits.',
  inferType: (site) => {
    checkArity(site, 2);
    requireStringOrBinary(site, 0);
    requireInteger(site, 1);
    return STRING(true);
  },
  build: () => (v, bits) => {
    const alg = SHA2_ALGORITHMS[toInt(bits)];
    return alg === undefined ? null : digestHex(alg, v as string | Uint8Array);
  },
});

export const HASH_DEFS: readonly ScalarFunctionDef[] = [
  fixed('MD5', 'md5', 32),
  fixed('SHA1', 'sha1', 40),
  fixed('SHA224', 'sha224', 56),
  fixed('SHA256', 'sha256', 64),
  fixed('SHA384', 'sha384', 96),
  fixed('SHA512', 'sha512', 128),
  SHA2,
];
