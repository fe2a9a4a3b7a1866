/**
 * JSON paths as Flink evaluates them (Calcite's SQL/JSON mode prefix over Jayway JsonPath):
 * `[lax|strict] $`, `.key`, `['key']` / `["key"]` (several keys), `[n]` (negative from the end),
 * `[n, m]`, `[a:b]`, `.*` / `[*]`, and `..key` deep scan. Filters (`?(…)`) are not supported.
 *
 * A definite path (no wildcard, scan, slice or list) yields one value or fails with
 * "No results"; an indefinite one yields the array of its matches. In lax mode errors are
 * suppressed: a definite path then yields undefined, an indefinite one an empty array.
 */
import type { JsonNode } from './json-value.js';

export type PathToken =
  | { readonly kind: 'props'; readonly names: readonly string[] }
  | { readonly kind: 'indexes'; readonly indexes: readonly number[] }
  | { readonly kind: 'slice'; readonly from: number | null; readonly to: number | null }
  | { readonly kind: 'wildcard' }
  | { readonly kind: 'scan' };

export interface CompiledPath {
  readonly tokens: readonly PathToken[];
  readonly definite: boolean;
}

/** Jayway's InvalidPathException. */
export class InvalidPathError extends Error {
  override readonly name = 'InvalidPathError';
}
/** Jayway's PathNotFoundException. */
export class PathNotFoundError extends Error {
  override readonly name = 'PathNotFoundError';
}

const cache = new Map<string, CompiledPath>();

/** Compiles a Jayway path (without the lax/strict prefix). Throws InvalidPathError. */
export function compilePath(source: string): CompiledPath {
  const hit = cache.get(source);
  if (hit) return hit;
  let p = source.trim();
  if (p === '') throw new InvalidPathError('Path may not be null empty');
  if (!p.startsWith('$') && !p.startsWith('@')) p = '$.' + p;
  const tokens: PathToken[] = [];
  let i = 1;
  const bad = (msg: string): never => {
    throw new InvalidPathError(msg);
  };
  while (i < p.length) {
    const c = p[i]!;
    if (c === '.') {
      if (p[i + 1] === '.') {
        tokens.push({ kind: 'scan' });
        i += 2;
        if (i >= p.length) bad("Path must not end with a '.' or '..'");
      } else {
        i++;
        if (i >= p.length) bad("Path must not end with a '.' or '..'");
      }
      if (p[i] === '.') bad(`Character '.' on position ${i} is not valid.`);
      if (p[i] === '[') continue;
      if (p[i] === '*') {
        tokens.push({ kind: 'wildcard' });
        i++;
        continue;
      }
      let j = i;
      while (j < p.length && p[j] !== '.' && p[j] !== '[' && p[j] !== ' ' && p[j] !== '(') j++;
      if (p[j] === '(') bad(`Function calls are not supported: ${p}`);
      if (j === i) bad(`Path is invalid: ${p}`);
      tokens.push({ kind: 'props', names: [p.slice(i, j)] });
      i = j;
      continue;
    }
    if (c === '[') {
      const close = findClose(p, i);
      if (close < 0) bad(`Could not parse token starting at position ${i}. Expected ?, ', 0-9, *`);
      const inner = p.slice(i + 1, close).trim();
      i = close + 1;
      if (inner === '*') {
        tokens.push({ kind: 'wildcard' });
      } else if (inner.startsWith("'") || inner.startsWith('"')) {
        tokens.push({ kind: 'props', names: parseQuotedList(inner, bad) });
      } else if (inner.includes(':')) {
        const [a, b] = inner.split(':').map((s) => s.trim());
        const num = (s: string | undefined): number | null => (s === undefined || s === '' ? null : toIndex(s, bad));
        tokens.push({ kind: 'slice', from: num(a), to: num(b) });
      } else if (/^-?\d+(\s*,\s*-?\d+)*$/.test(inner)) {
        tokens.push({ kind: 'indexes', indexes: inner.split(',').map((s) => toIndex(s.trim(), bad)) });
      } else {
        bad(`Could not parse token starting at position ${i}. Expected ?, ', 0-9, *`);
      }
      continue;
    }
    if (c === ' ') {
      i++;
      continue;
    }
    bad(`Could not parse token starting at position ${i}.`);
  }
  const definite = tokens.every(
    (t) =>
      (t.kind === 'props' && t.names.length === 1) || (t.kind === 'indexes' && t.indexes.length === 1),
  );
  const out = { tokens, definite };
  if (cache.size > 1000) cache.clear();
  cache.set(source, out);
  return out;
}

function findClose(p: string, open: number): number {
  let quote: string | null = null;
  for (let k = open + 1; k < p.length; k++) {
    const ch = p[k]!;
    if (quote) {
      if (ch === '\\') k++;
      else if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === ']') return k;
  }
  return -1;
}

