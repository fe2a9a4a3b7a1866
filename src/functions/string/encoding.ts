/** Encoding string functions: base64, charsets, URL encoding and parsing, STR_TO_MAP. */
import type { ScalarFunctionDef } from '../function-def.js';
import { BYTES, MAP, STRING } from '../../types/data-type.js';
import { RuntimeError } from '../../types/errors.js';
import { checkArity, requireBinary, requireString, scalar, strictResult } from './define.js';
import { javaSplit } from './java-regex.js';
import { fromUtf8, utf8 } from './text.js';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Java's basic Base64 decoder: no whitespace allowed, padding optional. */
export function decodeBase64(s: string): Uint8Array {
  if (!BASE64.test(s) || s.replace(/=+$/, '').length % 4 === 1) {
    throw new RuntimeError(`Illegal base64 input: '${s.length > 50 ? s.slice(0, 50) + '…' : s}'`);
  }
  return new Uint8Array(Buffer.from(s, 'base64'));
}

/** Encodes with a Java charset name; unmappable characters become '?'. */
export function encodeCharset(s: string, charset: string): Uint8Array {
  switch (charset.toUpperCase()) {
    case 'UTF-8':
    case 'UTF8':
      return utf8(s);
    case 'US-ASCII':
    case 'ASCII':
    case 'ISO-8859-1':
    case 'ISO8859-1':
    case 'LATIN1': {
      const max = charset.toUpperCase().includes('ASCII') ? 0x7f : 0xff;
      const out: number[] = [];
      for (const c of s) {
        const cp = c.codePointAt(0)!;
        out.push(cp <= max ? cp : 0x3f);
      }
      return new Uint8Array(out);
    }
    case 'UTF-16BE':
    case 'UTF-16LE':
    case 'UTF-16': {
      const le = charset.toUpperCase() === 'UTF-16LE';
      const bom = charset.toUpperCase() === 'UTF-16' ? 2 : 0;
      const out = new Uint8Array(bom + s.length * 2);
      if (bom) {
        out[0] = 0xfe;
        out[1] = 0xff;
      }
      for (let i = 0; i < s.length; i++) {
        const u = s.charCodeAt(i);
        out[bom + 2 * i + (le ? 1 : 0)] = u >> 8;
        out[bom + 2 * i + (le ? 0 : 1)] = u & 0xff;
      }
      return out;
    }
    default:
      throw new RuntimeError(`Unsupported character set: ${charset}`);
  }
}

/** Decodes with a Java charset name; malformed input becomes U+FFFD. */
export function decodeCharset(b: Uint8Array, charset: string): string {
  switch (charset.toUpperCase()) {
    case 'UTF-8':
    case 'UTF8':
      return fromUtf8(b);
    case 'US-ASCII':
    case 'ASCII':
      return Array.from(b, (x) => (x < 0x80 ? String.fromCharCode(x) : '\uFFFD')).join('');
    case 'ISO-8859-1':
    case 'ISO8859-1':
    case 'LATIN1':
      return Array.from(b, (x) => String.fromCharCode(x)).join('');
    case 'UTF-16BE':
      return new TextDecoder('utf-16be').decode(b);
    case 'UTF-16LE':
      return new TextDecoder('utf-16le').decode(b);
    case 'UTF-16': {
      // BOM decides; big-endian without one (as Java).
      if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
      if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
      return new TextDecoder('utf-16be').decode(b);
    }
    default:
      throw new RuntimeError(`Unsupported character set: ${charset}`);
  }
}

