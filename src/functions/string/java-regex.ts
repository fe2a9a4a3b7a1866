/**
 * Java regular expressions (java.util.regex.Pattern) compiled to JS RegExp. The common syntax
 * is the same; this rewrites what differs: \Q…\E quoting, embedded flags at the start ((?i) …),
 * \A \z \Z anchors, POSIX classes (\p{Alpha} …), possessive quantifiers (treated as greedy) and
 * atomic groups (treated as plain groups).
 */

const POSIX: Record<string, string> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: ' \\t\\n\\x0B\\f\\r',
  javaLowerCase: 'a-z',
  javaUpperCase: 'A-Z',
  javaWhitespace: ' \\t\\n\\x0B\\f\\r',
};

const cache = new Map<string, RegExp>();

function escapeLiteral(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|\-/]/g, '\\$&');
}

/** Translates a Java regex to JS source and flags. Throws SyntaxError when invalid. */
export function translateJavaRegex(pattern: string): { source: string; flags: string } {
  let flags = '';
  let i = 0;
  // Leading embedded flags, e.g. (?i) or (?is).
  const lead = /^\(\?([imsux]+)\)/.exec(pattern);
  if (lead) {
    for (const f of lead[1]!) if ((f === 'i' || f === 'm' || f === 's') && !flags.includes(f)) flags += f;
    i = lead[0].length;
  }
  let out = '';
  let inClass = 0;
  let unicode = false;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '\\') {
      const n = pattern[i + 1];
      if (n === undefined) throw new SyntaxError('Unexpected internal error near index ' + i);
      if (n === 'Q') {
        const end = pattern.indexOf('\\E', i + 2);
        const lit = end < 0 ? pattern.slice(i + 2) : pattern.slice(i + 2, end);
        out += escapeLiteral(lit);
        i = end < 0 ? pattern.length : end + 2;
        continue;
      }
      if (n === 'E') {
        i += 2;
        continue;
      }
      if ((n === 'p' || n === 'P') && pattern[i + 2] === '{') {
        const end = pattern.indexOf('}', i + 3);
        if (end < 0) throw new SyntaxError('Unclosed character family');
        let name = pattern.slice(i + 3, end);
        if (name.startsWith('Is')) name = name.slice(2);
        const posix = POSIX[name];
        if (posix !== undefined) {
          if (inClass > 0) {
            if (n === 'P') throw new SyntaxError('Negated POSIX class inside a character class is not supported');
            out += posix;
          } else out += n === 'p' ? `[${posix}]` : `[^${posix}]`;
        } else {
          unicode = true;
          out += `\\${n}{${name}}`;
        }
        i = end + 1;
        continue;
      }
      if (inClass === 0 && n === 'A') {
        out += '(?<![\\s\\S])';
        i += 2;
        continue;
      }
      if (inClass === 0 && n === 'z') {
        out += '(?![\\s\\S])';
        i += 2;
        continue;
      }
      if (inClass === 0 && n === 'Z') {
        out += '(?=\\n?(?![\\s\\S]))';
        i += 2;
        continue;
      }
      if (n === 'h') {
        out += inClass > 0 ? ' \\t\\xA0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000' : '[ \\t\\xA0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000]';
        i += 2;
        continue;
      }
      out += c + n;
      i += 2;
      continue;
    }
    if (inClass > 0) {
      if (c === '[') {
        // Java allows nested classes (union); flatten the simple case.
        inClass++;
        i++;
        continue;
      }
      if (c === ']') {
        inClass--;
        if (inClass === 0) out += ']';
        i++;
        continue;
      }
      out += c;
      i++;
      continue;
    }
    if (c === '[') {
      inClass = 1;
      out += '[';
      i++;
      if (pattern[i] === '^') {
        out += '^';
        i++;
      }
      // A leading ']' is a literal in Java.
      if (pattern[i] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    if (c === '(' && pattern.startsWith('(?>', i)) {
      out += '(?:';
      i += 3;
      continue;
    }
    if ((c === '+' || c === '*' || c === '?' || c === '}') && pattern[i + 1] === '+') {
      // Possessive quantifier: approximate as greedy.
      out += c;
      i += 2;
      continue;
    }
    out += c;
    i++;
  }
  if (inClass > 0) throw new SyntaxError('Unclosed character class');
  if (unicode) flags += 'u';
  return { source: out, flags };
}

/** A cached global JS RegExp for a Java regex (callers reset lastIndex). Throws when invalid. */
export function javaRegex(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (re === undefined) {
    const { source, flags } = translateJavaRegex(pattern);
    re = new RegExp(source, flags + 'g');
    if (cache.size > 1000) cache.clear();
    cache.set(pattern, re);
  }
  re.lastIndex = 0;
  return re;
}

/** Java's String.split(regex): trailing empty strings are removed; a zero-width match at 0 gives no leading empty. */
export function javaSplit(s: string, regex: string, limit = 0): string[] {
  const re = javaRegex(regex);
  const parts: string[] = [];
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    if (limit > 0 && parts.length === limit - 1) break;
    const start = m.index;
    const end = start + m[0].length;
    if (m[0].length === 0) {
      re.lastIndex++;
      if (start === 0 || start >= s.length) continue;
    }
    if (start === 0 && end === 0) continue;
    parts.push(s.slice(last, start));
    last = end;
  }
  if (last === 0 && parts.length === 0) return [s];
  parts.push(s.slice(last));
  if (limit === 0) while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}
