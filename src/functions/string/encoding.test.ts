import { describe, expect, it } from 'vitest';
import { BYTES, STRING } from '../../types/data-type.js';
import { call, callTyped } from './testing.js';

describe('encoding functions', () => {
  it('TO_BASE64 / FROM_BASE64', () => {
    expect(call('TO_BASE64', 'hello world')).toBe('aGVsbG8gd29ybGQ=');
    expect(call('FROM_BASE64', 'aGVsbG8gd29ybGQ=')).toBe('hello world');
    expect(call('FROM_BASE64', 'aGVsbG8gd29ybGQ')).toBe('hello world');
    expect(call('TO_BASE64', '')).toBe('');
    expect(() => call('FROM_BASE64', 'a b')).toThrow(/Illegal base64/);
  });

  it('ENCODE / DECODE with Java charsets', () => {
    expect(Array.from(call('ENCODE', 'hé', 'UTF-8') as Uint8Array)).toEqual([0x68, 0xc3, 0xa9]);
    expect(Array.from(call('ENCODE', 'hé', 'ISO-8859-1') as Uint8Array)).toEqual([0x68, 0xe9]);
    expect(Array.from(call('ENCODE', 'hé', 'US-ASCII') as Uint8Array)).toEqual([0x68, 0x3f]);
    expect(Array.from(call('ENCODE', 'h', 'UTF-16') as Uint8Array)).toEqual([0xfe, 0xff, 0, 0x68]);
    expect(Array.from(call('ENCODE', 'h', 'UTF-16LE') as Uint8Array)).toEqual([0x68, 0]);
    const bytes = new Uint8Array([0x68, 0xc3, 0xa9]);
    expect(callTyped('DECODE', [BYTES(false), STRING(false)], [bytes, 'UTF-8'])).toBe('hé');
    expect(callTyped('DECODE', [BYTES(false), STRING(false)], [new Uint8Array([0xe9]), 'ISO-8859-1'])).toBe('é');
    expect(callTyped('DECODE', [BYTES(false), STRING(false)], [new Uint8Array([0, 0x68]), 'UTF-16'])).toBe('h');
    expect(() => call('ENCODE', 'h', 'EBCDIC')).toThrow(/Unsupported/);
  });

  it('URL_ENCODE / URL_DECODE as java.net.URLEncoder / URLDecoder', () => {
    expect(call('URL_ENCODE', 'http://test?a=b&c=d')).toBe('http%3A%2F%2Ftest%3Fa%3Db%26c%3Dd');
    expect(call('URL_ENCODE', 'a b*~')).toBe('a+b*%7E');
    expect(call('URL_ENCODE', '你好')).toBe('%E4%BD%A0%E5%A5%BD');
    expect(call('URL_DECODE', 'http%3A%2F%2F%E4%BD%A0%E5%A5%BD')).toBe('http://你好');
    expect(call('URL_DECODE', 'a+b')).toBe('a b');
    expect(call('URL_DECODE', 'https%%3A%2F%2Fcalcite.apache.org')).toBeNull();
    expect(call('URL_DECODE', '%2')).toBeNull();
  });

  it('PARSE_URL', () => {
    const url = 'http://facebook.com/path1/p.php?k1=v1&k2=v2#Ref1';
    expect(call('PARSE_URL', url, 'HOST')).toBe('facebook.com');
    expect(call('PARSE_URL', url, 'PATH')).toBe('/path1/p.php');
    expect(call('PARSE_URL', url, 'QUERY')).toBe('k1=v1&k2=v2');
    expect(call('PARSE_URL', url, 'REF')).toBe('Ref1');
    expect(call('PARSE_URL', url, 'PROTOCOL')).toBe('http');
    expect(call('PARSE_URL', url, 'FILE')).toBe('/path1/p.php?k1=v1&k2=v2');
    expect(call('PARSE_URL', url, 'AUTHORITY')).toBe('facebook.com');
    expect(call('PARSE_URL', url, 'USERINFO')).toBeNull();
    expect(call('PARSE_URL', url, 'QUERY', 'k1')).toBe('v1');
    expect(call('PARSE_URL', url, 'QUERY', 'k3')).toBeNull();
    expect(call('PARSE_URL', url, 'HOST', 'k1')).toBeNull();
    expect(call('PARSE_URL', 'http://user:pw@host:8080/p', 'USERINFO')).toBe('user:pw');
    expect(call('PARSE_URL', 'http://user:pw@host:8080/p', 'AUTHORITY')).toBe('user:pw@host:8080');
    expect(call('PARSE_URL', 'http://user:pw@host:8080/p', 'HOST')).toBe('host');
    expect(call('PARSE_URL', 'not a url', 'HOST')).toBeNull();
    expect(call('PARSE_URL', 'foo://x/y', 'HOST')).toBeNull();
  });

  it('STR_TO_MAP', () => {
    expect(call('STR_TO_MAP', 'k1=v1,k2=v2')).toEqual(new Map([['k1', 'v1'], ['k2', 'v2']]));
    expect(call('STR_TO_MAP', 'k1:v1;k2', ';', ':')).toEqual(new Map([['k1', 'v1'], ['k2', null]]));
    expect(call('STR_TO_MAP', 'a=1=2')).toEqual(new Map([['a', '1=2']]));
    expect(call('STR_TO_MAP', '')).toEqual(new Map());
    expect(call('STR_TO_MAP', 'a=1|b=2', '\\|', '=')).toEqual(new Map([['a', '1'], ['b', '2']]));
  });
});
