import type { Rex } from '../rex.js';

/** Replaces each InputRef(i) in `rex` by `inputs[i]` (inlining an inner projection). */
export function substituteRefs(rex: Rex, inputs: readonly Rex[]): Rex {
  const s = (r: Rex) => substituteRefs(r, inputs);
  switch (rex.kind) {
    case 'InputRef':
      return inputs[rex.index]!;
    case 'Literal':
      return rex;
    case 'Call':
    case 'Logical':
    case 'Construct':
      return { ...rex, args: rex.args.map(s) };
    case 'Not':
    case 'IsNull':
    case 'IsBool':
    case 'Cast':
      return { ...rex, arg: s(rex.arg) };
    case 'Case':
      return { ...rex, whens: rex.whens.map((w) => ({ when: s(w.when), then: s(w.then) })), else: s(rex.else) };
    case 'InList':
      return { ...rex, arg: s(rex.arg), list: rex.list.map(s) };
    case 'FieldAccess':
      return { ...rex, base: s(rex.base), access: rex.access.kind === 'item' ? { kind: 'item', key: s(rex.access.key) } : rex.access };
  }
}

/** True if inlining `rex` more than once would change results (non-deterministic calls). */
export function isNonDeterministic(rex: Rex): boolean {
  switch (rex.kind) {
    case 'InputRef':
    case 'Literal':
      return false;
    case 'Call':
      return rex.fn.deterministic === false || rex.args.some(isNonDeterministic);
    case 'Logical':
    case 'Construct':
      return rex.args.some(isNonDeterministic);
    case 'Not':
    case 'IsNull':
    case 'IsBool':
    case 'Cast':
      return isNonDeterministic(rex.arg);
    case 'Case':
      return rex.whens.some((w) => isNonDeterministic(w.when) || isNonDeterministic(w.then)) || isNonDeterministic(rex.else);
    case 'InList':
      return isNonDeterministic(rex.arg) || rex.list.some(isNonDeterministic);
    case 'FieldAccess':
      return isNonDeterministic(rex.base) || (rex.access.kind === 'item' && isNonDeterministic(rex.access.key));
  }
}