/** java.net.URLEncoder.encode(s, UTF-8). */
export function urlEncode(s: string): string {
  let out = '';
  for (const c of s) {
    if (/[A-Za-z0-9.\-*_]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else for (const b of utf8(c)) out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** java.net.URLDecoder.decode(s, UTF-8); null where Java throws (bad % escapes). */
export function urlDecode(s: string): string | null {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '+') {
      out += ' ';
      i++;
    } else if (c === '%') {
      const bytes: number[] = [];
      while (i < s.length && s[i] === '%') {
        const hex = s.slice(i + 1, i + 3);
        if (!/^[0-9a-fA-F]{2}$/.test(hex)) return null;
        bytes.push(parseInt(hex, 16));
        i += 3;
      }
      out += fromUtf8(new Uint8Array(bytes));
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

export interface ParsedUrl {
  protocol: string;
  authority: string | null;
  userInfo: string | null;
  host: string;
  path: string;
  query: string | null;
  ref: string | null;
}

const KNOWN_PROTOCOLS = new Set(['http', 'https', 'ftp', 'file', 'jar', 'mailto']);

/** Parses like java.net.URL; null where it throws MalformedURLException. */
export function parseUrl(url: string): ParsedUrl | null {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url.trim());
  if (!m) return null;
  const protocol = m[1]!.toLowerCase();
  if (!KNOWN_PROTOCOLS.has(protocol)) return null;
  let rest = url.trim().slice(m[0].length);
  let ref: string | null = null;
  const hash = rest.indexOf('#');
  if (hash >= 0) {
    ref = rest.slice(hash + 1);
    rest = rest.slice(0, hash);
  }
  let authority: string | null = null;
  let userInfo: string | null = null;
  let host = '';
  if (rest.startsWith('//')) {
    const end = rest.slice(2).search(/[/?]/);
    authority = end < 0 ? rest.slice(2) : rest.slice(2, 2 + end);
    rest = end < 0 ? '' : rest.slice(2 + end);
    const at = authority.lastIndexOf('@');
    const hostPort = at >= 0 ? authority.slice(at + 1) : authority;
    if (at >= 0) userInfo = authority.slice(0, at);
    if (hostPort.startsWith('[')) {
      const close = hostPort.indexOf(']');
      if (close < 0) return null;
      host = hostPort.slice(0, close + 1);
    } else {
      const colon = hostPort.indexOf(':');
      host = colon >= 0 ? hostPort.slice(0, colon) : hostPort;
      if (colon >= 0 && !/^\d*$/.test(hostPort.slice(colon + 1))) return null;
    }
  }
  let query: string | null = null;
  const q = rest.indexOf('?');
  if (q >= 0) {
    query = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  return { protocol, authority, userInfo, host, path: rest, query, ref };
}

export function parseUrlPart(url: string, part: string, key?: string): string | null {
  const u = parseUrl(url);
  if (u === null) return null;
  if (key !== undefined) {
    if (part !== 'QUERY' || u.query === null) return null;
    for (const kv of u.query.split('&')) {
      if (kv.startsWith(key + '=')) return kv.slice(key.length + 1);
    }
    return null;
  }
  switch (part) {
    case 'HOST':
      return u.host;
    case 'PATH':
      return u.path;
    case 'QUERY':
      return u.query;
    case 'REF':
      return u.ref;
    case 'PROTOCOL':
      return u.protocol;
    case 'FILE':
      return u.query === null ? u.path : `${u.path}?${u.query}`;
    case 'AUTHORITY':
      return u.authority;
    case 'USERINFO':
      return u.userInfo;
    default:
      return null;
  }
}

/** STR_TO_MAP: both delimiters are Java regexes; a pair without a key-value delimiter maps to NULL. */
export function strToMap(text: string, listDelim = ',', kvDelim = '='): Map<string, string | null> {
  const map = new Map<string, string | null>();
  if (text === '') return map;
  for (const pair of javaSplit(text, listDelim)) {
    const kv = javaSplit(pair, kvDelim, 2);
    if (kv.length < 2) map.set(pair, null);
    else map.set(kv[0]!, kv[1]!);
  }
  return map;
}

const FROM_BASE64 = scalar({
  names: ['FROM_BASE64'],
  category: 'string',
  doc: 'FROM_BASE64(string): the base64-decoded string.',
  inferType: (site) => (checkArity(site, 1), requireString(site, 0), strictResult(site, STRING(false))),
  build: () => (s) => fromUtf8(decodeBase64(s as string)),
});

const TO_BASE64 = scalar({
  names: ['TO_BASE64'],
  category: 'string',
  doc: 'TO_BASE64(string): the base64 encoding of the UTF-8 bytes of string.',
  inferType: (site) => (checkArity(site, 1), requireString(site, 0), strictResult(site, STRING(false))),
  build: () => (s) => Buffer.from(utf8(s as string)).toString('base64'),
});

const DECODE = scalar({
  names: ['DECODE'],
  category: 'string',
  doc: "DECODE(binary, charset): binary decoded with charset ('US-ASCII', 'ISO-8859-1', 'UTF-8', 'UTF-16BE', 'UTF-16LE', 'UTF-16').",
  inferType: (site) => (checkArity(site, 2), requireBinary(site, 0), requireString(site, 1), strictResult(site, STRING(false))),
  build: () => (b, cs) => decodeCharset(b as Uint8Array, cs as string),
});

const ENCODE = scalar({
  names: ['ENCODE'],
  category: 'string',
  doc: 'ENCODE(string, charset): string encoded to BYTES with charset.',
  inferType: (site) => (checkArity(site, 2), requireString(site, 0), requireString(site, 1), strictResult(site, BYTES(false))),
  build: () => (s, cs) => encodeCharset(s as string, cs as string),
});

const URL_ENCODE = scalar({
  names: ['URL_ENCODE'],
  category: 'string',
  doc: 'URL_ENCODE(string): string in application/x-www-form-urlencoded form (UTF-8).',
  inferType: (site) => (checkArity(site, 1), requireString(site, 0), STRING(true)),
  build: () => (s) => urlEncode(s as string),
});

const URL_DECODE = scalar({
  names: ['URL_DECODE'],
  category: 'string',
  doc: 'URL_DECODE(string): decodes application/x-www-form-urlencoded text (UTF-8); NULL if malformed.',
  inferType: (site) => (checkArity(site, 1), requireString(site, 0), STRING(true)),
  build: () => (s) => urlDecode(s as string),
});

const PARSE_URL = scalar({
  names: ['PARSE_URL'],
  category: 'string',
  doc: "PARSE_URL(url, part[, key]): a part of url ('HOST', 'PATH', 'QUERY', 'REF', 'PROTOCOL', 'AUTHORITY', 'FILE', 'USERINFO'), or the value of query parameter key.",
  inferType: (site) => {
    checkArity(site, 2, 3);
    for (let i = 0; i < site.argTypes.length; i++) requireString(site, i);
    return STRING(true);
  },
  build: (site) =>
    site.argTypes.length === 2
      ? (u, p) => parseUrlPart(u as string, p as string)
      : (u, p, k) => parseUrlPart(u as string, p as string, k as string),
});

const STR_TO_MAP = scalar({
  names: ['STR_TO_MAP'],
  category: 'string',
  doc: "STR_TO_MAP(string[, pairDelimiter, keyValueDelimiter]): a map from 'k1=v1,k2=v2' text; delimiters are regexes.",
  inferType: (site) => {
    if (site.argTypes.length !== 1) checkArity(site, 3);
    for (let i = 0; i < site.argTypes.length; i++) requireString(site, i);
    return strictResult(site, MAP(STRING(false), STRING(true), false));
  },
  build: (site) =>
    site.argTypes.length === 1
      ? (s) => strToMap(s as string)
      : (s, l, kv) => strToMap(s as string, l as string, kv as string),
});

export const ENCODING_FUNCTIONS: readonly ScalarFunctionDef[] = [
  FROM_BASE64,
  TO_BASE64,
  DECODE,
  ENCODE,
  URL_ENCODE,
  URL_DECODE,
  PARSE_URL,
  STR_TO_MAP,
];