function parseQuotedList(inner: string, bad: (m: string) => never): string[] {
  const names: string[] = [];
  let k = 0;
  while (k < inner.length) {
    const q = inner[k]!;
    if (q !== "'" && q !== '"') bad(`Property must be separated by comma or Property must be terminated close square bracket at index ${k}`);
    let name = '';
    k++;
    while (k < inner.length && inner[k] !== q) {
      if (inner[k] === '\\' && k + 1 < inner.length) k++;
      name += inner[k];
      k++;
    }
    if (k >= inner.length) bad('Property has not been closed - missing closing ' + q);
    names.push(name);
    k++;
    while (k < inner.length && inner[k] === ' ') k++;
    if (k < inner.length) {
      if (inner[k] !== ',') bad('Property must be separated by comma');
      k++;
      while (k < inner.length && inner[k] === ' ') k++;
    }
  }
  return names;
}

function toIndex(s: string, bad: (m: string) => never): number {
  if (!/^-?\d+$/.test(s)) bad(`Failed to parse index: ${s}`);
  return parseInt(s, 10);
}

/** Jayway's textual form of a path prefix, for messages: $['a'][0]. */
function render(tokens: readonly PathToken[], upTo: number): string {
  let s = '$';
  for (let k = 0; k < upTo; k++) {
    const t = tokens[k]!;
    if (t.kind === 'props') s += `[${t.names.map((n) => `'${n}'`).join(',')}]`;
    else if (t.kind === 'indexes') s += `[${t.indexes.join(',')}]`;
    else if (t.kind === 'slice') s += `[${t.from ?? ''}:${t.to ?? ''}]`;
    else if (t.kind === 'wildcard') s += '[*]';
    else s += '..';
  }
  return s;
}

const javaClass = (v: JsonNode): string =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'java.util.ArrayList'
      : v instanceof Map
        ? 'java.util.LinkedHashMap'
        : typeof v === 'string'
          ? 'java.lang.String'
          : typeof v === 'boolean'
            ? 'java.lang.Boolean'
            : 'java.lang.Number';

/**
 * Evaluates `path` on `root`. Definite paths return the value (undefined when suppressed and
 * absent); indefinite paths return the array of matches.
 */
export function evaluatePath(root: JsonNode, path: CompiledPath, suppress: boolean): JsonNode | undefined {
  const { tokens, definite } = path;
  const results: JsonNode[] = [];
  const walk = (node: JsonNode, k: number, upstreamDefinite: boolean): void => {
    if (k === tokens.length) {
      results.push(node);
      return;
    }
    const t = tokens[k]!;
    const leaf = k === tokens.length - 1;
    const strictHere = upstreamDefinite && !suppress;
    switch (t.kind) {
      case 'props': {
        if (!(node instanceof Map)) {
          if (strictHere) {
            throw new PathNotFoundError(
              `Expected to find an object with property ${render(tokens, k + 1).slice(render(tokens, k).length)} in path ${render(tokens, k)} but found '${javaClass(node)}'. This is not a json object according to the JsonProvider: 'com.jayway.jsonpath.spi.json.JacksonJsonProvider'.`,
            );
          }
          return;
        }
        for (const name of t.names) {
          if (!node.has(name)) {
            if (!leaf && strictHere && t.names.length === 1) {
              throw new PathNotFoundError(`Missing property in path ${render(tokens, k + 1)}`);
            }
            continue;
          }
          walk(node.get(name)!, k + 1, upstreamDefinite && t.names.length === 1);
        }
        return;
      }
      case 'indexes': {
        if (!Array.isArray(node)) {
          if (strictHere) {
            throw new PathNotFoundError(
              node === null
                ? `The path ${render(tokens, k)} is null`
                : `Filter: [${t.indexes.join(',')}] can only be applied to arrays. Current context is: ${javaClass(node)}`,
            );
          }
          return;
        }
        for (const idx of t.indexes) {
          const eff = idx < 0 ? node.length + idx : idx;
          if (eff >= 0 && eff < node.length) walk(node[eff]!, k + 1, upstreamDefinite && t.indexes.length === 1);
        }
        return;
      }
      case 'slice': {
        if (!Array.isArray(node)) return;
        const n = node.length;
        let from = t.from ?? 0;
        let to = t.to ?? n;
        if (from < 0) from = Math.max(0, n + from);
        if (to < 0) to = Math.max(0, n + to);
        for (let x = from; x < Math.min(to, n); x++) walk(node[x]!, k + 1, false);
        return;
      }
      case 'wildcard': {
        if (Array.isArray(node)) for (const x of node) walk(x, k + 1, false);
        else if (node instanceof Map) for (const x of node.values()) walk(x, k + 1, false);
        return;
      }
      case 'scan': {
        const scan = (n: JsonNode): void => {
          walk(n, k + 1, false);
          if (Array.isArray(n)) for (const x of n) scan(x);
          else if (n instanceof Map) for (const x of n.values()) scan(x);
        };
        scan(node);
        return;
      }
    }
  };
  walk(root, 0, true);
  if (!definite) return results;
  if (results.length === 0) {
    if (suppress) return undefined;
    throw new PathNotFoundError(`No results for path: ${render(tokens, tokens.length)}`);
  }
  return results[0]!;
}
