import { describe, expect, it } from 'vitest';
import { BYTES, CHAR, INT, STRING } from '../../types/data-type.js';
import { call, callTyped, inferOf } from '../string/testing.js';

describe('hash functions', () => {
  it('hex digests of the UTF-8 bytes', () => {
    expect(call('MD5', 'abc')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(call('SHA1', 'abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(call('SHA224', 'abc')).toBe('23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7');
    expect(call('SHA256', 'abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect((call('SHA384', 'abc') as string).length).toBe(96);
    expect((call('SHA512', 'abc') as string).length).toBe(128);
    expect(call('MD5', '')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(call('MD5', null)).toBeNull();
    expect(callTyped('MD5', [BYTES(false)], [new Uint8Array([0x61, 0x62, 0x63])])).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(inferOf('MD5', [STRING(false)])).toEqual(CHAR(32, false));
  });

  it('SHA2 picks the algorithm by bit length', () => {
    expect(call('SHA2', 'abc', 256)).toBe(call('SHA256', 'abc'));
    expect(call('SHA2', 'abc', 512)).toBe(call('SHA512', 'abc'));
    expect(call('SHA2', 'abc', 100)).toBeNull();
    expect(call('SHA2', 'abc', null)).toBeNull();
    expect(() => inferOf('SHA2', [STRING(false), STRING(false)])).toThrow();
    expect(inferOf('SHA2', [STRING(false), INT(false)]).nullable).toBe(true);
  });
});
